package jp.bansou.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * What a person is told when the engine refuses what they sent, whichever door they came through
 * (Tasklist, /engine-rest, /api): the status, a type that is no Java class name, and the Japanese message.
 * Only expected refusals are answered here; anything else stays an error of the server.
 *
 * <p>The contract with every track: a refusal is a {@link BadUserRequestException} (or subclass) whose
 * message is exactly the Japanese text for the user. It may come wrapped (the expression language wraps
 * what a {@code ${bean.method()}} throws; the REST layer wraps everything into "Cannot complete task …"),
 * so the cause chain is searched and the innermost refusal's own message is what the user reads.
 */
public record Refusal(int status, String type, String message, String detail) {

  public Refusal(int status, String type, String message) {
    this(status, type, message, null);
  }

  /** The refusals' JSON {@code type}: words, not class names, so that callers can tell them apart. */
  public static final String REFUSED = "refused";
  public static final String CONFLICT = "conflict";
  public static final String TOO_LARGE = "tooLarge";

  static final String TOO_LONG_MESSAGE = "入力された文字が長すぎるため保存できません。文章は1項目4,000文字以内にして、もう一度送ってください。";
  static final String CONFLICT_MESSAGE = "ほかの人が同じ作業を同時に保存したため、保存できませんでした。画面を読み込み直して、最新の状態を確かめてください。";
  static final String ALREADY_DONE_MESSAGE = "このタスクはすでに完了しています（ほかの人が先に完了しました）。タスク一覧を読み込み直してください。";

  /** A user's message is echoed, but never at any length: a 10 MB business id would be answered whole. */
  private static final int MAX_MESSAGE = 2000;
  private static final int MAX_LOGGED = 300;
  private static final Logger LOG = LoggerFactory.getLogger(Refusal.class);
  /** SQL state "string data, right truncation": a value longer than its column, on H2 and PostgreSQL alike. */
  private static final String VALUE_TOO_LONG = "22001";
  private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  /** The refusal this failure is, if it is one a user caused and can correct. */
  public static Optional<Refusal> of(Throwable failure) {
    Throwable gone = innermost(failure, TaskNotFound.class);
    if (gone != null) {
      return Optional.of(new Refusal(404, REFUSED, TaskNotFound.MESSAGE));
    }
    Throwable refusal = innermost(failure, BadUserRequestException.class, FormFieldValidationException.class);
    if (refusal != null) {
      String message = refusal.getMessage();
      if (isJapanese(message)) {
        return Optional.of(new Refusal(400, REFUSED, capped(message)));
      }
      // The engine's own refusals are English and written for developers: staff read what to do instead,
      // the log keeps the engine's words.
      return Optional.of(new Refusal(400, REFUSED,
          message != null && message.contains("too long") ? TOO_LONG_MESSAGE : ErrorAnswers.defaultMessage(400),
          message));
    }
    if (innermost(failure, OptimisticLockingException.class) != null) {
      return Optional.of(new Refusal(409, CONFLICT, CONFLICT_MESSAGE));
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && VALUE_TOO_LONG.equals(sql.getSQLState())) {
        return Optional.of(new Refusal(400, REFUSED, TOO_LONG_MESSAGE, sql.getMessage()));
      }
    }
    return Optional.empty();
  }

  /**
   * The one line an expected refusal leaves in the log: a WARN without a stack trace, since nothing is broken;
   * enough to answer a call from the office ("what did I do wrong?") and short whatever the user sent.
   */
  public void log(String method, String path) {
    String oneLine = (detail == null ? message : message + " (" + detail + ")").replaceAll("\\R+", " / ");
    LOG.warn("Refused {} {} with {}: {}", method, path, status,
        oneLine.length() <= MAX_LOGGED ? oneLine : oneLine.substring(0, MAX_LOGGED) + "…");
  }

  /** A task that another person completed first: a conflict, not a missing page. */
  public static Refusal alreadyDone() {
    return new Refusal(409, CONFLICT, ALREADY_DONE_MESSAGE, null);
  }

  public static boolean isJapanese(String text) {
    return text != null && JAPANESE.matcher(text).find();
  }

  static String capped(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
  }

  @SafeVarargs
  private static Throwable innermost(Throwable failure, Class<? extends Throwable>... kinds) {
    Throwable found = null;
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 50; cause = cause.getCause(), depth++) {
      for (Class<? extends Throwable> kind : kinds) {
        if (kind.isInstance(cause)) {
          found = cause;
        }
      }
    }
    return found;
  }
}
