package zoneassess.reports.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;

/**
 * The cell styles of a pack, created once per workbook. Header cells carry an explicit fill, bold
 * font and borders because LibreOffice ignores table styles. The font family is set on every style:
 * 微软雅黑 is on every Chinese Windows desktop; LibreOffice on Linux substitutes an installed CJK font
 * (WenQuanYi Micro Hei here) for it.
 */
public final class PackStyles {
  public static final String FONT_FAMILY = "微软雅黑";

  /** Number formats with their units. */
  public static final String FMT_SCORE = "0.00";

  public static final String FMT_INT = "#,##0";
  public static final String FMT_PCT = "0.0%";
  public static final String FMT_YI = "#,##0.0\"亿元\"";
  public static final String FMT_WAN = "#,##0.0\"万元\"";
  public static final String FMT_WAN_PER_MU = "#,##0.00\"万元/亩\"";
  public static final String FMT_MU = "#,##0.0\"亩\"";
  public static final String FMT_INDEX = "0.0";
  public static final String FMT_DEC2 = "#,##0.00";

  public static final byte[] HEADER_FILL = rgb(0x1F4E79);
  public static final byte[] BAND_FILL = rgb(0xDDEBF7);
  public static final byte[] RED_FILL = rgb(0xFFC7CE);
  public static final byte[] YELLOW_FILL = rgb(0xFFEB9C);
  public static final byte[] BLUE_FILL = rgb(0xBDD7EE);
  public static final byte[] UP_FONT = rgb(0x0070C0);
  public static final byte[] DOWN_FONT = rgb(0xC00000);

  private final Workbook wb;
  private final Map<String, CellStyle> cache = new HashMap<>();

  public PackStyles(Workbook wb) {
    this.wb = wb;
  }

  public Workbook workbook() {
    return wb;
  }

  public CellStyle title() {
    return cache.computeIfAbsent(
        "title",
        k -> {
          CellStyle s = base(font(true, 18, null));
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          return s;
        });
  }

  public CellStyle subtitle() {
    return cache.computeIfAbsent(
        "subtitle",
        k -> {
          CellStyle s = base(font(false, 11, rgb(0x404040)));
          s.setWrapText(true);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  public CellStyle section() {
    return cache.computeIfAbsent(
        "section",
        k -> {
          CellStyle s = base(font(true, 13, rgb(0x1F4E79)));
          s.setBorderBottom(BorderStyle.MEDIUM);
          ((XSSFCellStyle) s).setBottomBorderColor(new XSSFColor(rgb(0x1F4E79)));
          return s;
        });
  }

  public CellStyle header() {
    return cache.computeIfAbsent(
        "header",
        k -> {
          CellStyle s = base(font(true, 10, rgb(0xFFFFFF)));
          fill(s, HEADER_FILL);
          border(s);
          s.setAlignment(HorizontalAlignment.CENTER);
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          s.setWrapText(true);
          return s;
        });
  }

  public CellStyle text() {
    return cache.computeIfAbsent(
        "text",
        k -> {
          CellStyle s = base(font(false, 10, null));
          border(s);
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          return s;
        });
  }

  public CellStyle textCentered() {
    return cache.computeIfAbsent(
        "textCentered",
        k -> {
          CellStyle s = base(font(false, 10, null));
          border(s);
          s.setAlignment(HorizontalAlignment.CENTER);
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          return s;
        });
  }

  public CellStyle textWrap() {
    return cache.computeIfAbsent(
        "textWrap",
        k -> {
          CellStyle s = base(font(false, 10, null));
          border(s);
          s.setWrapText(true);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  /** Body text without borders (cover and notes prose). */
  public CellStyle prose() {
    return cache.computeIfAbsent(
        "prose",
        k -> {
          CellStyle s = base(font(false, 11, null));
          s.setWrapText(true);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  public CellStyle proseBold() {
    return cache.computeIfAbsent(
        "proseBold",
        k -> {
          CellStyle s = base(font(true, 11, null));
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  /** A number in the given format, bordered. */
  public CellStyle number(String format) {
    return cache.computeIfAbsent(
        "num:" + format,
        k -> {
          CellStyle s = base(font(false, 10, null));
          border(s);
          s.setDataFormat(wb.createDataFormat().getFormat(format));
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          return s;
        });
  }

  /** Bold number (totals, key figures). */
  public CellStyle numberBold(String format) {
    return cache.computeIfAbsent(
        "numBold:" + format,
        k -> {
          CellStyle s = base(font(true, 10, null));
          border(s);
          s.setDataFormat(wb.createDataFormat().getFormat(format));
          s.setVerticalAlignment(VerticalAlignment.CENTER);
          return s;
        });
  }

  /** A 红 / 黄 / 蓝 mark on the cover: filled like the mark columns, bold, centred. */
  public CellStyle markCell(String mark) {
    return cache.computeIfAbsent(
        "mark:" + mark,
        k -> {
          CellStyle s = base(font(true, 11, null));
          byte[] fill =
              switch (mark) {
                case "红" -> RED_FILL;
                case "黄" -> YELLOW_FILL;
                case "蓝" -> BLUE_FILL;
                default -> null;
              };
          if (fill != null) {
            fill(s, fill);
          }
          s.setAlignment(HorizontalAlignment.CENTER);
          s.setVerticalAlignment(VerticalAlignment.TOP);
          return s;
        });
  }

  /** The synthetic-data banner: bold dark red on the cover. */
  public CellStyle banner() {
    return cache.computeIfAbsent("banner", k -> base(font(true, 12, rgb(0xC00000))));
  }

  /** Right-aligned small print (the 内部资料 marking). */
  public CellStyle marking() {
    return cache.computeIfAbsent(
        "marking",
        k -> {
          CellStyle s = base(font(true, 11, null));
          s.setAlignment(HorizontalAlignment.RIGHT);
          return s;
        });
  }

  /** Δrank arrow text: ▲ blue (moved up), ▼ red (moved down), — grey. */
  public CellStyle arrow(int delta) {
    String key = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
    return cache.computeIfAbsent(
        "arrow:" + key,
        k -> {
          byte[] colour = delta > 0 ? UP_FONT : delta < 0 ? DOWN_FONT : rgb(0x7F7F7F);
          CellStyle s = base(font(true, 10, colour));
          border(s);
          s.setAlignment(HorizontalAlignment.CENTER);
          return s;
        });
  }

  private CellStyle base(XSSFFont f) {
    CellStyle s = wb.createCellStyle();
    s.setFont(f);
    return s;
  }

  private XSSFFont font(boolean bold, int points, byte[] colour) {
    XSSFFont f = (XSSFFont) wb.createFont();
    f.setFontName(FONT_FAMILY);
    f.setFontHeightInPoints((short) points);
    f.setBold(bold);
    if (colour != null) {
      f.setColor(new XSSFColor(colour));
    }
    return f;
  }

  private static void fill(CellStyle s, byte[] colour) {
    ((XSSFCellStyle) s).setFillForegroundColor(new XSSFColor(colour));
    s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
  }

  private static void border(CellStyle s) {
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    XSSFColor grey = new XSSFColor(rgb(0xA6A6A6));
    XSSFCellStyle x = (XSSFCellStyle) s;
    x.setTopBorderColor(grey);
    x.setBottomBorderColor(grey);
    x.setLeftBorderColor(grey);
    x.setRightBorderColor(grey);
  }

  public static byte[] rgb(int rgb) {
    return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
  }
}
