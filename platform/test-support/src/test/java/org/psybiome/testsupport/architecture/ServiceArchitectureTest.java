package org.psybiome.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule passes on a module built the right way ({@code fixtures.good}) and fails, naming the
 * offending class, on a fixture that breaks exactly that rule.
 */
class ServiceArchitectureTest {

  private static final String FIXTURES = "org.psybiome.testsupport.architecture.fixtures";

  private static JavaClasses fixture(String name) {
    return new ClassFileImporter().importPackages(FIXTURES + "." + name);
  }

  @Test
  void aWellLayeredModulePassesEveryRule() {
    String base = FIXTURES + ".good";
    JavaClasses classes = fixture("good");
    for (ArchRule rule : ServiceArchitecture.layeredServiceRules(base)) {
      assertThatCode(() -> rule.check(classes))
          .as(rule.getDescription())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void aResourceReadingARepositoryBreaksTheLayering() {
    ArchRule rule = ServiceArchitecture.layering(FIXTURES + ".layers");
    assertThatThrownBy(() -> rule.check(fixture("layers")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RowResource");
  }

  @Test
  void aModelUsingAServiceOrAnApiTypeUsingJdbcIsNotPlainData() {
    ArchRule rule = ServiceArchitecture.plainDataPackages(FIXTURES + ".plaindata");
    assertThatThrownBy(() -> rule.check(fixture("plaindata")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("KnowsRules")
        .hasMessageContaining("SqlView");
  }

  @Test
  void jdbcInAServiceBreaksPersistenceInRepositories() {
    ArchRule rule = ServiceArchitecture.persistenceStaysInRepositories(FIXTURES + ".persistence");
    assertThatThrownBy(() -> rule.check(fixture("persistence")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SqlInService");
  }

  @Test
  void aResourceAnsweringWithAnEventRecordBreaksEventsOnlyFromServices() {
    ArchRule rule = ServiceArchitecture.eventsOnlyFromServices(FIXTURES + ".events");
    assertThatThrownBy(() -> rule.check(fixture("events")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemResource");
  }

  @Test
  void anEventRecordReusingAnApiTypeBreaksEventsFreeOfApi() {
    ArchRule rule = ServiceArchitecture.eventsFreeOfApi(FIXTURES + ".events");
    assertThatThrownBy(() -> rule.check(fixture("events")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemAdded");
  }

  @Test
  void twoPackagesUsingEachOtherAreACycle() {
    ArchRule rule = ServiceArchitecture.noPackageCycles(FIXTURES + ".cycles");
    assertThatThrownBy(() -> rule.check(fixture("cycles")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("First")
        .hasMessageContaining("Second");
  }

  @Test
  void usingAnotherDeployablesCodeBreaksIndependence() {
    ArchRule rule =
        ServiceArchitecture.independentOf(
            FIXTURES + ".independence.one", List.of(FIXTURES + ".independence.two"));
    assertThatThrownBy(() -> rule.check(fixture("independence")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UsesOther");
  }

  @Test
  void eachServiceIsCheckedAgainstTheOtherTwo() {
    // The list behind independentOfOtherServices: trial must not use biomarker or gateway code.
    ArchRule rule = ServiceArchitecture.independentOfOtherServices("org.psybiome.trial");
    assertThatCode(() -> rule.check(fixture("good"))).doesNotThrowAnyException();
    assertThat(rule.getDescription())
        .contains("any package ['org.psybiome.biomarker..', 'org.psybiome.gateway..']");
  }
}
