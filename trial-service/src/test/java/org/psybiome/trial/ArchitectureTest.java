package org.psybiome.trial;

import static org.psybiome.testsupport.architecture.ServiceArchitecture.eventsFreeOfApi;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.eventsOnlyFromServices;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.independentOfOtherServices;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.layering;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.noPackageCycles;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.persistenceStaysInRepositories;
import static org.psybiome.testsupport.architecture.ServiceArchitecture.plainDataPackages;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.architecture.ServiceArchitecture;

/**
 * The architecture every Psybiome service follows (ServiceArchitecture), one test per rule so a
 * failure names the rule it breaks.
 */
class ArchitectureTest {

  private static final String BASE = "org.psybiome.trial";
  private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(BASE);

  @Test
  void restCallsServiceWhichCallsRepository() {
    layering(BASE).check(CLASSES);
  }

  @Test
  void apiModelAndEventsArePlainData() {
    plainDataPackages(BASE).check(CLASSES);
  }

  @Test
  void jdbcAndJpaStayInRepositoriesAndConfig() {
    persistenceStaysInRepositories(BASE).check(CLASSES);
  }

  @Test
  void onlyServicesUseTheEventRecords() {
    eventsOnlyFromServices(BASE).check(CLASSES);
  }

  @Test
  void eventRecordsUseNoApiType() {
    eventsFreeOfApi(BASE).check(CLASSES);
  }

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    noPackageCycles(BASE).check(CLASSES);
  }

  @Test
  void usesNoOtherServicesCode() {
    independentOfOtherServices(BASE).check(CLASSES);
  }

  @Test
  void everySharedRuleHasItsOwnTestHere() {
    // layeredServiceRules is what every service must follow; if a rule is added there, add it here.
    org.assertj.core.api.Assertions.assertThat(ServiceArchitecture.layeredServiceRules(BASE))
        .extracting(r -> r.getDescription())
        .containsExactly(
            layering(BASE).getDescription(),
            plainDataPackages(BASE).getDescription(),
            persistenceStaysInRepositories(BASE).getDescription(),
            eventsOnlyFromServices(BASE).getDescription(),
            eventsFreeOfApi(BASE).getDescription(),
            noPackageCycles(BASE).getDescription(),
            independentOfOtherServices(BASE).getDescription());
  }

  @Test
  void everyWriteOperationHasABodyLimitOfItsOwn() {
    ServiceArchitecture.writesHaveBodyLimits(BASE).check(CLASSES);
  }
}
