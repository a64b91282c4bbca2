package zoneassess.reports;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package of the module depends on itself through others: each package (the module's root
 * package included) is one slice, and the slices form no cycle.
 */
class PackageCyclesTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("zoneassess.reports");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("zoneassess.(**)").should().beFreeOfCycles().check(classes);
  }
}
