package zoneassess.jobs.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import zoneassess.jobs.io.Publisher;

/**
 * The write edge of the {@code index} command: each stage as {@code <out>/<stage>.csv} (one UTF-8
 * file with a header, rows in key order) and as Parquet under {@code <out>/<stage>/}.
 */
public final class StageFiles {
  private StageFiles() {}

  /** Writes every stage; returns stage → CSV URI. */
  public static Map<String, String> write(IndexResult result, String outUri, Publisher publisher) {
    Map<String, String> written = new LinkedHashMap<>();
    for (Map.Entry<String, Dataset<Row>> e : result.stages().entrySet()) {
      String base = outUri.endsWith("/") ? outUri : outUri + "/";
      Dataset<Row> d = e.getValue().coalesce(1);
      publisher.writeParquet(d, base + e.getKey());
      // the CSV is copied from the Parquet just written (one file, same row order), not recomputed;
      // read with the schema it was written with, so no job reads the footer to find it out
      Dataset<Row> written1 = d.sparkSession().read().schema(d.schema()).parquet(base + e.getKey());
      String csv = base + e.getKey() + ".csv";
      writeCsv(written1, csv, publisher);
      written.put(e.getKey(), csv);
    }
    return written;
  }

  static void writeCsv(Dataset<Row> d, String uri, Publisher publisher) {
    Path target = new Path(uri);
    Path tmp = new Path(target.getParent(), "._tmp_" + target.getName());
    try {
      FileSystem fs = target.getFileSystem(publisher.conf());
      fs.delete(tmp, true);
      d.write()
          .mode(SaveMode.Overwrite)
          .option("header", true)
          .option("encoding", "UTF-8")
          .option("emptyValue", "")
          .csv(tmp.toString());
      Path part = null;
      for (FileStatus s : fs.listStatus(tmp)) {
        if (s.getPath().getName().startsWith("part-")) {
          part = s.getPath();
        }
      }
      if (part == null) {
        throw new IOException("Spark wrote no part file for " + uri);
      }
      fs.delete(target, false);
      if (!fs.rename(part, target)) {
        throw new IOException("rename failed: " + part + " -> " + target);
      }
      fs.delete(tmp, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + uri, e);
    }
  }
}
