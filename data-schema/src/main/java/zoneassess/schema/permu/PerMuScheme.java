package zoneassess.schema.permu;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A per-mu efficiency evaluation scheme (亩均效益评价办法), loaded from a YAML file by {@link
 * PerMuSchemeLoader}. See {@code docs/per-mu.md}.
 *
 * @param id short id written to the marts, e.g. {@code huaian-2024}
 * @param version version text
 * @param nameZh Chinese title
 * @param source where the rules come from
 * @param formulas formula set per scale ({@code above}, {@code below})
 * @param scope rules that put firms in class T, in priority order
 * @param classes class assignment
 * @param surcharge D-class electricity surcharge
 * @param file the file it was loaded from
 * @param sha256 hash of the file text, for manifests
 */
public record PerMuScheme(
    String id,
    String version,
    String nameZh,
    String source,
    Map<String, FormulaSet> formulas,
    List<ScopeRule> scope,
    ClassRules classes,
    SurchargeRule surcharge,
    String file,
    String sha256) {
  public static final List<String> SCALES = List.of("above", "below");

  public PerMuScheme {
    formulas = Map.copyOf(formulas);
    scope = List.copyOf(scope);
  }

  /** The formula set for {@code scale}; empty when firms of that scale are not scored. */
  public Optional<FormulaSet> formula(String scale) {
    return Optional.ofNullable(formulas.get(scale));
  }
}
