package zoneassess.reports.charts;

import java.nio.file.Path;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn for a pack: the PNG embedded in the workbook, and the PNG and SVG files written
 * beside it.
 *
 * @param name file stem, e.g. {@code 省-score-bars}
 * @param chart the JFreeChart (tests inspect its dataset)
 * @param png PNG bytes, drawn at {@link ChartFiles#SCALE} times the logical size
 * @param width logical width in pixels (the size the picture takes in the sheet)
 * @param height logical height in pixels
 * @param pngFile where the PNG was written
 * @param svgFile where the SVG was written
 */
public record RenderedChart(
    String name, JFreeChart chart, byte[] png, int width, int height, Path pngFile, Path svgFile) {}
