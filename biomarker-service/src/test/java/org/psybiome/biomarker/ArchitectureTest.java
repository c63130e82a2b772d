package org.psybiome.biomarker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.architecture.ServiceArchitecture;

/**
 * The rules every Psybiome service follows ({@link ServiceArchitecture}), checked on this service's
 * production classes one test per rule, so that a failure names the rule it breaks; and the rules
 * of this service's event payloads.
 */
class ArchitectureTest {

  private static final String BASE = "org.psybiome.biomarker";
  private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(BASE);

  private static final ArchRule LAYERING = ServiceArchitecture.layering(BASE);
  private static final ArchRule PLAIN_DATA = ServiceArchitecture.plainDataPackages(BASE);
  private static final ArchRule PERSISTENCE =
      ServiceArchitecture.persistenceStaysInRepositories(BASE);
  private static final ArchRule EVENTS_FROM_SERVICES =
      ServiceArchitecture.eventsOnlyFromServices(BASE);
  private static final ArchRule EVENTS_WITHOUT_API = ServiceArchitecture.eventsFreeOfApi(BASE);
  private static final ArchRule NO_CYCLES = ServiceArchitecture.noPackageCycles(BASE);
  private static final ArchRule INDEPENDENT = ServiceArchitecture.independentOfOtherServices(BASE);

  @Test
  void restCallsServiceWhichCallsRepository() {
    LAYERING.check(CLASSES);
  }

  @Test
  void modelIsPlainData() {
    PLAIN_DATA.check(CLASSES);
  }

  @Test
  void jdbcAndJpaStayInRepositoriesAndConfig() {
    PERSISTENCE.check(CLASSES);
  }

  @Test
  void onlyServicesUseTheEventRecords() {
    EVENTS_FROM_SERVICES.check(CLASSES);
  }

  @Test
  void eventRecordsUseNoApiType() {
    EVENTS_WITHOUT_API.check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    NO_CYCLES.check(CLASSES);
  }

  @Test
  void noOtherServiceIsUsed() {
    INDEPENDENT.check(CLASSES);
  }

  @Test
  void everySharedRuleHasATestHere() {
    // a rule added to the shared list must get a test of its own above
    assertEquals(
        descriptions(ServiceArchitecture.layeredServiceRules(BASE)),
        descriptions(
            List.of(
                LAYERING,
                PLAIN_DATA,
                PERSISTENCE,
                EVENTS_FROM_SERVICES,
                EVENTS_WITHOUT_API,
                NO_CYCLES,
                INDEPENDENT)));
  }

  @Test
  void eventPayloadsKnowNoOtherPackageOfTheService() {
    // Stricter than the shared rules: biomarker's event data does not even use the domain types.
    noClasses()
        .that()
        .resideInAPackage(BASE + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            BASE + ".model..",
            BASE + ".rest..",
            BASE + ".service..",
            BASE + ".repository..",
            BASE + ".config..")
        .because("what consumers receive must not change when the API or the storage does")
        .check(CLASSES);
  }

  private static Set<String> descriptions(List<ArchRule> rules) {
    return rules.stream().map(ArchRule::getDescription).collect(Collectors.toSet());
  }

  @Test
  void everyWriteOperationHasABodyLimitOfItsOwn() {
    ServiceArchitecture.writesHaveBodyLimits(BASE).check(CLASSES);
  }
}
