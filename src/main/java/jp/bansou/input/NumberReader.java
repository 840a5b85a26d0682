package jp.bansou.input;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of numbers typed by Japanese staff, for every amount, count and rate that enters Bansō.
 *
 * <p>It accepts what the IME and a Japanese keyboard produce: half- and full-width digits (62000, ６２０００),
 * thousands separators in groups of three (62,000, ６２，０００), spaces around the number (also the
 * full-width space), and a leading minus written as {@code -}, {@code −}, {@code －}, {@code ー} (what the minus
 * key gives with the IME in kana mode) or the accountants' {@code △}/{@code ▲}. A decimal point ({@code .} or
 * {@code ．}) only where the caller allows decimals. Anything else — letters, units, 39.800 as a thousands
 * separator, 3,98,00 — is refused, never guessed: the figure is either exactly what was meant or not stored.
 *
 * <p>The same grammar is the {@code pattern} of the forms' figure fields ({@link #formPattern}), so the form
 * refuses in the browser what the server would refuse.
 */
public final class NumberReader {

  /** Spaces: ASCII, no-break and the ideographic space U+3000 that the IME types. */
  private static final String SPACE = "[\\s\\u00A0\\u3000]*";
  private static final String MINUS = "[-\\u2212\\uFF0D\\u30FC\\u25B3\\u25B2]";
  private static final String DIGIT = "[0-9\\uFF10-\\uFF19]";
  private static final String INTEGER = "(" + DIGIT + "{1,3}(?:[,\\uFF0C]" + DIGIT + "{3})+|" + DIGIT + "+)";
  private static final String FRACTION = "(?:[.\\uFF0E](" + DIGIT + "+))?";
  private static final Pattern NUMBER = Pattern
      .compile("^" + SPACE + "(" + MINUS + ")?" + SPACE + INTEGER + FRACTION + SPACE + "$");

  private NumberReader() {}

  /** What is wrong with a typed number, before the field's own bounds are applied. */
  public enum Problem {
    BLANK,
    NOT_A_NUMBER,
    NEGATIVE,
    DECIMAL
  }

  /** Thrown by {@link #read}; the caller words the message for its field. */
  public static final class Unreadable extends Exception {
    private final Problem problem;

    Unreadable(Problem problem) {
      super(problem.name(), null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /**
   * The exact number typed, or {@link Unreadable} saying why not.
   *
   * @param negativeAllowed whether a minus sign is meaningful for this field (a loss, negative net assets)
   * @param decimalsAllowed whether a decimal fraction is meaningful (rates); counts and amounts in 千円 are whole
   */
  public static BigDecimal read(String typed, boolean negativeAllowed, boolean decimalsAllowed) throws Unreadable {
    if (typed == null || typed.replaceAll(SPACE, "").isEmpty()) {
      throw new Unreadable(Problem.BLANK);
    }
    Matcher matcher = NUMBER.matcher(typed);
    if (!matcher.matches()) {
      throw new Unreadable(Problem.NOT_A_NUMBER);
    }
    boolean negative = matcher.group(1) != null;
    String integer = halfWidth(matcher.group(2)).replace(",", "");
    String fraction = matcher.group(3) == null ? "" : halfWidth(matcher.group(3));
    if (!fraction.isEmpty() && !decimalsAllowed) {
      throw new Unreadable(Problem.DECIMAL);
    }
    BigDecimal value = new BigDecimal(fraction.isEmpty() ? integer : integer + "." + fraction);
    if (negative && value.signum() != 0 && !negativeAllowed) {
      throw new Unreadable(Problem.NEGATIVE);
    }
    return negative ? value.negate() : value;
  }

  /**
   * A number already typed as a number (a REST caller's Long or Double, or a form's number): exact, or
   * {@link Unreadable} for NaN and infinities, a fraction where none is allowed, or a minus where none makes sense.
   */
  public static BigDecimal read(Number number, boolean negativeAllowed, boolean decimalsAllowed) throws Unreadable {
    BigDecimal value;
    if (number instanceof BigDecimal decimal) {
      value = decimal;
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new Unreadable(Problem.NOT_A_NUMBER);
      }
      // valueOf: the shortest decimal that is this double, so 39.8 stays 39.8 and not 39.7999…
      value = BigDecimal.valueOf(d);
    } else {
      value = BigDecimal.valueOf(number.longValue());
    }
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
    if (value.scale() > 0 && !decimalsAllowed) {
      throw new Unreadable(Problem.DECIMAL);
    }
    if (value.signum() < 0 && !negativeAllowed) {
      throw new Unreadable(Problem.NEGATIVE);
    }
    return value;
  }

  /** Either form of {@link #read}; anything that is neither text nor number is {@link Problem#NOT_A_NUMBER}. */
  public static BigDecimal read(Object value, boolean negativeAllowed, boolean decimalsAllowed) throws Unreadable {
    if (value == null) {
      throw new Unreadable(Problem.BLANK);
    }
    if (value instanceof Number number) {
      return read(number, negativeAllowed, decimalsAllowed);
    }
    if (value instanceof String text) {
      return read(text, negativeAllowed, decimalsAllowed);
    }
    throw new Unreadable(Problem.NOT_A_NUMBER);
  }

  /** The number, or null when the value is missing or not a number this reader accepts (signed, decimals). */
  public static BigDecimal orNull(Object value) {
    try {
      return read(value, true, true);
    } catch (Unreadable unreadable) {
      return null;
    }
  }

  /**
   * The same grammar as a JavaScript regular expression for a form field's {@code validate.pattern}
   * (form-js tests it with {@code new RegExp(pattern)}; JavaScript's {@code \s} includes U+3000).
   */
  public static String formPattern(boolean negativeAllowed, boolean decimalsAllowed) {
    return "^" + SPACE + (negativeAllowed ? MINUS + "?" + SPACE : "") + INTEGER.replace("(" + DIGIT, "(?:" + DIGIT)
        + (decimalsAllowed ? FRACTION.replace("(" + DIGIT, "(?:" + DIGIT) : "") + SPACE + "$";
  }

  private static String halfWidth(String digits) {
    StringBuilder half = new StringBuilder(digits.length());
    for (char c : digits.toCharArray()) {
      if (c >= '\uFF10' && c <= '\uFF19') {
        half.append((char) ('0' + (c - '\uFF10')));
      } else if (c == '\uFF0C') {
        half.append(',');
      } else {
        half.append(c);
      }
    }
    return half.toString();
  }
}
