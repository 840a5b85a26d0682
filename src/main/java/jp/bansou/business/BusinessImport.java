package jp.bansou.business;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the office system's business list (CSV) into the registry. The whole file is checked first and
 * applied only when every row is right, so a file is never half imported; rows equal to the registry are
 * left untouched, so importing the same file again changes nothing.
 */
@Service
public class BusinessImport {

  public record Counts(int created, int updated, int unchanged) {}

  public record RowProblem(int line, String reason) {}

  /** The file was refused as a whole; nothing of it was applied. */
  public static class Rejected extends RuntimeException {
    private final List<RowProblem> problems;

    Rejected(List<RowProblem> problems) {
      super(problems.size() + "件の誤りがあるため取り込みませんでした");
      this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
      return problems;
    }
  }

  /** The columns and the header names the office system or a person may give them. */
  enum Column {
    ID(true, "事業者ID", "事業所ID", "事業者番号", "会員番号", "id", "businessId"),
    NAME(true, "事業者名", "事業所名", "名称", "name", "businessName"),
    KANA(false, "事業者名カナ", "フリガナ", "カナ", "kana", "nameKana"),
    LEGAL_FORM(true, "法人・個人", "法人個人区分", "組織形態", "legalForm"),
    INDUSTRY(true, "業種", "industry"),
    EMPLOYEES(true, "従業員数", "従業員", "employees"),
    REPRESENTATIVE(false, "代表者", "代表者名", "representative"),
    REPRESENTATIVE_AGE(false, "代表者年齢", "年齢", "representativeAge"),
    ADDRESS(false, "住所", "所在地", "address"),
    PHONE(false, "電話番号", "電話", "TEL", "phone"),
    EMAIL(false, "メールアドレス", "メール", "e-mail", "email"),
    MEMBER(true, "会員", "会員区分", "会員・非会員", "member", "chamberMember"),
    ADVISOR(false, "担当経営指導員", "担当指導員", "担当者", "advisor");

    final boolean required;
    final List<String> names;

    Column(boolean required, String... names) {
      this.required = required;
      this.names = List.of(names);
    }

    String japaneseName() {
      return names.get(0);
    }

    static Optional<Column> named(String header) {
      String wanted = normalize(header);
      return Arrays.stream(values()).filter(column -> column.names.stream().anyMatch(n -> normalize(n).equals(wanted)))
          .findFirst();
    }

    private static String normalize(String header) {
      return header.strip().replaceAll("[\\s　_\\-・]", "").toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("[0-9０-９()（）\\-－+ ]{6,30}");

  private final BusinessRegistry registry;
  private final IdentityService identities;

  BusinessImport(BusinessRegistry registry, IdentityService identities) {
    this.registry = registry;
    this.identities = identities;
  }

  /** Imports the file or throws {@link Rejected} with every problem found, applying nothing. */
  @Transactional
  public Counts importCsv(byte[] file) {
    List<CsvText.Record> records = CsvText.parse(CsvText.decode(file)).stream()
        .filter(record -> !record.blank()).toList();
    if (records.isEmpty()) {
      throw new Rejected(List.of(new RowProblem(1, "ファイルが空です（1行目に見出し行が必要です）")));
    }
    CsvText.Record header = records.get(0);
    Map<Column, Integer> positions = new EnumMap<>(Column.class);
    for (int i = 0; i < header.fields().size(); i++) {
      int position = i;
      Column.named(header.fields().get(i)).ifPresent(column -> positions.putIfAbsent(column, position));
    }
    List<RowProblem> problems = new ArrayList<>();
    for (Column column : Column.values()) {
      if (column.required && !positions.containsKey(column)) {
        problems.add(new RowProblem(header.line(), "必須の列「" + column.japaneseName() + "」が見出し行にありません"));
      }
    }
    if (!problems.isEmpty()) {
      throw new Rejected(problems);
    }

    List<Business> businesses = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (CsvText.Record record : records.subList(1, records.size())) {
      List<String> reasons = new ArrayList<>();
      Business business = read(record, positions, reasons);
      if (business != null && !ids.add(business.id())) {
        reasons.add("事業者ID「" + business.id() + "」がファイル内で重複しています");
      }
      if (reasons.isEmpty()) {
        businesses.add(business);
      } else {
        problems.add(new RowProblem(record.line(), String.join("、", reasons)));
      }
    }
    if (!problems.isEmpty()) {
      throw new Rejected(problems);
    }

    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Business business : businesses) {
      Optional<Business> existing = registry.find(business.id());
      if (existing.isEmpty()) {
        created++;
      } else if (existing.get().equals(business)) {
        unchanged++;
        continue;
      } else {
        updated++;
      }
      registry.save(business);
    }
    return new Counts(created, updated, unchanged);
  }

  private Business read(CsvText.Record record, Map<Column, Integer> positions, List<String> reasons) {
    EnumMap<Column, String> values = new EnumMap<>(Column.class);
    positions.forEach((column, position) -> {
      String value = position < record.fields().size() ? record.fields().get(position).strip() : "";
      if (!value.isEmpty()) {
        values.put(column, value);
      }
    });
    for (Column column : Column.values()) {
      if (column.required && !values.containsKey(column)) {
        reasons.add("「" + column.japaneseName() + "」が空です");
      }
    }
    String id = values.get(Column.ID);
    if (id != null && id.length() > 50) {
      reasons.add("事業者IDは50文字以内にしてください");
    }
    String name = values.get(Column.NAME);
    if (name != null && name.length() > 200) {
      reasons.add("事業者名は200文字以内にしてください");
    }
    LegalForm legalForm = null;
    if (values.containsKey(Column.LEGAL_FORM)) {
      legalForm = LegalForm.parse(values.get(Column.LEGAL_FORM)).orElse(null);
      if (legalForm == null) {
        reasons.add("法人・個人「" + values.get(Column.LEGAL_FORM) + "」は「法人」か「個人事業主」にしてください");
      }
    }
    String industry = values.get(Column.INDUSTRY);
    if (industry != null && !Industries.MAJOR_GROUPS.contains(industry)) {
      reasons.add("業種「" + industry + "」は経済センサスの産業大分類にありません");
    }
    Integer employees = count(values.get(Column.EMPLOYEES), "従業員数", 0, 100_000, reasons);
    Integer age = count(values.get(Column.REPRESENTATIVE_AGE), "代表者年齢", 15, 120, reasons);
    Boolean member = null;
    if (values.containsKey(Column.MEMBER)) {
      member = membership(values.get(Column.MEMBER));
      if (member == null) {
        reasons.add("会員「" + values.get(Column.MEMBER) + "」は「会員」か「非会員」にしてください");
      }
    }
    String email = values.get(Column.EMAIL);
    if (email != null && !EMAIL.matcher(email).matches()) {
      reasons.add("メールアドレス「" + email + "」の形式が正しくありません");
    }
    String phone = values.get(Column.PHONE);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      reasons.add("電話番号「" + phone + "」の形式が正しくありません");
    }
    String advisor = values.get(Column.ADVISOR);
    if (advisor != null
        && identities.createUserQuery().userId(advisor).memberOfGroup("advisors").count() == 0) {
      reasons.add("担当経営指導員「" + advisor + "」は経営指導員（advisors）のユーザーIDではありません");
    }
    if (!reasons.isEmpty()) {
      return null;
    }
    return new Business(id, name, values.get(Column.KANA), legalForm, industry, employees,
        values.get(Column.REPRESENTATIVE), age, values.get(Column.ADDRESS), phone, email, member, advisor);
  }

  private static Integer count(String text, String label, int min, int max, List<String> reasons) {
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.replace(",", "").replace("人", "").replace("歳", "").strip());
      if (value < min || value > max) {
        reasons.add(label + "「" + text + "」は" + min + "以上" + max + "以下にしてください");
        return null;
      }
      return value;
    } catch (NumberFormatException notANumber) {
      reasons.add(label + "「" + text + "」は整数ではありません");
      return null;
    }
  }

  private static Boolean membership(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "会員", "はい", "○", "〇", "1", "true", "yes", "member" -> true;
      case "非会員", "いいえ", "×", "0", "false", "no", "non-member" -> false;
      default -> null;
    };
  }
}
