package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bansō's own pages and API are protected as Camunda's apps are: a state-changing {@code /api} call on the
 * web apps' session needs the session's CSRF token (the cookie alone, which any site's page gets sent, is not
 * enough), HTTP Basic callers need none, and every page and answer forbids framing, sniffing and foreign script.
 */
@EngineTest
class PageProtectionTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  BusinessRegistry registry;

  @Test
  void anImportOnTheSessionCookieAloneIsRefusedAndWithTheTokenAccepted() {
    WebAppSession manager = WebAppSession.logIn(http, "takahashi", "cockpit");
    String forged = "T-" + UUID.randomUUID();
    String real = "T-" + UUID.randomUUID();

    ResponseEntity<String> withoutToken = http.exchange("/api/businesses/import", HttpMethod.POST,
        csv(manager.headers(false), forged), String.class);
    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutToken.getBody()).contains("画面を読み込み直して");
    assertThat(registry.find(forged)).isEmpty();

    ResponseEntity<String> withToken = http.exchange("/api/businesses/import", HttpMethod.POST,
        csv(manager.headers(true), real), String.class);
    assertThat(withToken.getStatusCode()).as(withToken.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(registry.find(real)).isPresent();
  }

  @Test
  void anHttpBasicCallerImportsWithoutAToken() {
    String id = "T-" + UUID.randomUUID();
    HttpHeaders headers = new HttpHeaders();
    ResponseEntity<String> imported = http.withBasicAuth("takahashi", "demo")
        .exchange("/api/businesses/import", HttpMethod.POST, csv(headers, id), String.class);
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(registry.find(id)).isPresent();
  }

  @Test
  void theCaseFileTheKpiPageAndTheApiForbidFramingSniffingAndForeignScript() {
    for (String path : new String[]{"/casefile/", "/kpi/", "/casefile/casefile.js", "/api/businesses"}) {
      HttpHeaders headers = http.withBasicAuth("takahashi", "demo").getForEntity(path, String.class).getHeaders();
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("Content-Security-Policy")).as(path)
          .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }
  }

  private static HttpEntity<byte[]> csv(HttpHeaders headers, String id) {
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    String file = "事業者ID,事業者名,法人・個人,業種,従業員数,会員\n" + id + ",留萌テスト商店,個人,製造業,3,会員\n";
    return new HttpEntity<>(file.getBytes(StandardCharsets.UTF_8), headers);
  }
}
