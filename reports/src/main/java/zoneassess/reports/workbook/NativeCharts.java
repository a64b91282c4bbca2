package zoneassess.reports.workbook;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native, editable Excel bar charts that read their values from the sheet's own cells. Every series
 * gets an explicit solid fill: LibreOffice draws an XDDF bar series only when it has one.
 */
public final class NativeCharts {
  private NativeCharts() {}

  /** A series: its name and the body column it reads, and its RGB fill. */
  public record Series(String name, int column, int rgb) {}

  /**
   * Adds a bar chart anchored at (col1,row1)–(col2,row2).
   *
   * @param categoryColumn column with the category labels
   * @param firstRow first body row, {@code lastRow} last body row (inclusive)
   */
  public static XSSFChart bars(
      XSSFSheet sheet,
      String title,
      int col1,
      int row1,
      int col2,
      int row2,
      int categoryColumn,
      int firstRow,
      int lastRow,
      List<Series> series,
      boolean stacked,
      boolean horizontal,
      String valueFormat) {
    XSSFDrawing drawing = sheet.createDrawingPatriarch();
    XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, col1, row1, col2, row2);
    XSSFChart chart = drawing.createChart(anchor);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    XDDFChartLegend legend = chart.getOrAddLegend();
    legend.setPosition(LegendPosition.BOTTOM);
    XDDFCategoryAxis cat =
        chart.createCategoryAxis(horizontal ? AxisPosition.LEFT : AxisPosition.BOTTOM);
    XDDFValueAxis val = chart.createValueAxis(horizontal ? AxisPosition.BOTTOM : AxisPosition.LEFT);
    val.setCrosses(AxisCrosses.AUTO_ZERO);
    if (valueFormat != null) {
      val.setNumberFormat(valueFormat);
    }
    if (horizontal) {
      cat.setOrientation(org.apache.poi.xddf.usermodel.chart.AxisOrientation.MAX_MIN);
    }
    XDDFCategoryDataSource cats =
        XDDFDataSourcesFactory.fromStringCellRange(
            sheet, new CellRangeAddress(firstRow, lastRow, categoryColumn, categoryColumn));
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, cat, val);
    data.setBarDirection(horizontal ? BarDirection.BAR : BarDirection.COL);
    if (stacked) {
      // Overlap 100 would need poi-ooxml-full's schemas; stacked groups still render stacked.
      data.setBarGrouping(BarGrouping.STACKED);
    } else {
      data.setBarGrouping(BarGrouping.CLUSTERED);
    }
    data.setGapWidth(60);
    data.setVaryColors(false);
    for (Series s : series) {
      XDDFNumericalDataSource<Double> vals =
          XDDFDataSourcesFactory.fromNumericCellRange(
              sheet, new CellRangeAddress(firstRow, lastRow, s.column(), s.column()));
      XDDFBarChartData.Series ser = (XDDFBarChartData.Series) data.addSeries(cats, vals);
      ser.setTitle(s.name(), null);
      XDDFShapeProperties props = new XDDFShapeProperties();
      props.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(PackStyles.rgb(s.rgb()))));
      ser.setShapeProperties(props);
    }
    chart.plot(data);
    return chart;
  }
}
