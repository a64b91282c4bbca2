package zoneassess.jobs.pipeline;

import java.util.ArrayList;
import java.util.List;
import zoneassess.jobs.run.RunManifest;
import zoneassess.schema.yaml.YamlDoc;

/** Hashes of the configuration files a run used (methodology, rules, schemes, catalogues). */
final class ConfigFiles {
  private ConfigFiles() {}

  static List<RunManifest.Config> hashes(List<String> locations) {
    List<RunManifest.Config> out = new ArrayList<>();
    for (String loc : locations) {
      if (loc != null && !loc.isBlank()) {
        out.add(new RunManifest.Config(loc, YamlDoc.load(loc).sha256()));
      }
    }
    return out;
  }
}
