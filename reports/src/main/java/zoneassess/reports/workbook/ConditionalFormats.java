package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Conditional formats of the packs. Rules compare cell values with fixed literals; no rule reads
 * input-derived text as a formula.
 */
public final class ConditionalFormats {
  private ConditionalFormats() {}

  /** Red / yellow / blue fills for cells that read 红 / 黄 / 蓝 (marks, severities). */
  public static void marks(Sheet sheet, CellRangeAddress range) {
    SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    ConditionalFormattingRule red = fill(cf, "\"红\"", PackStyles.RED_FILL);
    ConditionalFormattingRule yellow = fill(cf, "\"黄\"", PackStyles.YELLOW_FILL);
    ConditionalFormattingRule blue = fill(cf, "\"蓝\"", PackStyles.BLUE_FILL);
    cf.addConditionalFormatting(
        new CellRangeAddress[] {range}, new ConditionalFormattingRule[] {red, yellow, blue});
  }

  private static ConditionalFormattingRule fill(
      SheetConditionalFormatting cf, String literal, byte[] rgb) {
    ConditionalFormattingRule rule =
        cf.createConditionalFormattingRule(ComparisonOperator.EQUAL, literal);
    PatternFormatting p = rule.createPatternFormatting();
    p.setFillBackgroundColor(new XSSFColor(rgb));
    p.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
    return rule;
  }

  /** Three-colour scale: low red, middle yellow, high green (or reversed for costs). */
  public static void colourScale(Sheet sheet, CellRangeAddress range, boolean highIsGood) {
    SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
    ColorScaleFormatting cs = rule.getColorScaleFormatting();
    cs.getThresholds()[0].setRangeType(RangeType.MIN);
    cs.getThresholds()[1].setRangeType(RangeType.PERCENTILE);
    cs.getThresholds()[1].setValue(50d);
    cs.getThresholds()[2].setRangeType(RangeType.MAX);
    XSSFColor red = new XSSFColor(PackStyles.rgb(0xF8696B));
    XSSFColor yellow = new XSSFColor(PackStyles.rgb(0xFFEB84));
    XSSFColor green = new XSSFColor(PackStyles.rgb(0x63BE7B));
    cs.setColors(
        new org.apache.poi.ss.usermodel.Color[] {
          highIsGood ? red : green, yellow, highIsGood ? green : red
        });
    cf.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
  }
}
