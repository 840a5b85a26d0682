package jp.bansou.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.variable.Variables.putValue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.testing.EngineClock;
import jp.bansou.testing.EngineTest;
import jp.bansou.testing.FlowNodeCoverage;
import jp.bansou.testing.TestBusinesses;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

@EngineTest
class SupportLessonsTest {

  @RegisterExtension
  static final FlowNodeCoverage coverage = FlowNodeCoverage.of("support-lessons");

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  BusinessRegistry registry;
  @Autowired
  LessonRecords lessons;
  @Autowired
  TestRestTemplate http;

  EngineClock clock;

  @BeforeEach
  void afterTheDxSeminar() {
    clock = new EngineClock(management);
    clock.setTo(LocalDateTime.of(2027, 11, 15, 10, 0));
  }

  /** A DX follow-up that ends at once: the business adopted nothing. */
  private ProcessInstance closedDxCase(String business) {
    ProcessInstance dx = runtime.startProcessInstanceByKey("dx-follow-up", business, putValue("advisor", "ito"));
    tasks.complete(task(dx).getId(), putValue("dxSupportDate", "2027-11-15").putValue("dxSupportNotes", "見送り"));
    assertThat(dx).isEnded();
    return dx;
  }

  private ProcessInstance lessonsOf(String business) {
    return coverage.track(runtime.createProcessInstanceQuery().processDefinitionKey("support-lessons")
        .processInstanceBusinessKey(business).singleResult());
  }

  @Test
  void whenATracksCaseEndsItsAdvisorIsAskedWhatWorkedAndWhatDidNot() {
    String business = TestBusinesses.register(registry, "T-LESSON-" + System.nanoTime(), "留萌みなと食堂",
        "宿泊業、飲食サービス業", 3, "ito");
    ProcessInstance dx = closedDxCase(business);

    // the track's end committed first: the lessons case is asked for in a transaction of its own
    ProcessInstance review = lessonsOf(business);
    assertThat(review).isWaitingAt("TrackEnded").job().isNotNull();
    // what the job executor does a moment after the track's case ended
    assertThat(clock.executeDueJobs(review.getId())).isEqualTo(1);
    assertThat(review).isWaitingAt("RecordLessons").variables().containsEntry("track", "dx-follow-up")
        .containsEntry("trackName", "DX活用の個別フォローアップ").containsEntry("trackCase", dx.getId())
        .containsEntry("businessName", "留萌みなと食堂");
    assertThat(task(review)).isAssignedTo("ito");
    assertThatThrownBy(() -> tasks.complete(task(review).getId(), putValue("lessonKind", "failure")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("分野を選んでください")
        .hasMessageContaining("ひとことで（分類）を入力してください");
    tasks.complete(task(review).getId(), putValue("lessonKind", "failure").putValue("lessonTopic", "dx")
        .putValue("lessonCategory", "人手不足").putValue("lessonText", "導入の前に、誰が更新するかを決めておくべきだった"));
    assertThat(review).isEnded().hasPassed("LessonsRecorded");

    assertThat(lessons.of(business)).singleElement().satisfies(lesson -> {
      assertThat(lesson.kindLabel()).isEqualTo("失敗事例");
      assertThat(lesson.topicLabel()).isEqualTo("DX");
      assertThat(lesson.trackName()).isEqualTo("DX活用の個別フォローアップ");
    });
    assertThat(lessons.search("宿泊業、飲食サービス業", "dx")).extracting(Lesson::businessId).contains(business);
    assertThat(lessons.search("製造業", "dx")).extracting(Lesson::businessId).doesNotContain(business);
    assertThat(lessons.search(null, "finance")).extracting(Lesson::businessId).doesNotContain(business);
    // free text (the search page's キーワード): every word, half- or full-width spaces between them
    assertThat(lessons.search("宿泊業、飲食サービス業", "dx", "誰が　更新 人手不足")).extracting(Lesson::businessId)
        .contains(business);
    assertThat(lessons.search(null, null, "誰が 在庫")).extracting(Lesson::businessId).doesNotContain(business);
    ResponseEntity<List> found = http.withBasicAuth("ito", "demo").getForEntity("/api/lessons?topic=dx", List.class);
    assertThat(found.getBody()).extracting(lesson -> ((Map<?, ?>) lesson).get("businessId")).contains(business);
  }

  @Test
  void nothingToShareIsRecordedButNotListedAndACancelledCaseAsksNothing() {
    String business = TestBusinesses.register(registry, "ito");
    closedDxCase(business);
    ProcessInstance review = lessonsOf(business);
    clock.executeDueJobs(review.getId());
    tasks.complete(task(review).getId(), putValue("lessonKind", "none"));
    assertThat(lessons.of(business)).isEmpty();

    String other = TestBusinesses.register(registry, "ito");
    ProcessInstance cancelled = runtime.startProcessInstanceByKey("dx-follow-up", other, putValue("advisor", "ito"));
    runtime.deleteProcessInstance(cancelled.getId(), "started by mistake");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("support-lessons")
        .processInstanceBusinessKey(other).count()).isZero();
  }
}
