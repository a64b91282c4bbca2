package zoneassess.reports.marts;

import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * One mart row as read from Parquet, plus the partition values from its folder names ({@code
 * year=2025/}). Getters convert between the numeric widths an engine may choose (INT32 / INT64 /
 * DOUBLE / partition text), return {@code null} for a null value, and fail with the mart, file and
 * column when a column the pack needs does not exist.
 */
public final class MartRow {
  private final String mart;
  private final String file;
  private final Group group;
  private final Map<String, String> partitions;

  MartRow(String mart, String file, Group group, Map<String, String> partitions) {
    this.mart = mart;
    this.file = file;
    this.group = group;
    this.partitions = partitions;
  }

  public boolean has(String column) {
    return group.getType().containsField(column) || partitions.containsKey(column);
  }

  public String str(String column) {
    if (!group.getType().containsField(column)) {
      return partition(column);
    }
    if (isNull(column)) {
      return null;
    }
    PrimitiveType t = primitive(column);
    return switch (t.getPrimitiveTypeName()) {
      case BINARY, FIXED_LEN_BYTE_ARRAY -> group.getString(column, 0);
      case INT32 -> Integer.toString(group.getInteger(column, 0));
      case INT64 -> Long.toString(group.getLong(column, 0));
      case DOUBLE -> Double.toString(group.getDouble(column, 0));
      case BOOLEAN -> Boolean.toString(group.getBoolean(column, 0));
      default -> group.getValueToString(group.getType().getFieldIndex(column), 0);
    };
  }

  /** A column an engine may add later; null when absent. */
  public String optStr(String column) {
    return has(column) ? str(column) : null;
  }

  public Double dbl(String column) {
    if (!group.getType().containsField(column)) {
      String p = partition(column);
      return p == null ? null : Double.valueOf(p);
    }
    if (isNull(column)) {
      return null;
    }
    return switch (primitive(column).getPrimitiveTypeName()) {
      case DOUBLE -> group.getDouble(column, 0);
      case FLOAT -> (double) group.getFloat(column, 0);
      case INT32 -> (double) group.getInteger(column, 0);
      case INT64 -> (double) group.getLong(column, 0);
      case BINARY -> parseDouble(column, group.getString(column, 0));
      default -> throw wrongType(column, "a number");
    };
  }

  public Double optDbl(String column) {
    return has(column) ? dbl(column) : null;
  }

  public Long lng(String column) {
    if (!group.getType().containsField(column)) {
      String p = partition(column);
      return p == null ? null : Long.valueOf(p);
    }
    if (isNull(column)) {
      return null;
    }
    return switch (primitive(column).getPrimitiveTypeName()) {
      case INT32 -> (long) group.getInteger(column, 0);
      case INT64 -> group.getLong(column, 0);
      case DOUBLE -> Math.round(group.getDouble(column, 0));
      case BINARY -> Math.round(parseDouble(column, group.getString(column, 0)));
      default -> throw wrongType(column, "an integer");
    };
  }

  public Long optLng(String column) {
    return has(column) ? lng(column) : null;
  }

  public Integer integer(String column) {
    Long v = lng(column);
    return v == null ? null : Math.toIntExact(v);
  }

  public Integer optInteger(String column) {
    return has(column) ? integer(column) : null;
  }

  public Boolean bool(String column) {
    if (!group.getType().containsField(column)) {
      String p = partition(column);
      return p == null ? null : Boolean.valueOf(p);
    }
    if (isNull(column)) {
      return null;
    }
    return switch (primitive(column).getPrimitiveTypeName()) {
      case BOOLEAN -> group.getBoolean(column, 0);
      case INT32 -> group.getInteger(column, 0) != 0;
      case BINARY -> Boolean.valueOf(group.getString(column, 0));
      default -> throw wrongType(column, "a boolean");
    };
  }

  public Boolean optBool(String column) {
    return has(column) ? bool(column) : null;
  }

  private boolean isNull(String column) {
    return group.getFieldRepetitionCount(column) == 0;
  }

  private String partition(String column) {
    if (!partitions.containsKey(column)) {
      throw new MartFormatException(
          "mart "
              + mart
              + " ("
              + file
              + ") has no column '"
              + column
              + "'; columns: "
              + columnNames());
    }
    String v = partitions.get(column);
    return v == null || v.equals("__HIVE_DEFAULT_PARTITION__") ? null : v;
  }

  private PrimitiveType primitive(String column) {
    Type t = group.getType().getType(column);
    if (!t.isPrimitive()) {
      throw wrongType(column, "a primitive value");
    }
    return t.asPrimitiveType();
  }

  private double parseDouble(String column, String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new MartFormatException(
          "mart "
              + mart
              + " ("
              + file
              + ") column '"
              + column
              + "': '"
              + text
              + "' is not a number");
    }
  }

  private MartFormatException wrongType(String column, String expected) {
    return new MartFormatException(
        "mart "
            + mart
            + " ("
            + file
            + ") column '"
            + column
            + "' is "
            + group.getType().getType(column)
            + ", expected "
            + expected);
  }

  private String columnNames() {
    GroupType t = group.getType();
    StringBuilder sb = new StringBuilder();
    for (Type f : t.getFields()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(f.getName());
    }
    for (String p : partitions.keySet()) {
      sb.append(", ").append(p);
    }
    return sb.toString();
  }
}
