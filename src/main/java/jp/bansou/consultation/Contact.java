package jp.bansou.consultation;

import java.util.List;

/**
 * One contact as the case file's timeline shows it. Dates are ISO (yyyy-MM-dd); {@code nextActionState} is
 * {@code none}, {@code open} or {@code done}.
 * {@code corrections} says, oldest first, what a manager corrected (the values shown are the corrected ones);
 * {@code correctable} whether the reader may correct it (a manager, or the contact's own staff member).
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
    String recordedAt,
    List<String> corrections,
    boolean correctable) {}
