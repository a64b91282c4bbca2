package zoneassess.jobs.run;

import zoneassess.jobs.io.Publisher;
import zoneassess.schema.layout.RunLayout;

/**
 * A run as a command names it: its id (a folder name under {@code ROOT/runs}) or {@code latest},
 * the id written in {@code ROOT/LATEST} by the last finished run. Every command that takes a run
 * resolves it here, so "latest" means the same everywhere and a missing run reads the same.
 */
public final class RunRef {
  /** The word for the newest finished run. */
  public static final String LATEST = "latest";

  private RunRef() {}

  /** No finished run answers the reference: a usage error (exit code 2). */
  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }

  public static boolean isLatest(String ref) {
    return ref == null || LATEST.equalsIgnoreCase(ref.strip());
  }

  /**
   * The id {@code ref} names under {@code root} (a URI or path): {@code ref} itself, or for {@code
   * latest} (or null) the id in {@code ROOT/LATEST}.
   *
   * @throws NotFound when {@code latest} is asked for and no run has finished under the root
   */
  public static String id(Publisher files, String root, String ref) {
    if (!isLatest(ref)) {
      return ref.strip();
    }
    String pointer = RunLayout.published(root, LATEST).latestPointer();
    if (!files.exists(pointer)) {
      throw new NotFound("no finished run under " + root + " (" + pointer + " is missing)");
    }
    String id = files.readText(pointer).strip();
    if (id.isEmpty()) {
      throw new NotFound("no finished run under " + root + " (" + pointer + " is empty)");
    }
    return id;
  }

  /**
   * The layout of the run {@code ref} names under {@code root}; its folder must exist.
   *
   * @throws NotFound when there is no such run
   */
  public static RunLayout resolve(Publisher files, String root, String ref) {
    String uri = Publisher.toUri(root);
    RunLayout run = RunLayout.published(uri, id(files, uri, ref));
    if (!files.exists(run.runDir())) {
      throw new NotFound("run not found: " + run.runDir());
    }
    return run;
  }
}
