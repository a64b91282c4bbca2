package zoneassess.reports.pack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.model.ZoneResult;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;

/**
 * The input anomaly findings of the run in the 说明 annex, under the validation counts: how many,
 * then the first {@value #MAX_LINES} findings (the {@code input_anomalies} mart has all). Nothing
 * when the run has no such mart (runs made before the checks existed).
 *
 * <p>A leader reads these lines, so each names the check in Chinese, the zone by its name (code in
 * brackets) and the indicator by its Chinese name; the mart keeps the codes.
 */
final class InputAnomalyNotes {
  static final int MAX_LINES = 20;

  /** The checks' kinds (the mart's {@code rule} column) as a reader names them. */
  static final Map<String, String> RULE_ZH =
      Map.of(
          "change", "同比突变",
          "robust_z", "变动异常",
          "ytd_decrease", "累计数下降",
          "repeated", "连续不变",
          "round_number", "疑似估报",
          "part_exceeds_whole", "分项超过总量");

  private InputAnomalyNotes() {}

  /** Writes one key-value line. */
  interface Line {
    int write(int row, String key, String value);
  }

  static int write(PackContext ctx, Sheet sh, int row, Line line) {
    String uri = ctx.data().martUri("input_anomalies");
    if (!ctx.data().reader().exists(uri)) {
      return row;
    }
    Map<String, String> zoneNames = zoneNames(ctx);
    List<String> messages =
        ctx.data()
            .reader()
            .read(
                uri,
                r ->
                    ("error".equals(r.str("severity")) ? "【错误】" : "")
                        + readable(
                            r.str("rule"),
                            r.str("unit_key"),
                            r.str("indicator_code"),
                            r.str("message_zh"),
                            zoneNames));
    int out =
        line.write(
            row,
            "输入数据异常",
            messages.isEmpty()
                ? "未发现异常（marts/input_anomalies）"
                : messages.size() + " 条提示，数值均保留；核实后如有更正请重报（marts/input_anomalies）");
    int i = 0;
    for (String m : messages.stream().limit(MAX_LINES).toList()) {
      out = line.write(out, "异常 " + (++i), m);
    }
    if (messages.size() > MAX_LINES) {
      out = line.write(out, "", "另有 " + (messages.size() - MAX_LINES) + " 条见 input_anomalies");
    }
    return out;
  }

  /**
   * 同比突变：<zone name>（<code>）· <indicator name> <period>：<what was found>. The stage's message
   * starts with "<unit> <indicator> <period>：", which is replaced by the names; indicator codes in
   * the rest (the whole of a part) are named too. Unknown codes stay as they are.
   */
  static String readable(
      String rule, String unit, String indicator, String message, Map<String, String> zoneNames) {
    String rest = message;
    int colon = message.indexOf('：');
    String prefix = unit + " " + indicator + " ";
    String period = "";
    if (colon > 0 && message.startsWith(prefix)) {
      period = message.substring(prefix.length(), colon).strip();
      rest = message.substring(colon + 1);
    }
    for (RawIndicator ind : IndicatorCatalogue.all()) {
      if (ind.nameZh() != null && rest.contains(ind.code())) {
        rest = rest.replaceAll("\\b" + ind.code() + "\\b", ind.nameZh());
      }
    }
    String zone = zoneNames.containsKey(unit) ? zoneNames.get(unit) + "（" + unit + "）" : unit;
    String name =
        IndicatorCatalogue.find(indicator)
            .map(RawIndicator::nameZh)
            .filter(n -> n != null && !n.isBlank())
            .orElse(indicator);
    return RULE_ZH.getOrDefault(rule, rule)
        + "："
        + zone
        + " · "
        + name
        + (period.isEmpty() ? "" : " " + period)
        + "："
        + rest;
  }

  private static Map<String, String> zoneNames(PackContext ctx) {
    Map<String, String> names = new HashMap<>();
    for (String period : ctx.data().periods()) {
      for (ZoneResult z : ctx.data().results(period)) {
        if (z.zoneName() != null) {
          names.putIfAbsent(z.zoneCode(), z.zoneName());
        }
      }
    }
    return names;
  }
}
