package jp.bansou.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import jp.bansou.security.RoleAuthorizations;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts {@link RoleFilters} into the engine at every start: creates the missing ones, resets changed ones, removes
 * the ones Bansō no longer defines, and grants each to exactly its roles. A filter or grant already right is not
 * written again. Filters that staff made themselves carry no key and are left alone.
 */
@Component
class TasklistFilterSetup {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilterSetup.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final VisitTasks visits;

  TasklistFilterSetup(FilterService filters, TaskService tasks, AuthorizationService authorizations,
      VisitTasks visits) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.visits = visits;
  }

  @Order(1)
  @EventListener(ApplicationStartedEvent.class)
  void setUpFilters() {
    Map<String, Filter> existing = new HashMap<>();
    for (Filter filter : filters.createTaskFilterQuery().list()) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(RoleFilter.KEY_PROPERTY);
      if (key == null) {
        continue;
      }
      if (existing.putIfAbsent(key.toString(), filter) != null) {
        filters.deleteFilter(filter.getId());
      }
    }
    List<RoleFilter> definitions = RoleFilters.all(visits);
    // every filter's grants in one query: a restart rewrites no grant that is already right
    Map<String, List<Authorization>> grantsByFilter = authorizations.createAuthorizationQuery().resourceType(FILTER)
        .list().stream().collect(Collectors.groupingBy(Authorization::getResourceId));
    for (RoleFilter definition : definitions) {
      Filter wanted = asStored(definition);
      Filter filter = existing.remove(definition.key());
      if (filter == null) {
        filter = filters.saveFilter(wanted);
      } else if (!holdsTheSame(filter, wanted)) {
        filter.setName(wanted.getName()).setProperties(wanted.getProperties()).setQuery(wanted.getQuery());
        filters.saveFilter(filter);
      }
      grantExactly(filter.getId(), definition.readers(), grantsByFilter.getOrDefault(filter.getId(), List.of()));
    }
    for (Filter retired : existing.values()) {
      filters.deleteFilter(retired.getId());
    }
    LOG.info("Tasklist filters ready: {}", definitions.stream().map(RoleFilter::name).toList());
  }

  /**
   * The filter as the engine holds it once stored: its properties written to JSON and read back (a stored filter's
   * properties come back from JSON in an order of their own, so they are compared as maps read the same way).
   */
  private Filter asStored(RoleFilter definition) {
    FilterEntity filter = (FilterEntity) filters.newTaskFilter().setName(definition.name())
        .setProperties(definition.properties()).setQuery(definition.query(tasks));
    filter.setPropertiesInternal(filter.getPropertiesInternal());
    return filter;
  }

  /**
   * Whether a stored filter already holds the name, the properties and the query Bansō defines (the query compared
   * as the engine writes it, its JSON), so that a restart writes no filter that nobody changed while one changed in
   * Tasklist, even only in its criteria, is still put back.
   */
  private static boolean holdsTheSame(Filter stored, Filter wanted) {
    FilterEntity storedEntity = (FilterEntity) stored;
    FilterEntity wantedEntity = (FilterEntity) wanted;
    return Objects.equals(stored.getName(), wanted.getName())
        && Objects.equals(stored.getProperties(), wanted.getProperties())
        && Objects.equals(storedEntity.getQueryInternal(), wantedEntity.getQueryInternal());
  }

  private void grantExactly(String filterId, Set<StaffGroup> readers, List<Authorization> current) {
    Map<String, StaffGroup> wanted = readers.stream().collect(Collectors.toMap(StaffGroup::id, group -> group));
    for (Authorization authorization : current) {
      StaffGroup reader = authorization.getAuthorizationType() == AUTH_TYPE_GRANT
          ? wanted.remove(authorization.getGroupId()) : null;
      if (reader == null) {
        authorizations.deleteAuthorization(authorization.getId());
      } else if (!RoleAuthorizations.grantsExactly(authorization, readOnly(reader, filterId))) {
        authorization.setPermissions(new Permission[]{READ});
        authorizations.saveAuthorization(authorization);
      }
    }
    for (StaffGroup group : wanted.values()) {
      Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group.id());
      authorization.setResource(FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(READ);
      authorizations.saveAuthorization(authorization);
    }
  }

  private static RoleAuthorizations.Grant readOnly(StaffGroup group, String filterId) {
    return new RoleAuthorizations.Grant(group, FILTER, filterId, READ);
  }
}
