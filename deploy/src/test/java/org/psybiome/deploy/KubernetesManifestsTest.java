package org.psybiome.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.deploy.ProjectFiles.LIVENESS_PATH;
import static org.psybiome.deploy.ProjectFiles.MODULES;
import static org.psybiome.deploy.ProjectFiles.READINESS_PATH;
import static org.psybiome.deploy.ProjectFiles.envName;
import static org.psybiome.deploy.ProjectFiles.httpPort;
import static org.psybiome.deploy.ProjectFiles.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The kustomize base and production overlay under deploy/k8s. */
class KubernetesManifestsTest {

  private static final List<String> SERVICES = MODULES;
  private static final Path K8S = path("deploy", "k8s");
  private static final Path BASE = K8S.resolve("base");
  private static final Path PRODUCTION = K8S.resolve(Path.of("overlays", "production"));
  private static final String CONFIG_MAP = "psybiome-config";
  private static final String DB_SECRET = "psybiome-db-credentials";
  private static final String JWT_KEY = "psybiome-jwt-public-key";
  private static final String JWT_KEY_FILE = "/etc/psybiome/jwt/public.pem";

  private static JsonNode baseKustomization;
  private static JsonNode productionKustomization;
  private static List<JsonNode> baseObjects;
  private static List<JsonNode> productionObjects;
  private static Map<String, String> baseConfig;
  private static Map<String, String> productionConfig;

  @BeforeAll
  static void load() {
    baseKustomization = ProjectFiles.yamlDocument(BASE.resolve("kustomization.yaml"));
    productionKustomization = ProjectFiles.yamlDocument(PRODUCTION.resolve("kustomization.yaml"));
    baseObjects = objects(BASE, baseKustomization);
    productionObjects = objects(PRODUCTION, productionKustomization);
    baseConfig = generatedConfig(baseKustomization);
    productionConfig = new LinkedHashMap<>(baseConfig);
    productionConfig.putAll(generatedConfig(productionKustomization));
  }

  /** The objects of the kustomization's own resource files (not of the bases it includes). */
  private static List<JsonNode> objects(Path directory, JsonNode kustomization) {
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode resource : kustomization.path("resources")) {
      Path file = directory.resolve(resource.asText()).normalize();
      if (Files.isRegularFile(file)) {
        objects.addAll(ProjectFiles.yamlDocuments(file));
      }
    }
    return objects;
  }

  /** The literals of the kustomization's generator of psybiome-config. */
  private static Map<String, String> generatedConfig(JsonNode kustomization) {
    Map<String, String> config = new LinkedHashMap<>();
    for (JsonNode generator : kustomization.path("configMapGenerator")) {
      if (CONFIG_MAP.equals(generator.path("name").asText())) {
        for (JsonNode literal : generator.path("literals")) {
          String[] pair = literal.asText().split("=", 2);
          assertThat(pair).as("literal %s", literal).hasSize(2);
          config.put(pair[0], pair[1]);
        }
      }
    }
    return config;
  }

  private static JsonNode object(List<JsonNode> objects, String kind, String name) {
    List<JsonNode> found =
        objects.stream()
            .filter(o -> kind.equals(o.path("kind").asText()))
            .filter(o -> name.equals(o.path("metadata").path("name").asText()))
            .toList();
    assertThat(found).as("%s %s", kind, name).hasSize(1);
    return found.get(0);
  }

  private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  private static JsonNode container(String module) {
    JsonNode containers =
        object(baseObjects, "Deployment", module).path("spec").path("template").path("spec");
    assertThat(containers.path("containers").size()).as("containers of %s", module).isEqualTo(1);
    JsonNode container = containers.path("containers").get(0);
    assertThat(container.path("name").asText()).isEqualTo(module);
    return container;
  }

  private static Map<String, String> labels(JsonNode node) {
    Map<String, String> labels = new LinkedHashMap<>();
    node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    return labels;
  }

  /** A port given by number or by the name of one of the container's ports. */
  private static int containerPort(JsonNode container, JsonNode port) {
    if (port.isInt()) {
      return port.asInt();
    }
    for (JsonNode declared : container.path("ports")) {
      if (port.asText().equals(declared.path("name").asText())) {
        return declared.path("containerPort").asInt();
      }
    }
    throw new AssertionError("no container port named " + port.asText());
  }

  /**
   * The value the variable has with the given psybiome-config, or null if it comes from a Secret.
   */
  private static String value(JsonNode variable, Map<String, String> config) {
    if (variable.has("value")) {
      return variable.path("value").asText();
    }
    JsonNode fromConfig = variable.path("valueFrom").path("configMapKeyRef");
    if (!fromConfig.isMissingNode()) {
      return config.get(fromConfig.path("key").asText());
    }
    return null;
  }

  private static Map<String, JsonNode> environment(String module) {
    Map<String, JsonNode> env = new LinkedHashMap<>();
    for (JsonNode variable : container(module).path("env")) {
      JsonNode previous = env.put(variable.path("name").asText(), variable);
      assertThat(previous).as("%s sets %s twice", module, variable.path("name")).isNull();
    }
    assertThat(container(module).has("envFrom"))
        .as("%s: explicit env only, so that every variable can be checked", module)
        .isFalse();
    return env;
  }

  private static long bytes(String quantity) {
    Matcher q = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?").matcher(quantity);
    assertThat(q.matches()).as("memory quantity %s", quantity).isTrue();
    long n = Long.parseLong(q.group(1));
    String unit = q.group(2) == null ? "" : q.group(2);
    return switch (unit) {
      case "Ki" -> n << 10;
      case "Mi" -> n << 20;
      case "Gi" -> n << 30;
      case "K" -> n * 1_000;
      case "M" -> n * 1_000_000;
      case "G" -> n * 1_000_000_000;
      default -> n;
    };
  }

  @Test
  void everyYamlFileUnderK8sParsesAndIsAnObject() {
    List<Path> files = ProjectFiles.yamlFilesUnder(K8S);
    assertThat(files).contains(BASE.resolve("kustomization.yaml"));
    for (Path file : files) {
      List<JsonNode> documents = ProjectFiles.yamlDocuments(file);
      assertThat(documents).as("documents in %s", file).isNotEmpty();
      for (JsonNode document : documents) {
        assertThat(document.path("apiVersion").asText()).as("apiVersion in %s", file).isNotEmpty();
        assertThat(document.path("kind").asText()).as("kind in %s", file).isNotEmpty();
        if (!"Kustomization".equals(document.path("kind").asText())) {
          assertThat(document.path("metadata").path("name").asText())
              .as("name of a %s in %s", document.path("kind"), file)
              .isNotEmpty();
        }
      }
    }
  }

  @Test
  void kustomizationsListEveryManifestBesideThem() throws Exception {
    for (Path directory : List.of(BASE, PRODUCTION)) {
      JsonNode kustomization = ProjectFiles.yamlDocument(directory.resolve("kustomization.yaml"));
      Set<Path> listed = new TreeSet<>();
      for (JsonNode resource : kustomization.path("resources")) {
        Path target = directory.resolve(resource.asText()).normalize();
        assertThat(Files.exists(target)).as("resource %s of %s", resource, directory).isTrue();
        if (Files.isDirectory(target)) {
          assertThat(target.resolve("kustomization.yaml")).isRegularFile();
        }
        listed.add(target);
      }
      try (var files = Files.list(directory)) {
        List<Path> manifests =
            files
                .filter(f -> f.toString().endsWith(".yaml"))
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        assertThat(listed).as("resources of %s", directory).containsAll(manifests);
      }
    }
    assertThat(productionKustomization.path("resources").toString()).contains("../../base");
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void deploymentServiceAndDisruptionBudgetSelectTheSamePods(String module) {
    JsonNode deployment = object(baseObjects, "Deployment", module);
    Map<String, String> podLabels =
        labels(deployment.path("spec").path("template").path("metadata").path("labels"));
    Map<String, String> selector =
        labels(deployment.path("spec").path("selector").path("matchLabels"));
    assertThat(selector).isNotEmpty();
    assertThat(podLabels).containsAllEntriesOf(selector);
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);

    JsonNode service = object(baseObjects, "Service", module);
    assertThat(labels(service.path("spec").path("selector"))).isEqualTo(selector);
    assertThat(service.path("spec").path("type").asText("ClusterIP")).isEqualTo("ClusterIP");

    JsonNode budget = object(baseObjects, "PodDisruptionBudget", module);
    assertThat(budget.path("apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(labels(budget.path("spec").path("selector").path("matchLabels")))
        .isEqualTo(selector);
    // With 2 replicas a budget must still let a node drain: at most 1 may be required down.
    JsonNode spec = budget.path("spec");
    if (spec.has("minAvailable")) {
      assertThat(spec.path("minAvailable").asInt())
          .isLessThan(deployment.path("spec").path("replicas").asInt());
    } else {
      assertThat(spec.path("maxUnavailable").asInt()).isPositive();
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void portsAndProbesAreThoseOfTheService(String module) {
    int port = httpPort(module);
    JsonNode container = container(module);
    assertThat(container.path("ports").size()).isEqualTo(1);
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);

    JsonNode readiness = container.path("readinessProbe").path("httpGet");
    JsonNode liveness = container.path("livenessProbe").path("httpGet");
    assertThat(readiness.path("path").asText()).isEqualTo(READINESS_PATH);
    assertThat(liveness.path("path").asText()).isEqualTo(LIVENESS_PATH);
    assertThat(containerPort(container, readiness.path("port"))).isEqualTo(port);
    assertThat(containerPort(container, liveness.path("port"))).isEqualTo(port);
    if (container.has("startupProbe")) {
      JsonNode startup = container.path("startupProbe").path("httpGet");
      assertThat(startup.path("path").asText()).isIn(LIVENESS_PATH, READINESS_PATH);
      assertThat(containerPort(container, startup.path("port"))).isEqualTo(port);
    }

    JsonNode service = object(baseObjects, "Service", module);
    JsonNode servicePorts = service.path("spec").path("ports");
    assertThat(servicePorts.size()).isEqualTo(1);
    assertThat(servicePorts.get(0).path("port").asInt()).isEqualTo(port);
    assertThat(containerPort(container, servicePorts.get(0).path("targetPort"))).isEqualTo(port);

    JsonNode annotations =
        object(baseObjects, "Deployment", module)
            .path("spec")
            .path("template")
            .path("metadata")
            .path("annotations");
    assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
    assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void imageIsTheOneDockerComposeBuilds(String module) {
    JsonNode compose = ProjectFiles.yamlDocument(path("docker-compose.yml"));
    String composeImage = compose.path("services").path(module).path("image").asText();
    assertThat(container(module).path("image").asText())
        .isEqualTo(composeImage)
        .isEqualTo(ProjectFiles.expectedImage(module));
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void resourcesAndSecurityContextAreSet(String module) {
    JsonNode resources = container(module).path("resources");
    long request = bytes(resources.path("requests").path("memory").asText());
    long limit = bytes(resources.path("limits").path("memory").asText());
    assertThat(request).isBetween(256L << 20, 512L << 20).isLessThanOrEqualTo(limit);
    assertThat(resources.path("requests").path("cpu").asText()).isNotEmpty();

    JsonNode pod = object(baseObjects, "Deployment", module).path("spec").path("template");
    assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    JsonNode security = container(module).path("securityContext");
    assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    if (security.path("readOnlyRootFilesystem").asBoolean()) {
      // The JVM, Vert.x and the Kafka client's native libraries need a writable /tmp.
      assertThat(container(module).path("volumeMounts").findValuesAsText("mountPath"))
          .contains("/tmp");
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void environmentMapsToPropertiesOfTheService(String module) {
    Map<String, JsonNode> env = environment(module);
    assertThat(env.keySet())
        .as("variables set for %s that no property of its application.properties reads", module)
        .isSubsetOf(ProjectFiles.knownEnvNames(module));
    assertThat(env.keySet())
        .as("variables %s needs from its deployment", module)
        .containsAll(ProjectFiles.requiredEnvNames(module));
    for (Map.Entry<String, JsonNode> variable : env.entrySet()) {
      String name = variable.getKey();
      JsonNode from = variable.getValue().path("valueFrom");
      if (name.endsWith("_PASSWORD")) {
        assertThat(from.path("secretKeyRef").path("name").asText())
            .as("%s of %s comes from the Secret", name, module)
            .isEqualTo(DB_SECRET);
        assertThat(from.path("secretKeyRef").path("key").asText()).isNotEmpty();
      } else if (from.has("configMapKeyRef")) {
        assertThat(from.path("configMapKeyRef").path("name").asText()).isEqualTo(CONFIG_MAP);
        assertThat(baseConfig)
            .as("key for %s of %s in %s", name, module, CONFIG_MAP)
            .containsKey(from.path("configMapKeyRef").path("key").asText());
      } else {
        assertThat(variable.getValue().has("value"))
            .as("%s of %s has a value", name, module)
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @FieldSource("SERVICES")
  void jwtPublicKeyIsMountedWhereTheServiceLooksForIt(String module) {
    JsonNode location = environment(module).get(envName("mp.jwt.verify.publickey.location"));
    assertThat(value(location, baseConfig)).isEqualTo(JWT_KEY_FILE);
    Path file = Path.of(JWT_KEY_FILE);

    JsonNode mount = null;
    for (JsonNode candidate : container(module).path("volumeMounts")) {
      if (file.getParent().equals(Path.of(candidate.path("mountPath").asText()))) {
        mount = candidate;
      }
    }
    assertThat(mount).as("a volume mounted at %s", file.getParent()).isNotNull();
    assertThat(mount.path("readOnly").asBoolean()).isTrue();
    String volumeName = mount.path("name").asText();
    JsonNode volume = null;
    for (JsonNode candidate :
        object(baseObjects, "Deployment", module)
            .path("spec")
            .path("template")
            .path("spec")
            .path("volumes")) {
      if (volumeName.equals(candidate.path("name").asText())) {
        volume = candidate;
      }
    }
    assertThat(volume).as("volume %s", volumeName).isNotNull();
    JsonNode source = volume.has("configMap") ? volume.path("configMap") : volume.path("secret");
    String sourceName =
        volume.has("configMap") ? source.path("name").asText() : source.path("secretName").asText();
    assertThat(sourceName).isEqualTo(JWT_KEY);
    List<String> paths = source.path("items").findValuesAsText("path");
    if (!paths.isEmpty()) {
      assertThat(paths).contains(file.getFileName().toString());
    }
  }

  @Test
  void databaseSettingsFitTheDatabaseScript() {
    ProjectFiles.DatabaseScript script = ProjectFiles.DatabaseScript.read();
    List<String> withDatabase = MODULES.stream().filter(ProjectFiles::hasDatabase).toList();
    assertThat(withDatabase).isNotEmpty();
    for (String module : withDatabase) {
      Map<String, JsonNode> env = environment(module);
      for (Map<String, String> config : List.of(baseConfig, productionConfig)) {
        script.assertFits(
            "k8s " + module,
            value(env.get(envName("quarkus.datasource.jdbc.url")), config),
            value(env.get(envName("quarkus.datasource.username")), config),
            value(env.get(envName("quarkus.flyway.username")), config));
      }
      // The services' own defaults too (./psybiome up runs them as they are).
      var properties = ProjectFiles.applicationProperties(module);
      script.assertFits(
          module + "/application.properties",
          properties.getProperty("quarkus.datasource.jdbc.url"),
          properties.getProperty("quarkus.datasource.username"),
          properties.getProperty("quarkus.flyway.username"));
    }
  }

  @Test
  void gatewayReachesTheServicesThroughTheirKubernetesServices() {
    Map<String, JsonNode> env = environment("gateway");
    for (String upstream : List.of("trial-service", "biomarker-service")) {
      JsonNode variable = env.get("PSYBIOME_GATEWAY_" + envName(upstream) + "_URL");
      assertThat(variable).isNotNull();
      JsonNode service = object(baseObjects, "Service", upstream);
      int port = service.path("spec").path("ports").get(0).path("port").asInt();
      assertThat(value(variable, productionConfig))
          .isEqualTo("http://" + upstream + ":" + port)
          .isEqualTo("http://" + upstream + ":" + httpPort(upstream));
    }
  }

  @Test
  void noDatabaseOrKafkaIsDeployedHere() {
    List<JsonNode> all = new ArrayList<>(baseObjects);
    all.addAll(productionObjects);
    assertThat(ofKind(all, "StatefulSet")).isEmpty();
    assertThat(ofKind(all, "Deployment"))
        .extracting(d -> d.path("metadata").path("name").asText())
        .containsExactlyInAnyOrderElementsOf(MODULES);
  }

  @Test
  void productionOverlayScalesPinsAndPointsAtTheExternalBackends() {
    assertThat(productionKustomization.path("namespace").asText()).isNotEmpty();

    Map<String, Integer> replicas = new LinkedHashMap<>();
    productionKustomization
        .path("replicas")
        .forEach(r -> replicas.put(r.path("name").asText(), r.path("count").asInt()));
    assertThat(replicas).containsOnlyKeys(MODULES).allSatisfy((k, v) -> assertThat(v).isEqualTo(3));

    Map<String, String> tags = new LinkedHashMap<>();
    productionKustomization
        .path("images")
        .forEach(i -> tags.put(i.path("name").asText(), i.path("newTag").asText()));
    Map<String, String> baseImages = new LinkedHashMap<>();
    for (String module : MODULES) {
      String[] image = container(module).path("image").asText().split(":", 2);
      baseImages.put(image[0], image[1]);
    }
    assertThat(tags).isEqualTo(baseImages);

    JsonNode generator = productionKustomization.path("configMapGenerator").get(0);
    assertThat(generator.path("name").asText()).isEqualTo(CONFIG_MAP);
    assertThat(generator.path("behavior").asText()).isEqualTo("merge");
    Map<String, String> patched = generatedConfig(productionKustomization);
    assertThat(baseConfig)
        .as("keys the overlay patches")
        .containsKeys(patched.keySet().toArray(String[]::new));
    assertThat(patched.get("kafka.bootstrap.servers"))
        .isNotBlank()
        .isNotEqualTo(baseConfig.get("kafka.bootstrap.servers"));
    for (String module : MODULES.stream().filter(ProjectFiles::hasDatabase).toList()) {
      String key =
          environment(module)
              .get(envName("quarkus.datasource.jdbc.url"))
              .path("valueFrom")
              .path("configMapKeyRef")
              .path("key")
              .asText();
      assertThat(patched).as("production JDBC URL of %s", module).containsKey(key);
      assertThat(patched.get(key)).isNotEqualTo(baseConfig.get(key));
    }
  }

  @Test
  void ingressRoutesToTheGatewayService() {
    List<JsonNode> ingresses = new ArrayList<>(ofKind(productionObjects, "Ingress"));
    ingresses.addAll(ofKind(baseObjects, "Ingress"));
    JsonNode gateway = object(baseObjects, "Service", "gateway");
    JsonNode gatewayPort = gateway.path("spec").path("ports").get(0);
    for (JsonNode ingress : ingresses) {
      for (JsonNode backend : ingress.findValues("backend")) {
        JsonNode service = backend.path("service");
        assertThat(service.path("name").asText()).isEqualTo("gateway");
        JsonNode port = service.path("port");
        if (port.has("name")) {
          assertThat(port.path("name").asText()).isEqualTo(gatewayPort.path("name").asText());
        } else {
          assertThat(port.path("number").asInt()).isEqualTo(gatewayPort.path("port").asInt());
        }
      }
    }
  }
}
