package zoneassess.reports.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import zoneassess.reports.PackConfig;
import zoneassess.reports.PackRequest;
import zoneassess.reports.charts.ChartFiles;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.workbook.PrintPlan;
import zoneassess.reports.workbook.SheetCraft;

/**
 * Renders briefing packs from a finished run's marts, without Spark. The run folder is read through
 * Hadoop paths (a local path, {@code file:}, or {@code hdfs:}/{@code s3a:} with the right Hadoop
 * configuration); the packs are written to a local folder: {@code <out>/<stem>.xlsx} and {@code
 * <out>/charts/<stem>-<chart>.png|svg}.
 *
 * <p>Rendering the same run twice gives workbooks with identical cells; the document date is the
 * run's timestamp. The xlsx zip entries carry the write time, so the files' bytes may differ.
 */
public final class PackRenderer {
  /** Rows SXSSF keeps in memory while streaming the appendix. */
  static final int WINDOW = 200;

  private PackRenderer() {}

  /** Renders one pack; returns the workbook path first, then the chart files. */
  public static List<Path> render(String runDirUri, PackRequest request, String outDirUri) {
    return render(RunData.load(runDirUri), request, outDirUri);
  }

  /** Renders several packs from one load of the marts. */
  public static List<Path> render(String runDirUri, List<PackRequest> requests, String outDirUri) {
    RunData data = RunData.load(runDirUri);
    List<Path> out = new ArrayList<>();
    for (PackRequest r : requests) {
      out.addAll(render(data, r, outDirUri));
    }
    return out;
  }

  public static List<Path> render(RunData data, PackRequest request, String outDirUri) {
    return render(data, request, outDirUri, PackConfig.forRun(data.runDir()));
  }

  /** Renders one pack with the given settings (issuing body, marking, budgets…). */
  public static List<Path> render(
      RunData data, PackRequest request, String outDirUri, PackConfig config) {
    Path outDir = localPath(outDirUri);
    String period = data.latestPeriod();
    String rerender = "zoneassess report --run " + data.info().runId() + " --pack " + request;
    String title;
    String stem;
    CityPack city = null;
    switch (request.kind()) {
      case PROVINCE -> {
        title = ProvincePack.TITLE;
        stem = "province-" + period;
      }
      case ROUTINE -> {
        title = RoutinePack.TITLE;
        stem = "routine-" + period;
      }
      case CITY -> {
        city = CityPack.forCity(data, period, request.target());
        title = city.title();
        stem = "city-" + request.target() + "-" + period;
      }
      default -> {
        city = CityPack.forZone(data, period, request.target());
        title = city.title();
        stem = "zone-" + request.target() + "-" + period;
      }
    }
    stem = stem.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    XSSFWorkbook xssf = new XSSFWorkbook();
    SXSSFWorkbook sx = null;
    try {
      PackContext ctx =
          new PackContext(
              data,
              xssf,
              new ChartFiles(outDir.resolve("charts")),
              title,
              stem,
              period,
              config,
              request.kind());
      if (request.kind() == PackRequest.Kind.ROUTINE) {
        RoutinePack.write(ctx, rerender);
      } else if (city == null) {
        ProvincePack.write(ctx, rerender);
      } else {
        city.writeSheets(ctx, rerender);
      }
      String banner = ctx.synthetic() ? config.syntheticBanner() : null;
      for (int i = 0; i < xssf.getNumberOfSheets(); i++) {
        PrintPlan.apply(xssf.getSheetAt(i), ctx.styles());
        SheetCraft.banner(xssf.getSheetAt(i), banner, config.marking());
      }
      properties(xssf, ctx, title);
      xssf.setActiveSheet(0);
      xssf.setFirstVisibleTab(0);
      Path target = outDir.resolve(stem + ".xlsx");
      Files.createDirectories(outDir);
      // created like any file of this process, so it gets the umask's mode (0644 normally);
      // Files.createTempFile would make it 0600 and colleagues could not open the pack
      Path tmp = outDir.resolve("." + stem + "." + ProcessHandle.current().pid() + ".xlsx.tmp");
      try (OutputStream os =
          Files.newOutputStream(
              tmp,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
              java.nio.file.StandardOpenOption.WRITE)) {
        if (city != null) {
          sx = new SXSSFWorkbook(xssf, WINDOW, true);
          city.writeAppendix(sx, ctx);
          sx.write(os);
        } else {
          xssf.write(os);
        }
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
      throw new UncheckedIOException("cannot write pack " + request + " to " + outDir, e);
    } finally {
      if (sx != null) {
        sx.dispose();
      }
      try {
        xssf.close();
      } catch (IOException ignored) {
        // nothing was written through this handle after the move
      }
    }
  }

  /** Title, creator and dates: the document date is the run's timestamp, never the render time. */
  private static void properties(XSSFWorkbook wb, PackContext ctx, String title) {
    POIXMLProperties props = wb.getProperties();
    POIXMLProperties.CoreProperties core = props.getCoreProperties();
    String banner = ctx.synthetic() ? ctx.config().syntheticBanner() : null;
    core.setTitle(banner == null ? title : title + "（" + banner + "）");
    core.setSubjectProperty("考核期 " + ctx.period());
    if (banner != null) {
      core.setKeywords(banner);
      core.setCategory(banner);
    }
    core.setCreator("zoneassess");
    core.setDescription("运行编号 " + ctx.runId());
    core.setIdentifier(ctx.runId());
    ctx.data()
        .info()
        .timestamp()
        .ifPresent(
            t -> {
              core.setCreated(Optional.of(Date.from(t)));
              core.setModified(Optional.of(Date.from(t)));
            });
    props.getExtendedProperties().getUnderlyingProperties().setApplication("zoneassess");
    var custom = props.getCustomProperties();
    if (!custom.contains("run_id")) {
      custom.addProperty("run_id", ctx.runId());
    }
    if (!custom.contains("synthetic")) {
      custom.addProperty("synthetic", ctx.synthetic());
    }
    if (banner != null && !custom.contains("数据性质")) {
      custom.addProperty("数据性质", banner);
    }
  }

  /** A local folder from a path or a {@code file:} URI. */
  public static Path localPath(String uriOrPath) {
    if (uriOrPath.startsWith("file:")) {
      return Paths.get(URI.create(uriOrPath));
    }
    return Paths.get(uriOrPath);
  }
}
