package jp.bansou.lessons;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tracks ask for lessons (成功事例・失敗事例, plan §10⑤) when one of their cases ends: process keys.
 * A case called by another (a business plan called by its analysis) is part of its caller's case and asks
 * nothing of its own.
 */
@ConfigurationProperties("bansou.lessons")
public record LessonsProperties(List<String> tracks) {

  public LessonsProperties {
    tracks = tracks == null ? List.of() : List.copyOf(tracks);
  }
}
