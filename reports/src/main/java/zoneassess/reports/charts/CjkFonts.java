package zoneassess.reports.charts;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CJK font every chart draws with. Headless Java2D draws Chinese as empty boxes when no font
 * with Chinese glyphs is installed, so the font is looked up explicitly and its absence is an error
 * that says what to install, not a chart full of boxes.
 */
public final class CjkFonts {
  /** Text every chart font must be able to draw. */
  public static final String PROBE = "开发区综合考核评价进位退位亩均万元亿元";

  private static final List<String> PREFERRED =
      List.of(
          "WenQuanYi Micro Hei",
          "WenQuanYi Zen Hei",
          "Noto Sans CJK SC",
          "Noto Sans SC",
          "Source Han Sans SC",
          "Microsoft YaHei",
          "微软雅黑",
          "PingFang SC",
          "SimHei",
          "黑体");

  private static volatile String family;

  private CjkFonts() {}

  /** Family name of the installed CJK font the charts use. */
  public static String family() {
    String f = family;
    if (f == null) {
      f = find();
      family = f;
    }
    return f;
  }

  public static Font font(int style, float size) {
    return new Font(family(), style, Math.round(size)).deriveFont(style, size);
  }

  private static String find() {
    String[] installed =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    List<String> names = Arrays.asList(installed);
    for (String p : PREFERRED) {
      if (names.contains(p) && canDisplay(p)) {
        return p;
      }
    }
    for (String n : installed) {
      if (!n.startsWith("Dialog")
          && !n.startsWith("Monospaced")
          && !n.startsWith("Serif")
          && !n.startsWith("SansSerif")
          && canDisplay(n)) {
        return n;
      }
    }
    throw new IllegalStateException(
        "no installed font can draw Chinese chart labels (tried "
            + PREFERRED
            + "). Install one before starting the JVM, e.g. Debian: apt-get install"
            + " fonts-wqy-microhei (or run bin/ensure-font)");
  }

  private static boolean canDisplay(String name) {
    return new Font(name, Font.PLAIN, 12).canDisplayUpTo(PROBE) == -1;
  }
}
