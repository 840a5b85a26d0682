package jp.bansou.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;

/**
 * Who calls Bansō's own REST endpoints ({@code /api/*}), as {@link ApiAuthentication} found out: controllers
 * take it with {@code @RequestAttribute(StaffMember.ATTRIBUTE)} or {@link #of(HttpServletRequest)}.
 */
public record StaffMember(String userId, List<String> groupIds) {

  public static final String ATTRIBUTE = "jp.bansou.security.StaffMember";

  public StaffMember {
    groupIds = List.copyOf(groupIds);
  }

  public static StaffMember of(HttpServletRequest request) {
    return (StaffMember) request.getAttribute(ATTRIBUTE);
  }

  public boolean isIn(StaffGroup... groups) {
    return Arrays.stream(groups).anyMatch(group -> groupIds.contains(group.id()));
  }
}
