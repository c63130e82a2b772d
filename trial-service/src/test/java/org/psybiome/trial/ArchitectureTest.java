package org.psybiome.trial;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of the service, checked: thin resources, rules in services, entities inside. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.psybiome.trial");

  @Test
  void resourcesDoNotTouchRepositoriesOrEntities() {
    noClasses()
        .that()
        .resideInAPackage("..trial.rest..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..trial.repository..")
        .check(CLASSES);
  }

  @Test
  void theApiAndModelDoNotKnowTheLayersThatUseThem() {
    noClasses()
        .that()
        .resideInAnyPackage("..trial.api..", "..trial.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..trial.rest..", "..trial.service..", "..trial.repository..")
        .check(CLASSES);
  }

  @Test
  void repositoriesDoNotCallServices() {
    noClasses()
        .that()
        .resideInAPackage("..trial.repository..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..trial.service..", "..trial.rest..")
        .check(CLASSES);
  }
}
