package zoneassess.jobs.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: comma-separated fields; a field that starts with a quote is quoted, may hold
 * commas and line breaks, and writes a quote as two. Text after a closing quote makes the record
 * malformed (it is rejected, not guessed at).
 */
final class CsvRecords {
  private CsvRecords() {}

  /**
   * One record.
   *
   * @param firstLine physical line the record starts on (1-based)
   * @param lastLine physical line it ends on
   * @param text the record as written, its line breaks as LF
   * @param fields field values, unquoted
   * @param malformed why the quoting is malformed, or null
   */
  record Record(
      long firstLine, long lastLine, String text, List<String> fields, String malformed) {}

  /** Parses the text of one whole record. */
  static Record parse(String text, long firstLine, long lastLine) {
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean fieldStart = true;
    boolean inQuotes = false;
    boolean afterQuote = false;
    String malformed = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (inQuotes) {
        if (ch == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else {
          cur.append(ch);
        }
      } else if (ch == ',') {
        fields.add(cur.toString());
        cur.setLength(0);
        fieldStart = true;
        afterQuote = false;
      } else if (ch == '"' && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        if (afterQuote && malformed == null && !Character.isWhitespace(ch)) {
          malformed = "引号后有多余字符 / text after the closing quote of field " + (fields.size() + 1);
        }
        cur.append(ch);
        fieldStart = false;
      }
    }
    fields.add(cur.toString());
    return new Record(firstLine, lastLine, text, fields, malformed);
  }

  /** Whether {@code text} ends inside a quoted field (the record continues on the next line). */
  static boolean open(String text) {
    boolean fieldStart = true;
    boolean inQuotes = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (inQuotes) {
        if (ch == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            i++;
          } else {
            inQuotes = false;
          }
        }
      } else if (ch == '"' && fieldStart) {
        inQuotes = true;
        fieldStart = false;
      } else {
        fieldStart = ch == ',' || ch == '\n';
      }
    }
    return inQuotes;
  }

  /**
   * One record on one line: first line, last line and the text with backslash and LF escaped, so a
   * record with line breaks can be split and parsed in parallel like any other line.
   */
  static String toLine(Record r) {
    return r.firstLine()
        + ","
        + r.lastLine()
        + ","
        + r.text().replace("\\", "\\\\").replace("\n", "\\n");
  }

  /** The record {@link #toLine} wrote, parsed. */
  static Record fromLine(String line) {
    int a = line.indexOf(',');
    int b = line.indexOf(',', a + 1);
    String escaped = line.substring(b + 1);
    StringBuilder text = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char ch = escaped.charAt(i);
      if (ch == '\\' && i + 1 < escaped.length()) {
        char next = escaped.charAt(++i);
        text.append(next == 'n' ? '\n' : next);
      } else {
        text.append(ch);
      }
    }
    return parse(
        text.toString(),
        Long.parseLong(line.substring(0, a)),
        Long.parseLong(line.substring(a + 1, b)));
  }

  /** Whether a physical line holds nothing but whitespace (it is not a record). */
  static boolean blank(String line) {
    return line.strip().isEmpty();
  }

  /**
   * Reads records from decoded text, numbering physical lines as Hadoop's line reader does (LF,
   * CRLF or CR end a line). Blank lines between records are skipped.
   */
  static final class Reader {
    private final BufferedReader in;
    private long line;

    Reader(BufferedReader in) {
      this.in = in;
    }

    /** The next record, or null at the end. */
    Record next() throws IOException {
      Record text = nextText();
      return text == null ? null : parse(text.text(), text.firstLine(), text.lastLine());
    }

    /** The next record's lines and text, not parsed into fields; null at the end. */
    Record nextText() throws IOException {
      String first;
      do {
        first = in.readLine();
        line++;
        if (first == null) {
          return null;
        }
        if (line == 1 && first.startsWith("\uFEFF")) {
          first = first.substring(1);
        }
      } while (blank(first));
      long start = line;
      StringBuilder text = new StringBuilder(first);
      while (open(text.toString())) {
        String more = in.readLine();
        if (more == null) {
          break;
        }
        line++;
        text.append('\n').append(more);
      }
      return new Record(start, line, text.toString(), List.of(), null);
    }
  }
}
