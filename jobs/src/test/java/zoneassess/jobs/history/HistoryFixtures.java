package zoneassess.jobs.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.pipeline.PipelineRun;

/** Tiny input folders (areas and zones only) and an ingest-only pipeline run over them. */
final class HistoryFixtures {
  private HistoryFixtures() {}

  static final String AREAS =
      """
      area_code,area_name,area_level,parent_code,region
      320000,江苏省,province,,
      320800,淮安市,city,320000,north
      320812,清江浦区,county,320800,north
      320831,金湖县,county,320800,north
      """;

  /** Vintage 1 of the zones file: three zones. */
  static final String ZONES_V1 =
      """
      zone_code,zone_name,city,city_code,county,county_code,region,level,zone_type,approved_area_km2,established_year
      HA-ETDZ,淮安经济技术开发区,淮安市,320800,清江浦区,320812,north,national,economic_technological,30.5,1993
      HA-HTZ,淮安高新技术产业开发区,淮安市,320800,,,north,national,high_tech,25,2012
      JH-EDZ,金湖经济开发区,淮安市,320800,金湖县,320831,north,provincial,economic_technological,12,2006
      """;

  /** Vintage 2: the statistics bureau revised 金湖's approved area from 12 to 14 km². */
  static final String ZONES_V2 =
      ZONES_V1.replace("economic_technological,12,2006", "economic_technological,14,2006");

  /** Writes the two-file input folder with the given zones file. */
  static Path inputFolder(Path dir, String zones) {
    write(dir.resolve("areas.csv"), AREAS);
    write(dir.resolve("zones.csv"), zones);
    return dir;
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs ingest only (no further stages) over {@code input} into {@code root}. */
  static PipelineRun.Result ingestOnlyRun(
      SparkSession spark, Clock clock, Path input, Path root, List<String> configs, boolean force)
      throws Exception {
    PipelineRun.Request req =
        new PipelineRun.Request(
            input.toUri().toString(),
            root.toUri().toString(),
            List.of(),
            Map.of("period", "2024"),
            configs,
            1.0,
            force);
    return new PipelineRun(spark, clock).execute(req, quiet());
  }

  static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** A clock the test sets by hand, so run ids and vintage dates are known. */
  static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(String iso) {
      now = Instant.parse(iso);
    }

    void set(String iso) {
      now = Instant.parse(iso);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
