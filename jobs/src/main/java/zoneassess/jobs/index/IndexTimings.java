package zoneassess.jobs.index;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import zoneassess.jobs.spark.JobCounter;

/**
 * Where the {@code index} command's wall time goes: the JVM's start until the command begins, then
 * each phase (methodology, session, read, engine, write) with the Spark work it did. Printed on
 * stderr when {@code -Dzoneassess.timing=true}; on a small table the time is fixed costs (JVM,
 * class loading, session, one planning and scheduling round per Spark job), which these phases
 * separate.
 */
public final class IndexTimings {
  /** {@code -Dzoneassess.timing=true} prints the phases. */
  public static final boolean ENABLED = Boolean.getBoolean("zoneassess.timing");

  private final List<String> phases = new ArrayList<>();
  private final long jvmStartToCommandMillis;
  private long last = System.nanoTime();
  private JobCounter counter;

  public IndexTimings() {
    jvmStartToCommandMillis = ManagementFactory.getRuntimeMXBean().getUptime();
  }

  /** Counts Spark work from now on (call once the session exists). */
  public void count(JobCounter c) {
    this.counter = c;
  }

  /** Ends the current phase under {@code name}. */
  public void phase(String name) {
    long now = System.nanoTime();
    String work = "";
    if (counter != null) {
      JobCounter.Work w = counter.mark();
      work =
          w.jobs() + w.sqlExecutions() == 0
              ? ""
              : " (" + w.jobs() + " jobs, " + w.sqlExecutions() + " SQL)";
      now = System.nanoTime();
    }
    phases.add(String.format(Locale.ROOT, "%s %.2f s%s", name, (now - last) / 1e9, work));
    last = now;
  }

  /** "index timings: jvm start to command 0.61 s; methodology 0.05 s; session 2.10 s; …". */
  public String describe() {
    return String.format(
            Locale.ROOT,
            "index timings: jvm start to command %.2f s; ",
            jvmStartToCommandMillis / 1e3)
        + String.join("; ", phases)
        + String.format(
            Locale.ROOT,
            "; jvm uptime %.2f s",
            ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }
}
