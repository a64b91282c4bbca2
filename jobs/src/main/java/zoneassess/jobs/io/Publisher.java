package zoneassess.jobs.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import zoneassess.schema.digest.Sha256;

/**
 * The publish edge: writes Parquet and small files so that a reader never sees half a result. Each
 * dataset is written to a hidden sibling folder, its part files are renamed to stable names
 * (part-00000…, in Spark's task order), and the folder is then renamed into place.
 *
 * <p>Callers sort the data they publish and decide how it is split into files without reference to
 * {@code spark.sql.shuffle.partitions}, which belongs to the launcher: one file ({@code
 * coalesce(1)}, what {@link MartWriter} does for unpartitioned marts), {@link #FILES} hash
 * partitions, or one task per value of the partition column. With that, stable file names and the
 * footer's encoding lists in one order ({@link ParquetFooters}) the same rows give byte-identical
 * Parquet files, also when written by another JVM or on a cluster with other settings, which the
 * manifest hashes.
 */
public final class Publisher {
  /**
   * How many files a large unpartitioned dataset (staging, rejects) is hashed into: fixed here, so
   * the file layout does not follow the cluster's shuffle partitions.
   */
  public static final int FILES = 4;

  private final Configuration conf;

  public Publisher(SparkSession spark) {
    this(spark.sparkContext().hadoopConfiguration());
  }

  public Publisher(Configuration conf) {
    this.conf = conf;
  }

  public Configuration conf() {
    return conf;
  }

  /** Writes {@code data} as Parquet at {@code uri}, replacing what was there, atomically. */
  public void writeParquet(Dataset<Row> data, String uri, String... partitionBy) {
    writeParquet(data, uri, written -> {}, partitionBy);
  }

  /**
   * Writes {@code data} as Parquet into a hidden sibling folder, gives {@code check} the URI of the
   * written folder, and renames it into place only when {@code check} returns; when it throws, the
   * written folder is deleted and nothing is published.
   */
  public void writeParquet(
      Dataset<Row> data, String uri, Consumer<String> check, String... partitionBy) {
    Path target = new Path(uri);
    Path tmp = new Path(target.getParent(), "._tmp_" + target.getName());
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.delete(tmp, true);
      try {
        var writer = data.write().mode(SaveMode.Overwrite);
        if (partitionBy.length > 0) {
          writer = writer.partitionBy(partitionBy);
        }
        writer.parquet(tmp.toString());
        stabiliseNames(fs, tmp);
        check.accept(tmp.toString());
      } catch (IOException | RuntimeException | FSError e) {
        fs.delete(tmp, true);
        throw e;
      }
      replace(fs, tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + uri, e);
    } catch (FSError e) {
      throw new UncheckedIOException("cannot publish " + uri, ioCause(e));
    }
  }

  /**
   * Writes a small text file (JSON, Markdown, the LATEST pointer) so that a reader sees the old or
   * the new content, never a missing or half-written file: the text goes to a uniquely named
   * sibling, which then replaces the target in one atomic rename ({@code rename(2)} on a local file
   * system, {@link FileContext#rename} with {@code OVERWRITE} elsewhere).
   */
  public void writeText(String uri, String content) {
    Path target = new Path(uri);
    Path tmp = new Path(target.getParent(), "._tmp_" + target.getName() + "." + UUID.randomUUID());
    try {
      FileSystem fs = target.getFileSystem(conf);
      try {
        try (OutputStream out = fs.create(tmp, true)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        replaceFile(fs, tmp, target);
      } catch (IOException | RuntimeException | FSError e) {
        fs.delete(tmp, false);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + uri, e);
    } catch (FSError e) {
      throw new UncheckedIOException("cannot write " + uri, ioCause(e));
    }
  }

  /**
   * Copies the local file {@code local} to {@code uri} (any Hadoop file system) so that a reader
   * sees the old or the new file, never a partial one: the bytes go to a uniquely named sibling,
   * which then replaces the target in one rename.
   */
  public void copyFromLocal(java.nio.file.Path local, String uri) {
    Path target = new Path(uri);
    Path tmp = new Path(target.getParent(), "._tmp_" + target.getName() + "." + UUID.randomUUID());
    try {
      FileSystem fs = target.getFileSystem(conf);
      fs.mkdirs(target.getParent());
      try {
        try (OutputStream out = fs.create(tmp, true)) {
          Files.copy(local, out);
        }
        replaceFile(fs, tmp, target);
      } catch (IOException | RuntimeException | FSError e) {
        fs.delete(tmp, false);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + uri, e);
    } catch (FSError e) {
      throw new UncheckedIOException("cannot write " + uri, ioCause(e));
    }
  }

  /** True when {@code uri} names the local file system ({@code file:} or a plain path). */
  public static boolean isLocal(String uri) {
    String u = toUri(uri);
    return u.startsWith("file:");
  }

  /** Replaces the file {@code to} by {@code from} in one atomic rename. */
  private void replaceFile(FileSystem fs, Path from, Path to) throws IOException {
    if (isLocal(fs)) {
      fs.delete(new Path(from.getParent(), "." + from.getName() + ".crc"), false);
      Files.move(local(fs, from), local(fs, to), StandardCopyOption.ATOMIC_MOVE);
      fs.delete(new Path(to.getParent(), "." + to.getName() + ".crc"), false);
    } else {
      FileContext.getFileContext(fs.getUri(), conf)
          .rename(fs.makeQualified(from), fs.makeQualified(to), Options.Rename.OVERWRITE);
    }
  }

  static boolean isLocal(FileSystem fs) {
    return "file".equals(fs.getUri().getScheme());
  }

  static java.nio.file.Path local(FileSystem fs, Path p) {
    return java.nio.file.Path.of(fs.makeQualified(p).toUri());
  }

  /** The I/O failure inside Hadoop's {@link FSError} (e.g. "No space left on device"). */
  public static IOException ioCause(FSError e) {
    return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  public String readText(String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      try (InputStream in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }

  public boolean exists(String uri) {
    try {
      Path p = new Path(uri);
      return p.getFileSystem(conf).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a folder into place: the target is replaced as a whole. */
  public void move(String fromUri, String toUri) {
    try {
      Path from = new Path(fromUri);
      Path to = new Path(toUri);
      FileSystem fs = from.getFileSystem(conf);
      fs.mkdirs(to.getParent());
      replace(fs, from, to);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + fromUri + " to " + toUri, e);
    }
  }

  public void delete(String uri) {
    try {
      Path p = new Path(uri);
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * SHA-256 of a published file or folder. For a folder: the hash of the sorted list of (relative
   * path, file hash) of its data files, so the same content gives the same hash.
   */
  public String sha256(String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(p);
      if (st.isFile()) {
        return hashFile(fs, p);
      }
      List<String> lines = new ArrayList<>();
      String base = st.getPath().toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        String name = f.getPath().getName();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        String rel = f.getPath().toUri().getPath().substring(base.length());
        lines.add(rel + " " + hashFile(fs, f.getPath()));
      }
      lines.sort(null);
      return Sha256.hex(String.join("\n", lines));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + uri, e);
    }
  }

  private static String hashFile(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return Sha256.hex(in);
    }
  }

  /**
   * Renames Spark's part files to part-00000, part-00001… per folder, in Spark's task order, and
   * drops marker files. Spark names a file after the task that wrote it, so the same rows written
   * with 4 or 64 shuffle partitions would otherwise land in differently named files; numbering the
   * files of each folder from zero makes the layout depend on the rows only.
   */
  private static void stabiliseNames(FileSystem fs, Path dir) throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
    java.util.Map<Path, List<Path>> parts = new java.util.TreeMap<>();
    while (it.hasNext()) {
      Path f = it.next().getPath();
      String n = f.getName();
      if (n.startsWith("part-")) {
        parts.computeIfAbsent(f.getParent(), k -> new ArrayList<>()).add(f);
      } else if (n.startsWith(".") && n.endsWith(".crc") || n.equals("_SUCCESS")) {
        fs.delete(f, false);
      }
    }
    for (List<Path> files : parts.values()) {
      // part-<task>-<job uuid>-c<file>.snappy.parquet: one job, so name order is task order
      files.sort(java.util.Comparator.comparing(Path::getName));
      for (int i = 0; i < files.size(); i++) {
        Path f = files.get(i);
        String n = f.getName();
        int dot = n.indexOf('.', 10);
        String ext = dot > 0 ? n.substring(dot) : "";
        Path renamed =
            new Path(
                f.getParent(),
                String.format(Locale.ROOT, "part-%05d", i) + ext.toLowerCase(Locale.ROOT));
        if (!renamed.equals(f) && !fs.rename(f, renamed)) {
          throw new IOException("rename failed: " + f);
        }
        if (renamed.getName().endsWith(".parquet")) {
          ParquetFooters.canonicalise(fs, renamed);
        }
      }
    }
  }

  private static void replace(FileSystem fs, Path from, Path to) throws IOException {
    Path old = new Path(to.getParent(), "._old_" + to.getName());
    fs.delete(old, true);
    boolean hadOld = fs.exists(to);
    if (hadOld && !fs.rename(to, old)) {
      throw new IOException("cannot move aside " + to);
    }
    if (!fs.rename(from, to)) {
      if (hadOld) {
        fs.rename(old, to);
      }
      throw new IOException("rename failed: " + from + " -> " + to);
    }
    fs.delete(old, true);
  }

  /** Normalises a local path or URI string to a URI string. */
  public static String toUri(String pathOrUri) {
    if (pathOrUri.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        && !pathOrUri.matches("^[a-zA-Z]:\\\\.*")) {
      return pathOrUri;
    }
    return java.nio.file.Path.of(pathOrUri).toAbsolutePath().normalize().toUri().toString();
  }

  static URI uri(String s) {
    return URI.create(s);
  }
}
