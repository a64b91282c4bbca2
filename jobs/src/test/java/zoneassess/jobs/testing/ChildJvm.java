package zoneassess.jobs.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a new JVM that runs a main class of this project with the test JVM's class
 * path and the flags Spark needs on Java 17 (module opens, reflection and Netty settings, JIT
 * tuning), for the tests whose promise is across processes: a rerun in a new JVM, a run killed
 * mid-way, two JVMs racing for a lock.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java -Xmx<heap> <flags> -cp <test class path> <mainClass> <args…>}. */
  public static List<String> command(String heap, String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("--add-exports")
          || a.startsWith("-XX:")
          || a.startsWith("-Djdk.reflect")
          || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /** {@code zoneassess ARGS} in a new JVM with a 1 GB heap. */
  public static List<String> zoneassess(List<String> args) {
    return command("1g", "zoneassess.jobs.cli.Main", args);
  }
}
