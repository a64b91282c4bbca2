package zoneassess.reports.marts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import zoneassess.reports.model.CostIndex;
import zoneassess.reports.model.CostPosition;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.FunnelRow;
import zoneassess.reports.model.IndicatorValue;
import zoneassess.reports.model.PerMuArea;
import zoneassess.reports.model.PerMuZone;
import zoneassess.reports.model.ProfileCost;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;
import zoneassess.schema.layout.RunLayout;

/**
 * The small marts of one run, loaded into records (zone-sized and city-sized tables only). The
 * enterprise mart is not loaded: the D-class appendix streams it through {@link #reader()}. A mart
 * that is missing (its stage did not run) is listed in {@link #missing()} and its list is empty.
 */
public final class RunData {
  private final String runDir;
  private final MartReader reader;
  private final RunInfo info;
  private final Map<String, Long> rowCounts = new LinkedHashMap<>();
  private final List<String> missing = new ArrayList<>();

  private final List<ZoneResult> assessment;
  private final List<DimensionScore> dimensions;
  private final List<IndicatorValue> indicators;
  private final List<Warning> warnings;
  private final List<FunnelRow> funnel;
  private final List<PerMuZone> perMuZones;
  private final List<PerMuArea> perMuAreas;
  private final List<CostPosition> cityCosts;
  private final List<ProfileCost> profileCosts;
  private final List<CostIndex> costIndex;
  private final boolean hasEnterprises;
  private final boolean hasAllocation;

  private RunData(String runDir, MartReader reader) {
    this.runDir = runDir;
    this.reader = reader;
    this.info = RunInfo.read(runDir);
    List<ZoneResult> marked = load(MartMapping.ASSESSMENT, MartMapping::zoneResult);
    if (missing.contains(MartMapping.ASSESSMENT)) {
      throw new IllegalStateException(
          "run "
              + info.runId()
              + " has no assessment mart at "
              + martUri(MartMapping.ASSESSMENT)
              + ": run the assess stage before rendering packs");
    }
    this.dimensions = load(MartMapping.DIMENSIONS, MartMapping::dimension);
    this.indicators = load(MartMapping.INDICATORS, MartMapping::indicator);
    this.warnings = load(MartMapping.WARNINGS, MartMapping::warning);
    this.assessment = withWarningMarks(marked, warnings);
    this.funnel = load(MartMapping.FUNNEL, MartMapping::funnel);
    this.perMuZones = load(MartMapping.PERMU_ZONE, MartMapping::perMuZone);
    this.perMuAreas = load(MartMapping.PERMU_AREA, MartMapping::perMuArea);
    // Only city-level benchmarks are held: zone and county rows (and months) can be many.
    this.cityCosts =
        load(
            MartMapping.COST_BENCHMARK,
            r -> "city".equals(r.str("location_level")),
            MartMapping::costPosition);
    this.profileCosts =
        load(
            MartMapping.COST_PROFILE,
            r -> "city".equals(r.str("location_level")),
            MartMapping::profileCost);
    this.costIndex =
        load(
            MartMapping.COST_INDEX,
            r -> "city".equals(r.str("location_level")),
            MartMapping::costIndex);
    this.hasEnterprises = reader.exists(martUri(MartMapping.PERMU_ENTERPRISE));
    if (!hasEnterprises) {
      missing.add(MartMapping.PERMU_ENTERPRISE);
    }
    // the allocation marts are streamed by the sheets that show them; older runs do not have them
    this.hasAllocation = reader.exists(martUri(MartMapping.ALLOCATION_ENTERPRISE));
    for (String m :
        List.of(
            MartMapping.ALLOCATION_ENTERPRISE,
            MartMapping.ALLOCATION_ZONE,
            MartMapping.LAND_RECOVERY)) {
      if (!reader.exists(martUri(m))) {
        missing.add(m);
      }
    }
  }

  /**
   * The mark a pack shows is the stronger of the assessment's mark and the severity of the zone's
   * warnings in that period: a zone facing national exit (a red warning) is marked 红 even when the
   * assess stage's mark rule only made it yellow, so the cover's counts, the risk block and every
   * mark column say the same thing.
   */
  static List<ZoneResult> withWarningMarks(List<ZoneResult> zones, List<Warning> warnings) {
    Map<String, Integer> worst = new java.util.HashMap<>();
    for (Warning w : warnings) {
      worst.merge(w.zoneCode() + "|" + w.period(), severity(w.severity()), Math::max);
    }
    List<ZoneResult> out = new ArrayList<>(zones.size());
    for (ZoneResult z : zones) {
      int fromWarnings = worst.getOrDefault(z.zoneCode() + "|" + z.period(), 0);
      int own = severity(z.mark());
      out.add(
          fromWarnings > own && fromWarnings >= 2
              ? z.withMark(fromWarnings == 3 ? "red" : "yellow")
              : z);
    }
    return List.copyOf(out);
  }

  /** red 3, yellow 2, anything else 0 (blue and none are not risks). */
  static int severity(String s) {
    if (s == null) {
      return 0;
    }
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "red" -> 3;
      case "yellow" -> 2;
      default -> 0;
    };
  }

  public static RunData load(String runDirUri) {
    return new RunData(stripSlash(runDirUri), new MartReader());
  }

  public static RunData load(String runDirUri, MartReader reader) {
    return new RunData(stripSlash(runDirUri), reader);
  }

  private <T> List<T> load(String mart, Function<MartRow, T> map) {
    return load(mart, r -> true, map);
  }

  private <T> List<T> load(
      String mart, java.util.function.Predicate<MartRow> keep, Function<MartRow, T> map) {
    String uri = martUri(mart);
    if (!reader.exists(uri)) {
      missing.add(mart);
      return List.of();
    }
    List<T> rows = reader.read(uri, keep, map);
    rowCounts.put(mart, (long) rows.size());
    return List.copyOf(rows);
  }

  public String martUri(String mart) {
    return new RunLayout(runDir, info == null ? "run" : info.runId(), runDir).mart(mart);
  }

  public String runDir() {
    return runDir;
  }

  public MartReader reader() {
    return reader;
  }

  public RunInfo info() {
    return info;
  }

  /** Marts that were not found, in load order. */
  public List<String> missing() {
    return List.copyOf(missing);
  }

  public boolean has(String mart) {
    return !missing.contains(mart);
  }

  /** Rows held per mart (after the city-level filter for cost marts). */
  public Map<String, Long> rowCounts() {
    return Map.copyOf(rowCounts);
  }

  /** Whether the run published {@code allocation_enterprise} (runs before issue 15 did not). */
  public boolean hasAllocation() {
    return hasAllocation;
  }

  public boolean hasEnterprises() {
    return hasEnterprises;
  }

  /** All assessment periods, ascending. */
  public List<String> periods() {
    return assessment.stream().map(ZoneResult::period).distinct().sorted().toList();
  }

  public String latestPeriod() {
    List<String> p = periods();
    return p.get(p.size() - 1);
  }

  public String previousPeriod(String period) {
    List<String> p = periods();
    int i = p.indexOf(period);
    return i > 0 ? p.get(i - 1) : null;
  }

  /** The period's zones, ranked first by rank, then unranked by code. */
  public List<ZoneResult> results(String period) {
    return assessment.stream().filter(z -> z.period().equals(period)).sorted(RANK_ORDER).toList();
  }

  public static final Comparator<ZoneResult> RANK_ORDER =
      Comparator.comparing(
              ZoneResult::rankAll, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
          .thenComparing(ZoneResult::zoneCode);

  public List<ZoneResult> history(String zoneCode) {
    return assessment.stream()
        .filter(z -> z.zoneCode().equals(zoneCode))
        .sorted(Comparator.comparing(ZoneResult::period))
        .toList();
  }

  /** Dimension codes in display order with their Chinese names. */
  public LinkedHashMap<String, String> dimensionNames() {
    LinkedHashMap<String, String> names = new LinkedHashMap<>();
    dimensions.stream()
        .sorted(
            Comparator.comparingInt(DimensionScore::sortOrder)
                .thenComparing(DimensionScore::dimensionCode))
        .forEach(d -> names.putIfAbsent(d.dimensionCode(), d.nameZh()));
    return names;
  }

  public Map<String, DimensionScore> dimensions(String zoneCode, String period) {
    return dimensions.stream()
        .filter(d -> d.zoneCode().equals(zoneCode) && d.period().equals(period))
        .collect(
            Collectors.toMap(
                DimensionScore::dimensionCode, d -> d, (a, b) -> a, LinkedHashMap::new));
  }

  public List<DimensionScore> dimensions(String period) {
    return dimensions.stream().filter(d -> d.period().equals(period)).toList();
  }

  public List<IndicatorValue> indicators(String zoneCode, String period) {
    return indicators.stream()
        .filter(i -> i.zoneCode().equals(zoneCode) && i.period().equals(period))
        .sorted(
            Comparator.comparing(
                    IndicatorValue::dimensionCode,
                    Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(IndicatorValue::indicatorCode))
        .toList();
  }

  /** Every zone's indicators of a period (for provincial medians). */
  public List<IndicatorValue> indicators(String period) {
    return indicators.stream().filter(i -> i.period().equals(period)).toList();
  }

  public List<Warning> warnings(String period) {
    return warnings.stream()
        .filter(w -> w.period().equals(period))
        .sorted(
            Comparator.comparing(Warning::zoneCode)
                .thenComparing(
                    Warning::ruleId, Comparator.nullsLast(Comparator.<String>naturalOrder())))
        .toList();
  }

  /** Funnel rows of a zone in the latest funnel year at or before {@code year}. */
  public List<FunnelRow> funnel(String zoneCode, int year) {
    return funnel.stream().filter(f -> f.zoneCode().equals(zoneCode) && f.year() == year).toList();
  }

  /** The newest funnel year of a zone not after {@code year}, or null. */
  public Integer funnelYear(String zoneCode, int year) {
    return funnel.stream()
        .filter(f -> f.zoneCode().equals(zoneCode) && f.year() <= year)
        .map(FunnelRow::year)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** A zone's per-mu rows, newest year first. */
  public List<PerMuZone> perMuHistory(String zoneCode) {
    return perMuZones.stream()
        .filter(p -> p.zoneCode().equals(zoneCode))
        .sorted(Comparator.comparingInt(PerMuZone::year).reversed())
        .toList();
  }

  public List<PerMuZone> perMuZones(int year) {
    return perMuZones.stream()
        .filter(p -> p.year() == year)
        .sorted(Comparator.comparing(PerMuZone::zoneCode))
        .toList();
  }

  public List<PerMuArea> perMuCities(int year) {
    return perMuAreas.stream()
        .filter(p -> p.year() == year && "city".equals(p.areaLevel()))
        .sorted(Comparator.comparing(PerMuArea::areaCode))
        .toList();
  }

  /** The newest per-mu year not after the assessment period (per-mu runs on its own calendar). */
  public Integer perMuYear(String period) {
    int limit = yearOf(period);
    TreeSet<Integer> years = new TreeSet<>();
    perMuZones.forEach(p -> years.add(p.year()));
    perMuAreas.forEach(p -> years.add(p.year()));
    Integer y = years.floor(limit);
    return y != null ? y : (years.isEmpty() ? null : years.first());
  }

  /** City-level benchmarks of the newest period (annual periods preferred over months). */
  public List<CostPosition> cityCosts() {
    if (cityCosts.isEmpty()) {
      return List.of();
    }
    String period = costPeriod();
    return cityCosts.stream()
        .filter(c -> c.period().equals(period))
        .sorted(
            Comparator.comparing(CostPosition::factorCode)
                .thenComparing(c -> Objects.toString(c.subcategory(), ""))
                .thenComparing(CostPosition::locationCode))
        .toList();
  }

  public String costPeriod() {
    List<CostPosition> annual =
        cityCosts.stream().filter(c -> "year".equals(c.periodType())).toList();
    List<CostPosition> pool = annual.isEmpty() ? cityCosts : annual;
    return pool.stream().map(CostPosition::period).max(Comparator.naturalOrder()).orElse(null);
  }

  public List<ProfileCost> cityProfileCosts() {
    int year = profileCosts.stream().mapToInt(ProfileCost::year).max().orElse(Integer.MIN_VALUE);
    return profileCosts.stream()
        .filter(p -> p.year() == year)
        .sorted(
            Comparator.comparing(ProfileCost::profileId).thenComparing(ProfileCost::locationCode))
        .toList();
  }

  public List<CostIndex> cityCostIndex() {
    int year = costIndex.stream().mapToInt(CostIndex::year).max().orElse(Integer.MIN_VALUE);
    return costIndex.stream()
        .filter(c -> c.year() == year)
        .sorted(
            Comparator.comparing(
                    CostIndex::rank, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
                .thenComparing(CostIndex::locationCode))
        .toList();
  }

  public static int yearOf(String period) {
    String digits = period.length() >= 4 ? period.substring(0, 4) : period;
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new MartFormatException("period '" + period + "' does not start with a year");
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
