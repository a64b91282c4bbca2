package zoneassess.schema.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class IndicatorCatalogueTest {
  @TempDir Path dir;

  @AfterEach
  void builtInAgain() {
    IndicatorCatalogue.use(null);
  }

  @Test
  void builtInCatalogueListsTheStatisticsOfZoneStats() {
    IndicatorCatalogue.use(null);
    RawIndicator gdp = IndicatorCatalogue.find("gdp").orElseThrow();
    assertEquals("地区生产总值", gdp.nameZh());
    assertEquals("亿元", gdp.unit());
    assertTrue(gdp.flow());
    assertEquals("万美元", IndicatorCatalogue.find("fdi_actual").orElseThrow().unit());
    assertFalse(IndicatorCatalogue.find("idle_land").orElseThrow().flow());
    assertEquals("gdp", IndicatorCatalogue.findByCodeOrName("地区生产总值").orElseThrow().code());
    assertEquals(29, IndicatorCatalogue.all().size());
    assertEquals("gdp", IndicatorCatalogue.all().get(0).code());
  }

  @Test
  void userFileAddsAnIndicatorAndReplacesOneByCode() throws Exception {
    Path user = dir.resolve("indicators.yaml");
    Files.writeString(
        user,
        String.join(
            "\n",
            "version: 1",
            "indicators:",
            "  - {code: incubators, name_zh: 孵化器数, name_en: Incubators, unit: 个, flow: false,"
                + " source: science}",
            "  - {code: gdp, name_zh: 地区生产总值, name_en: GDP, unit: 万元, flow: true,"
                + " source: statistics}",
            ""));
    IndicatorCatalogue.use(user.toString());
    assertEquals(30, IndicatorCatalogue.all().size());
    assertEquals("incubators", IndicatorCatalogue.all().get(29).code());
    assertEquals("incubators", IndicatorCatalogue.findByCodeOrName("孵化器数").orElseThrow().code());
    assertEquals("万元", IndicatorCatalogue.find("gdp").orElseThrow().unit());
  }

  @Test
  void problemsNameFileLineAndColumn() {
    SpecException typo =
        assertThrows(
            SpecException.class,
            () ->
                IndicatorCatalogue.read(
                    YamlDoc.parse(
                        "mine.yaml",
                        "indicators:\n  - {code: a, name_zh: 甲, name_en: A, unit: 个, flow: false,"
                            + " sorce: x}\n")));
    assertTrue(typo.getMessage().startsWith("mine.yaml:2:"), typo.getMessage());
    assertTrue(typo.getMessage().contains("sorce"), typo.getMessage());
    SpecException unit =
        assertThrows(
            SpecException.class,
            () ->
                IndicatorCatalogue.read(
                    YamlDoc.parse(
                        "mine.yaml",
                        "indicators:\n  - code: a\n    name_zh: 甲\n    name_en: A\n"
                            + "    unit: furlongs\n    flow: false\n    source: x\n")));
    assertTrue(unit.getMessage().startsWith("mine.yaml:5:"), unit.getMessage());
    assertTrue(unit.getMessage().contains("unknown unit 'furlongs'"), unit.getMessage());
    SpecException twice =
        assertThrows(
            SpecException.class,
            () ->
                IndicatorCatalogue.read(
                    YamlDoc.parse(
                        "mine.yaml",
                        String.join(
                            "\n",
                            "indicators:",
                            "  - {code: a, name_zh: 甲, name_en: A, unit: 个, flow: false, source: x}",
                            "  - {code: a, name_zh: 乙, name_en: B, unit: 个, flow: false, source: x}",
                            ""))));
    assertTrue(twice.getMessage().startsWith("mine.yaml:3:"), twice.getMessage());
    assertTrue(twice.getMessage().contains("declared twice"), List.of(twice).toString());
  }
}
