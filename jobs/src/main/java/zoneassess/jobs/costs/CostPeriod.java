package zoneassess.jobs.costs;

import java.util.Locale;

/**
 * The reporting period of a costs run: a year ({@code 2025}), a quarter ({@code 2025Q4}) or a month
 * ({@code 2025-12}); {@code latest} resolves to the latest month in the data.
 *
 * @param label period as written in the marts
 * @param type month / quarter / year
 * @param endMonth last month the period covers, yyyy-MM; periods ending later are not published
 */
public record CostPeriod(String label, String type, String endMonth) {
  public static final String LATEST = "latest";

  /** Parses {@code text}; {@code latestMonth} (yyyy-MM) stands for {@code latest}. */
  public static CostPeriod parse(String text, String latestMonth) {
    String p = text == null ? "" : text.strip();
    if (p.equalsIgnoreCase(LATEST)) {
      if (latestMonth == null) {
        throw new IllegalArgumentException("period 'latest': the factor_costs data has no month");
      }
      p = latestMonth;
    }
    if (p.matches("^[0-9]{4}$")) {
      return new CostPeriod(p, "year", p + "-12");
    }
    if (p.matches("^[0-9]{4}Q[1-4]$")) {
      int q = p.charAt(5) - '0';
      return new CostPeriod(
          p, "quarter", p.substring(0, 4) + String.format(Locale.ROOT, "-%02d", q * 3));
    }
    if (p.matches("^[0-9]{4}-(0[1-9]|1[0-2])$")) {
      return new CostPeriod(p, "month", p);
    }
    throw new IllegalArgumentException(
        "period '" + text + "' is not yyyy, yyyyQn, yyyy-MM or 'latest'");
  }

  public int year() {
    return Integer.parseInt(label.substring(0, 4));
  }

  /** The last year whose December is not after this period (the latest complete year). */
  public int lastCompleteYear() {
    return endMonth.endsWith("-12") ? year() : year() - 1;
  }
}
