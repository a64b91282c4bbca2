package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.marts.RunData;

/** Key messages of the fixture run, derived by hand from RunFixtures' scores. */
class KeyMessagesTest {
  @TempDir static Path dir;
  static RunData data;

  @BeforeAll
  static void load() {
    data = RunData.load(RunFixtures.province(dir).toString());
  }

  @Test
  void provinceMessagesNameLeaderMoversWarningsPerMuAndCosts() {
    List<String> m = KeyMessages.province(data, "2025");
    assertTrue(m.size() >= 5 && m.size() <= 8, m.toString());
    // 8 ranked (涟水 vetoed); 南京经开 first with 92.50
    assertTrue(m.get(0).startsWith("本期（2025）全省共 8 个开发区参评排名，综合得分第一为南京经济技术开发区（92.50分）"), m.get(0));
    // Δ 2025: 淮安经开 +2 (5→3); then +1: 南京经开 (rank 1), 宿迁经开 (5), 淮安工业园 (7)
    assertEquals(
        "全省进位最多：淮安经济技术开发区（▲2，升至第3位）、南京经济技术开发区（▲1，升至第1位）、" + "宿迁经济技术开发区（▲1，升至第5位）。", m.get(1));
    // down: 淮安高新 −2 (4→6), then −1: 江宁 (2), 化工园 (4)
    assertEquals(
        "全省退位最多：淮安高新技术产业开发区（▼2，降至第6位）、江宁经济技术开发区（▼1，降至第2位）、" + "南京化学工业园区（▼1，降至第4位）。", m.get(2));
    // red zones in rank order, unranked last: 沭阳 (8th), then 涟水 (vetoed)
    assertTrue(m.contains("预警：红色标记 2 个（沭阳经济开发区、涟水经济开发区），黄色标记 1 个；一票否决 1 个：涟水经济开发区。"), m.toString());
    assertTrue(m.contains("连续两年无重大项目落地的开发区 1 个：淮安高新技术产业开发区。"), m.toString());
    // per-mu: evaluated 60 + 80 + 40 = 180, D 6 + 4 + 6 = 16 → 8.9 %; best tax per mu 南京 40
    assertTrue(
        m.stream()
            .anyMatch(s -> s.startsWith("亩均效益（2025年）：全省参评企业 180 家，D类 16 家（占 8.9%），亩均税收最高的城市为南京")),
        m.toString());
  }

  @Test
  void cityMessagesCompareWithTheProvincialMedian() {
    var zones = data.results("2025").stream().filter(z -> z.city().equals("淮安")).toList();
    List<String> m = KeyMessages.city(data, "2025", "淮安", zones);
    assertTrue(
        m.get(0).startsWith("本期（2025）淮安共 4 个开发区参评（国家级 2 个、省级 2 个），排名最前的是淮安经济技术开发区（全省第3位/8）"),
        m.get(0));
    // ranked 淮安 zones: 86, 79.5, 75 → mean 80.17; median of the eight ranked 2025 scores
    // (69, 75, 79.5, 81, 84, 86, 88, 92.5) is (81 + 84) / 2 = 82.5
    assertEquals("全市开发区平均综合得分 80.17 分，低于全省中位数（82.50 分）。", m.get(1));
  }
}
