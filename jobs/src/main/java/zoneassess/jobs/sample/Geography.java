package zoneassess.jobs.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * The sample province's cities and counties: real Jiangsu city names and GB/T 2260 codes, with
 * three to eight real counties/districts per city. The province itself is labelled synthetic.
 */
public final class Geography {
  public static final String PROVINCE_CODE = "320000";
  public static final String PROVINCE_NAME = "示例省 (synthetic Jiangsu-like)";

  /** A prefecture city with its region (south / central / north) and its counties. */
  public record City(String code, String name, String region, List<County> counties) {
    public String shortName() {
      return name.endsWith("市") ? name.substring(0, name.length() - 1) : name;
    }
  }

  /** A county or district; {@code tier} is its minimum-wage tier (1 = highest). */
  public record County(String code, String name, String cityCode, int tier) {
    /** The name without 区/县/市, keeping one-character stems whole (丰县 stays 丰县). */
    public String stem() {
      if (name.length() <= 2) {
        return name;
      }
      char last = name.charAt(name.length() - 1);
      return last == '区' || last == '县' || last == '市'
          ? name.substring(0, name.length() - 1)
          : name;
    }
  }

  private static final List<City> CITIES = new ArrayList<>();

  static {
    city(
        "320100",
        "南京市",
        "south",
        1,
        "320115:江宁区",
        "320111:浦口区",
        "320113:栖霞区",
        "320114:雨花台区",
        "320116:六合区",
        "320117:溧水区",
        "320118:高淳区",
        "320105:建邺区");
    city(
        "320200",
        "无锡市",
        "south",
        1,
        "320214:新吴区",
        "320205:锡山区",
        "320206:惠山区",
        "320211:滨湖区",
        "320213:梁溪区",
        "320281:江阴市",
        "320282:宜兴市");
    city(
        "320300",
        "徐州市",
        "north",
        3,
        "320312:铜山区",
        "320303:云龙区",
        "320305:贾汪区",
        "320321:丰县",
        "320322:沛县",
        "320324:睢宁县",
        "320381:新沂市",
        "320382:邳州市");
    city(
        "320400",
        "常州市",
        "south",
        1,
        "320411:新北区",
        "320412:武进区",
        "320402:天宁区",
        "320404:钟楼区",
        "320413:金坛区",
        "320481:溧阳市");
    city(
        "320500",
        "苏州市",
        "south",
        1,
        "320506:吴中区",
        "320505:虎丘区",
        "320583:昆山市",
        "320509:吴江区",
        "320581:常熟市",
        "320582:张家港市",
        "320507:相城区",
        "320585:太仓市");
    city(
        "320600",
        "南通市",
        "central",
        2,
        "320602:崇川区",
        "320612:通州区",
        "320614:海门区",
        "320623:如东县",
        "320681:启东市",
        "320682:如皋市",
        "320685:海安市");
    city(
        "320700",
        "连云港市",
        "north",
        3,
        "320703:连云区",
        "320706:海州区",
        "320707:赣榆区",
        "320722:东海县",
        "320723:灌云县",
        "320724:灌南县");
    city(
        "320800",
        "淮安市",
        "north",
        3,
        "320812:清江浦区",
        "320804:淮阴区",
        "320803:淮安区",
        "320813:洪泽区",
        "320826:涟水县",
        "320830:盱眙县",
        "320831:金湖县");
    city(
        "320900",
        "盐城市",
        "north",
        3,
        "320902:亭湖区",
        "320903:盐都区",
        "320904:大丰区",
        "320922:滨海县",
        "320923:阜宁县",
        "320924:射阳县",
        "320925:建湖县",
        "320981:东台市");
    city(
        "321000",
        "扬州市",
        "central",
        2,
        "321003:邗江区",
        "321002:广陵区",
        "321012:江都区",
        "321023:宝应县",
        "321081:仪征市",
        "321084:高邮市");
    city(
        "321100",
        "镇江市",
        "south",
        2,
        "321112:丹徒区",
        "321102:京口区",
        "321111:润州区",
        "321181:丹阳市",
        "321182:扬中市",
        "321183:句容市");
    city(
        "321200",
        "泰州市",
        "central",
        2,
        "321202:海陵区",
        "321203:高港区",
        "321204:姜堰区",
        "321281:兴化市",
        "321282:靖江市",
        "321283:泰兴市");
    city(
        "321300",
        "宿迁市",
        "north",
        3,
        "321302:宿城区",
        "321311:宿豫区",
        "321322:沭阳县",
        "321323:泗阳县",
        "321324:泗洪县");
  }

  private Geography() {}

  /**
   * Declares a city. Urban districts (区) get the city's wage tier; counties and county-level cities
   * one tier lower (capped at 3), which is how provinces usually tier minimum wages.
   */
  private static void city(String code, String name, String region, int tier, String... counties) {
    List<County> list = new ArrayList<>();
    for (String c : counties) {
      String[] p = c.split(":");
      int t = p[1].endsWith("区") ? tier : Math.min(3, tier + 1);
      list.add(new County(p[0], p[1], code, t));
    }
    CITIES.add(new City(code, name, region, List.copyOf(list)));
  }

  public static List<City> cities() {
    return List.copyOf(CITIES);
  }

  public static City city(String code) {
    return CITIES.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown city code: " + code));
  }

  public static List<County> counties() {
    return CITIES.stream().flatMap(c -> c.counties().stream()).toList();
  }

  public static County county(String code) {
    return counties().stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown county code: " + code));
  }

  /** Region of a city code (south / central / north). */
  public static String region(String cityCode) {
    return city(cityCode).region();
  }
}
