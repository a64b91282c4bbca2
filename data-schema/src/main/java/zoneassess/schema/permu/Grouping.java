package zoneassess.schema.permu;

import java.util.Locale;

/** Which firms are compared with each other: those of the same county, zone, city or province. */
public enum Grouping {
  COUNTY,
  ZONE,
  CITY,
  PROVINCE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
