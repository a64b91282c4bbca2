package zoneassess.schema.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {
  @Test
  void committedDictionaryIsTheGeneratorsOutput() throws IOException {
    Path project = Path.of(System.getProperty("zoneassess.project.dir", ".."));
    Path committed = project.resolve("docs").resolve(DataDictionary.FILE_NAME);
    assertTrue(Files.exists(committed), "missing " + committed + ": run `make docs`");
    assertEquals(
        DataDictionary.render(),
        Files.readString(committed, StandardCharsets.UTF_8),
        "docs/data-dictionary.md is stale: run `make docs` (zoneassess docs --out docs)");
  }

  @Test
  void describesColumnsKeysReferencesRulesUnitsAndIndicators() {
    String md = DataDictionary.render();
    // A column row with its Chinese label, type, unit, requiredness, range and aliases.
    assertTrue(
        md.contains("| `land_area_mu` | 用地面积 | double | 亩 | yes | [0, 100000] | 用地面积（亩）, 占地面积 |"),
        md);
    assertTrue(md.contains("- Key: `credit_code, year`"));
    assertTrue(
        md.contains(
            "- References: `region_code` → `zones.zone_code` when `region_level = 'zone'`"));
    assertTrue(md.contains("- Rule `tax_over_revenue` (warn): "));
    // 1 公顷 = 10 000 m² (the area family's base unit).
    assertTrue(md.contains("| 公顷 | area | 10000 | ha, hectare |"));
    assertTrue(md.contains("| `gdp` | 地区生产总值 | Gross domestic product | 亿元 | yes | statistics |"));
  }
}
