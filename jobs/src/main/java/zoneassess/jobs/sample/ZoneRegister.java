package zoneassess.jobs.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the zone register: 27 national and 88 provincial zones assessed since 2018, plus one
 * provincial zone approved in 2020 (a zone that appears between periods). Huai'an's nine zones
 * carry their real names; elsewhere names follow the county (江阴经济开发区 style).
 */
final class ZoneRegister {
  /** Zone approved in 2020: statistics start in 2020. */
  static final String NEW_ZONE_CODE = "320900P09";

  /** National zones: city code, county code, name. */
  private static final String[][] NATIONAL = {
    {"320100", "320113", "南京经济技术开发区"},
    {"320100", "320115", "江宁经济技术开发区"},
    {"320100", "320111", "南京高新技术产业开发区"},
    {"320200", "320214", "无锡高新技术产业开发区"},
    {"320200", "320205", "锡山经济技术开发区"},
    {"320200", "320281", "江阴高新技术产业开发区"},
    {"320300", "320312", "徐州经济技术开发区"},
    {"320300", "320303", "徐州高新技术产业开发区"},
    {"320400", "320411", "常州高新技术产业开发区"},
    {"320400", "320412", "武进国家高新技术产业开发区"},
    {"320500", "320506", "苏州工业园区"},
    {"320500", "320505", "苏州高新技术产业开发区"},
    {"320500", "320583", "昆山经济技术开发区"},
    {"320500", "320509", "吴江经济技术开发区"},
    {"320500", "320581", "常熟经济技术开发区"},
    {"320500", "320582", "张家港保税区"},
    {"320600", "320602", "南通经济技术开发区"},
    {"320600", "320612", "南通高新技术产业开发区"},
    {"320700", "320703", "连云港经济技术开发区"},
    {"320800", "320812", "淮安经济技术开发区"},
    {"320800", "320804", "淮安高新技术产业开发区"},
    {"320900", "320902", "盐城经济技术开发区"},
    {"320900", "320903", "盐城高新技术产业开发区"},
    {"321000", "321003", "扬州经济技术开发区"},
    {"321100", "321112", "镇江经济技术开发区"},
    {"321200", "321202", "泰州医药高新技术产业开发区"},
    {"321300", "321302", "宿迁经济技术开发区"},
  };

  /** Huai'an's provincial zones by name with their counties. */
  private static final String[][] HUAIAN_PROVINCIAL = {
    {"320804", "淮安工业园区"},
    {"320812", "清河经济开发区"},
    {"320826", "涟水经济开发区"},
    {"320830", "盱眙经济开发区"},
    {"320831", "金湖经济开发区"},
    {"320813", "洪泽经济开发区"},
    {"320803", "淮安区经济开发区"},
  };

  /** Provincial zones per city (2018 list), 88 in all; Huai'an's are named above. */
  private static final Map<String, Integer> PROVINCIAL_COUNT = new LinkedHashMap<>();

  static {
    int[] counts = {7, 7, 8, 6, 8, 8, 6, 7, 8, 6, 6, 6, 5};
    List<Geography.City> cities = Geography.cities();
    for (int i = 0; i < cities.size(); i++) {
      PROVINCIAL_COUNT.put(cities.get(i).code(), counts[i]);
    }
  }

  private ZoneRegister() {}

  static List<SampleZone> build(long seed) {
    Draw d = new Draw(seed);
    List<SampleZone> zones = new ArrayList<>();
    for (Geography.City city : Geography.cities()) {
      int n = 0;
      for (String[] z : NATIONAL) {
        if (z[0].equals(city.code())) {
          n++;
          zones.add(
              zone(d, city, Geography.county(z[1]), "national", code(city, 'N', n), z[2], 2018));
        }
      }
      int p = 0;
      if (city.code().equals("320800")) {
        for (String[] z : HUAIAN_PROVINCIAL) {
          p++;
          zones.add(
              zone(d, city, Geography.county(z[0]), "provincial", code(city, 'P', p), z[1], 2018));
        }
      } else {
        List<Geography.County> counties = city.counties();
        int count = PROVINCIAL_COUNT.get(city.code());
        for (int k = 0; k < count; k++) {
          Geography.County c = counties.get(k % counties.size());
          String suffix = k < counties.size() ? "经济开发区" : "高新技术产业园区";
          p++;
          zones.add(zone(d, city, c, "provincial", code(city, 'P', p), c.stem() + suffix, 2018));
        }
        if (city.code().equals("320900")) {
          p++;
          zones.add(
              zone(
                  d,
                  city,
                  city.counties().get(2),
                  "provincial",
                  code(city, 'P', p),
                  "大丰港临港产业园区",
                  2020));
        }
      }
    }
    return List.copyOf(zones);
  }

  private static String code(Geography.City city, char level, int seq) {
    return String.format(Locale.ROOT, "%s%c%02d", city.code(), level, seq);
  }

  private static SampleZone zone(
      Draw d,
      Geography.City city,
      Geography.County county,
      String level,
      String code,
      String name,
      int firstYear) {
    boolean national = level.equals("national");
    String type = zoneType(name);
    double regionFactor =
        switch (city.region()) {
          case "south" -> 1.6;
          case "central" -> 1.0;
          default -> 0.7;
        };
    double quality = d.normal(code, "quality") + (city.region().equals("south") ? 0.4 : 0.0);
    double openness = 0.6 * quality + 0.8 * d.normal(code, "openness");
    double median = national ? 420.0 : 70.0;
    double gdp = median * regionFactor * Math.exp(0.45 * d.normal(code, "size") + 0.15 * quality);
    gdp = Math.max(national ? 150.0 : 30.0, Math.min(national ? 1800.0 : 420.0, gdp));
    if (firstYear > 2018) {
      gdp = 35.0;
    }
    double area =
        national ? d.between(40.0, 180.0, code, "area") : d.between(10.0, 60.0, code, "area");
    int established =
        firstYear > 2018
            ? firstYear
            : national
                ? d.intBetween(1984, 2012, code, "est")
                : d.intBetween(1992, 2015, code, "est");
    if (name.equals("苏州工业园区")) {
      // The flagship: about 3,500 亿元 of GDP by 2025, 278 km² approved.
      gdp = 2296.37; // not a round 2300: the anomaly checks flag whole hundreds
      quality = 2.2;
      openness = 2.2;
      area = 278.0;
      established = 1994;
    }
    return new SampleZone(
        code,
        name,
        city,
        county,
        level,
        type,
        round(area, 2),
        established,
        firstYear,
        gdp,
        quality,
        openness);
  }

  static String zoneType(String name) {
    if (name.contains("保税")) {
      return "bonded";
    }
    if (name.contains("高新")) {
      return "high_tech";
    }
    if (name.contains("工业园区") || name.contains("产业园区")) {
      return "industrial_park";
    }
    return "economic_technological";
  }

  static double round(double v, int places) {
    double f = Math.pow(10, places);
    return Math.round(v * f) / f;
  }
}
