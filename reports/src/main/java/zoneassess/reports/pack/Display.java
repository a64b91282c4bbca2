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

  public static String rank(ZoneResult z) {
    return z.rankAll() == null ? "未排名" : "第" + z.rankAll() + "位";
  }
}
