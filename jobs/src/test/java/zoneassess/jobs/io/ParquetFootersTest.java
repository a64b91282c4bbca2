package zoneassess.jobs.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * The publish edge's byte-level promises: a Parquet file whose footer lists encodings in another
 * order (as another JVM writes it) becomes byte-identical once canonicalised, and LATEST is never
 * missing while it is replaced.
 */
class ParquetFootersTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void footerInAnotherJvmsOrderGivesTheSameBytes() throws Exception {
    String uri = tmp.resolve("zones").toUri().toString();
    new Publisher(spark)
        .writeParquet(
            spark
                .range(0, 200)
                .selectExpr("cast(id % 7 as string) as zone_code", "id * 1.5 as score")
                .coalesce(1),
            uri);
    Path file = tmp.resolve("zones/part-00000.snappy.parquet");
    byte[] published = Files.readAllBytes(file);

    byte[] scrambled = withEncodingsReversed(published);
    assertFalse(Arrays.equals(published, scrambled), "some column lists several encodings");
    assertEquals(published.length, scrambled.length);
    Files.write(file, scrambled);

    ParquetFooters.canonicalise(
        FileSystem.getLocal(new Configuration()), new org.apache.hadoop.fs.Path(file.toUri()));
    assertArrayEquals(published, Files.readAllBytes(file));
    assertEquals(200, spark.read().parquet(uri).count());
  }

  /** The file with every column chunk's encoding list in reverse order. */
  private static byte[] withEncodingsReversed(byte[] file) throws Exception {
    int n = file.length;
    int footerLength = ByteBuffer.wrap(file, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int start = n - 8 - footerLength;
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(file, start, footerLength));
    for (RowGroup g : meta.getRow_groups()) {
      for (ColumnChunk c : g.getColumns()) {
        Collections.reverse(c.getMeta_data().getEncodings());
      }
    }
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    byte[] out = file.clone();
    System.arraycopy(footer.toByteArray(), 0, out, start, footer.size());
    return out;
  }

  @Test
  void latestIsNeverMissingWhileReplaced() throws Exception {
    Publisher publisher = new Publisher(new Configuration());
    Path latest = tmp.resolve("LATEST");
    String uri = latest.toUri().toString();
    publisher.writeText(uri, "run-0\n");
    AtomicReference<String> seen = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              while (seen.get() == null) {
                try {
                  String s = Files.readString(latest);
                  if (!s.startsWith("run-")) {
                    seen.set("read '" + s + "'");
                  }
                } catch (Exception e) {
                  seen.set(e.toString());
                }
              }
            });
    reader.start();
    for (int i = 1; i <= 500; i++) {
      publisher.writeText(uri, "run-" + i + "\n");
    }
    seen.compareAndSet(null, "none");
    reader.join();
    assertEquals("none", seen.get(), "what the reader saw while LATEST was replaced");
    assertEquals("run-500\n", Files.readString(latest));
    try (var files = Files.list(tmp)) {
      assertEquals(List.of("LATEST"), files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
