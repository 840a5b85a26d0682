package jp.bansou.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.bansou.BansouApplication;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Advisors and assistants read in the history exactly what the chamber's one sharing rule lets them read, in
 * both of its settings ({@code bansou.sharing.read}); managers and auditors read everything in both. Each
 * setting is an application of its own (the setting is read at start), so this runs apart from the shared
 * test context.
 */
@Tag("h2")
@SuppressWarnings("unchecked")
class HistorySharingTest {

  @ParameterizedTest
  @ValueSource(strings = {"own-businesses", "all-staff"})
  void advisorsReadTheHistoryTheSharingRuleLetsThemRead(String setting) {
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BansouApplication.class).run(
        "--server.port=0", "--bansou.sharing.read=" + setting,
        "--bansou.data-dir=./target/test-data/sharing-" + UUID.randomUUID(),
        "--camunda.bpm.process-engine-name=sharing", "--camunda.bpm.job-execution.enabled=false",
        "--bansou.demo.year.enabled=false")) {
      BusinessRegistry registry = app.getBean(BusinessRegistry.class);
      RuntimeService runtime = app.getBean(RuntimeService.class);
      TestRestTemplate http = new TestRestTemplate();
      String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
      String satos = "T-S-" + UUID.randomUUID().toString().substring(0, 8);
      registry.save(new Business(satos, "留萌共有テスト商会", null, LegalForm.CORPORATION, "小売業", 3, null, null, null,
          null, null, true, "sato"));
      String caseId = runtime.startProcessInstanceByKey("management-analysis", satos,
          putValue("advisor", "sato").putValue("entryRoute", "seminar")).getId();
      boolean shared = setting.equals("all-staff");

      for (String reader : List.of("sato", "takahashi", "tanaka", "ito", "suzuki")) {
        boolean mayRead = shared || List.of("sato", "takahashi", "tanaka").contains(reader);
        var trail = http.withBasicAuth(reader, "demo").getForEntity(base + "/api/history/cases/" + caseId, Map.class);
        assertThat(trail.getStatusCode()).as(setting + ": " + reader)
            .isEqualTo(mayRead ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        var csv = http.withBasicAuth(reader, "demo")
            .getForEntity(base + "/api/history/businesses/" + satos + "/trail.csv", String.class);
        assertThat(csv.getStatusCode()).as(setting + ": " + reader + " CSV")
            .isEqualTo(mayRead ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        Map<String, Object> found = http.withBasicAuth(reader, "demo")
            .getForObject(base + "/api/history/cases?q=" + satos, Map.class);
        assertThat((List<Map<String, Object>>) found.get("cases")).as(setting + ": " + reader + " search")
            .hasSize(mayRead ? 1 : 0);
      }
      assertThat(http.getForEntity(base + "/api/history/cases/" + caseId, Map.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
  }
}
