package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.methodology.MethodologyLoader;

class MethodologyTreeTest extends SparkTestBase {
  @Test
  void regionWeightSetsBecomeTheirMeanAndEveryNodeHasAWeight() {
    var m = MethodologyLoader.load("classpath:methodologies/jiangsu-2021.yaml").methodology();
    Map<String, Row> nodes = new HashMap<>();
    MethodologyTree.of(spark, m).collectAsList().forEach(r -> nodes.put(r.getString(0), r));
    // economy: {south 25, central 30, north 35} → 30; coordination {10, 12, 15} → 37/3
    assertEquals(30.0, nodes.get("economy").getDouble(2), 1e-12);
    assertEquals(37.0 / 3, nodes.get("coordination").getDouble(2), 1e-12);
    assertNull(nodes.get("economy").get(1)); // a child of the root
    assertEquals("economy", nodes.get("gdp_growth").getString(1));
    assertEquals(20.0, nodes.get("gdp_growth").getDouble(2));
    nodes.values().forEach(r -> assertFalse(Double.isNaN(r.getDouble(2)), r.toString()));
  }
}
