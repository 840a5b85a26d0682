package jp.bansou.input;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A figure or date refused as staff typed it. The message is the Japanese text the person reads, naming the
 * field and showing what to type, and nothing else: every door (Tasklist, /engine-rest, /api) answers it with
 * 400 and this message.
 */
public class FigureRefusal extends BadUserRequestException {

  private final List<String> problems;

  public FigureRefusal(List<String> problems) {
    super(String.join("", problems));
    this.problems = List.copyOf(problems);
  }

  public FigureRefusal(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
