package jp.bansou.tasklist;

import java.util.List;

/**
 * The visits, as the track that owns them publishes them for Tasklist: the overdue-visits filter lists their
 * tasks, and a visit's task description says which visit it is. Tasklist is a shared concern and may not import
 * a track (PackageRulesTest), so the track names its visits once, in its published names, and registers them as
 * the one bean of this type; Tasklist reads the bean (ADR 0090).
 */
public interface VisitTasks {

  /** The process whose cases are visit rounds. */
  String process();

  /** Every user task that is a visit: recorded, or late and being planned or handled. */
  List<String> taskKeys();

  /** The variable that holds a visit's number within its round (1, 2, …). */
  String visitNumber();
}
