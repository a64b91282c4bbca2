package zoneassess.jobs.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a CSV file is encoded, and why that was chosen. A byte-order mark decides (UTF-8, UTF-16LE,
 * UTF-16BE); {@code ingest.yaml} can name the encoding; otherwise a file with NUL bytes in every
 * other position of its start is UTF-16 without a mark, a file that decodes as strict UTF-8 is
 * UTF-8, and anything else must decode as strict GBK (read with GB18030, its superset). Every
 * choice is checked by decoding the whole file strictly ({@link CsvText}): a byte that is invalid
 * in the chosen encoding stops the run, never becomes U+FFFD.
 *
 * @param label what the report shows: {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GBK}, {@code
 *     UTF-16LE (BOM)} …, with {@code (ingest.yaml)} when configured
 * @param charset the charset to decode with
 * @param bomLength bytes of byte-order mark to skip before decoding
 * @param declared how the encoding was given when it was not detected by decoding: {@code
 *     ingest.yaml}, {@code byte-order mark}, or null when detected
 */
public record CsvEncoding(String label, Charset charset, int bomLength, String declared) {
  static final Charset GBK = Charset.forName("GB18030");

  public boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8);
  }

  /** Name of the encoding in messages: UTF-8, GBK, UTF-16LE, UTF-16BE. */
  public String name() {
    return charset.equals(GBK) ? "GBK" : charset.name();
  }

  /** The encoding configured for a file, by name (UTF-8, GBK and its aliases, UTF-16LE/BE). */
  public static CsvEncoding configured(String name, String file) {
    String n = name.strip().toUpperCase(Locale.ROOT).replace("_", "-");
    return switch (n) {
      case "UTF-8", "UTF8", "UTF-8-BOM", "UTF-8 BOM" ->
          new CsvEncoding("UTF-8 (ingest.yaml)", StandardCharsets.UTF_8, 0, "ingest.yaml");
      case "GBK", "GB2312", "GB18030", "CP936" ->
          new CsvEncoding("GBK (ingest.yaml)", GBK, 0, "ingest.yaml");
      case "UTF-16LE" ->
          new CsvEncoding("UTF-16LE (ingest.yaml)", StandardCharsets.UTF_16LE, 0, "ingest.yaml");
      case "UTF-16BE" ->
          new CsvEncoding("UTF-16BE (ingest.yaml)", StandardCharsets.UTF_16BE, 0, "ingest.yaml");
      default ->
          throw new IngestException(
              file
                  + ": encoding '"
                  + name
                  + "' in ingest.yaml is not supported (UTF-8, GBK, UTF-16LE or UTF-16BE)");
    };
  }

  /** The encoding a byte-order mark at the start of {@code head} declares, or null. */
  static CsvEncoding fromBom(byte[] head) {
    if (head.length >= 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return new CsvEncoding("UTF-8 (BOM)", StandardCharsets.UTF_8, 3, "byte-order mark");
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return new CsvEncoding("UTF-16LE (BOM)", StandardCharsets.UTF_16LE, 2, "byte-order mark");
    }
    if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return new CsvEncoding("UTF-16BE (BOM)", StandardCharsets.UTF_16BE, 2, "byte-order mark");
    }
    return null;
  }

  /**
   * UTF-16 without a byte-order mark, told by its NUL bytes: text that is mostly ASCII has a zero
   * in every other byte (the high byte). Null when the start of the file has no NUL byte.
   */
  static CsvEncoding utf16WithoutBom(byte[] head) {
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        if (i % 2 == 0) {
          evenZeros++;
        } else {
          oddZeros++;
        }
      }
    }
    if (evenZeros + oddZeros == 0) {
      return null;
    }
    return oddZeros >= evenZeros
        ? new CsvEncoding("UTF-16LE (no BOM)", StandardCharsets.UTF_16LE, 0, null)
        : new CsvEncoding("UTF-16BE (no BOM)", StandardCharsets.UTF_16BE, 0, null);
  }

  static CsvEncoding utf8() {
    return new CsvEncoding("UTF-8", StandardCharsets.UTF_8, 0, null);
  }

  static CsvEncoding gbk() {
    return new CsvEncoding("GBK", GBK, 0, null);
  }
}
