package jp.bansou.business;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The businesses table (db/migration), read and written with plain SQL. */
@Repository
public class BusinessRegistry {

  private static final String COLUMNS = "id, name, name_kana, legal_form, industry, employees, representative,"
      + " representative_age, address, phone, email, chamber_member, advisor";

  private final JdbcTemplate jdbc;

  BusinessRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Business> find(String id) {
    return jdbc.query("select " + COLUMNS + " from business where id = ?", BusinessRegistry::map, id)
        .stream().findFirst();
  }

  /** Businesses whose id, name or kana contains the text, by id; all of them for a blank text. */
  public List<Business> search(String text, int limit) {
    return search(text, null, 0, limit);
  }

  /**
   * One page of the businesses whose id, name or kana contains the text (literally: {@code %} and {@code _} are
   * characters, not wildcards), by id, at most {@code limit} from {@code offset}; only those of
   * {@code advisor} when that is given. The database stops at the page instead of the application reading
   * every match (seconds per call at a million businesses).
   */
  public List<Business> search(String text, String advisor, int offset, int limit) {
    String pattern = "%" + literal(text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) + "%";
    String where = "(lower(id) like ? escape '!' or lower(name) like ? escape '!'"
        + " or lower(coalesce(name_kana, '')) like ? escape '!')";
    List<Object> parameters = new ArrayList<>(List.of(pattern, pattern, pattern));
    if (advisor != null) {
      where += " and advisor = ?";
      parameters.add(advisor);
    }
    parameters.add(limit);
    parameters.add(offset);
    return jdbc.query("select " + COLUMNS + " from business where " + where + " order by id limit ? offset ?",
        BusinessRegistry::map, parameters.toArray());
  }

  /**
   * The text as a LIKE pattern that matches only itself, for {@code like ? escape '!'} ({@code !} escapes, being no
   * SQL string escape): {@code %} and {@code _} as staff typed them, not wildcards.
   */
  public static String literal(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** Inserts the business or replaces every attribute of the one with its id. */
  public void save(Business business) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("update business set name = ?, name_kana = ?, legal_form = ?, industry = ?,"
        + " employees = ?, representative = ?, representative_age = ?, address = ?, phone = ?, email = ?,"
        + " chamber_member = ?, advisor = ?, updated_at = ? where id = ?",
        business.name(), business.nameKana(), business.legalForm().name(), business.industry(),
        business.employees(), business.representative(), business.representativeAge(), business.address(),
        business.phone(), business.email(), business.chamberMember(), business.advisor(), now, business.id());
    if (updated == 0) {
      jdbc.update(
          "insert into business (" + COLUMNS + ", updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          business.id(), business.name(), business.nameKana(), business.legalForm().name(), business.industry(),
          business.employees(), business.representative(), business.representativeAge(), business.address(),
          business.phone(), business.email(), business.chamberMember(), business.advisor(), now);
    }
  }

  private static Business map(ResultSet row, int number) throws SQLException {
    int age = row.getInt("representative_age");
    Integer representativeAge = row.wasNull() ? null : age;
    return new Business(
        row.getString("id"),
        row.getString("name"),
        row.getString("name_kana"),
        LegalForm.valueOf(row.getString("legal_form")),
        row.getString("industry"),
        row.getInt("employees"),
        row.getString("representative"),
        representativeAge,
        row.getString("address"),
        row.getString("phone"),
        row.getString("email"),
        row.getBoolean("chamber_member"),
        row.getString("advisor"));
  }
}
