package zoneassess.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Transforms stay pure and paths stay URIs: the job packages outside the I/O edges, the CLI and the
 * sample generator do not use java.io.File, so the same jobs run on HDFS or S3.
 */
class ModuleWallsTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("zoneassess.jobs");

  @Test
  void transformsDoNotUseLocalFiles() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "zoneassess.jobs.io..",
            "zoneassess.jobs.cli..",
            "zoneassess.jobs.sample..",
            "zoneassess.jobs.pipeline..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .check(classes);
  }
}
