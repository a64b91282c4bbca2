package zoneassess.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * The settings of the briefing packs that a province or city edits (issuing body, document number,
 * date, the 内部资料 marking, the synthetic-data banner, page budgets, consequence wording, per-mu
 * class measures). Shipped as {@code classpath:packs/pack-config.yaml}; a copy at {@code
 * <out>/pack-config.yaml} overrides it for every run under that folder.
 */
public record PackConfig(
    String issuingBody,
    String documentNumber,
    String documentDate,
    String marking,
    String syntheticBanner,
    Map<String, Integer> sequence,
    double minFontPt,
    int topBottom,
    int singleTop,
    int allocationTop,
    Map<String, Integer> bodyPages,
    Map<String, String> consequences,
    String nextSteps,
    Map<String, String> perMuClasses,
    String source) {

  public static final String SHIPPED = "classpath:packs/pack-config.yaml";
  public static final String FILE_NAME = "pack-config.yaml";

  /** The shipped configuration. */
  public static PackConfig shipped() {
    return load(SHIPPED);
  }

  /**
   * The configuration for packs of a run in {@code <out>/runs/<id>}: {@code <out>/pack-config.yaml}
   * when it exists on the local disk, else the shipped file.
   */
  public static PackConfig forRun(String runDirUri) {
    try {
      Path run =
          runDirUri.startsWith("file:")
              ? Path.of(java.net.URI.create(runDirUri))
              : Path.of(runDirUri);
      Path root = run.getParent() == null ? null : run.getParent().getParent();
      if (root != null && Files.isRegularFile(root.resolve(FILE_NAME))) {
        return load(root.resolve(FILE_NAME).toString());
      }
    } catch (RuntimeException notLocal) {
      // an hdfs: or s3a: run folder: the shipped settings apply
    }
    return shipped();
  }

  public static PackConfig load(String location) {
    YamlNode root = YamlDoc.load(location).root();
    root.allowOnly(
        java.util.List.of(
            "issuing_body",
            "document_number",
            "document_date",
            "marking",
            "synthetic_banner",
            "sequence",
            "print",
            "body_pages",
            "consequences",
            "next_steps",
            "permu_classes"));
    YamlNode print = root.require("print");
    return new PackConfig(
        root.require("issuing_body").string(),
        root.require("document_number").string(),
        root.get("document_date").map(n -> n.isNull() ? "" : n.string()).orElse(""),
        root.require("marking").string(),
        root.require("synthetic_banner").string(),
        ints(root.require("sequence")),
        print.require("min_font_pt").number(),
        print.require("top_bottom").integer(),
        print.require("single_top").integer(),
        print.get("allocation_top").map(YamlNode::integer).orElse(15),
        ints(root.require("body_pages")),
        strings(root.require("consequences")),
        root.require("next_steps").string(),
        strings(root.require("permu_classes")),
        location);
  }

  /** 发文编号 for a pack kind and data year, e.g. 示例商开〔2026〕2号. */
  public String documentNumber(PackRequest.Kind kind, int dataYear) {
    String key = kind.name().toLowerCase(Locale.ROOT);
    return documentNumber
        .replace("{year}", Integer.toString(dataYear + 1))
        .replace("{seq}", Integer.toString(sequence.getOrDefault(key, 1)));
  }

  /** Pages before the first annex for a pack kind. */
  public int bodyPages(PackRequest.Kind kind) {
    return bodyPages.getOrDefault(kind.name().toLowerCase(Locale.ROOT), 6);
  }

  public String consequence(String kind) {
    return consequences.get(kind);
  }

  private static Map<String, Integer> ints(YamlNode n) {
    Map<String, Integer> out = new LinkedHashMap<>();
    n.entries().forEach((k, v) -> out.put(k, v.integer()));
    return Map.copyOf(out);
  }

  private static Map<String, String> strings(YamlNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.entries().forEach((k, v) -> out.put(k, v.string()));
    return java.util.Collections.unmodifiableMap(out);
  }
}
