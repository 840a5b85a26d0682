package jp.bansou.business;

/**
 * One business of the registry (経営カルテ): what the office system knows about a client of the chamber.
 * {@code advisor} is the Camunda user id of the advisor in charge (担当経営指導員), or null.
 */
public record Business(
    String id,
    String name,
    String nameKana,
    LegalForm legalForm,
    String industry,
    int employees,
    String representative,
    Integer representativeAge,
    String address,
    String phone,
    String email,
    boolean chamberMember,
    String advisor) {}
