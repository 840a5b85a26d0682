package jp.bansou.business;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.bansou.input.NumberReader;
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

  /**
   * The file was refused as a whole; nothing of it was applied. Only the first {@link #SHOWN_PROBLEMS} problems
   * travel with it: a file of a million bad lines must not become an answer (or a log) of hundreds of megabytes.
   */
  public static class Rejected extends RuntimeException {
    private final List<RowProblem> problems;
    private final int problemCount;
    private final int status;

    Rejected(List<RowProblem> problems) {
      this(problems, 400);
    }

    Rejected(List<RowProblem> problems, int status) {
      super(problems.size() <= SHOWN_PROBLEMS ? problems.size() + "件の誤りがあるため取り込みませんでした"
          : problems.size() + "件の誤りがあるため取り込みませんでした（最初の" + SHOWN_PROBLEMS + "件を示します）");
      this.problems = List.copyOf(problems.subList(0, Math.min(SHOWN_PROBLEMS, problems.size())));
      this.problemCount = problems.size();
      this.status = status;
    }

    public List<RowProblem> problems() {
      return problems;
    }

    public int problemCount() {
      return problemCount;
    }

    /** 400, or 413 for a file too large to read. */
    public int status() {
      return status;
    }
  }

  static final int SHOWN_PROBLEMS = 100;
  /** Values quoted back in a reason are cut to this many characters. */
  static final int SHOWN_VALUE = 40;
  /** A registry of tens of thousands of businesses is a few megabytes; anything far larger is not such a list. */
  static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
  /** Characters that make an id look like a path or markup, which an id of the office system never is. */
  private static final Pattern ID_REFUSED = Pattern.compile("[/\\\\<>\"'&%?#*:|\\s\u3000]|^\\.|\\.\\.");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cc}|[\u2028\u2029\u200b-\u200f\u202a-\u202e\ufeff]");

  /** The columns and the header names the office system or a person may give them. */
  enum Column {
    ID(true, 50, "事業者ID", "事業所ID", "事業者番号", "会員番号", "id", "businessId"),
    NAME(true, 200, "事業者名", "事業所名", "名称", "name", "businessName"),
    KANA(false, 200, "事業者名カナ", "フリガナ", "カナ", "kana", "nameKana"),
    LEGAL_FORM(true, 20, "法人・個人", "法人個人区分", "組織形態", "legalForm"),
    INDUSTRY(true, 50, "業種", "industry"),
    EMPLOYEES(true, 20, "従業員数", "従業員", "employees"),
    REPRESENTATIVE(false, 100, "代表者", "代表者名", "representative"),
    REPRESENTATIVE_AGE(false, 20, "代表者年齢", "年齢", "representativeAge"),
    ADDRESS(false, 300, "住所", "所在地", "address"),
    PHONE(false, 30, "電話番号", "電話", "TEL", "phone"),
    EMAIL(false, 254, "メールアドレス", "メール", "e-mail", "email"),
    MEMBER(true, 20, "会員", "会員区分", "会員・非会員", "member", "chamberMember"),
    ADVISOR(false, 64, "担当経営指導員", "担当指導員", "担当者", "advisor");

    final boolean required;
    /** The registry column's length (db/migration); longer text is refused, never cut or left to the database. */
    final int maxLength;
    final List<String> names;

    Column(boolean required, int maxLength, String... names) {
      this.required = required;
      this.maxLength = maxLength;
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
  private final OpenTaskGrants openTaskGrants;

  BusinessImport(BusinessRegistry registry, IdentityService identities, OpenTaskGrants openTaskGrants) {
    this.registry = registry;
    this.identities = identities;
    this.openTaskGrants = openTaskGrants;
  }

  /** Imports the file or throws {@link Rejected} with the problems found, applying nothing. */
  @Transactional
  public Counts importCsv(byte[] file) {
    if (file.length > MAX_FILE_BYTES) {
      throw new Rejected(List.of(new RowProblem(1, "ファイルが大きすぎます（" + (file.length / 1024 / 1024)
          + " MB）。" + (MAX_FILE_BYTES / 1024 / 1024) + " MB以下に分けて取り込んでください")), 413);
    }
    mixedEncodings(file).ifPresent(problem -> {
      throw new Rejected(List.of(problem));
    });
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
        reasons.add("事業者ID「" + shown(business.id()) + "」がファイル内で重複しています");
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
      if (existing.isPresent() && !Objects.equals(existing.get().advisor(), business.advisor())) {
        // under own-businesses, the business's open tasks are the new advisor's from now on
        openTaskGrants.advisorChanged(business.id());
      }
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
      String value = values.get(column);
      if (column.required && value == null) {
        reasons.add("「" + column.japaneseName() + "」が空です");
      } else if (value != null && CONTROL.matcher(value).find()) {
        reasons.add("「" + column.japaneseName() + "」に制御文字など見えない文字が含まれています。元のデータを確かめてください");
        values.remove(column);
      } else if (value != null && value.length() > column.maxLength) {
        reasons.add("「" + column.japaneseName() + "」は" + column.maxLength + "文字以内にしてください（"
            + value.length() + "文字あります）");
        values.remove(column);
      }
    }
    String id = values.get(Column.ID);
    if (id != null && ID_REFUSED.matcher(id).find()) {
      reasons.add("事業者ID「" + shown(id) + "」には空白や記号（/ \\ < > \" ' & % ? # * : | や先頭の . など）は使えません。"
          + "事務システムの事業者番号をそのまま使ってください");
    }
    String name = values.get(Column.NAME);
    LegalForm legalForm = null;
    if (values.containsKey(Column.LEGAL_FORM)) {
      legalForm = LegalForm.parse(values.get(Column.LEGAL_FORM)).orElse(null);
      if (legalForm == null) {
        reasons.add("法人・個人「" + shown(values.get(Column.LEGAL_FORM)) + "」は「法人」か「個人事業主」にしてください");
      }
    }
    String industry = values.get(Column.INDUSTRY);
    if (industry != null && !Industries.MAJOR_GROUPS.contains(industry)) {
      reasons.add("業種「" + shown(industry) + "」は経済センサスの産業大分類にありません");
    }
    Integer employees = count(values.get(Column.EMPLOYEES), "従業員数", 0, 100_000, reasons);
    Integer age = count(values.get(Column.REPRESENTATIVE_AGE), "代表者年齢", 15, 120, reasons);
    Boolean member = null;
    if (values.containsKey(Column.MEMBER)) {
      member = membership(values.get(Column.MEMBER));
      if (member == null) {
        reasons.add("会員「" + shown(values.get(Column.MEMBER)) + "」は「会員」か「非会員」にしてください");
      }
    }
    String email = values.get(Column.EMAIL);
    if (email != null && !EMAIL.matcher(email).matches()) {
      reasons.add("メールアドレス「" + shown(email) + "」の形式が正しくありません");
    }
    String phone = values.get(Column.PHONE);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      reasons.add("電話番号「" + shown(phone) + "」の形式が正しくありません");
    }
    String advisor = values.get(Column.ADVISOR);
    if (advisor != null
        && identities.createUserQuery().userId(advisor).memberOfGroup("advisors").count() == 0) {
      reasons.add("担当経営指導員「" + shown(advisor) + "」は経営指導員（advisors）のユーザーIDではありません");
    }
    if (!reasons.isEmpty()) {
      return null;
    }
    return new Business(id, name, values.get(Column.KANA), legalForm, industry, employees,
        values.get(Column.REPRESENTATIVE), age, values.get(Column.ADDRESS), phone, email, member, advisor);
  }

  /** A value as a reason quotes it: cut after {@link #SHOWN_VALUE} characters, saying how long it was. */
  static String shown(String value) {
    return value.length() <= SHOWN_VALUE ? value
        : value.substring(0, SHOWN_VALUE) + "…（全" + value.length() + "文字）";
  }

  /**
   * A file whose lines are partly UTF-8 and partly Shift_JIS (two exports pasted together) would be read
   * wholly as one of them and garble the other's names; it is refused, naming a line of each.
   */
  static Optional<RowProblem> mixedEncodings(byte[] file) {
    int utf8Line = 0;
    int otherLine = 0;
    int line = 1;
    int start = 0;
    for (int i = 0; i <= file.length && (utf8Line == 0 || otherLine == 0); i++) {
      if (i == file.length || file[i] == '\n') {
        boolean ascii = true;
        for (int j = start; j < i && ascii; j++) {
          ascii = file[j] >= 0;
        }
        if (!ascii) {
          try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file, start, i - start));
            utf8Line = utf8Line == 0 ? line : utf8Line;
          } catch (CharacterCodingException notUtf8) {
            otherLine = otherLine == 0 ? line : otherLine;
          }
        }
        line++;
        start = i + 1;
      }
    }
    if (utf8Line == 0 || otherLine == 0) {
      return Optional.empty();
    }
    return Optional.of(new RowProblem(Math.max(utf8Line, otherLine), "文字コードが混ざっています（" + utf8Line
        + "行目はUTF-8、" + otherLine + "行目はShift_JISなど別の文字コード）。ファイル全体を一つの文字コード（UTF-8か"
        + "Shift_JIS）で保存し直してから取り込んでください"));
  }

  private static Integer count(String text, String label, int min, int max, List<String> reasons) {
    if (text == null) {
      return null;
    }
    // the office system may write the unit after the figure (12人, 58歳): the figure itself is the one reader's
    String figure = text.strip().replaceFirst("[人名歳]$", "");
    BigDecimal value;
    try {
      value = NumberReader.read(figure, true, false);
    } catch (NumberReader.Unreadable notACount) {
      reasons.add(label + "「" + shown(text) + "」は整数ではありません");
      return null;
    }
    if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      reasons.add(label + "「" + shown(text) + "」は" + min + "以上" + max + "以下にしてください");
      return null;
    }
    return value.intValueExact();
  }

  private static Boolean membership(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "会員", "はい", "○", "〇", "1", "true", "yes", "member" -> true;
      case "非会員", "いいえ", "×", "0", "false", "no", "non-member" -> false;
      default -> null;
    };
  }
}
