package zoneassess.reports.research;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import zoneassess.reports.charts.ChartFiles;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.marts.RunInfo;

/**
 * Renders the researcher pack from a research folder's marts (RESEARCH.md), without Spark: {@code
 * <out>/research.xlsx} and {@code <out>/charts/research-<chart>.png|svg}. A missing mart leaves its
 * sheet out; the cover says which. Rendering the same marts twice gives identical cells and
 * document dates (the run id's time, else a fixed date — never the render time).
 */
public final class ResearchPackRenderer {
  public static final String WORKBOOK = "research.xlsx";

  /** Document date when the run id carries no time: fixed, so renders do not differ. */
  static final Instant FIXED_DATE = Instant.parse("2000-01-01T00:00:00Z");

  private ResearchPackRenderer() {}

  /** Reads the research marts in {@code researchFolder} and writes the pack into that folder. */
  public static List<Path> renderFolder(Path researchFolder) {
    return render(ResearchData.read(researchFolder), researchFolder);
  }

  /** Writes the pack; returns the workbook path first, then the chart files (PNG, SVG). */
  public static List<Path> render(ResearchData data, Path outDir) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      ResearchContext ctx = new ResearchContext(data, wb, new ChartFiles(outDir.resolve("charts")));
      sheets(ctx);
      properties(wb, ctx);
      Files.createDirectories(outDir);
      Path target = outDir.resolve(WORKBOOK);
      Path tmp = Files.createTempFile(outDir, ".research", ".xlsx.tmp");
      try (OutputStream os = Files.newOutputStream(tmp)) {
        wb.write(os);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      List<Path> files = new ArrayList<>();
      files.add(target);
      for (RenderedChart c : ctx.rendered()) {
        files.add(c.pngFile());
        files.add(c.svgFile());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the researcher pack to " + outDir, e);
    }
  }

  private static void sheets(ResearchContext ctx) {
    ResearchData data = ctx.data();
    String period = data.newestComparisonPeriod();
    if (period != null) {
      ComparisonSheet.write(ctx, period);
    } else {
      ctx.omit(ComparisonSheet.NAME, reason(data, ResearchMarts.COMPARISON));
    }
    if (!data.correlations().isEmpty()) {
      CorrelationSheet.write(ctx);
    } else {
      ctx.omit(CorrelationSheet.NAME, reason(data, ResearchMarts.CORRELATION));
    }
    if (!data.trajectories().isEmpty()) {
      TrajectorySheet.write(ctx);
    } else {
      ctx.omit(TrajectorySheet.NAME, reason(data, ResearchMarts.TRAJECTORY));
    }
    if (!data.intervals().isEmpty()) {
      IntervalSheet.write(ctx);
    } else {
      ctx.omit(IntervalSheet.NAME, reason(data, ResearchMarts.INTERVALS));
    }
    if (!data.leaveOneOut().isEmpty()) {
      LeaveOneOutSheet.write(ctx);
    } else {
      ctx.omit(LeaveOneOutSheet.NAME, reason(data, ResearchMarts.LEAVE_ONE_OUT));
    }
    CoverSheet.write(ctx);
    ctx.workbook().setSheetOrder(CoverSheet.NAME, 0);
    ctx.workbook().setActiveSheet(0);
    ctx.workbook().setFirstVisibleTab(0);
  }

  private static String reason(ResearchData data, String mart) {
    return data.has(mart) ? mart + " 没有数据行" : "缺少 " + mart;
  }

  private static void properties(XSSFWorkbook wb, ResearchContext ctx) {
    POIXMLProperties props = wb.getProperties();
    POIXMLProperties.CoreProperties core = props.getCoreProperties();
    core.setTitle(ResearchContext.TITLE);
    core.setSubjectProperty("方法A " + Methods.a(ctx.data()) + " · 方法B " + Methods.b(ctx.data()));
    core.setCreator("zoneassess");
    core.setIdentifier(ctx.runId());
    Instant when = RunInfo.parseInstantFromId(ctx.runId()).orElse(FIXED_DATE);
    core.setCreated(Optional.of(Date.from(when)));
    core.setModified(Optional.of(Date.from(when)));
    props.getExtendedProperties().getUnderlyingProperties().setApplication("zoneassess");
    var custom = props.getCustomProperties();
    if (!custom.contains("run_id")) {
      custom.addProperty("run_id", ctx.runId());
    }
  }
}
