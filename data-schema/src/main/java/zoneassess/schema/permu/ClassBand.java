package zoneassess.schema.permu;

/**
 * One class (A, B, C, D …) as the upper end of a rank share band: the class holds the firms ranked
 * after the previous band's end and up to {@code toBasisPoints / 10000 × n}.
 *
 * @param label class label
 * @param toBasisPoints upper end of the band as a share of the group in basis points (2000 = 20 %)
 * @param inclusive true when a firm exactly at the bound belongs to this class ("20 %（含）"); false
 *     when it belongs to the next ("20 %（不含）")
 */
public record ClassBand(String label, int toBasisPoints, boolean inclusive) {}
