package zoneassess.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class JobCounterTest extends SparkTestBase {
  @Test
  void countsTheJobsStagesTasksAndSqlExecutionsOfEachSpan() {
    try (JobCounter counter = JobCounter.attach(spark)) {
      counter.mark();
      // A scan of 3 partitions without a shuffle, collected: one SQL execution, one job, one
      // stage, one task per partition = 3 tasks.
      assertEquals(10, spark.range(0, 10, 1, 3).collectAsList().size());
      JobCounter.Work w = counter.mark();
      assertEquals(1, w.jobs(), w.describe());
      assertEquals(1, w.stages(), w.describe());
      assertEquals(3, w.tasks(), w.describe());
      assertEquals(1, w.sqlExecutions(), w.describe());
      assertTrue(w.largestPlanChars() > 0, w.describe());

      // Nothing ran since the last mark.
      assertEquals(JobCounter.Work.NONE, counter.mark());

      // Two such collects: twice the work.
      spark.range(0, 10, 1, 3).collectAsList();
      spark.range(0, 10, 1, 3).collectAsList();
      JobCounter.Work two = counter.mark();
      assertEquals(new JobCounter.Work(2, 2, 6, 2, two.largestPlanChars()), two);
    }
  }

  @Test
  void sumsOfWorkAddCountsAndKeepTheLargestPlan() {
    JobCounter.Work a = new JobCounter.Work(1, 2, 3, 4, 500);
    JobCounter.Work b = new JobCounter.Work(10, 20, 30, 40, 100);
    assertEquals(new JobCounter.Work(11, 22, 33, 44, 500), a.plus(b));
  }
}
