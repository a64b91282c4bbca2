package zoneassess.jobs.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A handful of events per year 2018–2025: inspections with finding counts, negative cases and
 * awards every year; two major safety accidents (vetoes) and two environmental incidents in the
 * whole period. One award note is the formula-looking text {@code +1} (a valid row).
 */
final class ZoneEventLog {
  private ZoneEventLog() {}

  static List<ZoneEvent> build(long seed, List<SampleZone> zones) {
    Draw d = new Draw(seed);
    List<ZoneEvent> events = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (int year = 2018; year <= 2025; year++) {
      add(d, zones, year, "inspection_central", d.intBetween(1, 2, year, "ic"), events, keys);
      add(d, zones, year, "inspection_provincial", d.intBetween(3, 5, year, "ip"), events, keys);
      add(d, zones, year, "negative_case", d.intBetween(1, 2, year, "nc"), events, keys);
      add(d, zones, year, "award", d.intBetween(2, 3, year, "aw"), events, keys);
    }
    // Outside Huai'an, so the Huai'an examples stay clean; years 2021 and 2024.
    add(d, zones, 2021, "major_safety_accident", 1, events, keys);
    add(d, zones, 2024, "major_safety_accident", 1, events, keys);
    add(d, zones, 2019, "environmental_incident", 1, events, keys);
    add(d, zones, 2023, "environmental_incident", 1, events, keys);
    events.sort(
        Comparator.comparing(ZoneEvent::eventDate)
            .thenComparing(ZoneEvent::zoneCode)
            .thenComparing(ZoneEvent::eventType));
    // One valid note that a spreadsheet would read as a formula.
    for (int i = 0; i < events.size(); i++) {
      ZoneEvent e = events.get(i);
      if (e.eventType().equals("award")) {
        events.set(i, new ZoneEvent(e.zoneCode(), e.eventDate(), e.eventType(), e.count(), "+1"));
        break;
      }
    }
    return List.copyOf(events);
  }

  private static void add(
      Draw d,
      List<SampleZone> zones,
      int year,
      String type,
      int n,
      List<ZoneEvent> events,
      Set<String> keys) {
    List<SampleZone> eligible =
        zones.stream()
            .filter(z -> z.firstYear() <= year)
            .filter(z -> !type.equals("major_safety_accident") || !z.city().code().equals("320800"))
            .toList();
    for (int i = 0, attempt = 0; i < n; attempt++) {
      SampleZone z =
          eligible.get(d.intBetween(0, eligible.size() - 1, year, type, attempt, "zone"));
      LocalDate date =
          LocalDate.of(year, 1, 1).plusDays(d.intBetween(0, 364, year, type, attempt, "day"));
      if (!keys.add(z.code() + date + type)) {
        continue;
      }
      int count =
          switch (type) {
            case "inspection_central" -> d.intBetween(1, 5, year, type, attempt, "count");
            case "inspection_provincial" -> d.intBetween(1, 8, year, type, attempt, "count");
            case "negative_case" -> d.intBetween(1, 2, year, type, attempt, "count");
            default -> 1;
          };
      events.add(new ZoneEvent(z.code(), date, type, count, note(type, count)));
      i++;
    }
  }

  private static String note(String type, int count) {
    return switch (type) {
      case "major_safety_accident" -> "发生较大生产安全事故（合成数据）";
      case "environmental_incident" -> "发生突发环境事件（合成数据）";
      case "inspection_central" -> "中央环保督察反馈问题" + count + "项（合成数据）";
      case "inspection_provincial" -> "省级督察反馈问题" + count + "项（合成数据）";
      case "negative_case" -> "被通报负面典型案例（合成数据）";
      default -> "获评省级先进园区（合成数据）";
    };
  }
}
