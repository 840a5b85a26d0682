package jp.bansou.fair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demand survey's breakdowns (plan §4: 50 visitors or buyers at a fair, 50 visitors at the tasting
 * survey): respondents counted by sex, age band and residence, and each product aspect (taste, look, size,
 * package, price) counted as good, fair or poor. Every breakdown must add up to the same respondents
 * ({@link CheckDemandSurvey}); {@link TallySurveyResponses} counts them.
 */
final class DemandSurvey {

  static final Map<String, String> SEXES = labels(
      "respondentsMale", "男性", "respondentsFemale", "女性", "respondentsSexUnanswered", "その他・無回答");
  static final Map<String, String> AGE_BANDS = labels(
      "respondentsAgeTo29", "20代以下", "respondentsAge30s", "30代", "respondentsAge40s", "40代",
      "respondentsAge50s", "50代", "respondentsAge60s", "60代", "respondentsAge70Plus", "70代以上");
  static final Map<String, String> RESIDENCES = labels(
      "respondentsRumoi", "留萌管内", "respondentsHokkaido", "道内（留萌管内を除く）",
      "respondentsOutsideHokkaido", "道外");
  static final Map<String, String> ASPECTS = labels(
      "taste", "味", "look", "見た目", "size", "大きさ・量", "package", "パッケージ", "price", "価格");
  static final List<String> RATINGS = List.of("Good", "Fair", "Poor");

  private DemandSurvey() {}

  private static Map<String, String> labels(String... keysAndLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < keysAndLabels.length; i += 2) {
      labels.put(keysAndLabels[i], keysAndLabels[i + 1]);
    }
    return labels;
  }
}
