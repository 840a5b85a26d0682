package jp.bansou.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bansō's own REST endpoints ({@code /api/*}) know their caller as a staff member: from the Camunda web
 * apps' login session (a page opened next to Tasklist needs no second login) or else from HTTP Basic
 * against the engine's users, as {@code /engine-rest} does. Anyone else gets 401. What a caller may see is
 * each endpoint's decision, from {@link StaffMember#groupIds()}.
 *
 * <p>A session cookie goes along with any request the browser makes, also one that another site's page
 * makes; so a state-changing call on the session must carry the session's CSRF token in {@code X-XSRF-TOKEN},
 * the same token and header as Camunda's apps use (their {@code XSRF-TOKEN} cookie, which Bansō's pages
 * read). HTTP Basic callers send their credentials themselves and need no token.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthentication {

  @Bean
  FilterRegistrationBean<StaffFilter> apiAuthenticationFilter(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new StaffFilter(engine));
    registration.setName("bansou-api-authentication");
    registration.addUrlPatterns("/api/*");
    return registration;
  }

  static final class StaffFilter extends OncePerRequestFilter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcessEngine engine;

    StaffFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      StaffMember staff = fromWebappSession(request, engine);
      if (staff != null && !csrfSafe(request, response)) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"画面の有効期限が切れたか、別のサイトからの操作です。"
            + "画面を読み込み直してから、もう一度操作してください\"}");
        return;
      }
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

    /**
     * Reading needs no token but hands it out (header and cookie) so that a page of Bansō's can send it; writing
     * needs the session's token in the header.
     */
    private static boolean csrfSafe(HttpServletRequest request, HttpServletResponse response) {
      HttpSession session = request.getSession();
      String token;
      synchronized (mutex(session)) {
        token = (String) session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        if (token == null) {
          token = newToken();
          session.setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, token);
          Cookie cookie = new Cookie(CsrfConstants.CSRF_TOKEN_DEFAULT_COOKIE_NAME, token);
          cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
          response.addCookie(cookie);
        }
      }
      String method = request.getMethod();
      if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
        response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token);
        return true;
      }
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }

    private static Object mutex(HttpSession session) {
      Object mutex = session.getAttribute(CsrfConstants.CSRF_SESSION_MUTEX);
      return mutex == null ? session : mutex;
    }

    /** As Camunda's CSRF filter makes its tokens: 16 random bytes as upper-case hex. */
    private static String newToken() {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      return HexFormat.of().withUpperCase().formatHex(bytes);
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

  /** The staff member logged in to Camunda's web apps in this request's session, or {@code null}. */
  static StaffMember fromWebappSession(HttpServletRequest request, ProcessEngine engine) {
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
}
