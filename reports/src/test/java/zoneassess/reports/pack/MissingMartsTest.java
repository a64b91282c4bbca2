package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.Workbooks;

/** A run where only the assessment ran: packs render without the other sheets and say why. */
class MissingMartsTest {
  @TempDir Path dir;

  @Test
  void packsOmitSheetsOfMissingMartsAndSaySoInTheNotes() throws Exception {
    Path run = RunFixtures.assessmentOnly(dir.resolve("out"));
    List<Path> files =
        PackRenderer.render(
            run.toString(),
            List.of(PackRequest.province(), PackRequest.city("淮安市")),
            dir.resolve("p").toString());
    try (XSSFWorkbook wb = Workbooks.open(files.get(0))) {
      assertEquals(
          List.of("封面", "结果概览", "分组与单项", "附件1·综合排名", "附件2·国家级开发区", "附件3·省级开发区", "附件4·得分分布", "说明"),
          Workbooks.sheetNames(wb));
      var notes =
          String.join("\n", Workbooks.dump(wb).stream().filter(s -> s.startsWith("说明!")).toList());
      assertTrue(notes.contains("缺少 permu_area（城市级），亩均效益页省略"), notes);
      assertTrue(notes.contains("marts/cost_benchmark：缺失"), notes);
    }
    Path city = files.stream().filter(f -> f.toString().endsWith(".xlsx")).toList().get(1);
    try (XSSFWorkbook wb = Workbooks.open(city)) {
      assertEquals(
          List.of(
              "封面",
              "排名走势",
              "附件1·淮安经济技术开发区",
              "附件2·淮安高新技术产业开发区",
              "附件3·淮安工业园区",
              "附件4·涟水经济开发区",
              "附件5·全省对比",
              "说明"),
          Workbooks.sheetNames(wb));
    }
  }

  @Test
  void aRunWithoutTheAssessmentMartIsAClearError() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class,
            () ->
                PackRenderer.render(
                    dir.resolve("empty-run").toString(),
                    PackRequest.province(),
                    dir.resolve("p").toString()));
    assertTrue(e.getMessage().contains("has no assessment mart"), e.getMessage());
  }
}
