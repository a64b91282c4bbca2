package zoneassess.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One page of a PDF as {@code pdftotext -bbox} sees it: its word boxes (in points, origin top
 * left). The sheet a page belongs to is read from the right part of its page header, which the
 * packs fill with the sheet name.
 */
record PdfPage(int number, double width, double height, List<PdfPage.Word> words) {

  record Word(double xMin, double yMin, double xMax, double yMax, String text) {
    double h() {
      return yMax - yMin;
    }
  }

  /** Words above this line are the page header (the top margin is 0.6 in = 43.2 pt). */
  static final double HEADER_BOTTOM = 43;

  private static final Pattern PAGE =
      Pattern.compile(
          "<page width=\"([\\d.]+)\" height=\"([\\d.]+)\">(.*?)</page>", Pattern.DOTALL);
  private static final Pattern WORD =
      Pattern.compile(
          "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">(.*?)</word>");

  static List<PdfPage> read(String pdftotext, Path pdf) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(pdftotext, "-bbox", pdf.toString(), "-")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("pdftotext failed on " + pdf + ": " + out);
    }
    List<PdfPage> pages = new ArrayList<>();
    Matcher m = PAGE.matcher(out);
    while (m.find()) {
      List<Word> words = new ArrayList<>();
      Matcher w = WORD.matcher(m.group(3));
      while (w.find()) {
        words.add(
            new Word(
                Double.parseDouble(w.group(1)),
                Double.parseDouble(w.group(2)),
                Double.parseDouble(w.group(3)),
                Double.parseDouble(w.group(4)),
                unescape(w.group(5))));
      }
      pages.add(
          new PdfPage(
              pages.size() + 1,
              Double.parseDouble(m.group(1)),
              Double.parseDouble(m.group(2)),
              words));
    }
    return pages;
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  /** The sheet name printed at the right of the page header. */
  String sheet() {
    StringBuilder sb = new StringBuilder();
    for (Word w : words) {
      if (w.yMax() < HEADER_BOTTOM && w.xMin() > width * 0.6) {
        sb.append(w.text());
      }
    }
    return sb.toString();
  }

  boolean isAnnex() {
    String s = sheet();
    return s.startsWith("附件") || s.equals("说明");
  }

  /**
   * Pairs of words whose boxes overlap: more than 1 pt across and more than 30 % of the smaller
   * box's height down (neighbouring lines' boxes touch by a point or so; text printed over text
   * overlaps by most of a line).
   */
  List<String> overlaps() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Word a = words.get(i);
      for (int j = i + 1; j < words.size(); j++) {
        Word b = words.get(j);
        double ix = Math.min(a.xMax(), b.xMax()) - Math.max(a.xMin(), b.xMin());
        double iy = Math.min(a.yMax(), b.yMax()) - Math.max(a.yMin(), b.yMin());
        if (ix > 1 && iy > 0.3 * Math.min(a.h(), b.h())) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "'%s' (%.0f,%.0f) over '%s' (%.0f,%.0f)",
                  a.text(),
                  a.xMin(),
                  a.yMin(),
                  b.text(),
                  b.xMin(),
                  b.yMin()));
        }
      }
    }
    return out;
  }
}
