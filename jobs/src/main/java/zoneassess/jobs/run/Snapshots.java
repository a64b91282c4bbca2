package zoneassess.jobs.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import zoneassess.jobs.ingest.InputFile;
import zoneassess.jobs.io.Publisher;

/**
 * Content-addressed, immutable copies of the inputs: {@code <root>/snapshots/sha256/<hash>}, one
 * per physical file (a Parquet folder contributes each part file), written once and never
 * overwritten, and {@code <root>/snapshots/index.jsonl} with one line per hash when it is first
 * seen (hash, file, dataset, bytes, first_seen). Every recording also appends one line per physical
 * file to {@code <root>/snapshots/vintages.jsonl} (seen, file, dataset, sha256): the complete file
 * set of each ingestion, so a vintage can be rebuilt whole even when some of its files did not
 * change since an earlier one.
 */
public final class Snapshots {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private final Publisher publisher;

  public Snapshots(Publisher publisher) {
    this.publisher = publisher;
  }

  /** One physical file that was snapshotted. */
  public record Entry(String sha256, String file, String dataset, long bytes, boolean added) {}

  /** The file name under which an input folder's {@code ingest.yaml} is snapshotted. */
  public static final String INGEST_CONFIG = "ingest.yaml";

  /** Snapshots {@code inputs} under {@code root}. */
  public List<Entry> record(String root, List<InputFile> inputs, Instant now) {
    return record(root, inputs, null, now);
  }

  /**
   * Snapshots {@code inputs} and the folder's {@code ingest.yaml} (when not null) under {@code
   * root}.
   */
  public List<Entry> record(
      String root, List<InputFile> inputs, String ingestConfigUri, Instant now) {
    String base = stripSlash(root) + "/snapshots";
    String indexUri = base + "/index.jsonl";
    try {
      Path store = new Path(base + "/sha256");
      FileSystem fs = store.getFileSystem(publisher.conf());
      fs.mkdirs(store);
      String index = publisher.exists(indexUri) ? publisher.readText(indexUri) : "";
      Set<String> known = new HashSet<>();
      for (String line : index.split("\n")) {
        if (!line.isBlank()) {
          known.add(JSON.readTree(line).path("sha256").asText());
        }
      }
      StringBuilder added = new StringBuilder();
      List<Entry> out = new ArrayList<>();
      List<Physical> all = new ArrayList<>();
      for (InputFile in : inputs) {
        all.addAll(physicalFiles(fs, in));
      }
      if (ingestConfigUri != null) {
        all.add(new Physical(ingestConfigUri, INGEST_CONFIG, INGEST_CONFIG));
      }
      StringBuilder vintage = new StringBuilder();
      for (Physical p : all) {
        String hash = publisher.sha256(p.uri());
        Path target = new Path(store, hash);
        boolean isNew = !fs.exists(target);
        if (isNew) {
          copy(fs, new Path(p.uri()), target);
        }
        long bytes = fs.getFileStatus(target).getLen();
        if (known.add(hash)) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("sha256", hash);
          line.put("file", p.name());
          line.put("dataset", p.dataset());
          line.put("bytes", bytes);
          line.put("first_seen", now.toString());
          added.append(JSON.writeValueAsString(line)).append('\n');
        }
        out.add(new Entry(hash, p.name(), p.dataset(), bytes, isNew));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("seen", now.toString());
        v.put("file", p.name());
        v.put("dataset", p.dataset());
        v.put("sha256", hash);
        vintage.append(JSON.writeValueAsString(v)).append('\n');
      }
      if (added.length() > 0) {
        publisher.writeText(indexUri, index + added);
      }
      String vintagesUri = base + "/" + VINTAGES;
      String vintages = publisher.exists(vintagesUri) ? publisher.readText(vintagesUri) : "";
      publisher.writeText(vintagesUri, vintages + vintage);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot inputs under " + base, e);
    } catch (FSError e) {
      throw new UncheckedIOException("cannot snapshot inputs under " + base, Publisher.ioCause(e));
    }
  }

  /** The log of every ingestion's file set, under {@code <root>/snapshots}. */
  public static final String VINTAGES = "vintages.jsonl";

  private record Physical(String uri, String name, String dataset) {}

  private static List<Physical> physicalFiles(FileSystem fs, InputFile in) throws IOException {
    Path p = new Path(in.uri());
    if (!fs.getFileStatus(p).isDirectory()) {
      return List.of(new Physical(p.toString(), in.name(), in.dataset()));
    }
    List<Physical> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
    String basePath = fs.getFileStatus(p).getPath().toUri().getPath();
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String n = f.getPath().getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        continue;
      }
      out.add(
          new Physical(
              f.getPath().toString(),
              in.name() + f.getPath().toUri().getPath().substring(basePath.length()),
              in.dataset()));
    }
    out.sort(java.util.Comparator.comparing(Physical::name));
    return out;
  }

  private static void copy(FileSystem fs, Path from, Path to) throws IOException {
    Path tmp = new Path(to.getParent(), "._tmp_" + to.getName());
    try (InputStream in = fs.open(from);
        OutputStream out = fs.create(tmp, true)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException | FSError e) {
      // A full disk must not leave half a snapshot behind (FSError is Hadoop's local write error).
      fs.delete(tmp, false);
      if (e instanceof FSError f) {
        throw Publisher.ioCause(f);
      }
      throw e;
    }
    if (!fs.rename(tmp, to)) {
      fs.delete(tmp, false);
      if (!fs.exists(to)) {
        throw new IOException("cannot store snapshot " + to);
      }
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
