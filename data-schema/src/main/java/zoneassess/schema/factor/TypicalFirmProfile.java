package zoneassess.schema.factor;

import java.util.List;

/**
 * A typical firm's annual consumption of production factors, priced at every location to answer
 * "what does such a factory pay here per year".
 *
 * @param id profile id (file stem)
 * @param nameZh Chinese name
 * @param description what firm it stands for
 * @param assumptions the documented assumptions behind the quantities
 * @param lines consumption lines
 * @param source file it was read from
 * @param sha256 hash of the file's text
 */
public record TypicalFirmProfile(
    String id,
    String nameZh,
    String description,
    List<String> assumptions,
    List<ProfileLine> lines,
    String source,
    String sha256) {
  /** The profiles shipped with the product. */
  public static final List<String> DEFAULT_LOCATIONS =
      List.of(
          "classpath:factors/profiles/light-manufacturing.yaml",
          "classpath:factors/profiles/energy-intensive.yaml",
          "classpath:factors/profiles/logistics.yaml");

  public TypicalFirmProfile {
    assumptions = List.copyOf(assumptions);
    lines = List.copyOf(lines);
  }
}
