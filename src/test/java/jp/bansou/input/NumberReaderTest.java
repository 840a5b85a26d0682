package jp.bansou.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What Japanese staff type into a figure field, read as they meant it or refused: hand-written cases. */
class NumberReaderTest {

  private static final FigureRule SALES = new FigureRule(
      "sales", "売上高", FigureRule.Kind.AMOUNT, false, null, null, null, null, true, false);
  private static final FigureRule PROFIT = new FigureRule(
      "operatingProfit", "営業利益", FigureRule.Kind.AMOUNT, true, null, null, "sales", null, true, false);
  private static final FigureRule YEARS = new FigureRule(
      "planPeriodYears", "計画期間（年）", FigureRule.Kind.COUNT, false, BigDecimal.ONE, new BigDecimal("5"), null, null, true,
      false);
  private static final FigureRule RATE = new FigureRule(
      "expectedReturnRate", "見込み回収率", FigureRule.Kind.RATE, false, null, null, null, null, false, false);

  @ParameterizedTest(name = "「{0}」 is {1}")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
      "62000|62000",
      "62,000|62000",
      "６２，０００|62000",
      "６２,０００|62000",
      "１８６００|18600",
      " 39,800 |39800",
      "\u3000３９，８００\u3000|39800",
      "1,234,567|1234567",
      "0|0",
      "007|7"})
  void anAmountIsReadAsTheNumberTyped(String typed, long meant) throws Exception {
    assertThat(NumberReader.read(typed, false, false)).isEqualByComparingTo(BigDecimal.valueOf(meant));
    assertThat(SALES.read(typed)).isEqualTo(meant);
  }

  @ParameterizedTest(name = "「{0}」 is {1}")
  @CsvSource(delimiter = '|', value = {
      "-1,200|-1200",
      "−1200|-1200",
      "－１，２００|-1200",
      "ー１２００|-1200",
      "△1,200|-1200",
      "▲ 1,200|-1200",
      "3,600|3600"})
  void aLossIsReadWithAnyMinusTheKeyboardGives(String typed, long meant) {
    assertThat(PROFIT.read(typed)).isEqualTo(meant);
  }

  @ParameterizedTest(name = "「{0}」 is refused")
  @ValueSource(strings = {"abc", "62千", "62,000円", "6.2万", "3,98,00", "62,00", ",000", "1 000", "62-000",
      "--5", "1e3", "Infinity", "NaN", "１２a", "62，000，0"})
  void anythingElseIsRefusedNotGuessed(String typed) {
    assertThatThrownBy(() -> SALES.read(typed)).isInstanceOf(FigureRefusal.class)
        .hasMessage("「売上高」は数字で入力してください。全角・半角の数字とカンマが使えます（例: 62,000 または ６２，０００）。");
  }

  @Test
  void aMinusWhereNoneMakesSenseIsRefusedNotDropped() {
    assertThatThrownBy(() -> SALES.read("-100")).isInstanceOf(FigureRefusal.class)
        .hasMessage("「売上高」にマイナスは入力できません。0 以上の数字で入力してください（例: 62,000）。");
    assertThatThrownBy(() -> SALES.read(-100L)).hasMessageContaining("マイナスは入力できません");
  }

  @Test
  void aFractionInAWholeFigureIsRefusedNotRounded() {
    assertThatThrownBy(() -> SALES.read("62000.5")).hasMessage("「売上高」は小数点のない数字で入力してください（例: 62,000）。");
    assertThatThrownBy(() -> SALES.read(62000.5)).hasMessageContaining("小数点のない数字");
    assertThatThrownBy(() -> SALES.read("39.800")).as("a European thousands separator is not guessed")
        .hasMessageContaining("小数点のない数字");
    assertThat(SALES.read(62000.0)).as("a whole Double from a REST caller is that whole number").isEqualTo(62000L);
  }

  @Test
  void aRequiredFieldLeftEmptyIsAskedFor() {
    assertThatThrownBy(() -> SALES.read("  \u3000")).hasMessage("「売上高」を入力してください（例: 62,000）。");
    assertThatThrownBy(() -> SALES.read(null)).hasMessage("「売上高」を入力してください（例: 62,000）。");
    assertThat(RATE.read("")).as("an optional field left empty stays empty").isNull();
  }

  @Test
  void boundsAreNamedWithAnExampleInside() {
    assertThat(YEARS.read("５")).isEqualTo(5L);
    assertThatThrownBy(() -> YEARS.read("6")).hasMessage("「計画期間（年）」は 1 から 5 までの数字で入力してください（例: 5）。");
    assertThatThrownBy(() -> YEARS.read("0")).hasMessageContaining("1 から 5 まで");
  }

  @Test
  void aRateKeepsItsDecimalsExactly() {
    assertThat(RATE.read("0.35")).isEqualTo(0.35);
    assertThat(RATE.read("０．３５")).isEqualTo(0.35);
    assertThat(RATE.read(0.1)).isEqualTo(0.1);
  }

  @Test
  void aFigureTooLargeForTheEngineIsRefused() {
    assertThatThrownBy(() -> SALES.read("99999999999999999999")).hasMessageContaining("大きすぎます");
  }

  @Test
  void theFormsPatternAcceptsExactlyWhatTheServerReads() {
    Map<String, Boolean> typed = Map.of("62,000", true, "６２，０００", true, " 39,800 ", true, "\u3000１８６００", true,
        "-100", false, "abc", false, "39.800", false, "3,98,00", false, "62,000円", false, "", false);
    Pattern pattern = Pattern.compile(NumberReader.formPattern(false, false));
    typed.forEach((text, accepted) -> {
      assertThat(pattern.matcher(text).find()).as(text).isEqualTo(accepted);
      boolean read;
      try {
        NumberReader.read(text, false, false);
        read = true;
      } catch (NumberReader.Unreadable refused) {
        read = false;
      }
      assertThat(read).as(text).isEqualTo(accepted);
    });
    assertThat(Pattern.compile(NumberReader.formPattern(true, false)).matcher("ー１，２００").find()).isTrue();
    assertThat(Pattern.compile(NumberReader.formPattern(false, true)).matcher("０．３５").find()).isTrue();
  }
}
