package jp.bansou.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Chambers' networks and these machines have no outside access: the holidays are read from what Bansō
 * ships, and computing a due date attempts no connection at all.
 */
class BusinessCalendarOfflineTest {

  @Test
  void theCalendarIsBuiltAndComputesDueDatesWithEveryNetworkConnectionRefused() throws Exception {
    Process jvm = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // the security manager refuses every socket connect, listen and accept in that JVM
        "-Djava.security.manager=allow",
        "-cp", System.getProperty("java.class.path"),
        OfflineCalendar.class.getName()))
        .redirectErrorStream(true)
        .start();
    assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM finished").isTrue();
    String output = output(jvm);

    assertThat(output).doesNotContain("network access attempted");
    assertThat(jvm.exitValue()).as(output).isZero();
    assertThat(output).contains("open day 2026-09-24");
  }

  private static String output(Process jvm) throws IOException {
    return new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
