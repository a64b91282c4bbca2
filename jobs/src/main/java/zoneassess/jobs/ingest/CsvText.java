package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One streaming pass over the bytes of a CSV file: decodes them strictly (a malformed or unmappable
 * byte is reported with its line, never replaced), optionally writes the text as UTF-8, and follows
 * RFC 4180 quoting to learn whether any quoted field spans lines and whether a quote is left open.
 * Memory stays at two 64 KB buffers whatever the file size.
 */
final class CsvText {
  private CsvText() {}

  /** What the pass learnt. */
  record Scan(boolean multiLineRecords, long lines) {}

  /** Bytes invalid in the charset, or a NUL character, at a line. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;
    final String bytes;

    Malformed(long line, String bytes) {
      super("line " + line + ": bytes " + bytes);
      this.line = line;
      this.bytes = bytes;
    }
  }

  /** A quoted field opened on {@code line} is never closed. */
  static final class OpenQuote extends Exception {
    private static final long serialVersionUID = 1L;
    final long line;

    OpenQuote(long line) {
      super("quote opened on line " + line + " is never closed");
      this.line = line;
    }
  }

  /**
   * Decodes {@code in} (positioned after any byte-order mark) with {@code charset}; when {@code
   * utf8} is not null the text is written there as UTF-8 (the caller closes it).
   */
  static Scan scan(InputStream in, Charset charset, OutputStream utf8)
      throws IOException, Malformed, OpenQuote {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    Writer out = utf8 == null ? null : new OutputStreamWriter(utf8, StandardCharsets.UTF_8);
    Quotes q = new Quotes();
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
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
        drain(chars, q, out);
        if (r.isError()) {
          throw new Malformed(q.line, hex(bytes, r.length()));
        }
      } while (r.isOverflow());
      bytes.compact();
      if (eof) {
        break;
      }
    }
    CoderResult r = decoder.flush(chars);
    drain(chars, q, out);
    if (r.isError()) {
      throw new Malformed(q.line, "(incomplete sequence at the end of the file)");
    }
    if (out != null) {
      out.flush();
    }
    if (q.inQuotes && !q.quotePending) {
      throw new OpenQuote(q.openLine);
    }
    return new Scan(q.multiLine, q.line);
  }

  private static void drain(CharBuffer chars, Quotes q, Writer out) throws IOException, Malformed {
    chars.flip();
    char[] a = chars.array();
    int end = chars.limit();
    for (int i = chars.position(); i < end; i++) {
      if (a[i] == 0) {
        throw new Malformed(q.line, "00 (a NUL character)");
      }
      q.accept(a[i]);
    }
    if (out != null) {
      out.write(a, chars.position(), end - chars.position());
    }
    chars.clear();
  }

  private static String hex(ByteBuffer bytes, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(String.format(Locale.ROOT, "%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    return s.toString();
  }

  /**
   * RFC 4180 quote state, char by char: a quote opens a quoted field only at the start of a field;
   * inside, a doubled quote is a quote and a single one closes the field. Lines end at LF, CRLF or
   * a lone CR, as Hadoop's line reader splits them.
   */
  private static final class Quotes {
    long line = 1;
    boolean pendingCr;
    boolean fieldStart = true;
    boolean inQuotes;
    boolean quotePending;
    boolean multiLine;
    long openLine;

    void accept(char ch) {
      boolean lineBreak = ch == '\n' || ch == '\r';
      if (ch == '\n') {
        if (!pendingCr) {
          line++;
        }
        pendingCr = false;
      } else if (ch == '\r') {
        line++;
        pendingCr = true;
      } else {
        pendingCr = false;
      }
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (ch == '"') {
            return;
          }
          inQuotes = false;
        } else {
          if (ch == '"') {
            quotePending = true;
          } else if (lineBreak) {
            multiLine = true;
          }
          return;
        }
      }
      if (ch == '"' && fieldStart) {
        inQuotes = true;
        openLine = line;
        fieldStart = false;
      } else {
        fieldStart = ch == ',' || lineBreak;
      }
    }
  }
}
