package jp.bansou.kpi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.bansou.security.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Only managers, auditors and administrators read the KPI report. Staff already logged in to Cockpit are
 * recognised by the web apps' session, so the report opens next to Cockpit without a second login; scripts
 * and browsers without that session authenticate with HTTP Basic against the engine's users, as for
 * /engine-rest. The report reads history tables directly, so this check is the report's whole protection.
 */
@Configuration
class KpiAccess {

  static final Set<String> READERS = Set.of(StaffGroup.MANAGERS.id(), StaffGroup.AUDITORS.id(), StaffGroup.ADMINS.id());

  @Bean
  FilterRegistrationBean<ReadersOnly> kpiAccessFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new ReadersOnly(engine));
    registration.setName("bansou-kpi-access");
    registration.addUrlPatterns("/api/kpi/*");
    return registration;
  }

  static final class ReadersOnly extends OncePerRequestFilter {

    private final ProcessEngine engine;

    ReadersOnly(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Optional<List<String>> groups = sessionGroups(request).or(() -> basicGroups(request));
      if (groups.isEmpty()) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Banso KPI\", charset=\"UTF-8\"");
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "ログインしてください（KPIレポートは職員の認証が必要です）");
        return;
      }
      if (groups.get().stream().noneMatch(READERS::contains)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN,
            "KPIレポートは法定経営指導員・事務局、評価委員会・監査、システム管理者だけが閲覧できます");
        return;
      }
      chain.doFilter(request, response);
    }

    private Optional<List<String>> sessionGroups(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (session == null) {
        return Optional.empty();
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      return authentication instanceof UserAuthentication user ? Optional.of(user.getGroupIds()) : Optional.empty();
    }

    private Optional<List<String>> basicGroups(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      String credentials;
      try {
        credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = credentials.indexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      String userId = credentials.substring(0, colon);
      IdentityService identities = engine.getIdentityService();
      if (!identities.checkPassword(userId, credentials.substring(colon + 1))) {
        return Optional.empty();
      }
      return Optional.of(identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("{\"message\":\"" + message + "\"}");
    }
  }
}
