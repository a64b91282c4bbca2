package zoneassess.jobs.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageEncodingStats;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Puts the unordered lists of a Parquet footer in one order. parquet-java collects each column
 * chunk's encodings in a {@code HashSet} of enum constants, whose iteration order follows identity
 * hash codes and so changes from one JVM to the next: the same rows written by two processes gave
 * files that differed only in the order of the encodings listed in the footer. Sorting those lists
 * (and the page encoding statistics) makes the bytes depend on the content alone. The footer keeps
 * its length, so a local file is patched in place; elsewhere the file is rewritten.
 */
final class ParquetFooters {
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  /** Sorts the footer's encoding lists of {@code file}; a no-op when they are already sorted. */
  static void canonicalise(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    if (length < 12) {
      return;
    }
    byte[] tail = new byte[8];
    try (FSDataInputStream in = fs.open(file)) {
      in.readFully(length - 8, tail);
      if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        throw new IOException("not a Parquet file (no PAR1 trailer): " + file);
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      long footerStart = length - 8 - footerLength;
      byte[] footer = new byte[footerLength];
      in.readFully(footerStart, footer);
      byte[] sorted = sortedFooter(footer);
      if (Arrays.equals(footer, sorted)) {
        return;
      }
      in.close();
      if (sorted.length == footer.length && "file".equals(fs.getUri().getScheme())) {
        patchLocal(fs, file, footerStart, sorted);
      } else {
        rewrite(fs, file, footerStart, sorted);
      }
    }
  }

  static byte[] sortedFooter(byte[] footer) throws IOException {
    FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(footer));
    if (meta.getRow_groups() != null) {
      for (RowGroup g : meta.getRow_groups()) {
        for (ColumnChunk c : g.getColumns()) {
          ColumnMetaData m = c.getMeta_data();
          if (m == null) {
            continue;
          }
          if (m.getEncodings() != null) {
            m.getEncodings().sort(Comparator.comparingInt(e -> e.getValue()));
          }
          if (m.getEncoding_stats() != null) {
            m.getEncoding_stats()
                .sort(
                    Comparator.comparingInt((PageEncodingStats s) -> s.getPage_type().getValue())
                        .thenComparingInt(s -> s.getEncoding().getValue()));
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(footer.length);
    Util.writeFileMetaData(meta, out);
    return out.toByteArray();
  }

  private static void patchLocal(FileSystem fs, Path file, long at, byte[] footer)
      throws IOException {
    java.nio.file.Path local = java.nio.file.Path.of(fs.makeQualified(file).toUri());
    try (FileChannel ch = FileChannel.open(local, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(footer);
      long pos = at;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
      ch.force(false);
    }
    // Hadoop's local file system keeps a checksum beside each file; the patched bytes would no
    // longer match it, and a file without one is read unchecked.
    java.nio.file.Files.deleteIfExists(local.resolveSibling("." + local.getFileName() + ".crc"));
  }

  private static void rewrite(FileSystem fs, Path file, long footerStart, byte[] footer)
      throws IOException {
    Path tmp = new Path(file.getParent(), "._footer_" + file.getName());
    try (InputStream in = fs.open(file);
        OutputStream out = fs.create(tmp, true)) {
      byte[] buf = new byte[1 << 16];
      long left = footerStart;
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          throw new IOException("unexpected end of " + file);
        }
        out.write(buf, 0, n);
        left -= n;
      }
      out.write(footer);
      out.write(
          ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(footer.length).array());
      out.write(MAGIC);
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("rename failed: " + tmp + " -> " + file);
    }
  }
}
