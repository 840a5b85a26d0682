package jp.bansou.lessons;

/** A lesson of a closed case (成功事例・失敗事例) as the case file and the search show it. */
public record Lesson(
    String id,
    String businessId,
    String businessName,
    String industry,
    String track,
    String trackName,
    String trackCase,
    String advisor,
    String kind,
    String kindLabel,
    String topic,
    String topicLabel,
    String category,
    String text,
    String recordedAt) {}
