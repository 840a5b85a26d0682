package jp.bansou.dx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.Duration;
import java.time.LocalDateTime;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.Acting;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

@EngineTest
class DxFollowUpTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("dx-follow-up");

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;
  @Autowired
  ManagementService managementService;
  @Autowired
  BusinessRegistry registry;

  EngineClock clock;

  @BeforeEach
  void afterTheDxSeminar() {
    clock = new EngineClock(managementService);
    clock.setTo(LocalDateTime.of(2027, 11, 15, 10, 0));
  }

  private ProcessInstance start() {
    return coverage.track(runtimeService.startProcessInstanceByKey("dx-follow-up",
        TestBusinesses.register(registry, "ito"), putValue("advisor", "ito").putValue("previousYearSales", 20000L)));
  }

  /** Website and EC adopted; a calendar year later (2028 is a leap year: 366 days) the year's sales fall due. */
  private ProcessInstance adoptAndWaitAYear(ProcessInstance dx) {
    taskService.complete(task(dx).getId(), putValue("dxSupportDate", "2027-11-30").putValue("dxWebsite", true)
        .putValue("dxEc", true).putValue("dxToolsDetail", "BASE").putValue("dxSupportNotes", "商品写真の撮り方から支援"));
    assertThat(dx).isWaitingAt("YearAfterAdoption");
    clock.setTo(LocalDateTime.of(2028, 11, 15, 9, 59));
    clock.executeDueJobs(dx.getId());
    assertThat(dx).isWaitingAt("YearAfterAdoption");
    clock.advance(Duration.ofMinutes(1));
    clock.executeDueJobs(dx.getId());
    assertThat(dx).isWaitingAt("RecordDxSalesEffect");
    return dx;
  }

  @Test
  void aBusinessThatAdoptedDxToolsAndGrewItsSalesThreePercentInAYearMeetsTheTarget() throws Exception {
    String definitionId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("dx-follow-up").latestVersion().singleResult().getId();
    String businessId = TestBusinesses.register(registry, "sato");
    ProcessInstance[] started = new ProcessInstance[1];
    Acting.as(identityService, "sato", "advisors", () -> started[0] = formService.submitStartForm(definitionId,
        putValue("businessId", businessId)
            .putValue("dxWishes", "ネットで持ち帰り弁当を売りたい").putValue("previousYearSales", 20000L)));
    ProcessInstance dx = coverage.track(started[0]);
    assertThat(dx).hasBusinessKey(businessId).isWaitingAt("SupportDx");
    assertThat(task(dx)).isAssignedTo("sato");

    adoptAndWaitAYear(dx);
    assertThat(dx).variables().containsEntry("dxAdopted", true).containsEntry("dxToolsAdopted", "ホームページ、ECサイト")
        .containsEntry("dxWebsite", true).containsEntry("dxEc", true).containsEntry("dxSns", false)
        .containsEntry("dxCloudTools", false);
    assertThat(task(dx)).isAssignedTo("sato");
    taskService.complete(task(dx).getId(), putValue("annualSales", 20700L));

    assertThat(dx).isEnded().hasPassed("DxSalesTargetMet").variables()
        .containsEntry("salesGrowth", 0.035).containsEntry("salesGrowthTarget", 0.03)
        .containsEntry("salesGrowthTargetMet", true);
  }

  @Test
  void salesGrowthBelowThreePercentIsRecordedAsMissed() {
    ProcessInstance dx = adoptAndWaitAYear(start());
    taskService.complete(task(dx).getId(), putValue("annualSales", 20400L).putValue("previousYearSales", 20000L));

    assertThat(dx).isEnded().hasPassed("DxSalesTargetMissed").variables()
        .containsEntry("salesGrowth", 0.02).containsEntry("salesGrowthTargetMet", false);
  }

  @Test
  void aBusinessThatAdoptedNothingEndsWithoutASalesYear() {
    ProcessInstance dx = start();
    taskService.complete(task(dx).getId(), putValue("dxSupportDate", "2027-11-30").putValue("dxSns", false)
        .putValue("dxSupportNotes", "人手が足りず見送り"));

    assertThat(dx).isEnded().hasPassed("DxNotAdopted").hasNotPassed("YearAfterAdoption").variables()
        .containsEntry("dxAdopted", false).containsEntry("dxToolsAdopted", "").containsEntry("dxWebsite", false);
  }

  @Test
  void aMissingSupportDateOrAZeroPreviousYearIsRefusedWithReasons() {
    ProcessInstance dx = start();
    String support = task(dx).getId();
    assertThatThrownBy(() -> taskService.complete(support, putValue("dxWebsite", true)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("支援した日を yyyy-MM-dd の形式で入力してください");
    assertThat(dx).isWaitingAt("SupportDx");

    adoptAndWaitAYear(dx);
    String sales = task(dx).getId();
    assertThatThrownBy(
        () -> taskService.complete(sales, putValue("annualSales", 20700L).putValue("previousYearSales", 0L)))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("「前年度の売上高」は 1 以上の数字で入力してください");
    assertThat(dx).isWaitingAt("RecordDxSalesEffect");
  }
}
