package org.psybiome.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.Test;
import org.psybiome.testsupport.architecture.ServiceArchitecture;

/**
 * The gateway's package architecture. Entry points ({@code rest}, {@code routing}, {@code feed})
 * use the edge and overview logic ({@code edge}, {@code overview}), which use {@code client} (the
 * gateway's calls to the services and their circuit breakers); {@code config} and {@code model}
 * (plain types such as {@code Upstream}) are used by all and use no other package.
 */
class ArchitectureTest {

  private static final String BASE = "org.psybiome.gateway";
  private static final JavaClasses CLASSES = ServiceArchitecture.productionClasses(BASE);

  /** The layering above, over the packages under {@code base}. */
  static ArchRule layering(String base) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("rest")
        .definedBy(base + ".rest..")
        .layer("routing")
        .definedBy(base + ".routing..")
        .layer("feed")
        .definedBy(base + ".feed..")
        .layer("overview")
        .definedBy(base + ".overview..")
        .layer("edge")
        .definedBy(base + ".edge..")
        .layer("client")
        .definedBy(base + ".client..")
        .layer("config")
        .definedBy(base + ".config..")
        .layer("model")
        .definedBy(base + ".model..")
        .whereLayer("rest")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("routing")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("feed")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("overview")
        .mayOnlyBeAccessedByLayers("rest")
        .whereLayer("edge")
        .mayOnlyBeAccessedByLayers("rest", "routing", "feed", "overview")
        .whereLayer("client")
        .mayOnlyBeAccessedByLayers("rest", "routing", "feed", "overview", "edge")
        .whereLayer("config")
        .mayOnlyAccessLayers("model")
        .whereLayer("model")
        .mayNotAccessAnyLayer()
        .because(
            "entry points use the logic, the logic uses the clients, and configuration and plain"
                + " types know none of them");
  }

  /** Only {@code client} declares REST clients: the one place that knows the services' paths. */
  static ArchRule restClientsInClient(String base) {
    return classes()
        .that()
        .areAnnotatedWith(RegisterRestClient.class)
        .should()
        .resideInAPackage(base + ".client..")
        .allowEmptyShould(true);
  }

  @Test
  void noPackageCycles() {
    ServiceArchitecture.noPackageCycles(BASE).check(CLASSES);
  }

  @Test
  void theGatewayUsesNoServiceCode() {
    ServiceArchitecture.independentOfOtherServices(BASE).check(CLASSES);
  }

  @Test
  void modelIsPlainData() {
    ServiceArchitecture.plainDataPackages(BASE).check(CLASSES);
  }

  @Test
  void entryPointsUseLogicWhichUsesClients() {
    layering(BASE).check(CLASSES);
  }

  @Test
  void restClientsAreDeclaredInClient() {
    restClientsInClient(BASE).check(CLASSES);
  }

  @Test
  void theLayeringFailsOnDependenciesAgainstIt() {
    String fixture = "org.psybiome.gateway.architecture.fixtures.backwards";
    assertThatThrownBy(
            () ->
                layering(fixture)
                    .check(
                        new ClassFileImporter()
                            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                            .importPackages(fixture)))
        .isInstanceOf(AssertionError.class)
        // config knows edge logic, a client calls up into the overview, logic uses an entry point
        .hasMessageContaining("backwards.config.Settings")
        .hasMessageContaining("backwards.client.Caller")
        .hasMessageContaining("backwards.overview.Assembler");
  }
}
