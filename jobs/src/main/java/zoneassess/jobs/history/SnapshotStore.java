package zoneassess.jobs.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunIds;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.run.Snapshots;
import zoneassess.schema.digest.Sha256;

/**
 * Reads the snapshot store under {@code <root>/snapshots}: picks the files of a vintage ("as known
 * on DATE") and rebuilds an input folder from stored snapshots, checking every file's SHA-256.
 *
 * <p>The identity of a dataset file across vintages is its top-level name in the input folder
 * ({@code enterprises.csv}, {@code enterprises.parquet}): a vintage of that name is the complete
 * set of physical files recorded by one ingestion (a Parquet folder's part files travel together).
 */
public final class SnapshotStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Publisher publisher;
  private final String root;

  public SnapshotStore(Publisher publisher, String rootUri) {
    this.publisher = publisher;
    this.root = rootUri.endsWith("/") ? rootUri.substring(0, rootUri.length() - 1) : rootUri;
  }

  /** Where the snapshot of {@code sha256} is stored. */
  public String blob(String sha256) {
    return root + "/snapshots/sha256/" + sha256;
  }

  /**
   * The newest vintage of every input file name first seen on or before the end of {@code asOf}
   * (UTC); {@code null} means the latest vintage.
   */
  public List<RunManifest.Snapshot> asOf(LocalDate asOf) {
    Instant limit =
        asOf == null ? Instant.MAX : asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    String log = root + "/snapshots/" + Snapshots.VINTAGES;
    if (!publisher.exists(log)) {
      throw new RerunRefused(
          "no vintages recorded under " + root + "/snapshots (ingest or run first)");
    }
    // top-level name -> newest ingestion time within the limit -> its files
    Map<String, Instant> newest = new TreeMap<>();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : publisher.readText(log).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = read(line);
      Instant seen = Instant.parse(n.path("seen").asText());
      if (seen.isBefore(limit)) {
        lines.add(n);
        newest.merge(topLevel(n.path("file").asText()), seen, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (newest.isEmpty()) {
      throw new RerunRefused("no input was ingested on or before " + asOf + " under " + root);
    }
    Map<String, RunManifest.Snapshot> picked = new TreeMap<>();
    for (JsonNode n : lines) {
      String file = n.path("file").asText();
      if (Instant.parse(n.path("seen").asText()).equals(newest.get(topLevel(file)))) {
        picked.put(
            file,
            new RunManifest.Snapshot(file, n.path("dataset").asText(), n.path("sha256").asText()));
      }
    }
    return List.copyOf(picked.values());
  }

  /**
   * Rebuilds an input folder holding exactly {@code files} under {@code <root>/inputs/<key>}, where
   * the key is derived from the file list, so the same selection always lands in the same folder.
   * Refuses, naming the file and hash, when a snapshot is missing or no longer has its hash.
   */
  public String rebuild(List<RunManifest.Snapshot> files) {
    if (files.isEmpty()) {
      throw new RerunRefused("no input snapshots recorded: cannot rebuild the input folder");
    }
    List<String> keys = new ArrayList<>();
    files.forEach(f -> keys.add(f.file() + "=" + f.sha256()));
    String target = root + "/inputs/" + RunIds.fingerprint(keys, Map.of()).substring(0, 16);
    for (RunManifest.Snapshot f : files) {
      verify(f);
    }
    if (publisher.exists(target)) {
      // A complete rebuild only ever appears by rename; its files were verified when it was built
      // and are checked again here so a tampered folder is rebuilt rather than trusted.
      if (matches(target, files)) {
        return target;
      }
      publisher.delete(target);
    }
    String tmp = root + "/inputs/._tmp_" + target.substring(target.lastIndexOf('/') + 1);
    publisher.delete(tmp);
    try {
      FileSystem fs = new Path(tmp).getFileSystem(publisher.conf());
      for (RunManifest.Snapshot f :
          files.stream().sorted(Comparator.comparing(RunManifest.Snapshot::file)).toList()) {
        Path to = new Path(tmp + "/" + f.file());
        fs.mkdirs(to.getParent());
        try (InputStream in = fs.open(new Path(blob(f.sha256())));
            OutputStream out = fs.create(to, true)) {
          in.transferTo(out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the input folder " + target, e);
    }
    publisher.move(tmp, target);
    return target;
  }

  private void verify(RunManifest.Snapshot f) {
    String blob = blob(f.sha256());
    if (!publisher.exists(blob)) {
      throw new RerunRefused(
          "input snapshot missing: "
              + f.file()
              + " (dataset "
              + f.dataset()
              + ", sha256 "
              + f.sha256()
              + ") is not in the snapshot store: "
              + blob);
    }
    String now = rawSha256(blob);
    if (!now.equals(f.sha256())) {
      throw new RerunRefused(
          "input snapshot changed: "
              + f.file()
              + " (dataset "
              + f.dataset()
              + ") was recorded with sha256 "
              + f.sha256()
              + " but the stored copy "
              + blob
              + " now has sha256 "
              + now);
    }
  }

  /**
   * SHA-256 of the stored bytes. On a checksummed file system (the local one) the raw file is read:
   * a changed snapshot must be reported with its new hash, not as a checksum error.
   */
  private String rawSha256(String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(publisher.conf());
      if (fs instanceof ChecksumFileSystem c) {
        fs = c.getRawFileSystem();
      }
      try (InputStream in = fs.open(p)) {
        return Sha256.hex(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the snapshot " + uri, e);
    }
  }

  private boolean matches(String folder, List<RunManifest.Snapshot> files) {
    for (RunManifest.Snapshot f : files) {
      String p = folder + "/" + f.file();
      if (!publisher.exists(p) || !publisher.sha256(p).equals(f.sha256())) {
        return false;
      }
    }
    return true;
  }

  static String topLevel(String file) {
    int slash = file.indexOf('/');
    return slash < 0 ? file : file.substring(0, slash);
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("bad line in " + Snapshots.VINTAGES + ": " + line, e);
    }
  }
}
