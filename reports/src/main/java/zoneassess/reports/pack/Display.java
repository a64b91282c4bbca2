package zoneassess.reports.pack;

import java.util.Locale;
import zoneassess.reports.model.ZoneResult;

/** How values from the marts are shown to leaders: marks, arrows, fixed-decimal numbers. */
public final class Display {
  private Display() {}

  /**
   * red / yellow / blue / none → 红 / 黄 / 蓝 / "" (the mark rule itself lives in the assess mart).
   */
  public static String mark(String mark) {
    if (mark == null) {
      return "";
    }
    return switch (mark.toLowerCase(Locale.ROOT)) {
      case "red" -> "红";
      case "yellow" -> "黄";
      case "blue" -> "蓝";
      default -> "";
    };
  }

  /** Δrank as an arrow: ▲3 moved up three places, ▼2 down two, — unchanged, 新 no previous rank. */
  public static String arrow(Integer delta) {
    if (delta == null) {
      return "新";
    }
    if (delta > 0) {
      return "▲" + delta;
    }
    if (delta < 0) {
      return "▼" + (-delta);
    }
    return "—";
  }

  public static String num(Double v, int decimals) {
    return v == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  public static String pct(Double share) {
    return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** Zone type as the approval documents name it; the dataset's codes never reach a page. */
  public static String zoneType(String type) {
    if (type == null) {
      return "";
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "economic_technological" -> "经济技术开发区";
      case "high_tech" -> "高新技术产业开发区";
      case "bonded" -> "综合保税区";
      case "industrial_park" -> "工业园区";
      case "economic_development" -> "经济开发区";
      default -> type;
    };
  }

  /** Region: south / central / north → 苏南 / 苏中 / 苏北. */
  public static String region(String region) {
    if (region == null) {
      return "";
    }
    return switch (region.toLowerCase(Locale.ROOT)) {
      case "south" -> "苏南";
      case "central" -> "苏中";
      case "north" -> "苏北";
      default -> region;
    };
  }

  /** Enterprise scale: above / below designated size → 规上 / 规下. */
  public static String scale(String scale) {
    if (scale == null) {
      return "";
    }
    return switch (scale.toLowerCase(Locale.ROOT)) {
      case "above" -> "规上";
      case "below" -> "规下";
      default -> scale;
    };
  }

  /** A unit a leader reads: ratios are shown as percentages. */
  public static String unit(String unit) {
    if (unit == null || unit.isBlank()) {
      return "";
    }
    return isRatio(unit) ? "%" : unit;
  }

  /** The value in the unit of {@link #unit}: a ratio of 0.014 becomes 1.4 (%). */
  public static Double value(Double raw, String unit) {
    if (raw == null || !isRatio(unit)) {
      return raw;
    }
    return raw * 100;
  }

  static boolean isRatio(String unit) {
    return unit != null
        && (unit.equalsIgnoreCase("ratio") || unit.equals("比值") || unit.equals("share"));
  }

  /** A number with the given decimals and a unit, e.g. "12.35 万元/亩" or "1.4%". */
  public static String withUnit(Double raw, String unit, int decimals) {
    Double v = value(raw, unit);
    String u = unit(unit);
    if (v == null) {
      return "—";
    }
    return num(v, decimals) + ("%".equals(u) ? "%" : (u.isEmpty() ? "" : " " + u));
  }

  /**
   * The number format a unit needs: counts as integers, 元/年 without decimals, electricity prices
   * with 4 decimals (they differ between cities in the third and fourth), other prices with 2.
   */
  public static String format(String unit) {
    String u = unit == null ? "" : unit;
    if (isRatio(u) || u.equals("%")) {
      return "0.0";
    }
    if (isCount(u) || u.contains("/年") || u.equals("元") || u.startsWith("万元/人")) {
      return "#,##0";
    }
    if (u.contains("千瓦时") || u.equalsIgnoreCase("元/kWh")) {
      return "0.0000";
    }
    if (u.equals("亿元") || u.equals("亿美元")) {
      return "#,##0.00";
    }
    return "#,##0.00";
  }

  static boolean isCount(String unit) {
    return unit != null && java.util.Set.of("个", "人", "家", "项", "件", "户").contains(unit);
  }

  /** Decimals for a number in a sentence: counts none, small values more. */
  public static int decimals(Double v, String unit) {
    if (isCount(unit)) {
      return 0;
    }
    if (v == null) {
      return 1;
    }
    double a = Math.abs(value(v, unit));
    return a >= 100 ? 0 : a >= 10 ? 1 : 2;
  }

  /** A difference in a unit: between percentages it is in 个百分点, otherwise as {@link #withUnit}. */
  public static String gap(Double raw, String unit, int decimals) {
    if (raw != null && (isRatio(unit) || "%".equals(unit))) {
      return num(value(raw, unit), decimals) + " 个百分点";
    }
    return withUnit(raw, unit, decimals);
  }

  /** Position "85/116". */
  public static String position(Integer rank, long of) {
    return rank == null ? "未排名" : rank + "/" + of;
  }

  public static String rank(ZoneResult z) {
    return z.rankAll() == null ? "未排名" : "第" + z.rankAll() + "位";
  }
}
