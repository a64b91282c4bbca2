package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;

/**
 * Finds the input files of each dataset in a folder. A file belongs to dataset D when its base name
 * equals D or starts with {@code D_} or {@code D-}, and its extension is {@code .csv}, {@code
 * .xlsx} or {@code .parquet} (a Parquet file or a folder of part files). Everything else is ignored
 * and noted. The JDBC sources of {@code ingest.yaml} are added as their Parquet extracts ({@link
 * JdbcExtracts}).
 *
 * @param uri the folder
 * @param files matched inputs, ordered by dataset (validation order) then file name
 * @param config the folder's {@code ingest.yaml}, or empty
 * @param configUri URI of {@code ingest.yaml} when present, else null
 * @param notes files that were ignored, and why
 */
public record InputFolder(
    String uri, List<InputFile> files, IngestConfig config, String configUri, List<String> notes) {
  public InputFolder {
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }

  /**
   * The files that were left out of the run (hidden, other formats, folders, names of no dataset).
   * They are facts about the folder as handed in, not about the data: the snapshot store keeps the
   * inputs only, so a rerun's rebuilt folder has none of them. They go to the console and the run
   * log; the published validation report carries only {@link #dataNotes()}.
   */
  public List<String> ignoredFiles() {
    return notes.stream().filter(n -> n.startsWith(IGNORED)).toList();
  }

  /** Notes about the inputs themselves (e.g. ingest.yaml naming a file that is not there). */
  public List<String> dataNotes() {
    return notes.stream().filter(n -> !n.startsWith(IGNORED)).toList();
  }

  private static final String IGNORED = "ignored ";

  public List<InputFile> filesOf(String dataset) {
    return files.stream().filter(f -> f.dataset().equals(dataset)).toList();
  }

  /** Lists {@code folderUri}; fails when it is not a readable folder. */
  public static InputFolder scan(String folderUri, Configuration conf) {
    Path dir = new Path(folderUri);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir) || !fs.getFileStatus(dir).isDirectory()) {
        throw new IngestException(folderUri + ": input folder does not exist or is not a folder");
      }
      FileStatus[] listing = fs.listStatus(dir);
      Arrays.sort(listing, Comparator.comparing(s -> s.getPath().getName()));
      IngestConfig config = IngestConfig.empty();
      String configUri = null;
      List<String> notes = new ArrayList<>();
      List<InputFile> files = new ArrayList<>();
      for (FileStatus st : listing) {
        String name = st.getPath().getName();
        if (name.equals(IngestConfig.FILE_NAME)) {
          configUri = st.getPath().toString();
          try (InputStream in = fs.open(st.getPath())) {
            config =
                IngestConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
          }
        }
      }
      for (FileStatus st : listing) {
        String name = st.getPath().getName();
        if (name.equals(IngestConfig.FILE_NAME)) {
          continue;
        }
        if (name.startsWith(".") || name.startsWith("_")) {
          notes.add("ignored hidden file " + name);
          continue;
        }
        Optional<InputFormat> format = InputFormat.ofFileName(name);
        if (format.isEmpty()) {
          notes.add("ignored " + name + " (not .csv, .xlsx or .parquet)");
          continue;
        }
        if (st.isDirectory() && format.get() != InputFormat.PARQUET) {
          notes.add("ignored folder " + name);
          continue;
        }
        String base = name.substring(0, name.length() - format.get().extension().length());
        Optional<DatasetContract> dataset = datasetOf(base);
        if (dataset.isEmpty()) {
          notes.add("ignored " + name + " (no dataset named like it)");
          continue;
        }
        if (!st.isDirectory()) {
          try (InputStream probe = fs.open(st.getPath())) {
            probe.read();
          } catch (IOException e) {
            throw new IngestException(
                name + ": the input file cannot be opened: " + e.getMessage() + " / 无法打开输入文件", e);
          }
        }
        IngestConfig.FileOptions opts = config.optionsFor(name);
        files.add(
            new InputFile(
                st.getPath().toString(),
                name,
                dataset.get().name(),
                format.get(),
                opts.encoding(),
                opts.sheet()));
      }
      unlisted(dir, listing);
      // A JDBC source enters as its Parquet extract. A folder rebuilt from the snapshot store
      // already holds the extract under the source's name: that copy is read, not the database.
      for (JdbcSource source : config.sources().values()) {
        if (files.stream().noneMatch(f -> f.name().equals(source.extractName()))) {
          DatasetContract d = datasetOf(source.name()).orElseThrow();
          files.add(
              new InputFile(
                  JdbcExtracts.extract(folderUri, source, d, conf),
                  source.extractName(),
                  d.name(),
                  InputFormat.PARQUET,
                  null,
                  null));
        }
      }
      for (String configured : config.files().keySet()) {
        if (files.stream().noneMatch(f -> f.name().equals(configured))) {
          notes.add(IngestConfig.FILE_NAME + " names " + configured + ", which is not an input");
        }
      }
      List<String> order = Datasets.ALL.stream().map(DatasetContract::name).toList();
      files.sort(
          Comparator.comparing((InputFile f) -> order.indexOf(f.dataset()))
              .thenComparing(InputFile::name));
      return new InputFolder(folderUri, files, config, configUri, notes);
    } catch (IOException e) {
      throw new IngestException(folderUri + ": cannot list input folder: " + e.getMessage(), e);
    }
  }

  /** The dataset a base name belongs to; the longest matching dataset name wins. */
  static Optional<DatasetContract> datasetOf(String baseName) {
    return Datasets.ALL.stream()
        .filter(
            d ->
                baseName.equals(d.name())
                    || baseName.startsWith(d.name() + "_")
                    || baseName.startsWith(d.name() + "-"))
        .max(Comparator.comparingInt(d -> d.name().length()));
  }

  /**
   * Hadoop's local file system leaves out of a listing what it cannot stat, such as a link whose
   * target is gone; an input named like a dataset must not vanish that way (its dataset would be
   * staged empty and its references left unchecked). Other file systems have no such entries.
   */
  private static void unlisted(Path dir, FileStatus[] listing) throws IOException {
    if (!"file".equals(dir.toUri().getScheme())) {
      return;
    }
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (FileStatus st : listing) {
      listed.add(st.getPath().getName());
    }
    try (var names = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of(dir.toUri()))) {
      for (java.nio.file.Path p : names) {
        String name = p.getFileName().toString();
        if (listed.contains(name) || name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        Optional<InputFormat> format = InputFormat.ofFileName(name);
        if (format.isPresent()
            && datasetOf(name.substring(0, name.length() - format.get().extension().length()))
                .isPresent()) {
          throw new IngestException(
              name
                  + ": the input file cannot be opened"
                  + (java.nio.file.Files.isSymbolicLink(p)
                      ? " (a link whose target is missing)"
                      : "")
                  + " / 无法打开输入文件");
        }
      }
    }
  }
}
