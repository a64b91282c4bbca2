package zoneassess.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.schema.docs.DataDictionary;
import zoneassess.schema.docs.MartsReference;

/** {@code zoneassess docs}: writes the data dictionary and the marts reference. */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = {
      "Writes data-dictionary.md (datasets, columns, keys, references, rules, units, indicator",
      "catalogue) and marts.md (every mart's key and columns), generated from the dataset and",
      "mart declarations, into the given folder."
    },
    footer = {"", "Examples:", "  zoneassess docs --out docs"})
public final class DocsCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into.")
  Path out;

  @Override
  public Integer call() {
    try {
      Files.createDirectories(out);
      Path file = out.resolve(DataDictionary.FILE_NAME);
      Files.writeString(file, DataDictionary.render(), StandardCharsets.UTF_8);
      System.out.println("wrote " + file);
      Path marts = out.resolve(MartsReference.FILE_NAME);
      Files.writeString(marts, MartsReference.render(), StandardCharsets.UTF_8);
      System.out.println("wrote " + marts);
      return 0;
    } catch (IOException e) {
      return ExitCodes.report("docs", e, System.err);
    }
  }
}
