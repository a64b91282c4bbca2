package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides how a CSV file is encoded: a UTF-8 byte-order mark means UTF-8; otherwise a file that
 * decodes as strict UTF-8 is UTF-8; anything else is read as GBK (decoded with GB18030, its
 * superset). {@code ingest.yaml} can name the encoding instead.
 *
 * @param label what the report shows: {@code UTF-8}, {@code UTF-8 (BOM)} or {@code GBK}, with
 *     {@code (ingest.yaml)} when configured
 * @param charset the charset to decode with
 */
public record CsvEncoding(String label, Charset charset) {
  static final Charset GBK = Charset.forName("GB18030");

  public boolean isUtf8() {
    return charset.equals(StandardCharsets.UTF_8);
  }

  /** The encoding configured for a file, by name (UTF-8, UTF8, GBK, GB2312, GB18030). */
  public static CsvEncoding configured(String name, String file) {
    String n = name.strip().toUpperCase(Locale.ROOT).replace("_", "-");
    return switch (n) {
      case "UTF-8", "UTF8", "UTF-8-BOM", "UTF-8 BOM" ->
          new CsvEncoding("UTF-8 (ingest.yaml)", StandardCharsets.UTF_8);
      case "GBK", "GB2312", "GB18030", "CP936" -> new CsvEncoding("GBK (ingest.yaml)", GBK);
      default ->
          throw new IngestException(
              file + ": encoding '" + name + "' in ingest.yaml is not supported (UTF-8 or GBK)");
    };
  }

  /** Detects the encoding of {@code in} (read to the end, then left open for the caller). */
  public static CsvEncoding detect(InputStream in) throws IOException {
    byte[] head = in.readNBytes(3);
    if (head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      return new CsvEncoding("UTF-8 (BOM)", StandardCharsets.UTF_8);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    bytes.put(head);
    boolean eof = false;
    while (true) {
      if (!eof) {
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
          eof = true;
        } else {
          bytes.position(bytes.position() + n);
        }
      }
      bytes.flip();
      CoderResult r;
      do {
        r = decoder.decode(bytes, chars, eof);
        if (r.isError()) {
          return new CsvEncoding("GBK", GBK);
        }
        chars.clear();
      } while (r.isOverflow());
      bytes.compact();
      if (eof) {
        if (bytes.position() != 0) {
          return new CsvEncoding("GBK", GBK);
        }
        break;
      }
    }
    try {
      CoderResult flush = decoder.flush(chars);
      if (flush.isError()) {
        flush.throwException();
      }
    } catch (CharacterCodingException e) {
      return new CsvEncoding("GBK", GBK);
    }
    return new CsvEncoding("UTF-8", StandardCharsets.UTF_8);
  }
}
