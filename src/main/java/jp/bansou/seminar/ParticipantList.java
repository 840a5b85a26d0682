package jp.bansou.seminar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the participant list staff paste into the form, one business a line, columns separated by tabs
 * (pasted from a spreadsheet) or commas (半角・全角): 事業者ID, 事業者名, 業種, 従業員数, 個別支援の希望.
 * Each problem is reported with its line number, in Japanese, for the staff to correct.
 */
public final class ParticipantList {

  // Not 、: the census industry names contain it (宿泊業、飲食サービス業). NFKC turns ， into ,.
  private static final Pattern SEPARATOR = Pattern.compile("\\s*[\\t,]\\s*");
  private static final Set<String> YES = Set.of("希望", "○", "〇", "はい", "yes", "y", "1");
  private static final Set<String> NO = Set.of("", "×", "なし", "いいえ", "no", "n", "0", "-");

  private final List<Participant> participants;
  private final List<String> problems;

  private ParticipantList(List<Participant> participants, List<String> problems) {
    this.participants = participants;
    this.problems = problems;
  }

  public static ParticipantList read(String text) {
    List<Participant> participants = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] lines = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int number = i + 1;
      String[] columns = SEPARATOR.split(line, -1);
      if (columns.length < 4 || columns.length > 5) {
        problems.add(number + "行目: 「事業者ID, 事業者名, 業種, 従業員数, 希望」の4〜5項目で入力してください");
        continue;
      }
      String id = columns[0].strip();
      String name = columns[1].strip();
      String industry = columns[2].strip();
      if (id.isEmpty() || name.isEmpty() || industry.isEmpty()) {
        problems.add(number + "行目: 事業者ID・事業者名・業種は省略できません");
        continue;
      }
      if (!seen.add(id)) {
        problems.add(number + "行目: 事業者ID「" + id + "」が重複しています");
        continue;
      }
      // The one number reader: 12 and １２ alike; a minus, a fraction or text is refused
      Long employees = jp.bansou.input.RecordInput.count(columns[3]);
      if (employees == null || employees > Integer.MAX_VALUE) {
        problems.add(number + "行目: 従業員数「" + columns[3].strip() + "」を0以上の整数で入力してください（例: 12）");
        continue;
      }
      String wish = columns.length == 5 ? columns[4].strip().toLowerCase() : "";
      if (!YES.contains(wish) && !NO.contains(wish)) {
        problems.add(number + "行目: 希望欄は「希望」か空欄で入力してください（入力値: " + wish + "）");
        continue;
      }
      participants.add(new Participant(id, name, industry, employees.intValue(), YES.contains(wish)));
    }
    if (participants.isEmpty() && problems.isEmpty()) {
      problems.add("参加者を1行に1事業者ずつ入力してください");
    }
    return new ParticipantList(List.copyOf(participants), List.copyOf(problems));
  }

  public List<Participant> participants() {
    return participants;
  }

  public List<Participant> wantingSupport() {
    return participants.stream().filter(Participant::wantsSupport).toList();
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  public String problems() {
    return String.join("\n", problems);
  }
}
