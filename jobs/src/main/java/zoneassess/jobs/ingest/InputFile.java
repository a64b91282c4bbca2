package zoneassess.jobs.ingest;

import java.util.Objects;

/**
 * One input file (or Parquet folder of part files) and the dataset it belongs to.
 *
 * @param uri URI of the file or folder
 * @param name file name as found in the input folder (the lineage {@code _source_file})
 * @param dataset dataset name
 * @param format format from the extension
 * @param encoding encoding set in {@code ingest.yaml}, or null to detect it (CSV only)
 * @param sheet sheet name set in {@code ingest.yaml}, or null for the first visible sheet (XLSX
 *     only)
 */
public record InputFile(
    String uri, String name, String dataset, InputFormat format, String encoding, String sheet) {
  public InputFile {
    Objects.requireNonNull(uri);
    Objects.requireNonNull(name);
    Objects.requireNonNull(dataset);
    Objects.requireNonNull(format);
  }
}
