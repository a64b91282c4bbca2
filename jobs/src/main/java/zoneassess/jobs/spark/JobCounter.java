package zoneassess.jobs.spark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * Counts the work Spark did: jobs, stages, tasks and SQL executions, and the longest physical plan
 * description among them. On small data a run's time goes to the fixed cost of each job (planning,
 * code generation, scheduling), not to the rows, so these counts — which do not depend on how busy
 * the machine is — are what the pipeline, the bench and the tests measure and bound.
 *
 * <p>Attach once per session, then call {@link #mark()} after each piece of work: it waits until
 * Spark has delivered every event so far and returns the work since the previous mark.
 */
public final class JobCounter extends SparkListener implements AutoCloseable {
  /** Work between two marks. {@code largestPlanChars} is the longest physical plan description. */
  public record Work(
      long jobs, long stages, long tasks, long sqlExecutions, long largestPlanChars) {
    public static final Work NONE = new Work(0, 0, 0, 0, 0);

    /** The sum of two spans of work; the largest plan is the larger of the two. */
    public Work plus(Work o) {
      return new Work(
          jobs + o.jobs,
          stages + o.stages,
          tasks + o.tasks,
          sqlExecutions + o.sqlExecutions,
          Math.max(largestPlanChars, o.largestPlanChars));
    }

    /** "12 jobs, 14 stages, 30 tasks, 5 SQL, plan ≤ 4,321 chars". */
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "%d jobs, %d stages, %d tasks, %d SQL, largest plan %,d chars",
          jobs,
          stages,
          tasks,
          sqlExecutions,
          largestPlanChars);
    }
  }

  private final SparkSession spark;
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong sql = new AtomicLong();
  private final AtomicLong largestPlan = new AtomicLong();

  private JobCounter(SparkSession spark) {
    this.spark = spark;
  }

  /** A counter listening to {@code spark} from now on; {@link #close()} detaches it. */
  public static JobCounter attach(SparkSession spark) {
    JobCounter c = new JobCounter(spark);
    spark.sparkContext().addSparkListener(c);
    return c;
  }

  /** The work since the previous mark (or since attaching); starts a new span. */
  public synchronized Work mark() {
    drain();
    return new Work(
        jobs.getAndSet(0),
        stages.getAndSet(0),
        tasks.getAndSet(0),
        sql.getAndSet(0),
        largestPlan.getAndSet(0));
  }

  @Override
  public void close() {
    drain();
    spark.sparkContext().removeSparkListener(this);
  }

  private void drain() {
    try {
      // Listener events arrive asynchronously; counts are only complete once the bus is empty.
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000L);
    } catch (TimeoutException e) {
      // A bus still busy after a minute: the counts are then a lower bound, which is acceptable
      // for a measurement and never worth failing a run for.
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
    if (TRACE) {
      java.util.Properties p = jobStart.properties();
      System.err.printf(
          java.util.Locale.ROOT,
          "jobcounter: job %d sql %s stages %d at %s%n",
          jobStart.jobId(),
          p == null ? null : p.getProperty("spark.sql.execution.id"),
          jobStart.stageInfos().size(),
          p == null || p.getProperty("callSite.short") == null
              ? (jobStart.stageInfos().isEmpty() ? null : jobStart.stageInfos().last().name())
              : p.getProperty("callSite.short"));
      String sqlId = p == null ? null : p.getProperty("spark.sql.execution.id");
      if (sqlId != null) {
        jobStart.stageIds().foreach(id -> stageSql.put((Integer) id, sqlId));
      }
    }
  }

  /**
   * {@code -Dzoneassess.jobcounter.trace=true}: every job and SQL execution on stderr, with the
   * code that started it — to find the actions worth removing.
   */
  private static final boolean TRACE = Boolean.getBoolean("zoneassess.jobcounter.trace");

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
    stages.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    tasks.incrementAndGet();
    if (TRACE && taskEnd.taskMetrics() != null) {
      String sqlId = stageSql.get(taskEnd.stageId());
      if (sqlId != null) {
        taskMillis.merge(sqlId, taskEnd.taskMetrics().executorRunTime(), Long::sum);
      }
    }
  }

  /** Trace only: the SQL execution of each stage, and the task time per SQL execution. */
  private final java.util.Map<Integer, String> stageSql =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<String, Long> taskMillis =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<Long, Long> sqlStart = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public void onOtherEvent(SparkListenerEvent event) {
    if (event instanceof SparkListenerSQLExecutionStart s) {
      sql.incrementAndGet();
      if (TRACE) {
        System.err.printf(
            java.util.Locale.ROOT,
            "jobcounter: sql %d plan %d chars: %s%n",
            s.executionId(),
            s.physicalPlanDescription() == null ? 0 : s.physicalPlanDescription().length(),
            s.description());
      }
      plan(s.physicalPlanDescription());
      sqlStart.put(s.executionId(), s.time());
    } else if (TRACE
        && event instanceof org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd e) {
      Long t0 = sqlStart.remove(e.executionId());
      System.err.printf(
          java.util.Locale.ROOT,
          "jobcounter: sql %d took %d ms, tasks %d ms%n",
          e.executionId(),
          t0 == null ? -1 : e.time() - t0,
          taskMillis.getOrDefault(String.valueOf(e.executionId()), 0L));
    } else if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate u) {
      plan(u.physicalPlanDescription());
    }
  }

  private void plan(String description) {
    if (description != null) {
      largestPlan.accumulateAndGet(description.length(), Math::max);
    }
  }
}
