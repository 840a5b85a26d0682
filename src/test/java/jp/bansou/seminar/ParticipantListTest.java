package jp.bansou.seminar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParticipantListTest {

  @Test
  void linesPastedFromASpreadsheetOrTypedWithCommasAreRead() {
    ParticipantList list = ParticipantList.read(
        "B-1\t留萌食堂\t宿泊業、飲食サービス業\t3\t希望\n"
            + "\n"
            + "B-2， 港町商店， 卸売業、小売業， ５\n"
            + "B-3,黄金岬工務店,建設業,12,○\n");

    assertThat(list.isValid()).isTrue();
    assertThat(list.participants()).containsExactly(
        new Participant("B-1", "留萌食堂", "宿泊業、飲食サービス業", 3, true),
        new Participant("B-2", "港町商店", "卸売業、小売業", 5, false),
        new Participant("B-3", "黄金岬工務店", "建設業", 12, true));
    assertThat(list.wantingSupport()).extracting(Participant::businessId).containsExactly("B-1", "B-3");
  }

  @Test
  void eachProblemIsNamedWithItsLine() {
    ParticipantList list = ParticipantList.read(
        "B-1,留萌食堂,宿泊業、飲食サービス業,三,希望\n"
            + "B-2,港町商店\n"
            + "B-3,黄金岬工務店,建設業,12,たぶん\n"
            + "B-4,A,建設業,1\n"
            + "B-4,B,建設業,1\n");

    assertThat(list.isValid()).isFalse();
    assertThat(list.problems().split("\n")).containsExactly(
        "1行目: 従業員数「三」を0以上の整数で入力してください（例: 12）",
        "2行目: 「事業者ID, 事業者名, 業種, 従業員数, 希望」の4〜5項目で入力してください",
        "3行目: 希望欄は「希望」か空欄で入力してください（入力値: たぶん）",
        "5行目: 事業者ID「B-4」が重複しています");
  }

  @Test
  void anEmptyListIsAProblemToo() {
    assertThat(ParticipantList.read(" \n ").problems()).isEqualTo("参加者を1行に1事業者ずつ入力してください");
  }
}
