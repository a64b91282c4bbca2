package zoneassess.schema.allocation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A city's resource-allocation policy driven by the per-mu classes (以亩产效益为导向的资源要素配置), as read from
 * a policy file (format in {@code docs/allocation.md}).
 *
 * @param id identifier written to the marts
 * @param version the file's version
 * @param nameZh the policy's Chinese name
 * @param source where its rules come from; illustrative values are marked in the file
 * @param city the city whose quotas are split; null = every zone of the run
 * @param classes policy per class label
 * @param landUseTaxYuanPerM2 城镇土地使用税 rate the reductions apply to, 元/m² a year
 * @param priorityOrder classes in line for land and energy after the guaranteed firms
 * @param exemptions special groups, first match wins
 * @param projects 应保尽保 for 重特大 projects
 * @param quotas the zone or county quota split
 * @param persistentDYears consecutive D years that make a firm's land a recovery (盘活) candidate
 * @param file where the policy was read from
 * @param sha256 the file's hash, for manifests
 */
public record AllocationPolicy(
    String id,
    String version,
    String nameZh,
    String source,
    String city,
    Map<String, ClassPolicy> classes,
    double landUseTaxYuanPerM2,
    List<String> priorityOrder,
    List<Exemption> exemptions,
    ProjectGuarantee projects,
    QuotaRule quotas,
    int persistentDYears,
    String file,
    String sha256) {
  public AllocationPolicy {
    classes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(classes));
    priorityOrder = List.copyOf(priorityOrder);
    exemptions = List.copyOf(exemptions);
  }

  public Optional<ClassPolicy> classPolicy(String label) {
    return Optional.ofNullable(classes.get(label));
  }

  /** The same policy with other quota totals (a what-if); null keeps the file's value. */
  public AllocationPolicy withQuotas(Double landMu, Double energy10kTce) {
    return new AllocationPolicy(
        id,
        version,
        nameZh,
        source,
        city,
        classes,
        landUseTaxYuanPerM2,
        priorityOrder,
        exemptions,
        projects,
        quotas.withQuotas(landMu, energy10kTce),
        persistentDYears,
        file,
        sha256);
  }
}
