package zoneassess.jobs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code zoneassess} command. */
@Command(
    name = "zoneassess",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Assessment of development zones: ingest, assess, per-mu, costs, packs.",
    subcommands = {
      SampleCommand.class,
      IngestCommand.class,
      RunCommand.class,
      RerunCommand.class,
      SensitivityCommand.class,
      CompareCommand.class,
      VintagesCommand.class,
      ResearchPackCommand.class,
      IndexCommand.class,
      AssessCommand.class,
      PerMuCommand.class,
      AllocateCommand.class,
      CostsCommand.class,
      ReportCommand.class,
      DocsCommand.class,
      TemplateCommand.class,
      DiffRunsCommand.class,
      UnlockCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess sample --seed 42 --scale province --out out/sample",
      "  zoneassess run --input out/sample --out out",
      "  zoneassess help ingest"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return ExitCodes.install(cl);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
