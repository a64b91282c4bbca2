package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneassess.schema.dataset.Datasets;

class HeaderMatcherTest {
  @Test
  void matchesNamesAndAliasesIgnoringCaseSpacesAndBracketWidth() {
    List<String> headers =
        List.of(
            "\uFEFF统一社会信用代码",
            " Enterprise_Name ",
            "所在县区代码",
            "评价年度",
            "规上规下",
            "用地面积 (亩)", // half-width brackets and a space; declared as 用地面积（亩）
            "税收（万元）",
            "备注");
    HeaderMatcher.HeaderMapping m =
        HeaderMatcher.match(headers, Datasets.ENTERPRISES, "enterprises.csv");
    assertEquals(
        Map.of(
            "credit_code", 0,
            "enterprise_name", 1,
            "county_code", 2,
            "year", 3,
            "scale", 4,
            "land_area_mu", 5,
            "tax_paid_10k", 6),
        m.columnIndex());
    assertEquals(List.of("备注"), m.unknownHeaders());
  }

  @Test
  void missingRequiredColumnIsFatalNamingFileColumnAndSpellings() {
    IngestException e =
        assertThrows(
            IngestException.class,
            () ->
                HeaderMatcher.match(
                    List.of("zone_code", "zone_name", "city", "city_code", "region", "level"),
                    Datasets.ZONES,
                    "zones_2025.csv"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "zones_2025.csv: required column zone_type (类型) is missing / 缺少必填列;"
                    + " accepted headers: zone_type, 类型, 园区类型, 开发区类型"),
        e.getMessage());
  }

  @Test
  void twoHeadersForOneColumnAreFatal() {
    IngestException e =
        assertThrows(
            IngestException.class,
            () ->
                HeaderMatcher.match(
                    List.of("area_code", "代码", "area_name", "area_level"),
                    Datasets.AREAS,
                    "areas.csv"));
    assertEquals(
        "areas.csv: column area_code is given twice, by headers 'area_code' and '代码' / 列重复",
        e.getMessage());
  }
}
