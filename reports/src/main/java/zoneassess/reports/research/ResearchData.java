package zoneassess.reports.research;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import zoneassess.reports.marts.MartReader;
import zoneassess.reports.marts.MartRow;

/**
 * The research marts of one research folder ({@code <root>/research/<name>/}), loaded into records.
 * Every list is zone-sized or zone × period-sized. A mart that is not in the folder is listed in
 * {@link #missing()} and its list is empty; the pack leaves its sheet out.
 */
public final class ResearchData {
  private final String source;
  private final List<String> missing;
  private final List<ResearchParameter> parameters;
  private final List<MethodComparison> comparisons;
  private final List<MethodCorrelation> correlations;
  private final List<RankTrajectory> trajectories;
  private final List<RankInterval> intervals;
  private final List<LeaveOneOut> leaveOneOut;

  /**
   * Research data from records (a {@code null} list = that mart is absent); the lists are sorted
   * here as the contract sorts the marts, so callers may pass them in any order.
   */
  public ResearchData(
      String source,
      List<ResearchParameter> parameters,
      List<MethodComparison> comparisons,
      List<MethodCorrelation> correlations,
      List<RankTrajectory> trajectories,
      List<RankInterval> intervals,
      List<LeaveOneOut> leaveOneOut) {
    this.source = source;
    List<String> absent = new ArrayList<>();
    this.parameters =
        sorted(
            ResearchMarts.PARAMETERS,
            parameters,
            absent,
            Comparator.comparing(ResearchParameter::key));
    this.comparisons =
        sorted(
            ResearchMarts.COMPARISON,
            comparisons,
            absent,
            Comparator.comparing(MethodComparison::period)
                .thenComparing(MethodComparison::rankB, NULLS_LAST)
                .thenComparing(MethodComparison::zoneCode));
    this.correlations =
        sorted(
            ResearchMarts.CORRELATION,
            correlations,
            absent,
            Comparator.comparing(MethodCorrelation::period));
    this.trajectories =
        sorted(
            ResearchMarts.TRAJECTORY,
            trajectories,
            absent,
            Comparator.comparing(RankTrajectory::methodology)
                .thenComparing(RankTrajectory::zoneCode)
                .thenComparing(RankTrajectory::period));
    this.intervals = sorted(ResearchMarts.INTERVALS, intervals, absent, INTERVAL_ORDER);
    this.leaveOneOut =
        sorted(
            ResearchMarts.LEAVE_ONE_OUT,
            leaveOneOut,
            absent,
            Comparator.comparing(LeaveOneOut::droppedIndicator)
                .thenComparing(LeaveOneOut::rankWithout, NULLS_LAST)
                .thenComparing(LeaveOneOut::zoneCode));
    this.missing = List.copyOf(absent);
  }

  static final Comparator<Integer> NULLS_LAST =
      Comparator.nullsLast(Comparator.<Integer>naturalOrder());

  /** Median rank, then zone code (the contract's order of {@code rank_intervals}). */
  public static final Comparator<RankInterval> INTERVAL_ORDER =
      Comparator.comparing(
              RankInterval::medianRank, Comparator.nullsLast(Comparator.<Double>naturalOrder()))
          .thenComparing(RankInterval::zoneCode);

  /** Loads whatever research marts exist below {@code folder}. */
  public static ResearchData read(Path folder) {
    return read(folder.toString(), new MartReader());
  }

  /** Loads whatever research marts exist below a Hadoop URI or local path. */
  public static ResearchData read(String folderUri, MartReader reader) {
    String root =
        folderUri.endsWith("/") ? folderUri.substring(0, folderUri.length() - 1) : folderUri;
    return new ResearchData(
        root,
        load(reader, root, ResearchMarts.PARAMETERS, ResearchMarts::parameter),
        load(reader, root, ResearchMarts.COMPARISON, ResearchMarts::comparison),
        load(reader, root, ResearchMarts.CORRELATION, ResearchMarts::correlation),
        load(reader, root, ResearchMarts.TRAJECTORY, ResearchMarts::trajectory),
        load(reader, root, ResearchMarts.INTERVALS, ResearchMarts::interval),
        load(reader, root, ResearchMarts.LEAVE_ONE_OUT, ResearchMarts::leaveOneOut));
  }

  private static <T> List<T> load(
      MartReader reader, String root, String mart, Function<MartRow, T> map) {
    String uri = root + "/" + mart;
    return reader.exists(uri) ? reader.read(uri, map) : null;
  }

  private static <T> List<T> sorted(
      String mart, List<T> rows, List<String> absent, Comparator<T> order) {
    if (rows == null) {
      absent.add(mart);
      return List.of();
    }
    return rows.stream().sorted(order).toList();
  }

  /** Where the marts were read from (shown on the cover). */
  public String source() {
    return source;
  }

  /** Research marts not found, in {@link ResearchMarts#ALL} order. */
  public List<String> missing() {
    return missing;
  }

  public boolean has(String mart) {
    return !missing.contains(mart);
  }

  /** Parameters sorted by key. */
  public List<ResearchParameter> parameters() {
    return parameters;
  }

  /** The value of a parameter, or null. */
  public String parameter(String key) {
    return parameters.stream()
        .filter(p -> p.key().equals(key))
        .map(ResearchParameter::value)
        .findFirst()
        .orElse(null);
  }

  public List<MethodComparison> comparisons() {
    return comparisons;
  }

  /** The newest period of {@code method_comparison}, or null when it is absent or empty. */
  public String newestComparisonPeriod() {
    return comparisons.stream()
        .map(MethodComparison::period)
        .max(Comparator.naturalOrder())
        .orElse(null);
  }

  /** One period's zones, ranked under B first (by rank B), then unranked by zone code. */
  public List<MethodComparison> comparisons(String period) {
    return comparisons.stream().filter(c -> c.period().equals(period)).toList();
  }

  public List<MethodCorrelation> correlations() {
    return correlations;
  }

  public List<RankTrajectory> trajectories() {
    return trajectories;
  }

  /** Rows of one methodology ("a" or "b"). */
  public List<RankTrajectory> trajectories(String methodology) {
    return trajectories.stream().filter(t -> t.methodology().equals(methodology)).toList();
  }

  /** Rank intervals by median rank, then zone code. */
  public List<RankInterval> intervals() {
    return intervals;
  }

  public List<LeaveOneOut> leaveOneOut() {
    return leaveOneOut;
  }

  /**
   * Zone names by code from every mart that carries them (leave_one_out does not): comparison
   * first, then trajectories, then intervals.
   */
  public Map<String, String> zoneNames() {
    Map<String, String> names = new LinkedHashMap<>();
    comparisons.forEach(c -> putName(names, c.zoneCode(), c.zoneName()));
    trajectories.forEach(t -> putName(names, t.zoneCode(), t.zoneName()));
    intervals.forEach(i -> putName(names, i.zoneCode(), i.zoneName()));
    return names;
  }

  private static void putName(Map<String, String> names, String code, String name) {
    if (name != null && !name.isBlank()) {
      names.putIfAbsent(code, name);
    }
  }
}
