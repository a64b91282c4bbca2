package zoneassess.reports.research;

/** How to read the pack's measures; shown on the cover and next to the tables. */
final class Reading {
  private Reading() {}

  static final String SPEARMAN =
      "Spearman ρ：两种方法下名次的相关系数（按名次计算的皮尔逊相关）。1 = 排序完全相同，0 = 无关，"
          + "−1 = 完全颠倒；0.9 以上通常表示两种方法只在个别开发区上有分歧。";
  static final String KENDALL =
      "Kendall τb：任取两个开发区，两种方法给出相同先后顺序的比例减去相反顺序的比例（对并列名次作 b 型校正）。"
          + "τb = 0.8 表示约 90% 的开发区两两比较顺序一致；τb 通常小于 ρ，更直接反映“谁在谁前面”的分歧。";
  static final String SHIFT =
      "排名变化 = 方法A排名 − 方法B排名：正数（▲ 绿色）表示该开发区在方法B下名次上升，负数（▼ 红色）表示下降。" + "名次为竞争排名（1 = 最好，并列同名次）。";
  static final String INTERVALS =
      "排名区间：在权重随机扰动下重复计算排名（蒙特卡洛），每个开发区得到一组模拟名次。"
          + "中位排名为其中位数，P05–P95 为 5% 至 95% 分位区间：90% 的模拟名次落在区间内。"
          + "区间越窄，名次越不依赖权重的具体取值；两个开发区的区间大幅重叠时，它们的先后不宜作为定论。";
  static final String LEAVE_ONE_OUT =
      "剔除指标：每次去掉一项指标、其余不变重新计算排名。变化 = 剔除后排名 − 原排名："
          + "正数（红色）表示去掉该指标后名次下降（该指标在帮它），负数（绿色）表示名次上升。"
          + "平均|变化|越大，该指标对整体排序的影响越大。";
}
