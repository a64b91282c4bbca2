package zoneassess.schema.factor;

import java.util.List;
import java.util.Optional;

/**
 * The factors whose prices are benchmarked, with units, sub-categories, carry rules and
 * comparability. Loaded from {@code classpath:factors/catalogue.yaml} by {@link
 * FactorCatalogueLoader}.
 *
 * @param source file it was read from
 * @param sha256 hash of the file's text, for the run manifest
 * @param factors factors in catalogue order
 */
public record FactorCatalogue(String source, String sha256, List<Factor> factors) {
  public static final String DEFAULT_LOCATION = "classpath:factors/catalogue.yaml";

  /** Location levels, from the widest to the narrowest; a level inherits from the ones before. */
  public static final List<String> LEVELS = List.of("city", "county", "zone");

  public FactorCatalogue {
    factors = List.copyOf(factors);
  }

  public static FactorCatalogue loadDefault() {
    return FactorCatalogueLoader.load(DEFAULT_LOCATION);
  }

  public Optional<Factor> find(String code) {
    return factors.stream().filter(f -> f.code().equals(code)).findFirst();
  }

  public Factor get(String code) {
    return find(code).orElseThrow(() -> new IllegalArgumentException("unknown factor: " + code));
  }

  public List<String> codes() {
    return factors.stream().map(Factor::code).toList();
  }
}
