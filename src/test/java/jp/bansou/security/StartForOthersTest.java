package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.BansouApplication;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code bansou.sharing.start-for-others: refuse}: only the advisor in charge of a business or a manager starts a
 * case on it; another advisor is told so in Japanese, through the API and through Tasklist's start form alike,
 * and nothing is started. (The default, {@code record}, is {@code StaffSharingTest}'s: the case starts and keeps
 * who started it for whom.) The setting is read at start, so this is an application of its own.
 */
@Tag("h2")
@SuppressWarnings("rawtypes")
class StartForOthersTest {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Test
  void withRefuseOnlyTheAdvisorInChargeOrAManagerStartsACaseOnABusiness() {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BansouApplication.class).run(
        "--server.port=0", "--bansou.sharing.start-for-others=refuse",
        "--bansou.data-dir=./target/test-data/start-for-others-" + UUID.randomUUID(),
        "--camunda.bpm.job-execution.enabled=false", "--bansou.demo.year.enabled=false")) {
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      TestRestTemplate http = new TestRestTemplate();
      String business = "T-SO-" + UUID.randomUUID().toString().substring(0, 8);
      app.getBean(BusinessRegistry.class).save(new Business(business, "留萌開始テスト商店", null, LegalForm.CORPORATION,
          "製造業", 3, null, null, null, null, null, true, "sato"));

      // through the API with the business key, and through Tasklist's start form with the business id
      ResponseEntity<Map> byApi = http.withBasicAuth("ito", "demo").postForEntity(
          base + "/engine-rest/process-definition/key/management-analysis/start",
          json("{\"businessKey\":\"" + business + "\"}"), Map.class);
      ResponseEntity<Map> byForm = http.withBasicAuth("ito", "demo").postForEntity(
          base + "/engine-rest/process-definition/key/management-analysis/submit-form",
          json("{\"variables\":{\"businessId\":{\"value\":\"" + business + "\"},"
              + "\"entryRoute\":{\"value\":\"seminar\"}}}"),
          Map.class);
      for (ResponseEntity<Map> refused : List.of(byApi, byForm)) {
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.FORBIDDEN);
        // what Tasklist shows: the Japanese reason alone, without the engine's English prefix
        assertThat((String) refused.getBody().get("message")).startsWith("事業者「留萌開始テスト商店」")
            .contains("担当経営指導員は sato さんです").contains("担当者か事務局（法定経営指導員）が開始してください")
            .doesNotContain("Exception", "Cannot instantiate");
      }
      assertThat(casesOf(http, base, business)).as("nothing started").isEmpty();

      for (String starter : List.of("sato", "takahashi")) {
        assertThat(http.withBasicAuth(starter, "demo").postForEntity(
            base + "/engine-rest/process-definition/key/management-analysis/start",
            json("{\"businessKey\":\"" + business + "\"}"), String.class).getStatusCode())
            .as(starter).isEqualTo(HttpStatus.OK);
      }
      assertThat(casesOf(http, base, business)).hasSize(2);
    }
  }

  private static List<Map<String, Object>> casesOf(TestRestTemplate http, String base, String business) {
    return http.withBasicAuth("admin", "demo").exchange(
        base + "/engine-rest/history/process-instance?processInstanceBusinessKey=" + business, HttpMethod.GET, null,
        LIST).getBody();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
