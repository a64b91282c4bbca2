package zoneassess.jobs.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.allocation.ProjectGuarantee;
import zoneassess.schema.allocation.QuotaRule;

/** Plain Java: the quota arithmetic, every expectation worked out by hand in the comments. */
class QuotaSplitTest {
  private static final double EPS = 1e-9;

  /** 投资强度 400 万元/亩, 2 000 吨标煤 a year per 亿元, ≥ 50 亿元, signed projects. */
  private static final ProjectGuarantee GUARANTEE =
      new ProjectGuarantee(50, List.of("signed"), 400, 2000);

  /** 5 000 亩 and 20 万吨标煤; shares of the rest between 20 % and 50 %. */
  private static final QuotaRule RULE =
      new QuotaRule("zone", 5000, 20, "tax_per_mu", 0.2, 0.5, true);

  private static final List<QuotaSplit.Unit> THREE_ZONES =
      List.of(
          new QuotaSplit.Unit("Z1", "一区", "淮安市", 10.0, 0),
          new QuotaSplit.Unit("Z2", "二区", "淮安市", 30.0, 1),
          new QuotaSplit.Unit("Z3", "三区", "淮安市", 60.0, 0));

  @Test
  void sharesFollowPerformanceWithinFloorAndCap() {
    // Raw shares 10/100, 30/100, 60/100 = 0.1, 0.3, 0.6. Z3 is held at the 0.5 cap, Z1 at the
    // 0.2 floor; Z2, the only free unit, takes the rest: 1 − 0.5 − 0.2 = 0.3 (still inside).
    BoundedShares.Result r = BoundedShares.split(new double[] {10, 30, 60}, 0.2, 0.5);
    assertEquals(0.2, r.shares()[0], EPS);
    assertEquals(0.3, r.shares()[1], EPS);
    assertEquals(0.5, r.shares()[2], EPS);
    assertEquals(BoundedShares.Rule.FLOOR, r.rules()[0]);
    assertEquals(BoundedShares.Rule.PROPORTIONAL, r.rules()[1]);
    assertEquals(BoundedShares.Rule.CAP, r.rules()[2]);
  }

  @Test
  void freeUnitsShareTheRestInProportion() {
    // Four units 10, 20, 30, 140 with cap 0.4: raw 0.05, 0.10, 0.15, 0.70. The 140 unit is capped
    // at 0.4; the other three share 0.6 in proportion 10:20:30 = 0.1, 0.2, 0.3 (all under 0.4).
    BoundedShares.Result r = BoundedShares.split(new double[] {10, 20, 30, 140}, 0.0, 0.4);
    assertEquals(0.1, r.shares()[0], EPS);
    assertEquals(0.2, r.shares()[1], EPS);
    assertEquals(0.3, r.shares()[2], EPS);
    assertEquals(0.4, r.shares()[3], EPS);
  }

  @Test
  void floorsThatCannotAllBeMetGiveEqualShares() {
    // Three units with a 40 % floor need 120 %: each gets 1/3.
    BoundedShares.Result r = BoundedShares.split(new double[] {1, 2, 3}, 0.4, 1.0);
    for (int i = 0; i < 3; i++) {
      assertEquals(1.0 / 3, r.shares()[i], EPS);
      assertEquals(BoundedShares.Rule.EQUAL, r.rules()[i]);
    }
  }

  @Test
  void aGuaranteedProjectIsServedBeforeTheShares() {
    // P1 (Z1, 60 亿元): land 60 × 10 000 ÷ 400 = 1 500 亩, energy 60 × 2 000 = 120 000 吨 = 12 万吨.
    // Rest: 5 000 − 1 500 = 3 500 亩 and 20 − 12 = 8 万吨, shared 0.2 / 0.3 / 0.5.
    // Z1 = 1 500 + 0.2 × 3 500 = 2 200 亩, 12 + 0.2 × 8 = 13.6 万吨;
    // Z2 = 0.3 × 3 500 = 1 050 亩, 2.4 万吨; Z3 = 0.5 × 3 500 = 1 750 亩, 4.0 万吨.
    // A 40 亿元 project (under the 50 亿元 threshold) never reaches the split: the edge filters it.
    List<QuotaSplit.Quota> q =
        QuotaSplit.split(
            THREE_ZONES, List.of(new QuotaSplit.Project("P1", "Z1", 60)), RULE, GUARANTEE);
    assertQuota(q.get(0), 1500, 2200, 12, 13.6);
    assertQuota(q.get(1), 0, 1050, 0, 2.4);
    assertQuota(q.get(2), 0, 1750, 0, 4.0);
    assertEquals(List.of("P1"), q.get(0).projectIds());
    assertEquals(0.1, q.get(0).rawShare(), EPS);
    // Everything is handed out: 2 200 + 1 050 + 1 750 = 5 000.
    assertEquals(5000, q.stream().mapToDouble(QuotaSplit.Quota::landQuotaMu).sum(), EPS);
  }

  @Test
  void largerProjectsComeFirstWhenTheQuotaRunsShort() {
    // P2 (Z3, 100 亿元) first: 2 500 亩 and 20 万吨 (all the energy); then P1 (Z1, 60 亿元): 1 500 亩
    // and no energy left. Rest: 1 000 亩, 0 万吨: Z1 200, Z2 300, Z3 500 亩.
    List<QuotaSplit.Quota> q =
        QuotaSplit.split(
            THREE_ZONES,
            List.of(
                new QuotaSplit.Project("P1", "Z1", 60), new QuotaSplit.Project("P2", "Z3", 100)),
            RULE,
            GUARANTEE);
    assertQuota(q.get(0), 1500, 1700, 0, 0);
    assertQuota(q.get(1), 0, 300, 0, 0);
    assertQuota(q.get(2), 2500, 3000, 20, 20);
    assertEquals(
        "重特大项目1个优先保障用地2500.00亩、用能20.0000万吨标煤；剩余指标按封顶比例50.00%（50.00%）",
        QuotaSplit.ruleZh(q.get(2), RULE, "亩均税收"));
  }

  private static void assertQuota(
      QuotaSplit.Quota q,
      double guaranteedLand,
      double land,
      double guaranteedEnergy,
      double energy) {
    String where = q.unit().code();
    assertEquals(guaranteedLand, q.guaranteedLandMu(), EPS, where);
    assertEquals(land, q.landQuotaMu(), EPS, where);
    assertEquals(guaranteedEnergy, q.guaranteedEnergy10kTce(), EPS, where);
    assertEquals(energy, q.energyQuota10kTce(), EPS, where);
  }
}
