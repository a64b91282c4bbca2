package zoneassess.jobs.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ParquetRead;

/**
 * Compares the published datasets (staging, rejects, marts) of two runs by content: same columns,
 * same row count, and no row of one missing from the other (multiset difference both ways). File
 * layout and Parquet bytes may differ between a local and a cluster run; the content must not.
 */
public final class RunComparison {
  private static final List<String> AREAS = List.of("staging", "rejects", "marts");

  /** One dataset's comparison. */
  public record Difference(
      String dataset, long rowsA, long rowsB, long onlyInA, long onlyInB, String problem) {
    public boolean same() {
      return problem == null && onlyInA == 0 && onlyInB == 0 && rowsA == rowsB;
    }
  }

  private RunComparison() {}

  public static List<Difference> compare(SparkSession spark, String runA, String runB) {
    List<Difference> out = new ArrayList<>();
    for (String area : AREAS) {
      TreeSet<String> names = new TreeSet<>(list(spark, runA + "/" + area));
      names.addAll(list(spark, runB + "/" + area));
      for (String name : names) {
        String a = runA + "/" + area + "/" + name;
        String b = runB + "/" + area + "/" + name;
        out.add(compareOne(spark, area + "/" + name, a, b));
      }
    }
    return out;
  }

  private static Difference compareOne(SparkSession spark, String label, String a, String b) {
    Dataset<Row> da;
    Dataset<Row> db;
    try {
      da = ParquetRead.of(spark, a);
    } catch (RuntimeException e) {
      return new Difference(label, -1, -1, 0, 0, "missing or unreadable in the first run");
    }
    try {
      db = ParquetRead.of(spark, b);
    } catch (RuntimeException e) {
      return new Difference(label, -1, -1, 0, 0, "missing or unreadable in the second run");
    }
    List<String> colsA = List.of(da.columns());
    if (!new TreeSet<>(colsA).equals(new TreeSet<>(List.of(db.columns())))) {
      return new Difference(
          label, -1, -1, 0, 0, "columns differ: " + colsA + " vs " + List.of(db.columns()));
    }
    db = db.selectExpr(colsA.stream().map(c -> "`" + c + "`").toArray(String[]::new));
    long ra = da.count();
    long rb = db.count();
    long onlyA = da.exceptAll(db).count();
    long onlyB = db.exceptAll(da).count();
    return new Difference(label, ra, rb, onlyA, onlyB, null);
  }

  private static List<String> list(SparkSession spark, String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (FileStatus st : fs.listStatus(p)) {
        String n = st.getPath().getName();
        if (st.isDirectory() && !n.startsWith(".") && !n.startsWith("_")) {
          names.add(n);
        }
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
