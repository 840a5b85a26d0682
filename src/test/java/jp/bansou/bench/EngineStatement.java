package jp.bansou.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL the engine really sends for one of its MyBatis statements, caught from MyBatis' statement log while a
 * request runs, with its parameters written in, so that the database's own plan of it can be shown ({@code EXPLAIN
 * ANALYZE}) beside the latency: a plan the planner chose is evidence, a guessed statement is not.
 */
final class EngineStatement {

  private static final Pattern TYPED = Pattern.compile("(.*)\\((String|Integer|Long|Timestamp)\\)");

  private final String sql;

  private EngineStatement(String sql) {
    this.sql = sql;
  }

  /** Runs {@code request} with the statement's log on and returns the last statement it sent. */
  static EngineStatement caught(String statementId, Runnable request) {
    Logger log = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity." + statementId);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level level = log.getLevel();
    log.setLevel(Level.DEBUG);
    log.addAppender(lines);
    try {
      request.run();
    } finally {
      log.detachAppender(lines);
      log.setLevel(level);
    }
    String prepared = null;
    String parameters = null;
    for (ILoggingEvent line : lines.list) {
      String message = line.getFormattedMessage();
      if (message.startsWith("==>  Preparing: ")) {
        prepared = message.substring("==>  Preparing: ".length());
      } else if (message.startsWith("==> Parameters: ")) {
        parameters = message.substring("==> Parameters: ".length());
      }
    }
    if (prepared == null) {
      throw new IllegalStateException("no statement " + statementId + " was sent");
    }
    return new EngineStatement(inline(prepared, parameters == null ? "" : parameters));
  }

  String sql() {
    return sql;
  }

  /**
   * The database's plan of the statement as it ran ({@code EXPLAIN ANALYZE}), line by line; a plan that does not
   * finish within {@code timeout} (PostgreSQL's interval, e.g. {@code 300s}) is shown without running it.
   */
  List<String> plan(JdbcTemplate jdbc, String timeout) {
    return jdbc.execute((ConnectionCallback<List<String>>) (Connection connection) -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET statement_timeout = '" + timeout + "'");
        try {
          return lines(statement, "EXPLAIN (ANALYZE, BUFFERS) " + sql);
        } catch (SQLException tooLong) {
          List<String> plan = new ArrayList<>(List.of("(EXPLAIN ANALYZE stopped after " + timeout + ": "
              + tooLong.getMessage().lines().findFirst().orElse("") + "; the plan without running it:)"));
          plan.addAll(lines(statement, "EXPLAIN " + sql));
          return plan;
        } finally {
          statement.execute("RESET statement_timeout");
        }
      }
    });
  }

  private static List<String> lines(Statement statement, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        lines.add(rows.getString(1));
      }
    }
    return lines;
  }

  /** The execution time the plan reports, ms. */
  static double executionMillis(List<String> plan) {
    return plan.stream().filter(line -> line.startsWith("Execution Time: ")).findFirst()
        .map(line -> Double.parseDouble(line.replaceAll("[^0-9.]", ""))).orElse(Double.NaN);
  }

  /** MyBatis logs {@code sato(String), 7(Integer), null}: none of the benchmark's values holds ", ". */
  private static String inline(String prepared, String parameters) {
    List<String> values = new ArrayList<>();
    for (String parameter : parameters.isBlank() ? new String[0] : parameters.split(", ")) {
      Matcher typed = TYPED.matcher(parameter);
      if (parameter.equals("null")) {
        values.add("NULL");
      } else if (typed.matches()) {
        String text = typed.group(1);
        values.add(typed.group(2).equals("Integer") || typed.group(2).equals("Long") ? text
            : "'" + text.replace("'", "''") + "'");
      } else {
        throw new IllegalStateException("unreadable parameter " + parameter + " in " + parameters);
      }
    }
    StringBuilder sql = new StringBuilder();
    int next = 0;
    for (char c : prepared.toCharArray()) {
      sql.append(c == '?' ? values.get(next++) : String.valueOf(c));
    }
    if (next != values.size()) {
      throw new IllegalStateException(next + " placeholders but " + values.size() + " parameters: " + parameters);
    }
    return sql.toString();
  }
}
