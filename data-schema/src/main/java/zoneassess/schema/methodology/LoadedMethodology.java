package zoneassess.schema.methodology;

import zoneassess.schema.yaml.YamlDoc;

/**
 * A methodology with the document it came from (for the run manifest's SHA-256).
 *
 * @param methodology the validated model
 * @param doc the parsed file
 */
public record LoadedMethodology(Methodology methodology, YamlDoc doc) {
  public String sha256() {
    return doc.sha256();
  }
}
