package jp.bansou.testing;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs test steps as one of the demo staff, so the engine's authorization checks apply as they do in
 * Tasklist. Engine assertions (camunda-bpm-assert) need the engine's full view: make them outside.
 */
public final class Acting {

  public interface Work {
    void run() throws Exception;
  }

  public static void as(IdentityService identity, String userId, String groupId, Work work) throws Exception {
    identity.setAuthentication(userId, List.of(groupId));
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Acting() {}
}
