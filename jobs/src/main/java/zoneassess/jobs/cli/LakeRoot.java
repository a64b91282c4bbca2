package zoneassess.jobs.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import zoneassess.jobs.io.Publisher;

/**
 * An output root ({@code --out}) as the commands that resolve a published run see it: a local
 * folder or a URI on any Hadoop file system ({@code hdfs://…}, {@code s3a://…}), read through
 * Hadoop's FileSystem API.
 */
final class LakeRoot {
  private final String uri;
  private final Publisher lake = new Publisher(new Configuration());

  LakeRoot(String out) {
    this.uri = Publisher.toUri(out);
  }

  String uri() {
    return uri;
  }

  /** {@code <root>/<relative>} as a URI. */
  String resolve(String relative) {
    return (uri.endsWith("/") ? uri : uri + "/") + relative;
  }

  /** The id in {@code <root>/LATEST}, when the file exists. */
  Optional<String> latest() {
    String pointer = resolve("LATEST");
    if (!lake.exists(pointer)) {
      return Optional.empty();
    }
    return Optional.of(lake.readText(pointer).strip());
  }

  boolean isDirectory(String relative) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(resolve(relative));
      FileSystem fs = p.getFileSystem(lake.conf());
      return fs.exists(p) && fs.getFileStatus(p).isDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resolve(relative), e);
    }
  }

  /** How the root or a file under it is named in messages: a local path, else its URI. */
  String shown(String relative) {
    String u = relative.isEmpty() ? uri : resolve(relative);
    return u.startsWith("file:") ? Path.of(URI.create(u)).normalize().toString() : u;
  }
}
