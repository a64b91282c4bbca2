package zoneassess.jobs.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Shares in proportion to weights, each kept between a floor and a cap, adding up to one: the
 * unique λ with Σ clamp(λ·wᵢ, floor, cap) = 1. Units held at the floor or the cap take exactly
 * that; the others share the rest in proportion to their weights. The function is piecewise linear
 * in λ, so λ is found exactly between two of its breakpoints (floor ÷ wᵢ, cap ÷ wᵢ), without
 * iteration order mattering.
 *
 * <p>Edge cases: n × floor ≥ 1 or all weights zero → equal shares ({@code equal}); n × cap &lt; 1 →
 * everyone at the cap and the rest stays unallocated. A blank or negative weight counts as zero.
 */
public final class BoundedShares {
  /** Why a unit got its share. */
  public enum Rule {
    PROPORTIONAL,
    FLOOR,
    CAP,
    EQUAL;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param shares the share of each unit, in input order
   * @param rules what set each share
   */
  public record Result(double[] shares, Rule[] rules) {}

  private BoundedShares() {}

  public static Result split(double[] weights, double floor, double cap) {
    int n = weights.length;
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = Double.isNaN(weights[i]) || weights[i] < 0 ? 0.0 : weights[i];
      sum += w[i];
    }
    double[] shares = new double[n];
    Rule[] rules = new Rule[n];
    if (n == 0) {
      return new Result(shares, rules);
    }
    if (n * floor >= 1.0 || sum == 0.0) {
      double equal = Math.min(1.0 / n, cap);
      Arrays.fill(shares, equal);
      Arrays.fill(rules, Rule.EQUAL);
      return new Result(shares, rules);
    }
    List<Double> points = new ArrayList<>();
    for (double wi : w) {
      if (wi > 0) {
        points.add(floor / wi);
        points.add(cap / wi);
      }
    }
    points.sort(null);
    double lo = 0.0;
    double lambda = points.get(points.size() - 1);
    for (double p : points) {
      if (total(w, p, floor, cap) >= 1.0) {
        // between lo and p the free units are those strictly inside the bounds at the midpoint
        double mid = (lo + p) / 2;
        double fixed = 0;
        double freeWeight = 0;
        for (double wi : w) {
          double v = mid * wi;
          if (v <= floor) {
            fixed += floor;
          } else if (v >= cap) {
            fixed += cap;
          } else {
            freeWeight += wi;
          }
        }
        lambda = freeWeight > 0 ? (1.0 - fixed) / freeWeight : p;
        break;
      }
      lo = p;
    }
    for (int i = 0; i < n; i++) {
      double v = lambda * w[i];
      if (v <= floor) {
        shares[i] = floor;
        rules[i] = floor > 0 && v < floor ? Rule.FLOOR : Rule.PROPORTIONAL;
      } else if (v >= cap) {
        shares[i] = cap;
        rules[i] = v > cap ? Rule.CAP : Rule.PROPORTIONAL;
      } else {
        shares[i] = v;
        rules[i] = Rule.PROPORTIONAL;
      }
    }
    return new Result(shares, rules);
  }

  private static double total(double[] w, double lambda, double floor, double cap) {
    double t = 0;
    for (double wi : w) {
      t += Math.min(cap, Math.max(floor, lambda * wi));
    }
    return t;
  }
}
