package jp.bansou.tasklist;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasks without a due date come last in a list sorted by due date, as on PostgreSQL (NULLS LAST for
 * ascending order). H2 sorts NULL first by default, which put every undated task above the overdue ones on
 * the embedded database. The engine's task query has no NULLS LAST of its own, so the database's default
 * is set; H2 keeps the setting in the database file.
 */
@Component
class NullDueDatesLastOnH2 {

  private static final Logger LOG = LoggerFactory.getLogger(NullDueDatesLastOnH2.class);

  private final DataSource dataSource;

  NullDueDatesLastOnH2(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationStartedEvent.class)
  void sortNullsLast() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET DEFAULT_NULL_ORDERING HIGH");
      }
      LOG.info("H2 sorts NULL last in ascending order, as PostgreSQL does");
    }
  }
}
