package zoneassess.reports.marts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Reads a mart folder (every Parquet part file below it, partition folders included) without Spark.
 * Paths are Hadoop URIs ({@code file:}, {@code hdfs:}, {@code s3a:}), so a cluster lake is read the
 * same way as a local run folder. Rows are handed out one at a time: callers that keep them keep
 * only what is small (zone-sized), the D-class appendix streams.
 */
public final class MartReader {
  private final Configuration conf;

  public MartReader() {
    this(defaultConf());
  }

  public MartReader(Configuration conf) {
    this.conf = conf;
  }

  private static Configuration defaultConf() {
    return new Configuration();
  }

  /** True when the mart folder exists and holds at least one part file. */
  public boolean exists(String martUri) {
    return !partFiles(martUri).isEmpty();
  }

  /** Calls {@code sink} for every row of the mart, part files in path order. */
  public void forEach(String martUri, Consumer<MartRow> sink) {
    forEach(martUri, martUri, sink);
  }

  /**
   * Calls {@code sink} for every row below {@code partitionUri} (a partition folder of the mart,
   * such as {@code <mart>/year=2025}); partition values are still taken relative to the mart.
   */
  public void forEach(String martUri, String partitionUri, Consumer<MartRow> sink) {
    String name = new Path(martUri).getName();
    for (Path file : partFiles(partitionUri)) {
      Map<String, String> partitions = partitionValues(martUri, file);
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build()) {
        Group g;
        while ((g = reader.read()) != null) {
          sink.accept(new MartRow(name, file.toString(), g, partitions));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read mart " + name + " file " + file, e);
      }
    }
  }

  /** Reads the rows that pass {@code keep}, mapped; for small marts only. */
  public <T> List<T> read(String martUri, Predicate<MartRow> keep, Function<MartRow, T> map) {
    List<T> out = new ArrayList<>();
    forEach(
        martUri,
        r -> {
          if (keep.test(r)) {
            out.add(map.apply(r));
          }
        });
    return out;
  }

  public <T> List<T> read(String martUri, Function<MartRow, T> map) {
    return read(martUri, r -> true, map);
  }

  /** Values of {@code column=} partition folders directly below the mart, sorted. */
  public List<String> partitionValues(String martUri, String column) {
    List<String> out = new ArrayList<>();
    try {
      Path root = new Path(martUri);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return out;
      }
      for (var st : fs.listStatus(root)) {
        String n = st.getPath().getName();
        if (st.isDirectory() && n.startsWith(column + "=")) {
          out.add(n.substring(column.length() + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + martUri, e);
    }
    Collections.sort(out);
    return out;
  }

  List<Path> partFiles(String martUri) {
    List<Path> files = new ArrayList<>();
    try {
      Path root = new Path(martUri);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return files;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        if (isDataFile(root, st.getPath())) {
          files.add(st.getPath());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list mart " + martUri, e);
    }
    files.sort(null);
    return files;
  }

  private static boolean isDataFile(Path root, Path file) {
    // Hidden and marker files (._tmp_, .crc, _SUCCESS) and anything below a hidden folder are
    // not data.
    for (Path p = file;
        p != null && !p.equals(root) && p.depth() > root.depth();
        p = p.getParent()) {
      String n = p.getName();
      if (n.startsWith(".") || n.startsWith("_")) {
        return false;
      }
    }
    return file.getName().endsWith(".parquet");
  }

  private static Map<String, String> partitionValues(String martUri, Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    int rootDepth = new Path(martUri).depth();
    List<String> dirs = new ArrayList<>();
    for (Path p = file.getParent(); p != null && p.depth() > rootDepth; p = p.getParent()) {
      dirs.add(0, p.getName());
    }
    for (String d : dirs) {
      int eq = d.indexOf('=');
      if (eq > 0) {
        values.put(d.substring(0, eq), unescape(d.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String unescape(String v) {
    return java.net.URLDecoder.decode(
        v.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
