package zoneassess.schema.allocation;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zoneassess.schema.factor.PriceFactor;

/**
 * What a policy does for the firms of one per-mu class.
 *
 * @param label the class label (A, B, C, D, T)
 * @param nameZh the policy name (优先发展类 …)
 * @param landPriority first in line for new industrial land
 * @param energyPriority first in line for new energy-use quota (用能指标)
 * @param creditList recommended to banks (信贷推荐名单)
 * @param landAuctionBarred may not bid for industrial land
 * @param prices surcharge steps per factor, 元 per unit, by consecutive year in the last class: the
 *     first step for the first year, the last from then on (a class that is not the last class
 *     always pays the first step)
 * @param landUseTaxReduction share of 城镇土地使用税 waived, 0–1
 */
public record ClassPolicy(
    String label,
    String nameZh,
    boolean landPriority,
    boolean energyPriority,
    boolean creditList,
    boolean landAuctionBarred,
    Map<PriceFactor, List<Double>> prices,
    double landUseTaxReduction) {
  public ClassPolicy {
    prices = new TreeMap<>(prices);
    prices.replaceAll((k, v) -> List.copyOf(v));
  }

  /** Surcharge step of {@code factor} for the {@code streak}-th consecutive year (≥ 1). */
  public double price(PriceFactor factor, int streak) {
    List<Double> steps = prices.getOrDefault(factor, List.of());
    if (steps.isEmpty()) {
      return 0.0;
    }
    return steps.get(Math.min(Math.max(streak, 1), steps.size()) - 1);
  }
}
