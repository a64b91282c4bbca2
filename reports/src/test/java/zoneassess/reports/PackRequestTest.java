package zoneassess.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackRequestTest {
  @Test
  void parsesTheThreeKindsAndLists() {
    assertEquals(
        List.of(PackRequest.province(), PackRequest.city("淮安"), PackRequest.zone("320801")),
        PackRequest.parseList("province, city:淮安 ,zone:320801"));
    assertEquals("city:淮安", PackRequest.city("淮安").toString());
  }

  @Test
  void rejectsUnknownKindsAndEmptyNamesWithTheSpec() {
    var e = assertThrows(IllegalArgumentException.class, () -> PackRequest.parse("city:"));
    assertTrue(e.getMessage().contains("pack 'city:' is not one of"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PackRequest.parseList(" , "));
  }
}
