package jp.bansou.bench;

import jp.bansou.business.Business;
import jp.bansou.business.BusinessRegistry;
import jp.bansou.business.LegalForm;

/** Cases start only for businesses of the registry: the benchmark registers its own, as an import would. */
final class BenchBusinesses {

  static void register(BusinessRegistry registry, String id, String advisor) {
    registry.save(new Business(id, "留萌の事業者 " + id, null, LegalForm.CORPORATION, "製造業", 4, null, null,
        null, null, null, true, advisor));
  }

  private BenchBusinesses() {}
}
