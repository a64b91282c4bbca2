package zoneassess.jobs.allocation;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;

/** The Spark schema of a declared contract (all columns nullable, as Parquet reads them back). */
final class MartSchema {
  private MartSchema() {}

  static StructType of(DatasetContract contract) {
    StructType st = new StructType();
    for (ColumnSpec c : contract.columns()) {
      DataType t =
          switch (c.type()) {
            case STRING -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
          };
      st = st.add(c.name(), t, true);
    }
    return st;
  }
}
