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
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.ingest.InputFile;

/**
 * Content-addressed, immutable copies of the inputs: {@code <root>/snapshots/sha256/<hash>}, one
 * per physical file (a Parquet folder contributes each part file), written once and never
 * overwritten, and {@code <root>/snapshots/index.jsonl} with one line per hash when it is first
 * seen (hash, file, dataset, bytes, first_seen).
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

  /** Snapshots {@code inputs} under {@code root}. */
  public List<Entry> record(String root, List<InputFile> inputs, Instant now) {
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
      for (InputFile in : inputs) {
        for (Physical p : physicalFiles(fs, in)) {
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
            line.put("dataset", in.dataset());
            line.put("bytes", bytes);
            line.put("first_seen", now.toString());
            added.append(JSON.writeValueAsString(line)).append('\n');
          }
          out.add(new Entry(hash, p.name(), in.dataset(), bytes, isNew));
        }
      }
      if (added.length() > 0) {
        publisher.writeText(indexUri, index + added);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot inputs under " + base, e);
    }
  }

  private record Physical(String uri, String name) {}

  private static List<Physical> physicalFiles(FileSystem fs, InputFile in) throws IOException {
    Path p = new Path(in.uri());
    if (!fs.getFileStatus(p).isDirectory()) {
      return List.of(new Physical(p.toString(), in.name()));
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
              in.name() + f.getPath().toUri().getPath().substring(basePath.length())));
    }
    out.sort(java.util.Comparator.comparing(Physical::name));
    return out;
  }

  private static void copy(FileSystem fs, Path from, Path to) throws IOException {
    Path tmp = new Path(to.getParent(), "._tmp_" + to.getName());
    try (InputStream in = fs.open(from);
        OutputStream out = fs.create(tmp, true)) {
      in.transferTo(out);
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
