package zoneassess.jobs.sample;

import java.util.Locale;

/**
 * How big the sample is. Only the enterprise panel grows with the scale; zones, statistics, factor
 * costs, projects and events are the same province at every scale.
 */
public enum SampleScale {
  /** About 2,800 enterprise-years: tests and quick looks. */
  SMALL(600, 1),
  /** About 40,000 enterprise-years: the default {@code make run}. */
  PROVINCE(8_600, 2),
  /** About 560,000 enterprise-years: the benchmark's step between province and large. */
  MEDIUM(115_000, 4),
  /** At least 5,000,000 enterprise-years: the scale benchmark. */
  LARGE(1_150_000, 8);

  private final int enterprises;
  private final int partitions;

  SampleScale(int enterprises, int partitions) {
    this.enterprises = enterprises;
    this.partitions = partitions;
  }

  /** Regular (not planted) enterprises; most report all five years 2021–2025. */
  public int enterprises() {
    return enterprises;
  }

  /** Parquet part files of the enterprise panel (fixed, so output is byte-identical). */
  public int partitions() {
    return partitions;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SampleScale parse(String s) {
    for (SampleScale v : values()) {
      if (v.label().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown scale '" + s + "' (expected small, province, medium or large)");
  }
}
