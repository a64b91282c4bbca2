package zoneassess.jobs.ingest;

import java.util.Locale;
import java.util.Optional;

/** The input file formats ingestion reads. */
public enum InputFormat {
  CSV(".csv"),
  XLSX(".xlsx"),
  PARQUET(".parquet");

  private final String extension;

  InputFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format a file name's extension stands for, if any. */
  public static Optional<InputFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) {
      if (lower.endsWith(f.extension)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
