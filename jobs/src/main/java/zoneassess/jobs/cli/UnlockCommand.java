package zoneassess.jobs.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.RunLock;

/** {@code zoneassess unlock}: removes the lock of an output root left by a run that is gone. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Removes ROOT/.lock, which names the run holding it (pid@host, command, time taken, process",
      "start). Refuses while that process is alive on this host, unless --force. A lock from",
      "another host cannot be checked from here: it is removed with its holder printed (a run",
      "takes such a lock over by itself once it is older than 6 hours)."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess unlock --out /srv/zoneassess",
      "  zoneassess unlock --out out --force"
    })
public final class UnlockCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--force", description = "Remove the lock even if its holder is alive here.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String root = Publisher.toUri(out);
    Configuration conf = new Configuration();
    Optional<RunLock.Holder> holder = RunLock.holder(root, conf);
    if (holder.isEmpty()) {
      stdout.println("unlock: no lock under " + root);
      return 0;
    }
    RunLock.Holder h = holder.get();
    Optional<String> stale = h.staleReason(Instant.now());
    if (h.aliveHere() && !force) {
      err.println(
          "unlock: refused: the lock is held by a running process on this host: "
              + h.describe()
              + " (stop that run first, or use --force)");
      return ExitCodes.LOCKED;
    }
    if (!RunLock.release(root, conf, h.text())) {
      err.println("unlock: the lock changed while it was being removed; run unlock again");
      return ExitCodes.FAILURE;
    }
    stdout.println(
        "unlock: removed the lock "
            + RunLock.lockPath(root)
            + " held by "
            + h.describe()
            + stale.map(s -> " (" + s + ")").orElse(""));
    return 0;
  }
}
