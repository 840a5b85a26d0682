package jp.bansou.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jp.bansou.testing.NeedsPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bansō as Camunda's homogeneous cluster: nodes that share one PostgreSQL database and all run the job
 * executor, coordinated by nothing but the engine's job locks. The visit timers of the follow-up model
 * must fire exactly once however many nodes there are, and none may be lost when a node dies or when
 * no node runs at all for a while.
 */
@NeedsPostgres
@Tag("cluster")
class FollowUpVisitsClusterTest {

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpVisitsClusterTest.class);

  private static final String PROCESS = "follow-up-visits";
  private static final String VISIT_TIMER = "VisitFallsDue";
  private static final String VISIT_TASK = "RecordVisit";
  private static final String TRACK = "plan";
  private static final int SUCCESSFUL = 2;
  private static final String VISIT_TIMER_JOBS = " from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_ where d.PROC_DEF_KEY_ = ? and d.ACT_ID_ = ?";

  /** Short, so that a dead node's jobs come back within the test; production keeps Camunda's 5 minutes. */
  private static final Duration LOCK_TIME = Duration.ofSeconds(10);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // The time limits are bounds for a machine shared with other builds, not expectations: on two idle cores
  // the whole class takes under a minute.
  @Test
  void twoThousandDueVisitTimersFireExactlyOnceOnTwoNodesEvenWhenOneDiesMidway() throws Exception {
    int cases = 2000;
    ClusterDatabase database = ClusterDatabase.fresh("cluster");
    try (EmbeddedNode nodeA = EmbeddedNode.start(new NodeSettings("node-a", database, LOCK_TIME))) {
      ProcessEngine engine = nodeA.engine();
      // held back until both nodes run, so that neither has a head start
      engine.getManagementService().updateJobDefinitionSuspensionState()
          .byProcessDefinitionKey(PROCESS).includeJobs(true).suspend();
      try (SeparateJvmNode nodeB = SeparateJvmNode.launch(new NodeSettings("node-b", database, LOCK_TIME))) {
        long creating = System.nanoTime();
        List<String> instances = startCasesAQuarterAgo(nodeA, cases);
        long created = (System.nanoTime() - creating) / 1_000_000;
        assertThat(database.count("select count(*)" + VISIT_TIMER_JOBS + " and j.DUEDATE_ <= ?"
            + " and j.SUSPENSION_STATE_ = 2", PROCESS, VISIT_TIMER, new Timestamp(System.currentTimeMillis())))
            .as("visit timers due and held back").isEqualTo(cases);
        nodeB.awaitHealthy(Duration.ofSeconds(180));

        long released = System.nanoTime();
        engine.getManagementService().updateJobDefinitionSuspensionState()
            .byProcessDefinitionKey(PROCESS).includeJobs(true).activate();

        await("node-b busy: visits fired and jobs locked").atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> firedBy(database).getOrDefault("node-b", 0L) >= cases / 10
                && lockedByOthers(database, nodeA.lockOwner()).size() > 0);
        nodeB.kill();
        Duration beforeKill = Duration.ofNanos(System.nanoTime() - released);
        Map<String, Long> firedBeforeKill = firedBy(database);
        List<Object[]> orphaned = lockedByOthers(database, nodeA.lockOwner());
        assertThat(orphaned).as("jobs that node-b had locked when it died").isNotEmpty();

        await("every visit timer fired").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
            .until(() -> firedBy(database).values().stream().mapToLong(Long::longValue).sum() >= cases
                && database.count("select count(*)" + VISIT_TIMER_JOBS, PROCESS, VISIT_TIMER) == 0);
        Duration total = Duration.ofNanos(System.nanoTime() - released);

        assertThat(database.count("select count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? and ACT_ID_ = ?"
            + " and JOB_STATE_ = ?", PROCESS, VISIT_TIMER, SUCCESSFUL))
            .as("successful visit timer executions").isEqualTo(cases);
        assertThat(database.count("select count(distinct JOB_ID_) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ?"
            + " and ACT_ID_ = ? and JOB_STATE_ = ?", PROCESS, VISIT_TIMER, SUCCESSFUL))
            .as("distinct visit timers that fired").isEqualTo(cases);
        Map<String, Long> visitTasks = visitTasksPerCase(database);
        assertThat(visitTasks.keySet()).as("cases with a visit task").containsExactlyInAnyOrderElementsOf(instances);
        assertThat(visitTasks).as("visit tasks per case")
            .allSatisfy((instance, tasks) -> assertThat(tasks).isEqualTo(1L));
        assertThat(firedBeforeKill).as("visits fired per node while both ran")
            .hasEntrySatisfying("node-a", fired -> assertThat(fired).isPositive())
            .hasEntrySatisfying("node-b", fired -> assertThat(fired).isPositive());

        int takenOver = 0;
        for (Object[] job : orphaned) {
          List<Object[]> executions = database.query("select HOSTNAME_, TIMESTAMP_ from ACT_HI_JOB_LOG"
              + " where JOB_ID_ = ? and JOB_STATE_ = ?", job[0], SUCCESSFUL);
          assertThat(executions).as("executions of job %s that node-b had locked", job[0]).hasSize(1);
          // a commit node-b sent just before it died may still have landed; every other lock waited for expiry
          if ("node-a".equals(executions.get(0)[0])) {
            assertThat((Timestamp) executions.get(0)[1]).as("taken over only once its lock expired")
                .isAfterOrEqualTo((Timestamp) job[1]);
            takenOver++;
          }
        }
        assertThat(takenOver).as("jobs node-a took over from node-b").isPositive();

        long beforeKillFired = firedBeforeKill.values().stream().mapToLong(Long::longValue).sum();
        LOG.info("{} follow-up cases started in {} ms; their visit timers on two nodes: {} fired in {} ms while both"
            + " ran ({} jobs/s; {}), node-b killed holding {} locks, all fired after {} ms",
            cases, created, beforeKillFired, beforeKill.toMillis(),
            beforeKillFired * 1000 / Math.max(1, beforeKill.toMillis()), firedBeforeKill, orphaned.size(),
            total.toMillis());
      }
    }
  }

  @Test
  void visitTimersThatCameDueWhileTheOnlyNodeWasDownFireWhenItIsBack() {
    int cases = 20;
    ClusterDatabase database = ClusterDatabase.fresh("restart");
    NodeSettings settings = new NodeSettings("node-a", database, LOCK_TIME);
    try (EmbeddedNode node = EmbeddedNode.start(settings)) {
      startCases(node, cases);
    }
    assertThat(visitTasksPerCase(database)).isEmpty();
    Object[] dueDates = database
        .query("select min(j.DUEDATE_), max(j.DUEDATE_)" + VISIT_TIMER_JOBS, PROCESS, VISIT_TIMER)
        .get(0);
    assertThat((Timestamp) dueDates[0]).as("no visit due when the node stopped").isAfter(new Date());

    // a quarter passes while no node runs
    Timestamp lastDue = (Timestamp) dueDates[1];
    ClockUtil.offset(lastDue.getTime() - System.currentTimeMillis() + Duration.ofMinutes(1).toMillis());

    try (EmbeddedNode node = EmbeddedNode.start(settings)) {
      await("visits that came due during the downtime").atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> visitTasksPerCase(database).size() == cases);
      assertThat(visitTasksPerCase(database)).allSatisfy((instance, tasks) -> assertThat(tasks).isEqualTo(1L));
      assertThat(firedBy(database)).containsExactly(Map.entry("node-a", (long) cases));
    }
  }

  /** Cases whose plan was done a quarter and a day ago on the engine clock: their visit is due now. */
  private static List<String> startCasesAQuarterAgo(EmbeddedNode node, int count) {
    Period interval = Period.parse(node.followUpSchedules().interval(TRACK));
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.now().minus(interval).minusDays(1).toInstant()));
    try {
      return startCases(node, count);
    } finally {
      ClockUtil.reset();
    }
  }

  /**
   * Follow-ups of the plan track with a single visit each: one due timer per case keeps the setup to what
   * these tests are about, and a case's later visits would only wait further in the future. Started fifty
   * to a transaction, so that the setup does not wait for two thousand commits.
   */
  private static List<String> startCases(EmbeddedNode node, int count) {
    RuntimeService runtime = node.engine().getRuntimeService();
    String interval = node.followUpSchedules().interval(TRACK);
    ExecutorService starters = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> batches = new ArrayList<>();
      for (int first = 0; first < count; first += 50) {
        int size = Math.min(50, count - first);
        batches.add(starters.submit(() -> node.inTransaction(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < size; i++) {
            String business = "T-" + UUID.randomUUID();
            ids.add(runtime.createProcessInstanceByKey(PROCESS).businessKey(business)
                .setVariables(Variables.putValue("advisor", "sato")
                    .putValue("businessName", "留萌クラスタ商店 " + business.substring(2, 8))
                    .putValue("industry", "小売業")
                    .putValue("employees", 3)
                    .putValue("followUpTrack", TRACK)
                    .putValue("visitInterval", interval)
                    .putValue("visitCount", 1))
                .execute().getId());
          }
          return ids;
        })));
      }
      List<String> ids = new ArrayList<>();
      for (Future<List<String>> batch : batches) {
        ids.addAll(batch.get());
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the follow-up cases", e);
    } finally {
      starters.shutdownNow();
    }
  }

  private static Map<String, Long> firedBy(ClusterDatabase database) {
    return database.query("select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? and ACT_ID_ = ?"
        + " and JOB_STATE_ = ? group by HOSTNAME_", PROCESS, VISIT_TIMER, SUCCESSFUL).stream()
        .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
  }

  private static List<Object[]> lockedByOthers(ClusterDatabase database, String lockOwner) {
    return database.query("select j.ID_, j.LOCK_EXP_TIME_" + VISIT_TIMER_JOBS
        + " and j.LOCK_OWNER_ is not null and j.LOCK_OWNER_ <> ?", PROCESS, VISIT_TIMER, lockOwner);
  }

  private static Map<String, Long> visitTasksPerCase(ClusterDatabase database) {
    return database.query("select PROC_INST_ID_, count(*) from ACT_HI_TASKINST where PROC_DEF_KEY_ = ?"
        + " and TASK_DEF_KEY_ = ? group by PROC_INST_ID_", PROCESS, VISIT_TASK).stream()
        .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
  }
}
