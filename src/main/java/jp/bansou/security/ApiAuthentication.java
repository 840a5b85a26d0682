package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
 * Bansō's own REST endpoints ({@code /api/*}) know their caller as a staff member: from the Camunda web
 * apps' login session (a page opened next to Tasklist needs no second login) or else from HTTP Basic
 * against the engine's users, as {@code /engine-rest} does. Anyone else gets 401. What a caller may see is
 * each endpoint's decision, from {@link StaffMember#groupIds()}.
 */
@Configuration
class ApiAuthentication {

  @Bean
  FilterRegistrationBean<StaffFilter> apiAuthenticationFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new StaffFilter(engine));
    registration.setName("bansou-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  static final class StaffFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    StaffFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      StaffMember staff = fromWebappSession(request);
      if (staff == null) {
        staff = fromBasicCredentials(request.getHeader("Authorization"));
      }
      if (staff == null) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Bansou\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"ログインしてください\"}");
        return;
      }
      request.setAttribute(StaffMember.ATTRIBUTE, staff);
      chain.doFilter(request, response);
    }

    private StaffMember fromWebappSession(HttpServletRequest request) {
      HttpSession session = request.getSession(false);
      if (session == null) {
        return null;
      }
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (authentication instanceof UserAuthentication user && user.getIdentityId() != null) {
        return new StaffMember(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
      }
      return null;
    }

    private StaffMember fromBasicCredentials(String header) {
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      String credentials;
      try {
        credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
      int colon = credentials.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String userId = credentials.substring(0, colon);
      IdentityService identities = engine.getIdentityService();
      if (!identities.checkPassword(userId, credentials.substring(colon + 1))) {
        return null;
      }
      return new StaffMember(userId,
          identities.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList());
    }
  }
}
