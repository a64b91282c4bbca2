package zoneassess.reports.pack;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The input anomaly findings of the run in the 说明 annex, under the validation counts: how many,
 * then the first {@value #MAX_LINES} messages (the {@code input_anomalies} mart has all). Nothing
 * when the run has no such mart (runs made before the checks existed).
 */
final class InputAnomalyNotes {
  static final int MAX_LINES = 20;

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
    List<String> messages =
        ctx.data()
            .reader()
            .read(
                uri,
                r ->
                    ("error".equals(r.str("severity")) ? "【错误】" : "")
                        + r.str("rule_id")
                        + "："
                        + r.str("message_zh"));
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
}
