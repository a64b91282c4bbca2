package zoneassess.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a real YARN with the lake on a real HDFS, submitted the way a data centre would:
 * Spark's own {@code org.apache.spark.deploy.SparkSubmit} in a new JVM whose class path is Spark
 * and Hadoop alone (what a Spark distribution has), with the application jar {@code make dist}
 * builds as the primary resource, {@code --master yarn} and {@code HADOOP_CONF_DIR} pointing at a
 * MiniYARNCluster and a MiniDFSCluster started here.
 *
 * <p>The sample is generated locally and copied to HDFS; the YARN run reads it from HDFS and
 * publishes to a lake on HDFS with {@code spark.sql.shuffle.partitions=64}; a local-mode run of the
 * same sample with the default settings publishes to a local lake. Every dataset's content (and
 * every file's bytes) must be the same, and {@code diff-runs} must agree. The packs are then
 * rendered by {@code report --run latest --out hdfs://…} from the marts on HDFS into the HDFS lake.
 * Every process started here is stopped in {@code finally}, also on failure.
 */
class YarnHdfsPipelineTest {
  /** A safety net per command (on a quiet 2-core machine a whole run takes a few minutes). */
  private static final long MINUTES = 25;

  @Test
  void pipelineOnYarnWithTheLakeOnHdfsPublishesWhatLocalModePublishes() throws Exception {
    Path work = Path.of(System.getProperty("zoneassess.cluster.work")).toAbsolutePath();
    String scale = System.getProperty("zoneassess.cluster.scale", "small");
    Path appJar = Path.of(System.getProperty("zoneassess.app.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(appJar), "make dist first: no " + appJar);
    Files.createDirectories(work);
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, work.resolve("dfs").toString());
    conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
    MiniDFSCluster dfs = null;
    MiniYARNCluster yarn = null;
    List<Process> children = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
      dfs.waitActive();
      String hdfs = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
      YarnConfiguration yc = new YarnConfiguration(conf);
      yc.set("fs.defaultFS", hdfs);
      yc.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
      yc.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
      yc.setInt(YarnConfiguration.NM_VCORES, 4);
      yc.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
      yc.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
      // the capacity scheduler's one queue (no capacity-scheduler.xml on this class path)
      yc.set("yarn.scheduler.capacity.root.queues", "default");
      yc.set("yarn.scheduler.capacity.root.default.capacity", "100");
      yc.set("yarn.scheduler.capacity.maximum-am-resource-percent", "0.5");
      yc.set("yarn.nodemanager.disk-health-checker.max-disk-utilization-per-disk-percentage", "99");
      yarn = new MiniYARNCluster("zoneassess", 1, 1, 1);
      yarn.init(yc);
      yarn.start();
      Path confDir = Files.createDirectories(work.resolve("hadoop-conf"));
      // Only what a client needs: the minicluster's own settings name test classes (such as the
      // StaticMapping topology) that a Spark distribution does not have.
      Configuration written = new Configuration(false);
      for (Map.Entry<String, String> e : yarn.getConfig()) {
        if (e.getKey().startsWith("yarn.resourcemanager.")
            || e.getKey().startsWith("yarn.scheduler.")) {
          written.set(e.getKey(), e.getValue());
        }
      }
      written.set("fs.defaultFS", hdfs);
      try (OutputStream out = Files.newOutputStream(confDir.resolve("core-site.xml"))) {
        written.writeXml(out);
      }
      Files.copy(confDir.resolve("core-site.xml"), confDir.resolve("yarn-site.xml"));
      log("HDFS at " + hdfs + ", YARN at " + written.get(YarnConfiguration.RM_ADDRESS), t0);

      Submitter submit = new Submitter(work, confDir, appJar, children);
      Path sample = work.resolve("sample");
      submit.run(
          "sample",
          "local[2]",
          List.of(),
          "sample",
          "--seed",
          "42",
          "--scale",
          scale,
          "--out",
          sample.toString());
      FileSystem fs = dfs.getFileSystem();
      fs.copyFromLocalFile(
          false,
          true,
          new org.apache.hadoop.fs.Path(sample.toUri()),
          new org.apache.hadoop.fs.Path(hdfs + "/zoneassess/input"));
      log("sample generated and copied to HDFS", t0);

      String lake = hdfs + "/zoneassess/lake";
      submit.run(
          "yarn-run",
          "yarn",
          List.of("--conf", "spark.sql.shuffle.partitions=64"),
          "run",
          "--input",
          hdfs + "/zoneassess/input",
          "--out",
          lake,
          "--skip-packs");
      log("run on YARN, lake on HDFS", t0);
      Path local = work.resolve("local-lake");
      submit.run(
          "local-run",
          "local[2]",
          List.of(),
          "run",
          "--input",
          sample.toString(),
          "--out",
          local.toString(),
          "--skip-packs");
      log("same run in local mode", t0);

      String yarnRun = read(fs, lake + "/LATEST").strip();
      String localRun = Files.readString(local.resolve("LATEST")).strip();
      Map<String, String[]> onYarn =
          outputs(read(fs, lake + "/runs/" + yarnRun + "/manifest.json"));
      Map<String, String[]> onLocal =
          outputs(Files.readString(local.resolve("runs/" + localRun + "/manifest.json")));
      assertEquals(onLocal.keySet(), onYarn.keySet(), "the same datasets");
      assertTrue(onLocal.size() > 10, "a whole run: " + onLocal.keySet());
      for (String name : onLocal.keySet()) {
        assertEquals(onLocal.get(name)[1], onYarn.get(name)[1], name + ": the same rows");
        assertEquals(onLocal.get(name)[0], onYarn.get(name)[0], name + ": the same files");
      }
      String diff =
          submit.run(
              "diff-runs",
              "local[2]",
              List.of(),
              "diff-runs",
              yarnRun,
              localRun,
              "--out",
              lake,
              "--out-b",
              local.toString());
      log("diff-runs: " + diff.strip().replace('\n', ' '), t0);

      submit.run(
          "report",
          "local[1]",
          List.of(),
          "report",
          "--run",
          "latest",
          "--out",
          lake,
          "--pack",
          "province");
      FileStatus[] packs =
          fs.globStatus(new org.apache.hadoop.fs.Path(lake + "/runs/" + yarnRun + "/packs/*.xlsx"));
      assertEquals(1, packs.length, "the province pack on HDFS");
      try (InputStream in = fs.open(packs[0].getPath())) {
        byte[] head = in.readNBytes(2);
        assertEquals("PK", new String(head, StandardCharsets.US_ASCII), "an xlsx (zip) file");
      }
      assertFalse(
          Arrays.stream(fs.listStatus(packs[0].getPath().getParent()))
              .anyMatch(s -> s.getPath().getName().startsWith("._tmp_")),
          "no half-published file left");
      log("packs rendered from the marts on HDFS: " + packs[0].getPath(), t0);
    } finally {
      for (Process p : children) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      if (yarn != null) {
        yarn.stop();
      }
      if (dfs != null) {
        dfs.shutdown();
      }
      log("miniclusters stopped", t0);
    }
  }

  private static void log(String what, long t0) {
    System.out.printf("yarn-hdfs: %6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, what);
  }

  private static String read(FileSystem fs, String uri) throws IOException {
    try (InputStream in = fs.open(new org.apache.hadoop.fs.Path(uri))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Output name → (file hash, content hash) of a manifest; packs and the run log left out. */
  private static Map<String, String[]> outputs(String manifest) throws IOException {
    Map<String, String[]> out = new TreeMap<>();
    for (JsonNode o : new ObjectMapper().readTree(manifest).get("outputs")) {
      String name = o.get("name").asText();
      if (name.startsWith("pack:")) {
        continue;
      }
      out.put(name, new String[] {o.path("sha256").asText(), o.path("contentSha256").asText()});
    }
    return out;
  }

  /** Runs {@code SparkSubmit} in a new JVM with Spark and Hadoop (no project classes). */
  private static final class Submitter {
    private final Path work;
    private final Path confDir;
    private final Path appJar;
    private final List<Process> children;
    private final String sparkClassPath;

    Submitter(Path work, Path confDir, Path appJar, List<Process> children) {
      this.work = work;
      this.confDir = confDir;
      this.appJar = appJar;
      this.children = children;
      this.sparkClassPath =
          Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
              .filter(p -> p.endsWith(".jar"))
              .filter(p -> !p.contains("hadoop-client-minicluster"))
              .filter(p -> !p.contains("junit") && !p.contains("opentest4j"))
              .filter(p -> !p.contains("apiguardian") && !p.contains("surefire"))
              .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** Submits {@code args} to {@code master}; returns the standard output; fails on exit ≠ 0. */
    String run(String name, String master, List<String> sparkArgs, String... args)
        throws Exception {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx1536m");
      cmd.addAll(moduleFlags());
      cmd.add("-Djava.awt.headless=true");
      cmd.add("-Dfile.encoding=UTF-8");
      cmd.add("-cp");
      cmd.add(confDir + java.io.File.pathSeparator + sparkClassPath);
      cmd.add("org.apache.spark.deploy.SparkSubmit");
      cmd.addAll(List.of("--master", master, "--deploy-mode", "client"));
      cmd.addAll(List.of("--class", "zoneassess.jobs.cli.Main"));
      String javaHome = System.getProperty("java.home");
      String yarnJars =
          Arrays.stream(sparkClassPath.split(java.io.File.pathSeparator))
              .map(p -> "local:" + p)
              .collect(Collectors.joining(","));
      for (String c :
          List.of(
              "spark.yarn.jars=" + yarnJars,
              "spark.yarn.am.memory=512m",
              "spark.executor.memory=1g",
              "spark.executor.instances=2",
              "spark.executor.cores=1",
              "spark.yarn.appMasterEnv.JAVA_HOME=" + javaHome,
              "spark.executorEnv.JAVA_HOME=" + javaHome,
              "spark.executor.extraJavaOptions=-Djava.awt.headless=true -Dfile.encoding=UTF-8",
              "spark.yarn.submit.waitAppCompletion=true")) {
        cmd.add("--conf");
        cmd.add(c);
      }
      cmd.addAll(sparkArgs);
      cmd.add(appJar.toString());
      cmd.addAll(List.of(args));
      Path out = work.resolve(name + ".out");
      Path err = work.resolve(name + ".err");
      ProcessBuilder pb =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().put("HADOOP_CONF_DIR", confDir.toString());
      pb.environment().put("YARN_CONF_DIR", confDir.toString());
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      pb.environment().put("JAVA_HOME", javaHome);
      Process p = pb.start();
      children.add(p);
      if (!p.waitFor(MINUTES, TimeUnit.MINUTES)) {
        throw new AssertionError(name + ": no result within " + MINUTES + " minutes; see " + err);
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        throw new AssertionError(
            name
                + " exited "
                + p.exitValue()
                + "\n"
                + stdout
                + "\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
      }
      return stdout;
    }

    /** The module flags Spark needs on Java 17, as this JVM got them from the build. */
    private static List<String> moduleFlags() {
      return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(
              a ->
                  a.startsWith("--add-opens")
                      || a.startsWith("-XX:")
                      || a.startsWith("-Djdk.reflect")
                      || a.startsWith("-Dio.netty"))
          .toList();
    }
  }
}
