package jp.bansou.web;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task that is no longer there when someone completes it: usually a colleague completed it a moment
 * earlier. The engine reports it as an error of its own (logged with a stack trace); it is the caller's
 * situation, not a fault, so it leaves the engine as a refusal and is answered 409 or 404 at the door.
 */
public class TaskNotFound extends BadUserRequestException {

  static final String MESSAGE = "このタスクは見つかりません。すでに完了したか、取り消された可能性があります。タスク一覧を読み込み直してください。";

  public TaskNotFound(Throwable cause) {
    super(MESSAGE, cause);
  }
}
