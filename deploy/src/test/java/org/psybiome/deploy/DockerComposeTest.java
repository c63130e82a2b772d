package org.psybiome.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.deploy.ProjectFiles.MODULES;
import static org.psybiome.deploy.ProjectFiles.READINESS_PATH;
import static org.psybiome.deploy.ProjectFiles.envName;
import static org.psybiome.deploy.ProjectFiles.httpPort;
import static org.psybiome.deploy.ProjectFiles.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** docker-compose.yml, the services' Dockerfiles and the postgres init script. */
class DockerComposeTest {

  private static final List<String> SERVICES = MODULES;

  private static JsonNode compose;

  @BeforeAll
  static void parse() {
    compose = ProjectFiles.yamlDocument(path("docker-compose.yml"));
  }

  private static JsonNode service(String name) {
    JsonNode service = compose.path("services").path(name);
    assertThat(service.isObject()).as("compose service %s", name).isTrue();
    return service;
  }

  /** A compose environment, written either as a map or as a list of NAME=value. */
  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode environment = service.path("environment");
    if (environment.isObject()) {
      environment.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
    } else if (environment.isArray()) {
      for (JsonNode entry : environment) {
        String[] pair = entry.asText().split("=", 2);
        env.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
    }
    return env;
  }

  private static List<String> textList(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else if (!node.isMissingNode() && !node.isNull()) {
      values.add(node.asText());
    }
    return values;
  }

  /** The volume mounts of a service as target → source, short or long syntax. */
  private static Map<String, String> mounts(JsonNode service) {
    Map<String, String> mounts = new LinkedHashMap<>();
    for (JsonNode volume : service.path("volumes")) {
      if (volume.isTextual()) {
        String[] parts = volume.asText().split(":");
        mounts.put(parts[1], parts[0]);
      } else {
        mounts.put(volume.path("target").asText(), volume.path("source").asText());
      }
    }
    return mounts;
  }

  @Test
  void everyServiceIsThere() {
    assertThat(compose.path("services").isObject()).isTrue();
    List<String> names = new ArrayList<>();
    compose.path("services").properties().forEach(s -> names.add(s.getKey()));
    assertThat(names).contains("postgres", "kafka").containsAll(SERVICES);
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void serviceIsBuiltFromItsDockerfileWithTheContractImageName(String module) {
    JsonNode service = service(module);
    assertThat(service.path("image").asText()).isEqualTo(ProjectFiles.expectedImage(module));
    Path context = ProjectFiles.ROOT.resolve(service.path("build").path("context").asText());
    assertThat(context.normalize()).isEqualTo(path(module));
    Path dockerfile = context.resolve(service.path("build").path("dockerfile").asText());
    assertThat(dockerfile.normalize()).isEqualTo(ProjectFiles.dockerfile(module)).isRegularFile();
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void healthcheckAsksForReadinessOnTheServicePort(String module) {
    List<String> test = textList(service(module).path("healthcheck").path("test"));
    assertThat(String.join(" ", test))
        .contains("http://localhost:" + httpPort(module) + READINESS_PATH);
    // The temurin image (Ubuntu) ships curl; a CMD test must name an existing binary first.
    assertThat(test).first().isIn("CMD", "CMD-SHELL");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void environmentMapsToPropertiesOfTheService(String module) {
    Map<String, String> env = environment(service(module));
    assertThat(env.keySet())
        .as("variables set for %s that no property of its application.properties reads", module)
        .isSubsetOf(ProjectFiles.knownEnvNames(module));
    assertThat(env.keySet())
        .as("variables %s needs from its deployment", module)
        .containsAll(ProjectFiles.requiredEnvNames(module));
    assertThat(env.values()).as("values of %s", module).allSatisfy(v -> assertThat(v).isNotBlank());
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void servicesReachKafkaThroughItsAdvertisedListener(String module) {
    String bootstrap = environment(service(module)).get(envName("kafka.bootstrap.servers"));
    String advertised = environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
    assertThat(advertised).isNotNull();
    assertThat(advertised).contains("://" + bootstrap);
    assertThat(bootstrap).startsWith("kafka:");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void jwtPublicKeyIsMountedReadOnlyWhereTheServiceLooksForIt(String module) {
    JsonNode service = service(module);
    String location = environment(service).get(envName("mp.jwt.verify.publickey.location"));
    assertThat(mounts(service)).containsEntry(location, "./.psybiome/keys/jwt-public.pem");
    for (JsonNode volume : service.path("volumes")) {
      boolean keyMount =
          volume.isTextual()
              ? volume.asText().contains(location)
              : location.equals(volume.path("target").asText());
      if (keyMount) {
        boolean readOnly =
            volume.isTextual()
                ? volume.asText().endsWith(":ro")
                : volume.path("read_only").asBoolean(false);
        assertThat(readOnly).as("%s mounts %s read-only", module, location).isTrue();
      }
    }
  }

  @Test
  void databaseSettingsFitTheDatabaseScript() {
    ProjectFiles.DatabaseScript script = ProjectFiles.DatabaseScript.read();
    Map<String, String> postgres = environment(service("postgres"));
    List<String> withDatabase = MODULES.stream().filter(ProjectFiles::hasDatabase).toList();
    assertThat(withDatabase).isNotEmpty();
    for (String module : withDatabase) {
      Map<String, String> env = environment(service(module));
      String url = env.get(envName("quarkus.datasource.jdbc.url"));
      script.assertFits(
          "compose " + module,
          url,
          env.get(envName("quarkus.datasource.username")),
          env.get(envName("quarkus.flyway.username")));
      assertThat(url).startsWith("jdbc:postgresql://postgres:5432/");
      // The passwords the roles were created with (init.sh) are the ones the service uses.
      assertThat(env.get(envName("quarkus.datasource.password")))
          .isEqualTo(postgres.get("PSYBIOME_DB_APP_PASSWORD"));
      assertThat(env.get(envName("quarkus.flyway.password")))
          .isEqualTo(postgres.get("PSYBIOME_DB_OWNER_PASSWORD"));
      assertThat(service(module).path("depends_on").path("postgres").path("condition").asText())
          .isEqualTo("service_healthy");
    }
  }

  @Test
  void postgresRunsTheDatabaseScriptThroughTheInitScript() {
    JsonNode postgres = service("postgres");
    assertThat(postgres.path("image").asText()).isEqualTo("postgres:16");
    Map<String, String> mounts = mounts(postgres);
    String initScript =
        mounts.entrySet().stream()
            .filter(m -> m.getKey().startsWith("/docker-entrypoint-initdb.d/"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no script in /docker-entrypoint-initdb.d"));
    assertThat(initScript).isEqualTo("./deploy/postgres/init.sh");

    String init = ProjectFiles.read(path("deploy", "postgres", "init.sh"));
    Matcher file = Pattern.compile("-f\\s+(\\S+)").matcher(init);
    assertThat(file.find()).as("init.sh runs a file with psql -f").isTrue();
    assertThat(mounts).containsEntry(file.group(1), "./deploy/postgres/create-databases.sql");
    assertThat(init).contains("ON_ERROR_STOP=1", "owner_password=", "app_password=");
    // Every variable init.sh reads is given to the container.
    Matcher variable = Pattern.compile("\\$\\{(PSYBIOME_\\w+)").matcher(init);
    Map<String, String> env = environment(postgres);
    int count = 0;
    while (variable.find()) {
      assertThat(env).containsKey(variable.group(1));
      count++;
    }
    assertThat(count).as("password variables read by init.sh").isGreaterThanOrEqualTo(2);
    assertThat(String.join(" ", textList(postgres.path("healthcheck").path("test"))))
        .contains("pg_isready");
    assertThat(mounts).containsKey("/var/lib/postgresql/data");
    assertThat(compose.path("volumes").has(mounts.get("/var/lib/postgresql/data"))).isTrue();
  }

  @Test
  void kafkaIsASingleKraftNodeOfTheBrokerVersionTheBuildUses() {
    JsonNode kafka = service("kafka");
    assertThat(kafka.path("image").asText())
        .isEqualTo("apache/kafka:" + ProjectFiles.rootPomProperty("kafka.broker.version"));
    Map<String, String> env = environment(kafka);
    assertThat(env)
        .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
        .containsKeys(
            "KAFKA_NODE_ID",
            "KAFKA_CONTROLLER_QUORUM_VOTERS",
            "KAFKA_LISTENERS",
            "KAFKA_CONTROLLER_LISTENER_NAMES",
            "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR");
    assertThat(kafka.path("healthcheck").path("test").isMissingNode()).isFalse();
    String topics = String.join(" ", textList(service("kafka-topics").path("command")));
    assertThat(topics)
        .contains(
            "psybiome.trial.events", "psybiome.trial.allocations", "psybiome.biomarker.events");
  }

  @Test
  void everyHealthyDependencyHasAHealthcheck() {
    for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
      for (Map.Entry<String, JsonNode> dependency :
          service.getValue().path("depends_on").properties()) {
        JsonNode target = service(dependency.getKey());
        if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
          assertThat(target.has("healthcheck"))
              .as("%s waits for %s to be healthy", service.getKey(), dependency.getKey())
              .isTrue();
        }
      }
    }
  }

  @Test
  void onlyTheGatewayIsPublishedAndItReachesTheServicesOnTheirPorts() {
    for (Map.Entry<String, JsonNode> service : compose.path("services").properties()) {
      if (!service.getKey().equals("gateway")) {
        assertThat(service.getValue().has("ports"))
            .as("%s publishes ports", service.getKey())
            .isFalse();
      }
    }
    List<String> ports = textList(service("gateway").path("ports"));
    assertThat(ports).hasSize(1);
    assertThat(ports.get(0)).endsWith(":" + httpPort("gateway"));

    Map<String, String> env = environment(service("gateway"));
    for (String upstream : List.of("trial-service", "biomarker-service")) {
      String variable = "PSYBIOME_GATEWAY_" + envName(upstream) + "_URL";
      assertThat(env).containsEntry(variable, "http://" + upstream + ":" + httpPort(upstream));
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void dockerfileBuildsTheFastJarOnTheServicePort(String module) {
    String dockerfile = ProjectFiles.read(ProjectFiles.dockerfile(module));
    List<String> instructions = instructions(dockerfile);
    assertThat(instructions).first().isEqualTo("FROM eclipse-temurin:17-jre");
    assertThat(instructions)
        .filteredOn(i -> i.startsWith("EXPOSE "))
        .containsExactly("EXPOSE " + httpPort(module));
    List<String> copied =
        instructions.stream()
            .filter(i -> i.startsWith("COPY "))
            .map(i -> i.split("\\s+"))
            .map(parts -> parts[parts.length - 2])
            .toList();
    assertThat(copied)
        .containsExactly(
            "target/quarkus-app/lib/",
            "target/quarkus-app/*.jar",
            "target/quarkus-app/app/",
            "target/quarkus-app/quarkus/");
    List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
    assertThat(users).isNotEmpty();
    assertThat(users.get(users.size() - 1)).isNotIn("USER root", "USER 0");
    assertThat(dockerfile).contains("JAVA_OPTS=").containsPattern("-XX:MaxRAMPercentage=\\d+");
    assertThat(instructions)
        .filteredOn(i -> i.startsWith("ENTRYPOINT") || i.startsWith("CMD"))
        .singleElement()
        .asString()
        .contains("$JAVA_OPTS", "quarkus-run.jar");
  }

  /** Dockerfile instructions, continuation lines joined, comments left out. */
  private static List<String> instructions(String dockerfile) {
    return dockerfile
        .replace("\\\n", " ")
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }
}
