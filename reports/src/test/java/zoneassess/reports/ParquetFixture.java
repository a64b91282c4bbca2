package zoneassess.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Writes mart fixtures as Parquet without Spark (example Group API), with the column names of
 * docs/marts.md. A schema is "name:type" pairs; types: string, int, long, double, boolean.
 */
public final class ParquetFixture implements AutoCloseable {
  private final MessageType schema;
  private final ParquetWriter<Group> writer;
  private final SimpleGroupFactory groups;

  public ParquetFixture(Path file, String... columns) {
    StringBuilder sb = new StringBuilder("message m {");
    for (String c : columns) {
      String[] p = c.split(":");
      String type =
          switch (p[1]) {
            case "string" -> "binary " + p[0] + " (STRING)";
            case "int" -> "int32 " + p[0];
            case "long" -> "int64 " + p[0];
            case "double" -> "double " + p[0];
            case "boolean" -> "boolean " + p[0];
            default -> throw new IllegalArgumentException(c);
          };
      sb.append(" optional ").append(type).append(";");
    }
    schema = MessageTypeParser.parseMessageType(sb.append(" }").toString());
    groups = new SimpleGroupFactory(schema);
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
      writer =
          ExampleParquetWriter.builder(new LocalOutputFile(file))
              .withType(schema)
              .withConf(new Configuration())
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One row; values in column order, null for a null value. */
  public ParquetFixture row(Object... values) {
    List<Type> fields = schema.getFields();
    if (values.length != fields.size()) {
      throw new IllegalArgumentException(values.length + " values for " + fields.size());
    }
    Group g = groups.newGroup();
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      String name = fields.get(i).getName();
      PrimitiveType.PrimitiveTypeName t = fields.get(i).asPrimitiveType().getPrimitiveTypeName();
      switch (t) {
        case BINARY -> g.add(name, v.toString());
        case INT32 -> g.add(name, ((Number) v).intValue());
        case INT64 -> g.add(name, ((Number) v).longValue());
        case DOUBLE -> g.add(name, ((Number) v).doubleValue());
        case BOOLEAN -> g.add(name, (Boolean) v);
        default -> throw new IllegalStateException(t.toString());
      }
    }
    try {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
