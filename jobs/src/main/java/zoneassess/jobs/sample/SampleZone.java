package zoneassess.jobs.sample;

/**
 * One zone of the sample province with the latent traits its statistics are drawn from.
 *
 * @param code zone code: city code + N/P + two-digit sequence (e.g. 320800N01)
 * @param name zone name
 * @param city city it belongs to
 * @param county county/district it sits in
 * @param level national / provincial
 * @param zoneType economic_technological / high_tech / bonded / industrial_park
 * @param approvedAreaKm2 approved area (平方公里)
 * @param establishedYear year the zone was approved
 * @param firstYear first year it reports statistics (2018, or later for a new zone)
 * @param gdp2018 GDP in the first statistical year scaled back to 2018 (亿元)
 * @param quality latent quality, standard normal: drives growth, innovation, tax and energy
 * @param openness latent openness, standard normal: drives FDI and trade
 */
public record SampleZone(
    String code,
    String name,
    Geography.City city,
    Geography.County county,
    String level,
    String zoneType,
    double approvedAreaKm2,
    int establishedYear,
    int firstYear,
    double gdp2018,
    double quality,
    double openness) {

  public String region() {
    return city.region();
  }

  public boolean national() {
    return "national".equals(level);
  }
}
