package zoneassess.jobs.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The optional {@code ingest.yaml} of an input folder: per-file reading options.
 *
 * <pre>
 * synthetic: true          # optional: the folder holds generated, not real, data (the sample
 *                          # generator writes it); every pack of the run then says so
 * files:
 *   zone_stats_2025Q3.csv:
 *     encoding: GBK        # UTF-8, GBK, UTF-16LE or UTF-16BE; detected when absent
 *   zones.xlsx:
 *     sheet: 园区名录       # first visible sheet when absent
 * sources:                 # optional: datasets read from a database ({@link JdbcSource})
 *   enterprises_db:        # the extract's name in the run's inputs (enterprises_db.parquet)
 *     url: jdbc:postgresql://db.example:5432/stats
 *     table: public.enterprises
 *     user_env: ZONEASSESS_DB_USER
 *     password_env: ZONEASSESS_DB_PASSWORD
 * </pre>
 */
public record IngestConfig(
    Map<String, FileOptions> files, boolean synthetic, Map<String, JdbcSource> sources) {
  public static final String FILE_NAME = "ingest.yaml";
  private static final Set<String> TOP_KEYS = Set.of("files", "synthetic", "sources");
  private static final Set<String> OPTION_KEYS = Set.of("encoding", "sheet");

  /** Reading options of one file. */
  public record FileOptions(String encoding, String sheet) {}

  public IngestConfig {
    files = Map.copyOf(files);
    sources = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sources));
  }

  /** Reading options of files only. */
  public IngestConfig(Map<String, FileOptions> files, boolean synthetic) {
    this(files, synthetic, Map.of());
  }

  /** The JDBC source whose extract is the input named {@code fileName}, if any. */
  public java.util.Optional<JdbcSource> sourceFor(String fileName) {
    return sources.values().stream().filter(s -> s.extractName().equals(fileName)).findFirst();
  }

  /** Reading options for real (not synthetic) data. */
  public IngestConfig(Map<String, FileOptions> files) {
    this(files, false);
  }

  public static IngestConfig empty() {
    return new IngestConfig(Map.of());
  }

  public FileOptions optionsFor(String fileName) {
    return files.getOrDefault(fileName, new FileOptions(null, null));
  }

  /** Parses the YAML text; {@code source} names the file in error messages. */
  public static IngestConfig parse(String yamlText, String source) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    } catch (RuntimeException e) {
      throw new IngestException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null) {
      return empty();
    }
    if (!(root instanceof Map<?, ?> top)
        || !TOP_KEYS.containsAll(top.keySet().stream().map(String::valueOf).toList())) {
      throw new IngestException(
          source + ": expected the top-level keys 'files', 'sources' and 'synthetic' (optional)");
    }
    Object flag = top.get("synthetic");
    if (flag != null && !(flag instanceof Boolean)) {
      throw new IngestException(source + ": 'synthetic' must be true or false, not '" + flag + "'");
    }
    boolean synthetic = Boolean.TRUE.equals(flag);
    Map<String, JdbcSource> sources = JdbcSource.parseAll(top.get("sources"), source);
    Object files = top.get("files");
    if (files == null) {
      return new IngestConfig(Map.of(), synthetic, sources);
    }
    if (!(files instanceof Map<?, ?> byFile)) {
      throw new IngestException(source + ": 'files' must map file names to options");
    }
    Map<String, FileOptions> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : byFile.entrySet()) {
      String file = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> opts)) {
        throw new IngestException(source + ": options of '" + file + "' must be a mapping");
      }
      for (Object k : opts.keySet()) {
        if (!OPTION_KEYS.contains(String.valueOf(k))) {
          throw new IngestException(
              source
                  + ": unknown option '"
                  + k
                  + "' for '"
                  + file
                  + "' (known: "
                  + List.copyOf(new java.util.TreeSet<>(OPTION_KEYS))
                  + ")");
        }
      }
      Object enc = opts.get("encoding");
      Object sheet = opts.get("sheet");
      out.put(
          file,
          new FileOptions(
              enc == null ? null : enc.toString(), sheet == null ? null : sheet.toString()));
    }
    return new IngestConfig(out, synthetic, sources);
  }
}
