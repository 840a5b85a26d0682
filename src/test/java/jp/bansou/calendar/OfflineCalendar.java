package jp.bansou.calendar;

import java.net.SocketPermission;
import java.security.Permission;
import java.time.LocalDate;
import java.util.List;
import jp.bansou.calendar.BusinessCalendarProperties.Direction;

/**
 * Builds the business calendar as the application does, in a JVM where any network connection is refused,
 * and prints the open day for 2026-09-22. Run by {@link BusinessCalendarOfflineTest} in a JVM of its own.
 */
public final class OfflineCalendar {

  public static void main(String[] args) {
    System.setSecurityManager(new SecurityManager() {
      @Override
      public void checkPermission(Permission permission) {
        if (permission instanceof SocketPermission
            && (permission.getActions().contains("connect") || permission.getActions().contains("listen")
                || permission.getActions().contains("accept"))) {
          throw new SecurityException("network access attempted: " + permission);
        }
      }
    });
    BusinessCalendar calendar = TestCalendars.calendar(Direction.NEXT_OPEN_DAY, List.of());
    System.out.println("open day " + calendar.openDay(LocalDate.of(2026, 9, 22)));
  }

  private OfflineCalendar() {}
}
