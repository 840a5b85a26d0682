package jp.bansou.security;

import static jp.bansou.security.StaffGroup.ADMINS;
import static jp.bansou.security.StaffGroup.ADVISORS;
import static jp.bansou.security.StaffGroup.ASSISTANTS;
import static jp.bansou.security.StaffGroup.AUDITORS;
import static jp.bansou.security.StaffGroup.MANAGERS;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auditors look and never touch, anywhere. The engine's authorizations cannot say all of it: a task comment
 * or attachment needs no permission at all, and a job of no process (the history cleanup) may be suspended,
 * executed, re-dated and retried by any logged-in user. So every engine call of an auditor that is not a
 * read is refused here, at both doors to the engine's REST API ({@code /engine-rest} and the web apps'
 * {@code /camunda/api/engine}). Camunda's REST API also reads with POST (queries with a body, counts), and
 * those few shapes are let through by name.
 */
@Configuration(proxyBeanMethods = false)
class AuditorsReadOnly {

  /** POSTs that only read: a query with its filter in the body, a count, a filter's list. */
  private static final Pattern READING_POST = Pattern.compile(
      "/(task|process-instance|execution|job|job-definition|variable-instance|external-task|incident"
          + "|history/(process-instance|activity-instance|task|variable-instance|detail|incident|job-log"
          + "|decision-instance|external-task-log|identity-link-log|user-operation))"
          + "|.*/count|/filter/[^/]+/(list|count|singleResult)");
  private static final Pattern WEBAPP_ENGINE_PATH = Pattern.compile("/camunda/api/engine/engine/[^/]+(/.*)?");
  private static final Set<String> READING_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Bean
  FilterRegistrationBean<ReadOnlyFilter> auditorsReadOnlyFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new ReadOnlyFilter(engine));
    registration.setName("bansou-auditors-read-only");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    // after the REST authentication filter, which tells the engine who calls
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  static final class ReadOnlyFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    ReadOnlyFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (READING_METHODS.contains(request.getMethod()) || !onlyAuditor(groupsOf(request))
          || (request.getMethod().equals("POST") && READING_POST.matcher(enginePath(request)).matches())) {
        chain.doFilter(request, response);
        return;
      }
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":"
          + "\"評価委員会・監査の方は閲覧だけができます。変更・コメント・添付・ジョブの操作はできません\"}");
    }

    private List<String> groupsOf(HttpServletRequest request) {
      StaffMember staff = ApiAuthentication.fromWebappSession(request, engine);
      if (staff != null) {
        return staff.groupIds();
      }
      IdentityService identities = engine.getIdentityService();
      Authentication current = identities.getCurrentAuthentication();
      return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
    }

    private static boolean onlyAuditor(List<String> groups) {
      StaffMember member = new StaffMember("", groups);
      return member.isIn(AUDITORS) && !member.isIn(ADVISORS, ASSISTANTS, MANAGERS, ADMINS);
    }

    /** The resource path below the engine's root, as both doors name it. */
    private static String enginePath(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/engine-rest")) {
        path = path.substring("/engine-rest".length());
        return path.startsWith("/engine/") ? path.replaceFirst("^/engine/[^/]+", "") : path;
      }
      var webapp = WEBAPP_ENGINE_PATH.matcher(path);
      return webapp.matches() && webapp.group(1) != null ? webapp.group(1) : path;
    }
  }
}
