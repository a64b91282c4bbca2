package zoneassess.jobs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import zoneassess.jobs.io.Publisher;
import zoneassess.reports.PackRequest;
import zoneassess.reports.pack.PackRenderer;

/**
 * Where rendered packs go. The renderer (POI, JFreeChart) writes local files; for a local target it
 * writes there directly. For a target on another file system ({@code hdfs://…}, {@code s3a://…}) it
 * renders into a local scratch folder and each file is then copied up through {@link
 * Publisher#copyFromLocal} (a hidden sibling renamed into place), so a reader of the lake never
 * sees a half-written workbook. The marts are read from wherever the run is, through Hadoop.
 */
public final class PackOutput {
  private PackOutput() {}

  /** Renders {@code requests} from the run at {@code runDirUri} into {@code targetUri}. */
  public static List<String> render(
      String runDirUri, List<PackRequest> requests, String targetUri, Publisher publisher) {
    String target = Publisher.toUri(targetUri);
    if (Publisher.isLocal(target)) {
      return PackRenderer.render(runDirUri, requests, target).stream()
          .map(p -> p.toUri().toString())
          .toList();
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("zoneassess-packs");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for packs", e);
    }
    try {
      List<Path> files = PackRenderer.render(runDirUri, requests, scratch.toUri().toString());
      List<String> written = new ArrayList<>();
      String base = target.endsWith("/") ? target : target + "/";
      for (Path f : files) {
        String uri = base + scratch.relativize(f).toString().replace('\\', '/');
        publisher.copyFromLocal(f, uri);
        written.add(uri);
      }
      return written;
    } finally {
      deleteQuietly(scratch);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a scratch folder left in the temp directory is harmless
    }
  }
}
