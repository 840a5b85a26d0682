package jp.bansou.seminar;

/** One line of a seminar's participant list: a business and whether it wants individual support. */
public record Participant(String businessId, String businessName, String industry, int employees,
    boolean wantsSupport) {}
