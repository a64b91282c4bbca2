package zoneassess.jobs.history;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * How one Monte Carlo replication draws the weights of a sibling group (the children of one node)
 * around their nominal weights. Every node has its own random stream (see {@link MonteCarloDraws}),
 * so a weight depends only on (seed, replication, node). The result is sibling-normalised: it sums
 * to 1 unless every nominal weight of the group is 0.
 */
public sealed interface WeightScheme permits WeightScheme.Uniform, WeightScheme.Dirichlet {

  /**
   * The drawn weights of one sibling group.
   *
   * @param nominal the nominal weights (relative; any total)
   * @param streams one random stream per sibling, in the same order
   */
  double[] draw(double[] nominal, RandomGenerator[] streams);

  /** The label written to {@code research_parameters.weight_scheme}. */
  String label();

  /**
   * Each weight × (1 + spread × (2u − 1)), u uniform in [0, 1), then renormalised among siblings.
   */
  record Uniform(double spread) implements WeightScheme {
    public Uniform {
      if (!(spread >= 0 && spread < 1)) {
        throw new IllegalArgumentException(
            "uniform weight spread must be in [0, 1), got " + spread);
      }
    }

    @Override
    public double[] draw(double[] nominal, RandomGenerator[] streams) {
      double[] w = new double[nominal.length];
      for (int i = 0; i < w.length; i++) {
        w[i] = nominal[i] * (1 + spread * (2 * streams[i].nextDouble() - 1));
      }
      return shares(w);
    }

    @Override
    public String label() {
      return String.format(Locale.ROOT, "uniform±%s", MonteCarloDraws.plain(spread));
    }
  }

  /**
   * Dirichlet(concentration × nominal shares): sibling i draws g_i ~ Gamma(α_i, 1) with α_i =
   * concentration × nominal_i / Σ nominal, and gets g_i / Σ g. The mean is the nominal share; the
   * variance α_i(α₀ − α_i) / (α₀²(α₀ + 1)) with α₀ = concentration, so a larger concentration keeps
   * the weights closer to nominal. A sibling with nominal weight 0 stays at 0.
   */
  record Dirichlet(double concentration) implements WeightScheme {
    public Dirichlet {
      if (!(concentration > 0) || Double.isInfinite(concentration)) {
        throw new IllegalArgumentException(
            "Dirichlet concentration must be > 0, got " + concentration);
      }
    }

    @Override
    public double[] draw(double[] nominal, RandomGenerator[] streams) {
      double[] share = shares(nominal);
      double[] g = new double[share.length];
      for (int i = 0; i < g.length; i++) {
        double alpha = concentration * share[i];
        g[i] = alpha > 0 ? gamma(alpha, streams[i]) : 0.0;
      }
      double total = 0;
      for (double x : g) {
        total += x;
      }
      // All draws underflowing to 0 (only with tiny α) leaves the nominal shares.
      return total > 0 ? shares(g) : share;
    }

    @Override
    public String label() {
      return "dirichlet";
    }
  }

  /**
   * Gamma(α, 1) by Marsaglia and Tsang (2000), "A simple method for generating gamma variables":
   * rejection from a transformed normal for α ≥ 1; for α < 1, Gamma(α + 1) × U^(1/α).
   */
  static double gamma(double alpha, RandomGenerator rng) {
    if (alpha < 1) {
      return gamma(alpha + 1, rng) * Math.pow(rng.nextDouble(), 1 / alpha);
    }
    double d = alpha - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = rng.nextGaussian();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  /** The weights divided by their total (all 0 when the total is 0). */
  static double[] shares(double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = total > 0 ? w[i] / total : 0.0;
    }
    return out;
  }
}
