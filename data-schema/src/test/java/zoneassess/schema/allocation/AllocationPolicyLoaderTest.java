package zoneassess.schema.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.factor.PriceFactor;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class AllocationPolicyLoaderTest {

  /** A minimal valid policy; the negative tests change one line of it. */
  private static final String MINIMAL =
      """
      id: mini
      classes:
        A: {name_zh: 优先发展类, land_priority: true}
        D:
          name_zh: 落后整治类
          land_auction_barred: true
          prices:
            electricity: [0.10, 0.20, 0.30]
      major_projects:
        guaranteed_min_investment_100m: 50
        statuses: [signed]
        investment_intensity_10k_per_mu: 400
        energy_tce_per_100m: 2000
      quotas:
        unit: zone
        land_mu: 1000
        energy_10k_tce: 10
        basis: tax_per_mu
        floor: 5%
        cap: 40%
      """;

  private static AllocationPolicy parse(String text) {
    return AllocationPolicyLoader.parse(YamlDoc.parse("policy.yaml", text));
  }

  private static String messageOf(String text) {
    return assertThrows(SpecException.class, () -> parse(text)).getMessage();
  }

  @Test
  void huaianPolicyCarriesThePublicMeasures() {
    AllocationPolicy p = AllocationPolicyLoader.load(AllocationPolicyLoader.HUAIAN_2024);
    assertEquals("优先发展类", p.classPolicy("A").orElseThrow().nameZh());
    assertEquals("落后整治类", p.classPolicy("D").orElseThrow().nameZh());
    ClassPolicy d = p.classPolicy("D").orElseThrow();
    // Suzhou steps: 0.10, 0.20, then 0.30 from the third consecutive D year on.
    assertEquals(0.10, d.price(PriceFactor.ELECTRICITY, 1));
    assertEquals(0.30, d.price(PriceFactor.ELECTRICITY, 3));
    assertEquals(0.30, d.price(PriceFactor.ELECTRICITY, 7));
    assertEquals(0.17, d.price(PriceFactor.SEWAGE, 4)); // Taicang: one step
    assertTrue(d.landAuctionBarred());
    assertEquals(50.0, p.projects().minInvestment100m());
    assertEquals(List.of("A", "B", "C"), p.priorityOrder());
    assertEquals("specialised_national", p.exemptions().get(0).code());
    assertEquals(0.0, p.exemptions().get(0).surchargeFactor());
    assertTrue(p.exemptions().get(0).guaranteed());
    assertEquals(0.05, p.quotas().floor(), 1e-12);
    assertEquals(0.40, p.quotas().cap(), 1e-12);
  }

  @Test
  void zhejiangPolicyLoads() {
    AllocationPolicy p = AllocationPolicyLoader.load(AllocationPolicyLoader.ZHEJIANG_2022);
    assertEquals("限制发展类", p.classPolicy("D").orElseThrow().nameZh());
    assertEquals(0.05, p.classPolicy("C").orElseThrow().price(PriceFactor.ELECTRICITY, 1));
    assertEquals("value_added_per_mu", p.quotas().basis());
  }

  @Test
  void minimalPolicyDefaults() {
    AllocationPolicy p = parse(MINIMAL);
    assertTrue(p.exemptions().isEmpty());
    assertEquals(2, p.persistentDYears());
    assertEquals(0.0, p.classPolicy("A").orElseThrow().price(PriceFactor.WATER, 1));
    assertFalse(p.classPolicy("A").orElseThrow().creditList());
    assertTrue(p.quotas().guaranteedFirst());
    // A what-if keeps the rest of the policy.
    AllocationPolicy w = p.withQuotas(5000.0, null);
    assertEquals(5000.0, w.quotas().landMu());
    assertEquals(10.0, w.quotas().energy10kTce());
  }

  @Test
  void aMisspelledKeyIsLocatedWithAHint() {
    String msg = messageOf(MINIMAL.replace("land_priority: true", "land_prority: true"));
    assertTrue(
        msg.startsWith(
            "policy.yaml:3:23: unknown key 'land_prority' in 'classes.A'; did you mean"
                + " 'land_priority'?"),
        msg);
  }

  @Test
  void anUnknownFactorIsRejected() {
    String msg = messageOf(MINIMAL.replace("electricity: [", "electricty: ["));
    assertTrue(
        msg.startsWith(
            "policy.yaml:8:7: unknown key 'electricty' in 'classes.D.prices'; did you mean"
                + " 'electricity'?"),
        msg);
  }

  @Test
  void aFloorAboveTheCapIsRejected() {
    String msg = messageOf(MINIMAL.replace("floor: 5%", "floor: 50%"));
    assertEquals("policy.yaml:19:10: floor (50%) is above cap (40%)", msg);
  }

  @Test
  void anUnknownBasisColumnGetsAHint() {
    String msg = messageOf(MINIMAL.replace("basis: tax_per_mu", "basis: tax_per_m"));
    assertTrue(
        msg.startsWith("policy.yaml:18:10: 'tax_per_m' is not allowed at 'quotas.basis'; did you"),
        msg);
  }

  @Test
  void aBarredClassCannotBeInLine() {
    String msg = messageOf(MINIMAL + "priority_order: [A, D]\n");
    assertEquals(
        "policy.yaml:21:21: class 'D' is barred from land auctions and cannot be in line", msg);
  }

  @Test
  void aNegativeSurchargeIsRejected() {
    String msg = messageOf(MINIMAL.replace("[0.10, 0.20, 0.30]", "[0.10, -0.20]"));
    assertEquals("policy.yaml:8:27: a surcharge cannot be negative, found '-0.20'", msg);
  }
}
