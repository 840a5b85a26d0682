package jp.bansou.history;

import jp.bansou.calendar.PlanClock;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.calendar.FiscalYear;
import jp.bansou.security.CaseSharing;
import jp.bansou.security.StaffMember;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Finds cases, finished or running, in the engine's history (ACT_HI_PROCINST) joined with the business
 * registry: by business id, name or kana, track, fiscal year, state, advisor in charge and period; a page at a
 * time, newest first. Plain SQL rather than the HistoryService because the engine's query cannot join the
 * registry; it reads only the tables and indexes the engine keeps for its own history queries.
 */
@Repository
class CaseSearch {

  enum State {
    RUNNING,
    FINISHED,
    CANCELLED
  }

  /**
   * @param text part of the business id, name or kana (hiragana finds katakana, full-width finds half-width)
   * @param from first day (Japan time) of the period the case must have been open in; {@code to} its last
   */
  record Criteria(String text, String track, FiscalYear fiscalYear, State state, String advisor, LocalDate from,
      LocalDate to, int page, int size) {}

  record Row(String id, String businessKey, String businessName, String businessKana, String processKey,
      String processName, String fiscalYear, String started, String ended, String state, String stateName,
      String advisor, String advisorName, String superCaseId) {}

  record Page(long total, int page, int size, List<Row> cases) {}

  static final Map<String, String> STATE_NAMES = Map.of(
      "ACTIVE", "進行中", "SUSPENDED", "保留中", "COMPLETED", "完了",
      "EXTERNALLY_TERMINATED", "中止", "INTERNALLY_TERMINATED", "中止");

  private final JdbcTemplate jdbc;
  private final CaseSharing sharing;
  private final RepositoryService repository;
  private final IdentityService identities;
  private final Map<String, String> definitionNames = new ConcurrentHashMap<>();

  CaseSearch(JdbcTemplate jdbc, CaseSharing sharing, RepositoryService repository, IdentityService identities) {
    this.jdbc = jdbc;
    this.sharing = sharing;
    this.repository = repository;
    this.identities = identities;
  }

  Page find(StaffMember staff, Criteria criteria) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> parameters = new ArrayList<>();
    readable(staff, where, parameters);
    if (criteria.text() != null && !criteria.text().isBlank()) {
      List<String> keys = businessKeysMatching(criteria.text());
      if (keys == null) {
        // so many businesses match that a list would be longer than the query: let the database join them
        String typed = containing(criteria.text());
        where.append(" and p.BUSINESS_KEY_ in (select id from business where " + REGISTRY_MATCH + ")");
        parameters.addAll(List.of(typed, typed, typed, toKatakana(typed)));
      } else if (keys.isEmpty()) {
        where.append(" and 1 = 0");
      } else {
        where.append(" and p.BUSINESS_KEY_ in (" + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")");
        parameters.addAll(keys);
      }
    }
    if (criteria.track() != null && !criteria.track().isBlank()) {
      where.append(" and p.PROC_DEF_KEY_ = ?");
      parameters.add(criteria.track());
    }
    if (criteria.fiscalYear() != null) {
      // a case belongs to the fiscal year it started in, as in the case file
      where.append(" and p.START_TIME_ >= ? and p.START_TIME_ < ?");
      parameters.add(Timestamp.from(criteria.fiscalYear().start()));
      parameters.add(Timestamp.from(criteria.fiscalYear().end()));
    }
    if (criteria.state() != null) {
      where.append(switch (criteria.state()) {
        case RUNNING -> " and p.END_TIME_ is null";
        case FINISHED -> " and p.STATE_ = 'COMPLETED'";
        case CANCELLED -> " and p.STATE_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";
      });
    }
    if (criteria.advisor() != null && !criteria.advisor().isBlank()) {
      where.append(" and b.advisor = ?");
      parameters.add(criteria.advisor());
    }
    if (criteria.to() != null) {
      where.append(" and p.START_TIME_ < ?");
      parameters.add(Timestamp.from(criteria.to().plusDays(1).atStartOfDay(PlanClock.zone()).toInstant()));
    }
    if (criteria.from() != null) {
      where.append(" and (p.END_TIME_ is null or p.END_TIME_ >= ?)");
      parameters.add(Timestamp.from(criteria.from().atStartOfDay(PlanClock.zone()).toInstant()));
    }
    String from = " from ACT_HI_PROCINST p left join business b on b.id = p.BUSINESS_KEY_";
    Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, parameters.toArray());
    List<Object> paged = new ArrayList<>(parameters);
    paged.add(criteria.size());
    paged.add((long) criteria.page() * criteria.size());
    List<Map<String, Object>> rows = jdbc.queryForList("select p.PROC_INST_ID_, p.BUSINESS_KEY_, p.PROC_DEF_KEY_,"
        + " p.PROC_DEF_ID_, p.START_TIME_, p.END_TIME_, p.STATE_, p.SUPER_PROCESS_INSTANCE_ID_, b.name, b.name_kana,"
        + " b.advisor" + from + where + " order by p.START_TIME_ desc, p.PROC_INST_ID_ desc limit ? offset ?",
        paged.toArray());
    Map<String, String> unregisteredNames = businessNameVariables(rows);
    Map<String, String> advisorNames = new HashMap<>();
    List<Row> cases = rows.stream().map(row -> {
      String id = (String) row.get("PROC_INST_ID_");
      String name = (String) row.get("name");
      String advisor = (String) row.get("advisor");
      Timestamp started = (Timestamp) row.get("START_TIME_");
      String state = (String) row.get("STATE_");
      return new Row(id, (String) row.get("BUSINESS_KEY_"), name != null ? name : unregisteredNames.get(id),
          (String) row.get("name_kana"), (String) row.get("PROC_DEF_KEY_"),
          processName((String) row.get("PROC_DEF_ID_")), FiscalYear.containing(started).displayName(),
          JapaneseText.time(started), JapaneseText.time((Timestamp) row.get("END_TIME_")), state,
          STATE_NAMES.getOrDefault(state, state), advisor,
          advisor == null ? null : advisorNames.computeIfAbsent(advisor, this::staffName),
          (String) row.get("SUPER_PROCESS_INSTANCE_ID_"));
    }).toList();
    return new Page(total == null ? 0 : total, criteria.page(), criteria.size(), cases);
  }

  /** Registry businesses whose id, name or kana contain the typed text (hiragana finds katakana). */
  private static final String REGISTRY_MATCH = "lower(id) like ? escape '!' or lower(name) like ? escape '!'"
      + " or lower(name_kana) like ? escape '!' or lower(name_kana) like ? escape '!'";
  /** Beyond this many matching businesses the search joins the registry instead of listing their keys. */
  private static final int LISTED_KEYS = 500;

  /**
   * The business keys a typed text finds, or {@code null} when too many match to list them: the registry's
   * businesses by id, name or kana anywhere in them, and the keys of cases without a registered business (a
   * seminar, a survey) by their beginning. Looked up first so the case query probes the engine's index on
   * BUSINESS_KEY_ instead of reading every case of the history (1.4 s at 100,000 cases on H2, docs/history.md).
   */
  private List<String> businessKeysMatching(String text) {
    String typed = containing(text);
    List<String> keys = new ArrayList<>(jdbc.queryForList("select id from business where " + REGISTRY_MATCH
        + " limit " + (LISTED_KEYS + 1), String.class, typed, typed, typed, toKatakana(typed)));
    if (keys.size() > LISTED_KEYS) {
      return null;
    }
    String start = BusinessRegistry.literal(Normalizer.normalize(text.strip(), Normalizer.Form.NFKC)) + "%";
    for (String key : jdbc.queryForList("select distinct BUSINESS_KEY_ from ACT_HI_PROCINST where BUSINESS_KEY_ like ?"
        + " escape '!' or BUSINESS_KEY_ like ? escape '!'", String.class, start, start.toUpperCase())) {
      if (!keys.contains(key)) {
        keys.add(key);
      }
    }
    return keys.size() > LISTED_KEYS ? null : keys;
  }

  /** The typed text as a case-blind LIKE pattern that finds it anywhere, {@code %} and {@code _} taken literally. */
  private static String containing(String text) {
    return "%" + BusinessRegistry.literal(Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase()) + "%";
  }

  /**
   * Narrows the search to what the chamber's one sharing rule lets this person read, by asking the rule about
   * each advisor in charge of a business (a handful of staff) rather than restating it in SQL.
   */
  private void readable(StaffMember staff, StringBuilder where, List<Object> parameters) {
    List<String> advisors = jdbc.queryForList("select distinct advisor from business where advisor is not null",
        String.class);
    List<String> allowed = advisors.stream().filter(advisor -> sharing.mayRead(staff, advisor)).toList();
    boolean unassigned = sharing.mayRead(staff, null);
    if (unassigned && allowed.size() == advisors.size()) {
      return;
    }
    List<String> conditions = new ArrayList<>();
    if (!allowed.isEmpty()) {
      conditions.add("b.advisor in (" + allowed.stream().map(a -> "?").collect(Collectors.joining(", ")) + ")");
      parameters.addAll(allowed);
    }
    if (unassigned) {
      conditions.add("b.advisor is null");
    }
    where.append(conditions.isEmpty() ? " and 1 = 0" : " and (" + String.join(" or ", conditions) + ")");
  }

  /** Cases of no registered business (a survey, a seminar) are named by the variable their model keeps. */
  private Map<String, String> businessNameVariables(List<Map<String, Object>> rows) {
    List<Object> ids = rows.stream().filter(row -> row.get("name") == null).map(row -> row.get("PROC_INST_ID_"))
        .toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    jdbc.query("select PROC_INST_ID_, TEXT_ from ACT_HI_VARINST where NAME_ = 'businessName' and PROC_INST_ID_ in ("
        + ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")",
        row -> {
          names.putIfAbsent(row.getString(1), row.getString(2));
        }, ids.toArray());
    return names;
  }

  String processName(String definitionId) {
    if (definitionId == null) {
      return null;
    }
    return definitionNames.computeIfAbsent(definitionId, id -> {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
      return definition == null ? id : definition.getName() != null ? definition.getName() : definition.getKey();
    });
  }

  /** "佐藤 一郎" for {@code sato}: who did what, by name. */
  String staffName(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identities.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    // the web apps show "first last"; Bansō's staff setup keeps the family name first for that reason
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  /** ひらがな → カタカナ: registries keep フリガナ in katakana, staff often type hiragana. */
  static String toKatakana(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c);
    }
    return out.toString();
  }
}
