package jp.bansou.consultation;

/**
 * One contact as the case file's timeline shows it. Dates are ISO (yyyy-MM-dd); {@code nextActionState} is
 * {@code none}, {@code open} or {@code done}.
 */
public record Contact(
    String id,
    String businessId,
    String businessName,
    String contactDate,
    String channel,
    String channelLabel,
    String contactStaff,
    String contactStaffName,
    String accompanyingStaff,
    String accompanyingStaffName,
    String topics,
    String heard,
    String nextAction,
    String nextActionDue,
    String nextActionState,
    String nextActionDoneDate,
    String nextActionResult,
    String followingTrackName,
    String followingTrackCase,
    String recordedBy,
    String recordedAt) {}
