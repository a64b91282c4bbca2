package zoneassess.jobs.sample;

import java.util.Objects;

/**
 * What to generate: the same seed and scale always give byte-identical files.
 *
 * @param seed any long; 42 is the project's default
 * @param scale size of the enterprise panel
 */
public record SampleSpec(long seed, SampleScale scale) {
  public SampleSpec {
    Objects.requireNonNull(scale, "scale");
  }
}
