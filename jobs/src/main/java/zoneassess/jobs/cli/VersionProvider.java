package zoneassess.jobs.cli;

import picocli.CommandLine;
import zoneassess.jobs.run.BuildInfo;

/** Prints the build version, the code version recorded at build time and the Spark version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    BuildInfo build = BuildInfo.current();
    return new String[] {
      "zoneassess " + (v == null ? "dev" : v),
      "code " + build.codeVersion() + (build.dirty() ? " (built with uncommitted changes)" : ""),
      "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
    };
  }
}
