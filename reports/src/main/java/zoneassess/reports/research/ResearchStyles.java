package zoneassess.reports.research;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import zoneassess.reports.workbook.PackStyles;

/**
 * Styles only the researcher pack needs, built on the pack styles: rank shifts as arrows with a
 * green fill for moving up and a red fill for moving down (the value stays a number).
 */
final class ResearchStyles {
  /** Rank shift shown as ▲3 / ▼2 / —; the cell holds 3, −2, 0. */
  static final String FMT_SHIFT = "\"▲\"0;\"▼\"0;\"—\"";

  /** Signed rank change (leave-one-out: + = falls). */
  static final String FMT_SIGNED = "+0;-0;0";

  static final String FMT_RANK = "0";
  static final String FMT_RANK_DEC = "0.0";
  static final String FMT_CORR = "0.000";

  static final byte[] UP_FILL = PackStyles.rgb(0xC6EFCE);
  static final byte[] DOWN_FILL = PackStyles.rgb(0xFFC7CE);

  private final PackStyles styles;
  private final Map<String, CellStyle> cache = new HashMap<>();

  ResearchStyles(PackStyles styles) {
    this.styles = styles;
  }

  /** A bold, right-aligned label for a summary row (it reads into the numbers on its right). */
  CellStyle rowLabel() {
    return cache.computeIfAbsent(
        "rowLabel",
        k -> {
          CellStyle s = styles.workbook().createCellStyle();
          s.cloneStyleFrom(styles.header());
          s.setAlignment(HorizontalAlignment.RIGHT);
          return s;
        });
  }

  /** Positive = moved up (green), negative = moved down (red), zero or null = no fill. */
  CellStyle shift(Integer shift) {
    int sign = shift == null ? 0 : Integer.signum(shift);
    return cache.computeIfAbsent(
        "shift" + sign,
        k -> {
          CellStyle s = styles.workbook().createCellStyle();
          s.cloneStyleFrom(styles.number(FMT_SHIFT));
          s.setAlignment(HorizontalAlignment.CENTER);
          if (sign != 0) {
            ((XSSFCellStyle) s)
                .setFillForegroundColor(new XSSFColor(sign > 0 ? UP_FILL : DOWN_FILL));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
          }
          return s;
        });
  }
}
