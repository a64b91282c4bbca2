package zoneassess.schema;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** data-schema declares datasets and methods; it knows nothing of Spark, POI or charts. */
class ModuleWallsTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("zoneassess.schema");

  @Test
  void importsNeitherSparkNorPoi() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.spark..",
            "org.apache.poi..",
            "org.jfree..",
            "zoneassess.jobs..",
            "zoneassess.reports..")
        .check(classes);
  }
}
