package zoneassess.reports.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws a chart to PNG (for the workbook) and writes PNG and SVG files to the charts folder. */
public final class ChartFiles {
  /** PNGs are drawn at twice their logical size so they stay sharp when printed. */
  public static final int SCALE = 2;

  private final Path dir;

  public ChartFiles(Path dir) {
    this.dir = dir;
  }

  public RenderedChart render(String name, JFreeChart chart, int width, int height) {
    try {
      Files.createDirectories(dir);
      BufferedImage image =
          chart.createBufferedImage(width * SCALE, height * SCALE, width, height, null);
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      Path pngFile = dir.resolve(name + ".png");
      Files.write(pngFile, png.toByteArray());
      SVGGraphics2D svg = new SVGGraphics2D(width, height);
      chart.draw(svg, new Rectangle(0, 0, width, height));
      Path svgFile = dir.resolve(name + ".svg");
      Files.writeString(svgFile, svg.getSVGDocument(), StandardCharsets.UTF_8);
      return new RenderedChart(name, chart, png.toByteArray(), width, height, pngFile, svgFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write chart " + name + " to " + dir, e);
    }
  }
}
