package zoneassess.jobs.run;

import zoneassess.jobs.io.Publisher;
import zoneassess.schema.layout.RunLayout;

/**
 * A run is written under {@code runs/.inprogress/<id>} and moved to {@code runs/<id>} in one rename
 * when it is complete; {@code LATEST} then names it. A failed run is abandoned (deleted), so
 * nothing ever appears under {@code runs/<id>} half-written.
 */
public final class RunLifecycle {
  private final Publisher publisher;

  public RunLifecycle(Publisher publisher) {
    this.publisher = publisher;
  }

  /** Starts run {@code runId} under {@code root}; fails if that run already exists. */
  public RunLayout begin(String root, String runId) {
    RunLayout layout = RunLayout.inProgress(root, runId);
    if (publisher.exists(layout.asPublished().runDir())) {
      throw new IllegalStateException("run already exists: " + layout.asPublished().runDir());
    }
    publisher.delete(layout.runDir());
    publisher.writeText(layout.runDir() + "/.started", runId + "\n");
    return layout;
  }

  /** Moves the finished run into place and points {@code LATEST} at it. */
  public RunLayout publish(RunLayout inProgress) {
    return publish(inProgress, true);
  }

  /**
   * Moves the finished run into place; {@code LATEST} (replaced atomically, never absent) names it
   * only when {@code moveLatest}.
   */
  public RunLayout publish(RunLayout inProgress, boolean moveLatest) {
    RunLayout published = inProgress.asPublished();
    publisher.delete(inProgress.runDir() + "/.started");
    publisher.move(inProgress.runDir(), published.runDir());
    if (moveLatest) {
      publisher.writeText(published.latestPointer(), published.runId() + "\n");
    }
    return published;
  }

  /** Deletes what a failed run wrote. */
  public void abandon(RunLayout inProgress) {
    if (inProgress.runDir().equals(inProgress.asPublished().runDir())) {
      throw new IllegalArgumentException("not an in-progress run: " + inProgress.runDir());
    }
    publisher.delete(inProgress.runDir());
  }
}
