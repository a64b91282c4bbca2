package zoneassess.jobs.sample;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic pseudo-random numbers for the driver-side (zone-count-sized) tables: each draw is a
 * pure function of the seed and a list of keys, so adding a draw somewhere never shifts another one
 * and the same seed always gives the same province.
 */
final class Draw {
  private final long seed;

  Draw(long seed) {
    this.seed = seed;
  }

  /** Uniform in (0, 1). */
  double uniform(Object... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (Object k : keys) {
      for (byte b : String.valueOf(k).getBytes(StandardCharsets.UTF_8)) {
        h = mix(h ^ (b & 0xFF));
      }
      h = mix(h ^ 0x1F);
    }
    return ((h >>> 11) + 0.5) / (double) (1L << 53);
  }

  /** Standard normal (Box-Muller over two keyed uniforms). */
  double normal(Object... keys) {
    double u1 = uniform(append(keys, "n1"));
    double u2 = uniform(append(keys, "n2"));
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  /** Uniform in [lo, hi). */
  double between(double lo, double hi, Object... keys) {
    return lo + (hi - lo) * uniform(keys);
  }

  /** Integer in [lo, hi] inclusive. */
  int intBetween(int lo, int hi, Object... keys) {
    return lo + (int) Math.floor(uniform(keys) * (hi - lo + 1));
  }

  private static Object[] append(Object[] keys, Object extra) {
    Object[] k = java.util.Arrays.copyOf(keys, keys.length + 1);
    k[keys.length] = extra;
    return k;
  }

  /** SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
