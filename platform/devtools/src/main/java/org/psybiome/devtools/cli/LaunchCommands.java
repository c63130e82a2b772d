package org.psybiome.devtools.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command lines and environments of the processes {@code up} starts. */
final class LaunchCommands {

  private final StackConfig config;
  private final String java;

  LaunchCommands(StackConfig config, String java) {
    this.config = config;
    this.java = java;
  }

  /**
   * The java launcher of this JVM: the one the wrapper found, so the stack runs on the same JDK.
   */
  static String currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  Path serviceJar(Service service) {
    return config.root().resolve(service.id).resolve("target/quarkus-app/quarkus-run.jar");
  }

  /** The class data archive Quarkus writes beside the jar when AppCDS is enabled for its build. */
  Path classDataArchive(Service service) {
    return serviceJar(service).resolveSibling("app-cds.jsa");
  }

  /**
   * With its archive, a service starts from the jar's directory and names both relatively: the
   * archive records the class path as the build's JVM saw it ({@code quarkus-run.jar}), and a JVM
   * given another path refuses the archive. Classes then come from the archive instead of being
   * loaded and verified again at every start. Without one, it starts from the repository root.
   */
  List<String> service(Service service) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(config.serviceJavaOptions());
    if (Files.isRegularFile(classDataArchive(service))) {
      command.add("-XX:SharedArchiveFile=" + classDataArchive(service).getFileName());
      command.add("-jar");
      command.add(serviceJar(service).getFileName().toString());
    } else {
      command.add("-jar");
      command.add(serviceJar(service).toString());
    }
    return command;
  }

  /** Where the service's command runs: see {@link #service}. */
  Path workingDirectory(Service service) {
    return Files.isRegularFile(classDataArchive(service))
        ? serviceJar(service).getParent()
        : config.root();
  }

  /** Added to the inherited environment: the public key, the broker, the database passwords. */
  Map<String, String> serviceEnvironment() {
    return Map.of(
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.keys().resolve("jwt-public.pem").toString(),
        "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + config.kafkaPort(),
        "PSYBIOME_DB_OWNER_PASSWORD", config.ownerPassword(),
        "PSYBIOME_DB_APP_PASSWORD", config.appPassword());
  }

  List<String> kafka() {
    return List.of(
        java,
        "-Xms128m",
        "-Xmx512m",
        "-Dlog4j2.configurationFile=" + config.kafkaHome().resolve("config/log4j2.properties"),
        "-cp",
        kafkaClasspath(),
        "kafka.Kafka",
        config.kafkaDir().resolve("server.properties").toString());
  }

  List<String> kafkaFormat(String clusterId) {
    return List.of(
        java,
        "-cp",
        kafkaClasspath(),
        "kafka.tools.StorageTool",
        "format",
        "-t",
        clusterId,
        "-c",
        config.kafkaDir().resolve("server.properties").toString());
  }

  /** The JVM expands a trailing "*" of a class path entry to every jar of the directory. */
  private String kafkaClasspath() {
    return config.kafkaHome().resolve("target/lib") + File.separator + "*";
  }
}
