package jp.bansou.fair;

import static org.camunda.bpm.engine.variable.Variables.putValue;

import org.camunda.bpm.engine.variable.VariableMap;

/** A demand survey's tally as staff enter it, for the tests of the models that run one. */
final class SurveyAnswers {

  private SurveyAnswers() {}

  /** {@code respondents} visitors (an even number, at least 32), every breakdown adding up to them. */
  static VariableMap of(int respondents) {
    int half = respondents / 2;
    return putValue("surveyDate", "2027-09-13")
        .putValue("respondentsMale", half).putValue("respondentsFemale", respondents - half - 1)
        .putValue("respondentsSexUnanswered", 1)
        .putValue("respondentsAgeTo29", 4).putValue("respondentsAge30s", 6).putValue("respondentsAge40s", 8)
        .putValue("respondentsAge50s", half - 8).putValue("respondentsAge60s", respondents - half - 10)
        .putValue("respondentsAge70Plus", 0)
        .putValue("respondentsRumoi", 2).putValue("respondentsHokkaido", respondents - 12)
        .putValue("respondentsOutsideHokkaido", 10)
        .putValue("tasteGood", half).putValue("tasteFair", half).putValue("tastePoor", 0)
        .putValue("lookGood", 10).putValue("lookFair", 10).putValue("lookPoor", 10)
        .putValue("sizeGood", 5).putValue("sizeFair", 10).putValue("sizePoor", half)
        .putValue("packageGood", 20).putValue("packageFair", 5).putValue("packagePoor", 3)
        .putValue("priceGood", 8).putValue("priceFair", 12).putValue("pricePoor", 6)
        .putValue("surveyFindings", "30代以下の女性は小分けを希望。道外客は贈答用の箱を評価。");
  }
}
