package zoneassess.schema.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetsTest {
  @Test
  void noHeaderSpellingNamesTwoColumnsOfADataset() {
    List<String> clashes = new ArrayList<>();
    for (DatasetContract d : Datasets.ALL) {
      Map<String, String> owner = new HashMap<>();
      for (ColumnSpec c : d.columns()) {
        for (String s : c.headerSpellings()) {
          String key = s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
          String prev = owner.putIfAbsent(key, c.name());
          if (prev != null && !prev.equals(c.name())) {
            clashes.add(d.name() + ": '" + s + "' → " + prev + " and " + c.name());
          }
        }
      }
    }
    assertEquals(List.of(), clashes);
  }

  @Test
  void chineseLabelIsAHeaderSpelling() {
    ColumnSpec credit = Datasets.ENTERPRISES.column("credit_code").orElseThrow();
    assertEquals(List.of("credit_code", "统一社会信用代码", "信用代码", "社会信用代码"), credit.headerSpellings());
  }

  @Test
  void referencedDatasetsComeFirst() {
    List<String> order = Datasets.ALL.stream().map(DatasetContract::name).toList();
    for (DatasetContract d : Datasets.ALL) {
      for (ForeignKey fk : d.references()) {
        assertTrue(
            order.indexOf(fk.targetDataset()) < order.indexOf(d.name()),
            d.name() + " → " + fk.targetDataset());
      }
    }
  }
}
