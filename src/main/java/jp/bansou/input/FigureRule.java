package jp.bansou.input;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.Locale;
import java.util.Map;

/**
 * How one figure field of a form is read, as the form file declares it in the component's custom properties
 * ({@code "properties": {"figure": "amount", "negative": "true", "min": "1", "notAbove": "sales"}}): the form is the
 * single source of each field's rule, for the browser (its pattern) and for the server (this rule).
 *
 * @param kind {@code amount} (whole 千円 or 円), {@code count} (whole people, cases, years) or {@code rate}
 *     (a decimal ratio, 1 = 100 %)
 * @param notAbove the key of the figure this one may not exceed (売上原価 ≤ 売上高), or null
 */
public record FigureRule(
    String key,
    String label,
    Kind kind,
    boolean negativeAllowed,
    BigDecimal min,
    BigDecimal max,
    String notAbove,
    String example,
    boolean required,
    boolean readonly) {

  /** The kinds of figure a form field may hold. */
  public enum Kind {
    AMOUNT("amount", false, "62,000"),
    COUNT("count", false, "12"),
    RATE("rate", true, "0.25");

    private final String property;
    private final boolean decimals;
    private final String example;

    Kind(String property, boolean decimals, String example) {
      this.property = property;
      this.decimals = decimals;
      this.example = example;
    }

    public String property() {
      return property;
    }

    public boolean decimals() {
      return decimals;
    }

    public static Kind of(String property) {
      for (Kind kind : values()) {
        if (kind.property.equals(property)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown figure kind '" + property + "' (amount, count or rate)");
    }
  }

  /** The rule of a form component, from its custom properties; null if the component holds no figure. */
  static FigureRule of(String key, String label, Map<String, String> properties, boolean required, boolean readonly) {
    String figure = properties.get("figure");
    if (figure == null) {
      return null;
    }
    Kind kind = Kind.of(figure);
    return new FigureRule(key, label, kind,
        Boolean.parseBoolean(properties.get("negative")),
        decimal(properties.get("min")),
        decimal(properties.get("max")),
        properties.get("notAbove"),
        properties.get("example"),
        required,
        readonly);
  }

  private static BigDecimal decimal(String text) {
    return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
  }

  /** The browser's check of the same grammar the server reads (form-js {@code validate.pattern}). */
  public String pattern() {
    return NumberReader.formPattern(negativeAllowed, kind.decimals());
  }

  /** What to show as an example of a good entry: the form's own, else one that fits the field's bounds. */
  public String exampleText() {
    if (example != null) {
      return example;
    }
    BigDecimal usual = new BigDecimal(kind.example.replace(",", ""));
    if (max != null && usual.compareTo(max) > 0) {
      return format(max);
    }
    if (min != null && usual.compareTo(min) < 0) {
      return format(min);
    }
    return kind.example;
  }

  /**
   * The exact number meant, as a Long for whole figures and a Double for rates (the types the engine stores as
   * plain numbers), or a {@link FigureRefusal} in Japanese naming the field and showing an example.
   * Null only for an optional field left empty.
   */
  public Number read(Object value) {
    BigDecimal number;
    try {
      number = NumberReader.read(value, negativeAllowed, kind.decimals());
    } catch (NumberReader.Unreadable unreadable) {
      switch (unreadable.problem()) {
        case BLANK -> {
          if (required) {
            throw new FigureRefusal("「" + label + "」を入力してください（例: " + exampleText() + "）。");
          }
          return null;
        }
        case NEGATIVE -> throw new FigureRefusal(
            "「" + label + "」にマイナスは入力できません。0 以上の数字で入力してください（例: " + exampleText() + "）。");
        case DECIMAL -> throw new FigureRefusal(
            "「" + label + "」は小数点のない数字で入力してください（例: " + exampleText() + "）。");
        default -> throw new FigureRefusal("「" + label + "」は数字で入力してください。全角・半角の数字とカンマが使えます"
            + "（例: " + exampleText() + " または " + fullWidth(exampleText()) + "）。");
      }
    }
    if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
      String range = min != null && max != null ? format(min) + " から " + format(max) + " まで"
          : min != null ? format(min) + " 以上" : format(max) + " 以下";
      throw new FigureRefusal("「" + label + "」は " + range + "の数字で入力してください（例: " + exampleText() + "）。");
    }
    if (kind.decimals()) {
      return number.doubleValue();
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw new FigureRefusal("「" + label + "」の数字が大きすぎます。単位を確かめて入力してください（例: " + exampleText() + "）。");
    }
  }

  static String format(BigDecimal number) {
    return new DecimalFormat("#,##0.########", new java.text.DecimalFormatSymbols(Locale.JAPAN)).format(number);
  }

  private static String fullWidth(String text) {
    StringBuilder full = new StringBuilder();
    for (char c : text.toCharArray()) {
      full.append(c >= '0' && c <= '9' ? (char) ('\uFF10' + (c - '0')) : c == ',' ? '，' : c == '.' ? '．' : c);
    }
    return full.toString();
  }
}
