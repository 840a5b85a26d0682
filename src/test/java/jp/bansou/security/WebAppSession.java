package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A browser's login to Camunda's web apps: the session cookie and the CSRF token its pages send. */
record WebAppSession(String sessionCookie, String xsrfToken) {

  static WebAppSession logIn(TestRestTemplate http, String user, String app) {
    var login = postLogin(http, user, app);
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the login starts a new session, whose token the next page load hands out
    String session = null;
    for (String cookie : login.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      if (pair.startsWith("JSESSIONID=")) {
        session = pair;
      }
    }
    HttpHeaders loggedIn = new HttpHeaders();
    loggedIn.add(HttpHeaders.COOKIE, session);
    var next = http.exchange("/camunda/api/engine/engine/", HttpMethod.GET, new HttpEntity<>(loggedIn), String.class);
    return new WebAppSession(session, next.getHeaders().getFirst("X-XSRF-TOKEN"));
  }

  /** Logs in the way the web apps' login page does: the CSRF cookie first, then the form post. */
  static ResponseEntity<String> postLogin(TestRestTemplate http, String user, String app) {
    var page = http.getForEntity("/camunda/app/" + app + "/", String.class);
    String xsrf = null;
    String session = null;
    for (String cookie : page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = cookie.split(";", 2)[0];
      if (pair.startsWith("XSRF-TOKEN=")) {
        xsrf = pair.substring("XSRF-TOKEN=".length());
      } else if (pair.startsWith("JSESSIONID=")) {
        session = pair;
      }
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.add("X-XSRF-TOKEN", xsrf);
    headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + xsrf);
    var form = new LinkedMultiValueMap<String, String>();
    form.add("username", user);
    form.add("password", "demo");
    return http.postForEntity("/camunda/api/admin/auth/user/default/login/" + app,
        new HttpEntity<>(form, headers), String.class);
  }

  /** A JSON request as the web apps send it: cookie and token. */
  <T> HttpEntity<T> entity(T body) {
    return new HttpEntity<>(body, headers(true));
  }

  /** The same request as another site's page makes it: the browser adds the cookie, but nobody the token. */
  <T> HttpEntity<T> withoutToken(T body) {
    return new HttpEntity<>(body, headers(false));
  }

  HttpHeaders headers(boolean withToken) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.add(HttpHeaders.COOKIE, sessionCookie + "; XSRF-TOKEN=" + xsrfToken);
    if (withToken) {
      headers.add("X-XSRF-TOKEN", xsrfToken);
    }
    return headers;
  }
}
