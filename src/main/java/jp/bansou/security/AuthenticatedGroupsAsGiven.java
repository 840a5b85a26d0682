package jp.bansou.security;

import java.util.ArrayList;
import java.util.List;
import jp.bansou.system.EngineSessions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Checks a user's grants against all the groups he is authenticated with, instead of first asking the database
 * which groups hold any grant at all. The engine asks that once in every command that checks authorization, as
 * {@code SELECT DISTINCT GROUP_ID_} over the whole grants' table: a table with a row per open task and candidate
 * group, so every checked request read all of it (80 ms at 200,000 open tasks, more than the task list's own
 * query; docs/performance.md "Task list at scale", ADR 0112). The engine's filter only shortens the group list of
 * users who are in many groups without grants (a company directory's); Bansō's staff are in one or two staff
 * groups. A group without grants adds a condition that matches no grant, so every check decides as before.
 *
 * <p>The engine's managers are made per command by session factories; the configuration's custom factories
 * replace the engine's own by session type, the documented way plugins exchange one.
 */
@Component
class AuthenticatedGroupsAsGiven implements ProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineSessions.add(configuration, AuthorizationManager.class, GroupsAsGiven::new);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {}

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {}

  static final class GroupsAsGiven extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      // A modifiable ArrayList, as the engine returns: MyBatis reads the list's size by reflection.
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
