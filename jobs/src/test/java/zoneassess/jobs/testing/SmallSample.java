package zoneassess.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.sample.SampleProvince;
import zoneassess.jobs.sample.SampleResult;
import zoneassess.jobs.sample.SampleScale;
import zoneassess.jobs.sample.SampleSpec;

/**
 * The small sample province (seed 42), generated once per test JVM into a temporary folder that is
 * removed when the JVM ends. Tests copy from it ({@link #copyTo}); nobody writes into it, and no
 * run reads it in place.
 */
public final class SmallSample {
  private static Path folder;
  private static SampleResult result;

  private SmallSample() {}

  public static synchronized Path folder(SparkSession spark) {
    if (folder == null) {
      try {
        Path dir = Files.createTempDirectory("zoneassess-small-sample");
        Path sample = dir.resolve("sample");
        result =
            SampleProvince.generate(
                spark, new SampleSpec(42, SampleScale.parse("small")), sample.toUri().toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        folder = sample;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /** What the generator reported for the sample (files, rows, planted defects, notes). */
  public static synchronized SampleResult result(SparkSession spark) {
    folder(spark);
    return result;
  }

  /** A copy of the whole sample folder at {@code target} (which must not exist), for a run. */
  public static Path copyTo(SparkSession spark, Path target) {
    Path from = folder(spark);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path to = target.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }
}
