package org.psybiome.biomarker;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.architecture.ServiceArchitecture;

/**
 * The rules every Psybiome service follows (see {@link ServiceArchitecture}), checked on this
 * service's production classes: one test per rule, so a failure names the rule it breaks.
 */
class ArchitectureTest {

  private static final String BASE = "org.psybiome.biomarker";
  private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(BASE);

  @Test
  void restCallsServiceWhichCallsRepository() {
    ServiceArchitecture.layering(BASE).check(CLASSES);
  }

  @Test
  void modelIsPlainData() {
    ServiceArchitecture.plainDataPackages(BASE).check(CLASSES);
  }

  @Test
  void jdbcAndJpaStayInRepositoriesAndConfig() {
    ServiceArchitecture.persistenceStaysInRepositories(BASE).check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    ServiceArchitecture.noPackageCycles(BASE).check(CLASSES);
  }

  @Test
  void noOtherServiceIsUsed() {
    ServiceArchitecture.independentOfOtherServices(BASE).check(CLASSES);
  }

  @Test
  void everySharedRuleIsCheckedHere() {
    // a rule added to the shared list must get a test of its own above
    org.junit.jupiter.api.Assertions.assertEquals(
        5, ServiceArchitecture.layeredServiceRules(BASE).size());
  }
}
