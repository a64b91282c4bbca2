package zoneassess.jobs.cli;

import picocli.CommandLine;

/** Prints the build version and the Spark version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {
      "zoneassess " + (v == null ? "dev" : v),
      "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
    };
  }
}
