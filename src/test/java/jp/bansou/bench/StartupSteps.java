package jp.bansou.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts an application (first argument: its class) with Spring's startup recorder and writes where its start
 * went to the file named by {@code -Dbench.steps.out}: each recorded step's own time (its duration less that of
 * the steps inside it), the largest first ({@code -Dbench.steps.keep}, 40 unless told), and the totals by kind
 * of step. Started by the startup benchmark from
 * the packaged jar, like the bare starter; the process exits when written.
 */
public final class StartupSteps {

  public static void main(String[] args) throws Exception {
    Class<?> application = Class.forName(args[0]);
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    BufferingApplicationStartup recorder = new BufferingApplicationStartup(100_000);
    long started = System.nanoTime();
    ConfigurableApplicationContext context = new SpringApplicationBuilder(application).applicationStartup(recorder)
        .run(rest);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<TimelineEvent> events = recorder.getBufferedTimeline().getEvents();
    Map<Long, Duration> inside = new HashMap<>();
    for (TimelineEvent event : events) {
      Long parent = event.getStartupStep().getParentId();
      if (parent != null) {
        inside.merge(parent, event.getDuration(), Duration::plus);
      }
    }
    List<Map<String, Object>> own = new ArrayList<>();
    Map<String, Double> byKind = new TreeMap<>();
    for (TimelineEvent event : events) {
      double ms = event.getDuration().minus(inside.getOrDefault(event.getStartupStep().getId(), Duration.ZERO))
          .toNanos() / 1e6;
      String kind = event.getStartupStep().getName();
      byKind.merge(kind, ms, Double::sum);
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("ownMs", Math.round(ms * 10) / 10.0);
      step.put("step", kind);
      StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
          .forEach(tag -> step.put(tag.getKey(), tag.getValue()));
      own.add(step);
    }
    own.sort((a, b) -> Double.compare((Double) b.get("ownMs"), (Double) a.get("ownMs")));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("application", application.getName());
    out.put("secondsToContextRunning", Math.round(seconds * 100) / 100.0);
    out.put("ownMsByKind", byKind);
    int keep = Integer.getInteger("bench.steps.keep", 40);
    out.put("largestOwnSteps", own.subList(0, Math.min(keep, own.size())));
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(new File(System.getProperty("bench.steps.out")), out);
    context.close();
    System.exit(0);
  }

  private StartupSteps() {}
}
