package jp.bansou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.util.List;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Grants are checked against the groups a member of staff is authenticated with, without the engine's read of
 * every grant's group first (ADR 0112), and every check decides as before: a group without any grant changes
 * nothing, a staff group's grants still count.
 */
@EngineTest
class AuthenticatedGroupsAsGivenTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  IdentityService identities;

  @AfterEach
  void logOut() {
    identities.clearAuthentication();
  }

  @Test
  void theEngineChecksTheGroupsAsAuthenticatedWithoutAskingWhichHoldGrants() {
    List<String> groups = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> context.getAuthorizationManager()
            .filterAuthenticatedGroupIds(List.of(StaffGroup.ADVISORS.id(), "a-group-without-grants")));

    assertThat(groups).containsExactly(StaffGroup.ADVISORS.id(), "a-group-without-grants");
  }

  @Test
  void anAdvisorInAGroupWithoutGrantsListsAndClaimsExactlyWhatHisStaffGroupLetsHim() {
    String business = TestBusinesses.register(registry, "sato");
    ProcessInstance analysis = runtime.startProcessInstanceByKey("management-analysis", business,
        putValue("advisor", "sato").putValue("entryRoute", "visit"));
    String taskId = tasks.createTaskQuery().processInstanceId(analysis.getId()).singleResult().getId();
    tasks.setAssignee(taskId, null);

    identities.setAuthentication("ito", List.of(StaffGroup.ADVISORS.id()));
    List<String> asAdvisor = groupTaskIds();
    identities.setAuthentication("ito", List.of(StaffGroup.ADVISORS.id(), "a-group-without-grants"));
    List<String> withAnotherGroup = groupTaskIds();
    tasks.claim(taskId, "ito");
    identities.setAuthentication("ito", List.of("a-group-without-grants"));
    List<String> withoutStaffGroup = groupTaskIds();

    assertThat(asAdvisor).contains(taskId);
    assertThat(withAnotherGroup).isEqualTo(asAdvisor);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult()).isNull();
    assertThat(withoutStaffGroup).doesNotContain(taskId);
  }

  private List<String> groupTaskIds() {
    return tasks.createTaskQuery().taskCandidateGroup(StaffGroup.ADVISORS.id()).includeAssignedTasks()
        .orderByTaskId().asc().list().stream().map(task -> task.getId()).toList();
  }
}
