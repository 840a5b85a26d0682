package jp.bansou.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.bansou.testing.EngineTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Spring's error answers in Japanese: a page with ways back for a browser, JSON with a Japanese message for programs. */
@EngineTest
class ErrorPagesTest {

  @Autowired
  TestRestTemplate http;

  @Test
  void aMissingPageIsAJapanesePageWithWaysBack() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US");
    headers.set(HttpHeaders.REFERER, http.getRootUri() + "/casefile/?id=T-1");
    ResponseEntity<String> page = http.withBasicAuth("sato", "demo")
        .exchange("/casefile/no-such-page", HttpMethod.GET, new HttpEntity<>(headers), String.class);

    assertThat(page.getStatusCode().value()).isEqualTo(404);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("<html lang=\"ja\">", "ページが見つかりません",
        "href=\"/casefile/?id=T-1\">前のページに戻る", "href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/welcome/\"")
        .doesNotContain("Whitelabel", "Not Found", "Exception");
  }

  @Test
  void aJsonCallerStillGetsJsonWithAJapaneseMessage() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<Map> answer = http.withBasicAuth("sato", "demo")
        .exchange("/casefile/no-such-page", HttpMethod.GET, new HttpEntity<>(headers), Map.class);

    assertThat(answer.getStatusCode().value()).isEqualTo(404);
    assertThat(answer.getBody()).containsEntry("status", 404)
        .containsEntry("message", ErrorAnswers.defaultMessage(404))
        .doesNotContainKeys("trace", "exception");
  }

  @Test
  void aReasonAlreadyInJapaneseIsShownAsItIs() {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    ResponseEntity<Map> answer = http.withBasicAuth("tanaka", "demo")
        .exchange("/api/businesses/import", HttpMethod.POST, new HttpEntity<>("x", headers), Map.class);

    assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isBetween(400, 499);
    assertThat(Refusal.isJapanese((String) answer.getBody().get("message"))).as(String.valueOf(answer.getBody()))
        .isTrue();
  }
}
