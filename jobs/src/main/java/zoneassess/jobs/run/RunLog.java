package zoneassess.jobs.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The log of one run, written as the run goes: what is logged before the run has an id is kept, and
 * once {@link #attach} names the log file everything so far and every later line go to it straight
 * away, so a run that is killed leaves its log up to the moment it died. The whole text also stays
 * available for the copy inside the published run. A failure to write the log file (a full disk)
 * stops writing to it but never masks the run's own error.
 */
public final class RunLog extends OutputStream {
  private final ByteArrayOutputStream text = new ByteArrayOutputStream();
  private OutputStream file;
  private boolean broken;

  /** From now on writes go to {@code uri} too, starting with what was logged so far. */
  public synchronized void attach(Configuration conf, String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(conf);
      fs.mkdirs(p.getParent());
      if ("file".equals(fs.getUri().getScheme())) {
        file =
            Files.newOutputStream(
                java.nio.file.Path.of(fs.makeQualified(p).toUri()),
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
      } else {
        file = fs.create(p, true);
      }
      toFile(text.toByteArray(), 0, text.size());
    } catch (IOException | FSError e) {
      broken = true;
    }
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    text.write(b, off, len);
    toFile(b, off, len);
  }

  private void toFile(byte[] b, int off, int len) {
    if (file == null || broken) {
      return;
    }
    try {
      file.write(b, off, len);
      if (file instanceof FSDataOutputStream h) {
        h.hflush();
      }
    } catch (IOException | FSError e) {
      broken = true;
    }
  }

  /** Everything logged so far. */
  public synchronized String text() {
    return text.toString(StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void close() {
    if (file != null) {
      try {
        file.close();
      } catch (IOException | FSError e) {
        broken = true;
      }
      file = null;
    }
  }
}
