package org.psybiome.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's real files as the deployment checks read them: the services' {@code
 * application.properties}, their Dockerfiles, the database creation script and the YAML of
 * docker-compose and Kubernetes. Surefire runs in {@code deploy/}, so the project root is {@code
 * ..}.
 */
final class ProjectFiles {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The three services, by module directory (which is also their compose and Kubernetes name). */
  static final List<String> MODULES = List.of("gateway", "trial-service", "biomarker-service");

  /** Properties every service takes from its deployment. */
  static final List<String> COMMON_DEPLOYMENT_PROPERTIES =
      List.of(
          "kafka.bootstrap.servers", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer");

  /** Properties every service with a database takes from its deployment. */
  static final List<String> DATABASE_DEPLOYMENT_PROPERTIES =
      List.of(
          "quarkus.datasource.jdbc.url",
          "quarkus.datasource.username",
          "quarkus.datasource.password",
          "quarkus.flyway.username",
          "quarkus.flyway.password");

  static final String LIVENESS_PATH = "/q/health/live";
  static final String READINESS_PATH = "/q/health/ready";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern JDBC_URL =
      Pattern.compile("^jdbc:postgresql://([^/?]+)/([^/?]+)(\\?.*)?$");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
  private static final Pattern DOCKERFILE_ENV = Pattern.compile("(?m)^ENV\\s+(.*?)(?<!\\\\)$");

  private ProjectFiles() {}

  static Path path(String first, String... more) {
    return ROOT.resolve(Path.of(first, more));
  }

  static String read(Path file) {
    assertThat(file).as("expected file").isRegularFile();
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every YAML document in the file (empty documents left out); fails naming the file if bad. */
  static List<JsonNode> yamlDocuments(Path file) {
    assertThat(file).as("expected YAML file").isRegularFile();
    try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
      List<JsonNode> result = new ArrayList<>();
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          result.add(document);
        }
      }
      return result;
    } catch (IOException | RuntimeException e) {
      return fail("%s is not valid YAML: %s", ROOT.relativize(file), e.getMessage());
    }
  }

  static JsonNode yamlDocument(Path file) {
    List<JsonNode> documents = yamlDocuments(file);
    assertThat(documents).as("documents in %s", ROOT.relativize(file)).hasSize(1);
    return documents.get(0);
  }

  /** Every .yml/.yaml file under the directory, in a stable order. */
  static List<Path> yamlFilesUnder(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path applicationPropertiesFile(String module) {
    return path(module, "src", "main", "resources", "application.properties");
  }

  /**
   * Defaults shipped by platform modules in their jars, which every service reads beneath its own.
   */
  static Path sharedPropertiesFile(String platformModule) {
    return path(
        "platform",
        platformModule,
        "src",
        "main",
        "resources",
        "META-INF",
        "microprofile-config.properties");
  }

  /**
   * The configuration a service runs with: service-common's shared settings, persistence's database
   * defaults for a service with a database, then the module's own application.properties, which
   * overrides both.
   */
  static Properties applicationProperties(String module) {
    Properties own = load(applicationPropertiesFile(module));
    Properties properties = load(sharedPropertiesFile("service-common"));
    if (own.containsKey("quarkus.datasource.jdbc.url")) {
      properties.putAll(load(sharedPropertiesFile("persistence")));
    }
    properties.putAll(own);
    return properties;
  }

  private static Properties load(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  static int httpPort(String module) {
    String port = applicationProperties(module).getProperty("quarkus.http.port");
    assertThat(port).as("quarkus.http.port of %s", module).isNotNull().matches("\\d+");
    return Integer.parseInt(port);
  }

  static boolean hasDatabase(String module) {
    return applicationProperties(module).containsKey("quarkus.datasource.jdbc.url");
  }

  /** The environment variable MicroProfile Config maps to a property name. */
  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * The environment variables a deployment may set for a module: the env form of each of its
   * properties, variables its property values refer to ({@code ${NAME:default}}), and those its
   * Dockerfile declares with ENV (read by the image's entry point).
   */
  static Set<String> knownEnvNames(String module) {
    Properties properties = applicationProperties(module);
    Set<String> names = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      names.add(envName(key));
      Matcher reference = ENV_REFERENCE.matcher(properties.getProperty(key));
      while (reference.find()) {
        names.add(reference.group(1));
      }
    }
    names.addAll(dockerfileEnvNames(module));
    return names;
  }

  /** The environment variables each deployment of the module must set. */
  static Set<String> requiredEnvNames(String module) {
    Properties properties = applicationProperties(module);
    Set<String> required = new TreeSet<>();
    COMMON_DEPLOYMENT_PROPERTIES.forEach(p -> required.add(envName(p)));
    if (hasDatabase(module)) {
      DATABASE_DEPLOYMENT_PROPERTIES.forEach(p -> required.add(envName(p)));
    }
    // Upstream URLs of the gateway: localhost defaults never fit a deployment.
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("psybiome.gateway.") && key.endsWith("-url")) {
        required.add(envName(key));
      }
    }
    return required;
  }

  static Path dockerfile(String module) {
    return path(module, "src", "main", "docker", "Dockerfile.jvm");
  }

  static Set<String> dockerfileEnvNames(String module) {
    Path dockerfile = dockerfile(module);
    Set<String> names = new TreeSet<>();
    if (!Files.isRegularFile(dockerfile)) {
      return names;
    }
    // Join continuation lines, then read NAME=value pairs of each ENV instruction.
    String text = read(dockerfile).replace("\\\n", " ");
    Matcher env = DOCKERFILE_ENV.matcher(text);
    while (env.find()) {
      Matcher pair = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=").matcher(env.group(1));
      while (pair.find()) {
        names.add(pair.group(1));
      }
    }
    return names;
  }

  /** The database a PostgreSQL JDBC URL names. */
  static String databaseOf(String jdbcUrl) {
    Matcher url = JDBC_URL.matcher(jdbcUrl);
    assertThat(url.matches()).as("a PostgreSQL JDBC URL: %s", jdbcUrl).isTrue();
    return url.group(2);
  }

  /** What deploy/postgres/create-databases.sql creates. */
  record DatabaseScript(
      Set<String> databases,
      Set<String> ownerRoles,
      Set<String> appRoles,
      Map<String, String> databaseOwners,
      Map<String, Set<String>> connectGrants) {

    static DatabaseScript read() {
      String sql = ProjectFiles.read(path("deploy", "postgres", "create-databases.sql"));
      Set<String> owners = new TreeSet<>();
      Set<String> apps = new TreeSet<>();
      Matcher roles =
          Pattern.compile("\\(VALUES\\s+(.*?)\\)\\s+AS\\s+r\\(name,\\s*app\\)", Pattern.DOTALL)
              .matcher(sql);
      assertThat(roles.find()).as("role list in create-databases.sql").isTrue();
      Matcher role = Pattern.compile("\\('(\\w+)',\\s*(true|false)\\)").matcher(roles.group(1));
      while (role.find()) {
        (Boolean.parseBoolean(role.group(2)) ? apps : owners).add(role.group(1));
      }
      Matcher databaseList =
          Pattern.compile("\\(VALUES\\s+(.*?)\\)\\s+AS\\s+d\\(name\\)", Pattern.DOTALL)
              .matcher(sql);
      assertThat(databaseList.find()).as("database list in create-databases.sql").isTrue();
      Set<String> databases = new TreeSet<>();
      Matcher database = Pattern.compile("\\('(\\w+)'\\)").matcher(databaseList.group(1));
      while (database.find()) {
        databases.add(database.group(1));
      }
      // CREATE DATABASE %I OWNER %I with d.name, d.name: each database is owned by its namesake.
      assertThat(sql).contains("format('CREATE DATABASE %I OWNER %I', d.name, d.name)");
      Map<String, String> databaseOwners = new LinkedHashMap<>();
      databases.forEach(d -> databaseOwners.put(d, d));
      Map<String, Set<String>> grants = new LinkedHashMap<>();
      Matcher grant = Pattern.compile("GRANT CONNECT ON DATABASE (\\w+) TO (\\w+)").matcher(sql);
      while (grant.find()) {
        grants.computeIfAbsent(grant.group(1), k -> new LinkedHashSet<>()).add(grant.group(2));
      }
      return new DatabaseScript(databases, owners, apps, databaseOwners, grants);
    }

    /** Checks that a deployment's database settings fit what the script creates. */
    void assertFits(String where, String jdbcUrl, String appUser, String migrationUser) {
      String database = databaseOf(jdbcUrl);
      assertThat(databases).as("%s: database of %s", where, jdbcUrl).contains(database);
      assertThat(appRoles).as("%s: application role", where).contains(appUser);
      assertThat(ownerRoles).as("%s: migration (owner) role", where).contains(migrationUser);
      assertThat(databaseOwners.get(database))
          .as("%s: Flyway must run as the owner of %s", where, database)
          .isEqualTo(migrationUser);
      assertThat(connectGrants.getOrDefault(database, Set.of()))
          .as("%s: %s may connect to %s", where, appUser, database)
          .contains(appUser);
    }
  }

  /** The version images are tagged with: the project's version without -SNAPSHOT. */
  static String releaseVersion() {
    String pom = read(path("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>psybiome-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(version.find()).as("version of the root pom").isTrue();
    return version.group(1).replace("-SNAPSHOT", "");
  }

  /** A property of the root pom. */
  static String rootPomProperty(String name) {
    Matcher property =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
            .matcher(read(path("pom.xml")));
    assertThat(property.find()).as("<%s> in the root pom", name).isTrue();
    return property.group(1).trim();
  }

  static String expectedImage(String module) {
    return "psybiome/" + module + ":" + releaseVersion();
  }
}
