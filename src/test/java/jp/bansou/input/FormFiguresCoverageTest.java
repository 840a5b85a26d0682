package jp.bansou.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every figure of every form in forms/ follows the figure rules, so a new form or field cannot escape them: no
 * field lets form-js parse a number itself, every field that holds a figure says which kind in the form file, and
 * its browser pattern is the server's grammar.
 */
class FormFiguresCoverageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Units a field shows beside its input: such a field holds a figure. */
  private static final Set<String> FIGURE_UNITS = Set.of("千円", "円", "人", "件", "回", "年", "歳", "%", "％", "倍");

  @Test
  void everyNumericFieldOfEveryFormIsReadByTheOneNumberReader() throws Exception {
    File[] forms = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
    assertThat(forms).hasSizeGreaterThanOrEqualTo(62);
    List<String> escaping = new ArrayList<>();
    int figures = 0;
    for (File file : forms) {
      JsonNode form = JSON.readTree(file);
      FormFigures.FormRules rules = FormFigures.read(form);
      List<JsonNode> components = new ArrayList<>();
      FormFigures.walk(form.path("components"), components::add);
      for (JsonNode component : components) {
        String where = file.getName() + " " + component.path("key").asText(component.path("id").asText());
        String type = component.path("type").asText();
        boolean readonly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
        String figure = component.path("properties").path("figure").asText(null);
        if ("number".equals(type) && !readonly) {
          escaping.add(where + ": a form-js number field (it reads 62,000 as 62 and ６２ as NaN)");
        }
        if ("number".equals(type) && figure == null) {
          escaping.add(where + ": a number shown without properties.figure");
        }
        if (FIGURE_UNITS.contains(component.path("appearance").path("suffixAdorner").asText()) && figure == null) {
          escaping.add(where + ": shows a unit but has no properties.figure");
        }
        if (figure == null) {
          continue;
        }
        figures++;
        FigureRule rule = rules.figures().stream()
            .filter(r -> r.key().equals(component.path("key").asText())).findFirst().orElseThrow();
        if (!readonly && !"textfield".equals(type)) {
          escaping.add(where + ": an editable figure must be a textfield read by the server");
        }
        if (!readonly && !rule.pattern().equals(component.path("validate").path("pattern").asText())) {
          escaping.add(where + ": validate.pattern is not the server's grammar " + rule.pattern());
        }
        if (rule.notAbove() != null && rules.figures().stream().noneMatch(r -> r.key().equals(rule.notAbove()))) {
          escaping.add(where + ": notAbove names " + rule.notAbove() + ", which is not a figure of the form");
        }
      }
    }
    assertThat(escaping).isEmpty();
    assertThat(figures).as("the figures of the 62 forms").isGreaterThanOrEqualTo(96);
  }

  @Test
  void theFinancialFormChecksThePlansFiguresAgainstEachOther() {
    FormFigures.FormRules financials = new FormFigures().of("analysis-financials");
    assertThat(financials.figures()).extracting(FigureRule::key, FigureRule::notAbove).contains(
        org.assertj.core.groups.Tuple.tuple("costOfSales", "sales"),
        org.assertj.core.groups.Tuple.tuple("operatingProfit", "sales"),
        org.assertj.core.groups.Tuple.tuple("netAssets", "totalAssets"));
    assertThat(financials.figures()).filteredOn(FigureRule::negativeAllowed).extracting(FigureRule::key)
        .containsExactlyInAnyOrder("operatingProfit", "netAssets");
    assertThat(financials.confirmsImplausible()).isTrue();
  }
}
