package zoneassess.jobs.run;

import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ContentHash;
import zoneassess.jobs.io.Publisher;

/** Builds the manifest record of one published output: its byte hash and its content hash. */
public final class OutputRecords {
  private OutputRecords() {}

  /**
   * The record of output {@code name} written at {@code writtenUri} and published at {@code
   * publishedUri}. Parquet datasets get a {@link ContentHash}; text files (the validation report)
   * the hash of their bytes, which contain nothing run-specific; workbooks none (zip entries carry
   * times; their content comes from the marts).
   */
  public static RunManifest.Output describe(
      SparkSession spark,
      Publisher publisher,
      String name,
      String writtenUri,
      String publishedUri) {
    String bytes = publisher.sha256(writtenUri);
    String content;
    if (isWorkbook(name, writtenUri)) {
      content = null;
    } else if (writtenUri.endsWith(".json") || writtenUri.endsWith(".md")) {
      content = bytes;
    } else {
      content = ContentHash.ofPublished(spark, publisher.conf(), writtenUri);
    }
    return new RunManifest.Output(name, publishedUri, bytes, content, null);
  }

  public static boolean isWorkbook(String name, String uri) {
    return name.startsWith("pack") || uri.endsWith(".xlsx");
  }
}
