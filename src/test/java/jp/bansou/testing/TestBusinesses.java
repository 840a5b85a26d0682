package jp.bansou.testing;

import java.util.UUID;
import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;

/** Every case belongs to a business of the registry: tests register theirs first, each with its own id. */
public final class TestBusinesses {

  /** A new business with a unique id ("T-…") in the advisor's charge; returns its id. */
  public static String register(BusinessRegistry registry, String advisor) {
    return register(registry, "T-" + UUID.randomUUID(), "留萌かずの子食品", "製造業", 4, advisor);
  }

  public static String register(BusinessRegistry registry, String id, String name, String industry, int employees,
      String advisor) {
    registry.save(new Business(id, name, null, LegalForm.CORPORATION, industry, employees, null, null, null, null,
        null, true, advisor));
    return id;
  }

  private TestBusinesses() {}
}
