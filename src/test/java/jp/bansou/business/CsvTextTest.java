package jp.bansou.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTextTest {

  @Test
  void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() {
    List<CsvText.Record> records = CsvText.parse("事業者ID,住所,備考\r\n"
        + "A-1,\"北海道留萌市船場町2丁目1番地, 2階\",\"「数の子」の\"\"加工\"\"\r\n2行目\"\r\n"
        + "A-2,留萌市大町,\r\n");

    assertThat(records).extracting(CsvText.Record::fields).containsExactly(
        List.of("事業者ID", "住所", "備考"),
        List.of("A-1", "北海道留萌市船場町2丁目1番地, 2階", "「数の子」の\"加工\"\r\n2行目"),
        List.of("A-2", "留萌市大町", ""));
  }

  @Test
  void eachRecordKeepsTheLineItStartsOnAsExcelNumbersIt() {
    List<CsvText.Record> records = CsvText.parse("id,note\n1,\"two\nlines\"\n\n2,x\r\n3,\"a\r\nb\r\nc\"\r\n4,y");

    assertThat(records).extracting(CsvText.Record::line).containsExactly(1, 2, 5, 6, 9);
    assertThat(records.get(4).fields()).containsExactly("4", "y");
  }

  @Test
  void aQuoteNeverClosedRefusesTheFileWithItsLineInJapanese() {
    assertThatThrownBy(() -> CsvText.parse("id,name\nA-1,ok\nA-2,\"留萌\nA-3,x\n"))
        .isInstanceOfSatisfying(BusinessImport.Rejected.class, rejected -> {
          assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.reason()).contains("3行目", "引用符", "閉じ");
          });
        });
  }

  @Test
  void textAfterAClosingQuoteIsKeptAsBefore() {
    assertThat(CsvText.parse("\"留萌\"市,x").get(0).fields()).containsExactly("留萌市", "x");
  }

  @Test
  void utf8WithOrWithoutExcelsBomAndShiftJisAreToldApart() {
    String text = "事業者名\r\n株式会社留萌かずの子食品\r\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + utf8.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

    assertThat(CsvText.decode(utf8)).isEqualTo(text);
    assertThat(CsvText.decode(withBom)).isEqualTo(text);
    assertThat(CsvText.decode(text.getBytes(CsvText.WINDOWS_31J))).isEqualTo(text);
  }

  @Test
  void blankLinesAndEmptyRecordsAreBlank() {
    List<CsvText.Record> records = CsvText.parse("id\n,,\n");
    assertThat(records).hasSize(2);
    assertThat(records.get(1).blank()).isTrue();
    assertThat(records.get(0).blank()).isFalse();
  }
}
