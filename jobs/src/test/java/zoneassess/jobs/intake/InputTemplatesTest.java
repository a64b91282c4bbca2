package zoneassess.jobs.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.ingest.HeaderMatcher;
import zoneassess.jobs.ingest.IngestException;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;

/** The shape of a generated template, without Spark (the round trip is TemplateRoundTripTest). */
class InputTemplatesTest {
  private static final InputTemplates.Options NONE = new InputTemplates.Options(null, null);

  @Test
  void headersAreTheChineseLabelsWithUnitsAndIngestMatchesThemAsTheyAre() throws Exception {
    DatasetContract d = Datasets.ENTERPRISES;
    try (XSSFWorkbook wb = InputTemplates.build(d, NONE)) {
      XSSFSheet data = wb.getSheetAt(0);
      List<String> headers = new java.util.ArrayList<>();
      data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      assertEquals(d.columns().size(), headers.size());
      assertTrue(headers.contains("用地面积（亩）"), headers.toString());
      assertTrue(headers.contains("年份"), headers.toString());
      // Every column of the contract is found by ingest from the template's headers.
      HeaderMatcher.HeaderMapping m = HeaderMatcher.match(headers, d, "enterprises_template.xlsx");
      assertEquals(d.columnNames(), List.copyOf(m.columnIndex().keySet()));
      assertEquals(List.of(), m.unknownHeaders());
      assertTrue(data.getProtect(), "header row protected");
      assertTrue(data.getRow(0).getCell(0).getCellStyle().getLocked());
      assertTrue(!data.getColumnStyle(0).getLocked(), "data cells editable");
      assertEquals(InputTemplates.INSTRUCTIONS, wb.getSheetName(1));
      assertTrue(wb.isSheetHidden(2), "the drop-down lists are on a hidden sheet");
    }
  }

  @Test
  void aHeaderWithAnotherUnitThanTheColumnsIsNotTheColumn() {
    List<String> headers =
        Datasets.ENTERPRISES.columns().stream()
            .map(InputTemplates::header)
            .map(h -> h.equals("用地面积（亩）") ? "用地面积（公顷）" : h)
            .toList();
    IngestException e =
        assertThrows(
            IngestException.class,
            () -> HeaderMatcher.match(headers, Datasets.ENTERPRISES, "enterprises.xlsx"));
    assertTrue(e.getMessage().contains("required column land_area_mu"), e.getMessage());
  }

  @Test
  void validationFollowsTheContract() throws Exception {
    DatasetContract d = Datasets.ZONES;
    try (XSSFWorkbook wb = InputTemplates.build(d, NONE)) {
      List<? extends DataValidation> vs = wb.getSheetAt(0).getDataValidations();
      int level = d.columnNames().indexOf("level");
      DataValidation lv =
          vs.stream()
              .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == level)
              .findFirst()
              .orElseThrow();
      assertEquals(
          DataValidationConstraint.ValidationType.LIST,
          lv.getValidationConstraint().getValidationType());
      // level accepts national and provincial: two values under the list's name on _lists.
      String ref = lv.getValidationConstraint().getFormula1();
      assertTrue(ref.startsWith("_lists!$"), ref);
      assertTrue(ref.endsWith("$2:$" + ref.charAt(8) + "$3"), ref);
      assertEquals(1, lv.getRegions().getCellRangeAddress(0).getFirstRow(), "from row 2");
      for (ColumnSpec c : d.columns()) {
        if (c.isNumeric() && c.min() != null) {
          int i = d.columnNames().indexOf(c.name());
          assertTrue(
              vs.stream()
                  .anyMatch(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == i),
              c.name() + " has a range check");
        }
      }
    }
  }

  @Test
  void aZoneAndPeriodPrefillOneStatisticsRowPerCatalogueIndicator() throws Exception {
    InputTemplates.Options o = new InputTemplates.Options("320800P01", "2025");
    assertEquals("zone_stats_320800P01_2025.xlsx", InputTemplates.fileName(Datasets.ZONE_STATS, o));
    try (XSSFWorkbook wb = InputTemplates.build(Datasets.ZONE_STATS, o)) {
      XSSFSheet data = wb.getSheetAt(0);
      int n = IndicatorCatalogue.all().size();
      assertEquals(n, data.getLastRowNum(), "one row per indicator below the header");
      assertEquals("320800P01", data.getRow(1).getCell(0).getStringCellValue());
      assertEquals("2025", data.getRow(n).getCell(1).getStringCellValue());
    }
  }

  @Test
  void lastYearsValuesStandBesideTheRowsForReferenceAndIngestIgnoresThem() throws Exception {
    assertEquals("2024Q3", InputTemplates.yearEarlier("2025Q3"));
    assertEquals("2024-09", InputTemplates.yearEarlier("2025-09"));
    String first = IndicatorCatalogue.all().get(0).code();
    InputTemplates.Options o =
        new InputTemplates.Options("320800P01", "2025", "2024", java.util.Map.of(first, 12.5));
    try (XSSFWorkbook wb = InputTemplates.build(Datasets.ZONE_STATS, o)) {
      XSSFSheet data = wb.getSheetAt(0);
      int ref = Datasets.ZONE_STATS.columns().size();
      assertEquals("参考：2024 已报数值", data.getRow(0).getCell(ref).getStringCellValue());
      assertEquals(12.5, data.getRow(1).getCell(ref).getNumericCellValue());
      assertTrue(data.getRow(1).getCell(ref).getCellStyle().getLocked());
      List<String> headers = new java.util.ArrayList<>();
      data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
      assertEquals(
          List.of("参考：2024 已报数值"),
          HeaderMatcher.match(headers, Datasets.ZONE_STATS, "zone_stats_320800P01_2025.xlsx")
              .unknownHeaders());
    }
  }
}
