package jp.bansou.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.bansou.calendar.FiscalYear;
import org.camunda.bpm.engine.RepositoryService;

/**
 * Writes cases' history straight into ACT_HI_PROCINST, ACTINST, VARINST and DETAIL, shaped as the models write
 * it: the same activity ids and types, process variables, business keys and process definitions, and the days
 * the forms record (訪問日 on each recorded visit, the day of feedback, the day a plan was finalised) as variable
 * updates of the activity instance that recorded them. Cases are spread over the plan's five fiscal years
 * (R7–R11): 60 % analyses, 15 % business plans, 25 % follow-ups (plan with four quarterly visits, startup with
 * twelve monthly visits, succession with four), businesses recurring about three times each.
 *
 * <p>Set-based and deterministic: each chunk of case numbers becomes a row per case in a scratch table (its
 * fiscal year, moment and outcome from multiplicative hashes of its number, the same on H2 and PostgreSQL), and
 * each kind of history row is one {@code INSERT … SELECT} over it. A million cases (about 30 million rows) take
 * minutes instead of the hours JDBC batches of single rows took.
 */
final class ModelHistoryFill {

  private static final int CHUNK = 100_000;
  private static final List<FiscalYear> PLAN_YEARS = List.of(FiscalYear.reiwa(7), FiscalYear.reiwa(8),
      FiscalYear.reiwa(9), FiscalYear.reiwa(10), FiscalYear.reiwa(11));
  static final List<String> TABLES = List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_VARINST", "ACT_HI_DETAIL");

  /** Kinds of case by {@code MOD(number, 20)}: 0–11 analysis, 12–14 plan, 15–17 plan follow-up, 18 startup, 19 succession. */
  private static final String ANALYSIS = "C.KIND < 12";
  private static final String PLAN = "C.KIND BETWEEN 12 AND 14";
  private static final String FOLLOW_UP = "C.KIND >= 15";

  private final DataSource dataSource;
  private final boolean postgres;
  private final Map<String, String> definitionIds = new LinkedHashMap<>();

  ModelHistoryFill(DataSource dataSource, RepositoryService repository, boolean postgres) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    for (String key : List.of("management-analysis", "business-plan", "follow-up-visits")) {
      definitionIds.put(key, repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult().getId());
    }
  }

  /** Cases number {@code from} (inclusive) to {@code to} (exclusive); a case's rows depend on its number alone. */
  void write(long from, long to) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      Map<String, String> indexes = secondaryIndexes(connection);
      for (String index : indexes.keySet()) {
        statement.execute("DROP INDEX " + index);
      }
      connection.commit();
      scratchTables(connection, statement);
      for (long chunk = from; chunk < to; chunk += CHUNK) {
        long end = Math.min(to, chunk + CHUNK);
        statement.executeUpdate("DELETE FROM BENCH_CASE");
        cases(connection, chunk, end);
        for (String sql : historyRows()) {
          statement.executeUpdate(sql);
        }
        connection.commit();
        System.out.println("[bench] kpi: " + end + " cases written");
      }
      statement.execute("DROP TABLE BENCH_CASE");
      statement.execute("DROP TABLE BENCH_YEAR");
      statement.execute("DROP TABLE BENCH_VISIT");
      connection.commit();
      for (String index : indexes.values()) {
        statement.execute(index);
        connection.commit();
      }
    }
  }

  /**
   * The history tables' indexes other than their primary keys (Camunda's and any Bansō adds) by name, with
   * the statements that create them again. Each row written with them in place costs a dozen random B-tree
   * insertions (H2 took four minutes for 400,000 activity rows); built once after the fill, they are sorted.
   */
  private Map<String, String> secondaryIndexes(Connection connection) throws SQLException {
    Map<String, String> indexes = new LinkedHashMap<>();
    String tables = String.join("', '", TABLES);
    String sql = postgres
        ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND UPPER(tablename) IN ('"
            + tables
            + "') AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname"
        : "SELECT I.INDEX_NAME, 'CREATE INDEX ' || I.INDEX_NAME || ' ON ' || I.TABLE_NAME || '(' || LISTAGG(C.COLUMN_NAME, ', ')"
            + " WITHIN GROUP (ORDER BY C.ORDINAL_POSITION) || ')' FROM INFORMATION_SCHEMA.INDEXES I"
            + " JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME"
            + " WHERE I.TABLE_SCHEMA = SCHEMA() AND I.TABLE_NAME IN ('" + tables + "') AND I.INDEX_TYPE_NAME = 'INDEX'"
            + " GROUP BY I.INDEX_NAME, I.TABLE_NAME ORDER BY I.INDEX_NAME";
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    return indexes;
  }

  /** How many cases earlier fills wrote: the next case's number. */
  int cases() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE ID_ LIKE 'bench-%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    }
    return counts;
  }

  private void scratchTables(Connection connection, Statement statement) throws SQLException {
    statement.execute("DROP TABLE IF EXISTS BENCH_CASE");
    statement.execute("DROP TABLE IF EXISTS BENCH_YEAR");
    statement.execute("DROP TABLE IF EXISTS BENCH_VISIT");
    statement.execute("CREATE TABLE BENCH_YEAR (Y INT, START_ TIMESTAMP, SECONDS_ BIGINT)");
    statement.execute("CREATE TABLE BENCH_VISIT (V INT)");
    statement
        .execute("CREATE TABLE BENCH_CASE (I BIGINT, ID_ VARCHAR(64), KIND INT, BUSINESS VARCHAR(64), KEY_ VARCHAR(64),"
            + " DEF VARCHAR(64), AT_ TIMESTAMP, MET BOOLEAN, VISITS INT, INTERVAL_DAYS INT, TRACK VARCHAR(16))");
    try (PreparedStatement year = connection.prepareStatement("INSERT INTO BENCH_YEAR VALUES (?, ?, ?)")) {
      for (int y = 0; y < PLAN_YEARS.size(); y++) {
        FiscalYear fiscalYear = PLAN_YEARS.get(y);
        year.setInt(1, y);
        year.setTimestamp(2, Timestamp.from(fiscalYear.start()));
        year.setLong(3, Duration.between(fiscalYear.start(), fiscalYear.end()).toSeconds());
        year.addBatch();
      }
      year.executeBatch();
    }
    for (int v = 1; v <= 12; v++) {
      statement.execute("INSERT INTO BENCH_VISIT VALUES (" + v + ")");
    }
  }

  /**
   * One row per case: its fiscal year and the moment in it that counts (feedback, finalised plan, start of the
   * follow-up), from the high bits of multiplicative hashes of its number (evenly spread, independent of its
   * kind); three follow-ups in four reach their sales target.
   */
  private void cases(Connection connection, long from, long to) throws SQLException {
    String series = postgres ? "generate_series(CAST(? AS BIGINT), CAST(? AS BIGINT)) S(X)" : "SYSTEM_RANGE(?, ?) S";
    String sql = "INSERT INTO BENCH_CASE (I, ID_, KIND, BUSINESS, KEY_, DEF, AT_, MET, VISITS, INTERVAL_DAYS, TRACK)"
        + " SELECT S.X, 'bench-' || (S.X + 1), MOD(S.X, 20), 'B-' || MOD(S.X, 33333) || '-' || (S.X / 100000),"
        + " CASE WHEN MOD(S.X, 20) < 12 THEN 'management-analysis' WHEN MOD(S.X, 20) < 15 THEN 'business-plan'"
        + " ELSE 'follow-up-visits' END,"
        + " CASE WHEN MOD(S.X, 20) < 12 THEN ? WHEN MOD(S.X, 20) < 15 THEN ? ELSE ? END,"
        + " Y.START_ + (MOD(S.X * 2246822519 + 12345, 4294967296) * Y.SECONDS_ / 4294967296) * INTERVAL '1' SECOND,"
        + " MOD(S.X * 3266489917 + 777, 4294967296) * 4 / 4294967296 <> 0,"
        + " CASE WHEN MOD(S.X, 20) = 18 THEN 12 ELSE 4 END, CASE WHEN MOD(S.X, 20) = 18 THEN 30 ELSE 91 END,"
        + " CASE WHEN MOD(S.X, 20) = 18 THEN 'startup' WHEN MOD(S.X, 20) = 19 THEN 'succession' ELSE 'plan' END"
        + " FROM " + series + " JOIN BENCH_YEAR Y ON Y.Y = MOD(S.X * 2654435761, 4294967296) * 5 / 4294967296";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, definitionIds.get("management-analysis"));
      insert.setString(2, definitionIds.get("business-plan"));
      insert.setString(3, definitionIds.get("follow-up-visits"));
      insert.setLong(4, from);
      insert.setLong(5, to - 1);
      insert.executeUpdate();
    }
  }

  private static List<String> historyRows() {
    String followUpEnd = days("C.INTERVAL_DAYS * C.VISITS + 1");
    String result = days("C.INTERVAL_DAYS * C.VISITS");
    String due = days("C.INTERVAL_DAYS * V.V");
    String visit = "2 + (V.V - 1) * 6";
    String afterVisits = "2 + C.VISITS * 6";
    return List.of(
        // the cases: an analysis ends with its feedback, a plan stays open for its follow-up
        "INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
            + " END_TIME_, ROOT_PROC_INST_ID_, STATE_) SELECT C.ID_, C.ID_, C.BUSINESS, C.KEY_, C.DEF,"
            + " CASE WHEN " + ANALYSIS + " THEN " + days("-20") + " WHEN " + PLAN + " THEN " + days("-30")
            + " ELSE C.AT_ END,"
            + " CASE WHEN " + ANALYSIS + " THEN C.AT_ WHEN " + PLAN + " THEN NULL ELSE " + followUpEnd + " END,"
            + " C.ID_, CASE WHEN " + PLAN + " THEN 'ACTIVE' ELSE 'COMPLETED' END FROM BENCH_CASE C",
        // management-analysis: seven steps two days apart, the feedback on the counted day, the end
        steps(ANALYSIS, 1, -20, 2, "AnalysisRequested:startEvent", "FiguresToEnter:exclusiveGateway",
            "EnterFinancialFigures:userTask", "ComputeLocalBenchmark:serviceTask", "ReviewFinancialAnalysis:userTask",
            "FiguresCorrect:exclusiveGateway", "AnalyseNonFinancials:userTask"),
        activity(ANALYSIS, "", "8", "FeedBackResults", "userTask", days("-1"), "C.AT_", 0),
        steps(ANALYSIS, 9, 0, 0, "NextStep:exclusiveGateway", "AnalysisClosed:noneEndEvent"),
        // business-plan: six steps five days apart, finalised on the counted day, the follow-up called
        steps(PLAN, 1, -30, 5, "PlanRequested:startEvent", "DraftBusinessPlan:userTask",
            "SpecialistNeeded:exclusiveGateway", "SpecialistConsulted:exclusiveGateway",
            "FinancingNeeded:exclusiveGateway", "FinancingSettled:exclusiveGateway"),
        activity(PLAN, "", "7", "FinalizeBusinessPlan", "userTask", days("-1"), "C.AT_", 0),
        activity(PLAN, "", "8", "FollowUpPlan", "callActivity", "C.AT_", "NULL", 0),
        // follow-up-visits: a visit subprocess per visit, each recorded on its due day, then the annual sales
        activity(FOLLOW_UP, "", "1", "FollowUpStarted", "startEvent", "C.AT_", "C.AT_", 0),
        activity(FOLLOW_UP, "", "2", "FollowUpVisit#multiInstanceBody", "multiInstanceBody", "C.AT_",
            result, 1),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 1", "FollowUpVisit", "subProcess", "C.AT_", due, 1),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 2", "VisitPlanned", "startEvent", "C.AT_", "C.AT_", 0),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 3", "VisitFallsDue", "intermediateTimer", "C.AT_", due,
            0),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 4", "VisitWithinDeadline", "subProcess", due, due, 1),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 5", "RecordVisit", "userTask", due, due, 1),
        activity(FOLLOW_UP, "V.V <= C.VISITS", visit + " + 6", "VisitRecorded", "noneEndEvent", due, due, 0),
        activity(FOLLOW_UP, "", afterVisits + " + 1", "RecordAnnualSales", "userTask", result, result, 0),
        activity(FOLLOW_UP, "", afterVisits + " + 2", "AssessSalesGrowth", "serviceTask", result, result, 0),
        activity(FOLLOW_UP, "", afterVisits + " + 3", "SalesGrowthTargetReached", "exclusiveGateway", result, result,
            0),
        activity(FOLLOW_UP + " AND C.MET", "", afterVisits + " + 4", "SalesGrowthTargetMet", "noneEndEvent", result,
            result, 0),
        activity(FOLLOW_UP + " AND NOT C.MET", "", afterVisits + " + 4", "SalesGrowthTargetMissed", "noneEndEvent",
            result,
            result, 0),
        // process variables
        variable("", "1", "advisor", "'sato'", "C.AT_"),
        variable("", "2", "businessName", "'留萌ベンチ商店'", "C.AT_"),
        variable(ANALYSIS, "3", "entryRoute", "'seminar'", "C.AT_"),
        variable(ANALYSIS, "4", "analysisNextStep", "'end'", "C.AT_"),
        variable(ANALYSIS, "5", "feedbackDate", dayOf("C.AT_"), "C.AT_"),
        variable(PLAN, "3", "planActions", "'販路開拓'", "C.AT_"),
        flag(PLAN, "4", "needsSpecialist", "FALSE", "C.AT_"),
        variable(PLAN, "5", "planCompletedDate", dayOf("C.AT_"), "C.AT_"),
        variable(FOLLOW_UP, "3", "followUpTrack", "C.TRACK", "C.AT_"),
        variable(FOLLOW_UP, "4", "visitInterval", "CASE WHEN C.INTERVAL_DAYS = 30 THEN 'PT720H' ELSE 'PT2184H' END",
            "C.AT_"),
        flag(FOLLOW_UP, "5", "salesGrowthTargetMet", "C.MET", "C.AT_"),
        // the visit's local 訪問日 (an input parameter of the visit subprocess), as the form leaves it
        "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
            + " EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_)"
            + " SELECT C.ID_ || '-v' || (10 + V.V), C.KEY_, C.DEF, C.ID_, C.ID_, C.ID_ || '-e' || V.V,"
            + " C.ID_ || '-a' || (" + visit + " + 1), 'visitDate', 'string', C.AT_, 1, " + dayOf(due)
            + ", 'CREATED' FROM BENCH_CASE C JOIN BENCH_VISIT V ON V.V <= C.VISITS WHERE " + FOLLOW_UP,
        // the days the forms recorded, as variable updates of the activity instance that completed with them
        detail(ANALYSIS, "", "1", "'-a8'", "'-v5'", "C.ID_", "feedbackDate", dayOf("C.AT_"), "C.AT_"),
        detail(ANALYSIS, "", "2", "'-a8'", "'-v5'", "C.ID_", "feedbackDate", dayOf("C.AT_"), "C.AT_"),
        detail(PLAN, "", "1", "'-a7'", "'-v5'", "C.ID_", "planCompletedDate", dayOf("C.AT_"), "C.AT_"),
        detail(PLAN, "", "2", "'-a7'", "'-v5'", "C.ID_", "planCompletedDate", dayOf("C.AT_"), "C.AT_"),
        detail(FOLLOW_UP, "V.V <= C.VISITS", "3 * V.V", "'-a' || (" + visit + " + 1)", "'-v' || (10 + V.V)",
            "C.ID_ || '-e' || V.V", "visitDate", "NULL", "C.AT_"),
        detail(FOLLOW_UP, "V.V <= C.VISITS", "3 * V.V + 1", "'-a' || (" + visit + " + 5)", "'-v' || (10 + V.V)",
            "C.ID_ || '-e' || V.V", "visitDate", dayOf(due), due),
        detail(FOLLOW_UP, "V.V <= C.VISITS", "3 * V.V + 2", "'-a' || (" + visit + " + 5)", "'-v' || (10 + V.V)",
            "C.ID_ || '-e' || V.V", "visitDate", dayOf(due), due));
  }

  /** The case's counted moment moved by a number of days (an SQL expression). */
  private static String days(String days) {
    return "C.AT_ + (" + days + ") * INTERVAL '1' DAY";
  }

  /** The day (yyyy-MM-dd, as Camunda Forms record a date) of a timestamp in the plan's time zone. */
  private static String dayOf(String timestamp) {
    return "CAST(CAST(" + timestamp + " AS DATE) AS VARCHAR(10))";
  }

  private static String from(String kind, String perVisit) {
    return " FROM BENCH_CASE C" + (perVisit.isEmpty() ? "" : " JOIN BENCH_VISIT V ON " + perVisit) + " WHERE " + kind;
  }

  /** Activities one after another from the counted moment's {@code firstDay}, each {@code step} days long. */
  private static String steps(String kind, int firstNumber, int firstDay, int step, String... idsAndTypes) {
    StringBuilder sql = new StringBuilder("INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_,"
        + " ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_,"
        + " ACT_INST_STATE_, SEQUENCE_COUNTER_) SELECT C.ID_ || '-a' || (T.N), C.KEY_, C.DEF, C.ID_, C.ID_, C.ID_,"
        + " T.ACT_ID_, T.ACT_TYPE_, C.AT_ + T.START_DAY * INTERVAL '1' DAY, C.AT_ + (T.START_DAY + " + step
        + ") * INTERVAL '1' DAY, 0, T.N FROM BENCH_CASE C JOIN (");
    for (int k = 0; k < idsAndTypes.length; k++) {
      String[] parts = idsAndTypes[k].split(":");
      sql.append(k == 0 ? "" : " UNION ALL ").append("SELECT ").append(firstNumber + k).append(" N, '")
          .append(parts[0]).append("' ACT_ID_, '").append(parts[1]).append("' ACT_TYPE_, ")
          .append(firstDay + k * step).append(" START_DAY");
    }
    return sql.append(") T ON 1 = 1 WHERE ").append(kind).toString();
  }

  private static String activity(String kind, String perVisit, String number, String activityId, String type,
      String start, String end, int state) {
    return "INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
        + " EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_, ACT_INST_STATE_, SEQUENCE_COUNTER_)"
        + " SELECT C.ID_ || '-a' || (" + number + "), C.KEY_, C.DEF, C.ID_, C.ID_, C.ID_, '" + activityId + "', '"
        + type + "', " + start + ", " + end + ", " + state + ", " + number + from(kind, perVisit);
  }

  private static String variable(String kind, String number, String name, String text, String at) {
    return "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
        + " EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_)"
        + " SELECT C.ID_ || '-v' || " + number + ", C.KEY_, C.DEF, C.ID_, C.ID_, C.ID_, C.ID_, '" + name
        + "', 'string', " + at + ", 0, " + text + ", 'CREATED'" + from(kind.isEmpty() ? "1 = 1" : kind, "");
  }

  private static String flag(String kind, String number, String name, String value, String at) {
    return "INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
        + " EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, LONG_, STATE_)"
        + " SELECT C.ID_ || '-v' || " + number + ", C.KEY_, C.DEF, C.ID_, C.ID_, C.ID_, C.ID_, '" + name
        + "', 'boolean', " + at + ", 0, CASE WHEN " + value + " THEN 1 ELSE 0 END, 'CREATED'" + from(kind, "");
  }

  private static String detail(String kind, String perVisit, String number, String activitySuffix,
      String variableSuffix, String execution, String name, String text, String at) {
    return "INSERT INTO ACT_HI_DETAIL (ID_, TYPE_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
        + " EXECUTION_ID_, ACT_INST_ID_, VAR_INST_ID_, NAME_, VAR_TYPE_, REV_, TIME_, TEXT_, SEQUENCE_COUNTER_,"
        + " INITIAL_) SELECT C.ID_ || '-d' || (" + number + "), 'VariableUpdate', C.KEY_, C.DEF, C.ID_, C.ID_, "
        + execution + ", C.ID_ || " + activitySuffix + ", C.ID_ || " + variableSuffix + ", '" + name + "', "
        + (text.equals("NULL") ? "NULL" : "'string'") + ", 0, " + at + ", " + text + ", " + number + ", FALSE"
        + from(kind, perVisit);
  }
}
