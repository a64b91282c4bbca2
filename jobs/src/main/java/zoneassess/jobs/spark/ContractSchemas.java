package zoneassess.jobs.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;

/** The Spark types of declared columns: the one mapping from contract types to Spark's. */
public final class ContractSchemas {
  private ContractSchemas() {}

  public static DataType sparkType(ColumnType t) {
    return switch (t) {
      case STRING -> DataTypes.StringType;
      case INTEGER -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
    };
  }

  public static DataType sparkType(ColumnSpec c) {
    return sparkType(c.type());
  }

  /** The schema of a contract, every column nullable (as Parquet reads it back). */
  public static StructType of(DatasetContract contract) {
    StructType st = new StructType();
    for (ColumnSpec c : contract.columns()) {
      st = st.add(c.name(), sparkType(c), true);
    }
    return st;
  }
}
