package org.psybiome.testsupport.architecture;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The architecture every Psybiome module follows, as ArchUnit rules over a module's base package
 * (for example {@code org.psybiome.trial}). Each service's {@code ArchitectureTest} checks the
 * rules that apply to it; the fixtures in this module's tests prove that each rule fails on a
 * violation.
 *
 * <p>Layers: {@code rest} (JAX-RS resources) calls {@code service} (the rules), which calls {@code
 * repository} (the SQL and the entities). {@code api} holds the request and response types, {@code
 * model} the domain vocabulary, {@code events} the data of published events; all three are plain
 * data that use no layer.
 */
public final class ServiceArchitecture {

  /** Every Psybiome deployable; a module may depend on none of the others. */
  private static final List<String> SERVICES =
      List.of("org.psybiome.trial", "org.psybiome.biomarker", "org.psybiome.gateway");

  /**
   * Frameworks the plain data packages must not know: HTTP, JDBC, JPA/Hibernate/Panache, Vert.x.
   */
  private static final String[] FRAMEWORKS = {
    "jakarta.ws.rs..",
    "org.jboss.resteasy..",
    "io.vertx..",
    "java.sql..",
    "javax.sql..",
    "jakarta.persistence..",
    "org.hibernate..",
    "io.quarkus.hibernate..",
    "io.quarkus.panache..",
    "io.agroal.."
  };

  private ServiceArchitecture() {}

  /** The production classes of a module (tests excluded). */
  public static JavaClasses productionClasses(String basePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(basePackage);
  }

  /**
   * rest → service → repository, and nothing backwards: only resources use services' callers'
   * layer, only services use repositories, nobody uses resources.
   */
  public static ArchRule layering(String basePackage) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("rest")
        .definedBy(basePackage + ".rest..")
        .layer("service")
        .definedBy(basePackage + ".service..")
        .layer("repository")
        .definedBy(basePackage + ".repository..")
        .whereLayer("rest")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("service")
        .mayOnlyBeAccessedByLayers("rest")
        .whereLayer("repository")
        .mayOnlyBeAccessedByLayers("service")
        .because("resources stay thin, rules live in services, SQL lives in repositories");
  }

  /** The request/response types, the domain vocabulary and the event data are plain data. */
  public static ArchRule plainDataPackages(String basePackage) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            basePackage + ".api..", basePackage + ".model..", basePackage + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            Stream.concat(
                    Stream.of(FRAMEWORKS),
                    Stream.of(
                        basePackage + ".rest..",
                        basePackage + ".service..",
                        basePackage + ".repository.."))
                .toArray(String[]::new))
        .allowEmptyShould(true)
        .because("api, model and events are contracts and vocabulary, not code that knows a layer");
  }

  /**
   * Event data is a contract of its own: only services build and publish it, so neither the
   * resources, the API types, the repositories nor the domain use the event records.
   */
  public static ArchRule eventsOnlyFromServices(String basePackage) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            basePackage + ".rest..",
            basePackage + ".api..",
            basePackage + ".repository..",
            basePackage + ".model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".events..")
        .allowEmptyShould(true)
        .because("event payloads are neither API responses nor stored rows");
  }

  /** The event records use no API type: an API change must not change what consumers receive. */
  public static ArchRule eventsFreeOfApi(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".api..")
        .allowEmptyShould(true)
        .because("an API change must not change what consumers of events receive");
  }

  /** Entities and JDBC stay in the repository layer. */
  public static ArchRule persistenceStaysInRepositories(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..")
        .and()
        .resideOutsideOfPackages(basePackage + ".repository..", basePackage + ".config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.sql..",
            "javax.sql..",
            "jakarta.persistence..",
            "io.quarkus.hibernate..",
            "io.quarkus.panache..",
            "io.agroal..")
        .allowEmptyShould(true)
        .because("SQL and entities belong to repositories; services get plain values");
  }

  /** No two packages of the module import each other, directly or through others. */
  public static ArchRule noPackageCycles(String basePackage) {
    return slices()
        .matching(basePackage + ".(**)")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true);
  }

  /** A deployable never depends on another one's code: they talk over HTTP and Kafka only. */
  public static ArchRule independentOfOtherServices(String basePackage) {
    return independentOf(
        basePackage, SERVICES.stream().filter(s -> !s.equals(basePackage)).toList());
  }

  /** No class under {@code basePackage} depends on a class under any of {@code otherPackages}. */
  public static ArchRule independentOf(String basePackage, List<String> otherPackages) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(otherPackages.stream().map(p -> p + "..").toArray(String[]::new))
        .allowEmptyShould(true)
        .because("services share only the platform modules, never each other's code");
  }

  /**
   * Every write operation (POST, PUT, PATCH) names its own body limit ({@code
   * org.psybiome.common.web.BodyLimit}), so that none is left with the HTTP layer's limit only.
   */
  public static ArchRule writesHaveBodyLimits(String basePackage) {
    return methods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(basePackage + "..")
        .and(
            annotatedWith("jakarta.ws.rs.POST")
                .or(annotatedWith("jakarta.ws.rs.PUT"))
                .or(annotatedWith("jakarta.ws.rs.PATCH")))
        .should()
        .beAnnotatedWith("org.psybiome.common.web.BodyLimit")
        .because("each write is sized for what it carries (413 beyond, before it is read)");
  }

  /** The rules every service with rest, service and repository layers follows. */
  public static List<ArchRule> layeredServiceRules(String basePackage) {
    return List.of(
        layering(basePackage),
        plainDataPackages(basePackage),
        persistenceStaysInRepositories(basePackage),
        eventsOnlyFromServices(basePackage),
        eventsFreeOfApi(basePackage),
        noPackageCycles(basePackage),
        independentOfOtherServices(basePackage));
  }
}
