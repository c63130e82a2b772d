package org.psybiome.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psybiome.testsupport.PostgresServer;
import org.psybiome.testsupport.TestDatabase;
import org.psybiome.testsupport.TestKafka;
import org.psybiome.testsupport.TestKeys;
import org.psybiome.testsupport.TestTokens;

/**
 * The real Psybiome stack, started once per test JVM on free ports: the run's Kafka broker, a fresh
 * database per service, and trial-service, biomarker-service and the gateway as processes from
 * their packaged jars, trusting the run's token signer. Torn down by a shutdown hook: processes
 * stopped, databases and their roles dropped. Logs go to {@code target/stack-logs/}.
 */
public final class PsybiomeStack {

  private static PsybiomeStack instance;

  private final Path root;
  private final Path logDir;
  private final String kafkaBootstrap;
  private final TestDatabase trialDatabase;
  private final TestDatabase biomarkerDatabase;
  private final ServiceProcess trialService;
  private final ServiceProcess biomarkerService;
  private final ServiceProcess gateway;
  private final List<ServiceProcess> extraGateways = new ArrayList<>();
  private final List<ServiceProcess> extraReplicas = new ArrayList<>();

  /** With {@code -Dpsybiome.prism=true}: Prism in front of the gateway, checking all traffic. */
  private PrismProxy prism;

  private PsybiomeStack() {
    root = repositoryRoot();
    logDir =
        Path.of(
            System.getProperty(
                "psybiome.stack.logs", root.resolve("system-tests/target/stack-logs").toString()));
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kafkaBootstrap = TestKafka.get().bootstrapServers();
    trialDatabase = PostgresServer.get().createDatabase("sys_trial");
    biomarkerDatabase = PostgresServer.get().createDatabase("sys_biomarker");
    trialService = service("trial-service", "256m", trialDatabase, overrides("trial-service"));
    biomarkerService =
        service(
            "biomarker-service",
            "512m", // a 100 000-row batch is held and checked in memory
            biomarkerDatabase,
            overrides("biomarker-service"));
    gateway = gateway("gateway", Map.of());
  }

  /** The stack, started on first use; later callers share it. */
  public static synchronized PsybiomeStack get() {
    if (instance == null) {
      PsybiomeStack stack = new PsybiomeStack();
      Runtime.getRuntime().addShutdownHook(new Thread(stack::tearDown, "stop-psybiome-stack"));
      stack.startAll();
      // Every response any system test gets through REST Assured must be what the committed API
      // document says it is: an undocumented status, header or field fails that test.
      io.restassured.RestAssured.filters(
          new org.psybiome.testsupport.contract.ResponseContractFilter(
              org.psybiome.testsupport.contract.ResponseContract.of(stack.apiDocument())));
      instance = stack;
    }
    return instance;
  }

  private void startAll() {
    try {
      // The two services do not need each other to start; the gateway needs them for its document.
      var trial = java.util.concurrent.CompletableFuture.runAsync(trialService::start);
      biomarkerService.start();
      trial.join();
      gateway.start();
      if (Boolean.getBoolean("psybiome.prism")) {
        prism = PrismProxy.start(root, gateway.baseUri(), logDir.resolve("prism.log"));
      }
    } catch (RuntimeException e) {
      tearDown();
      throw e instanceof java.util.concurrent.CompletionException && e.getCause() != null
          ? new IllegalStateException(e.getCause().getMessage(), e.getCause())
          : e;
    }
  }

  /** The committed API document, {@code api/openapi.json}: the contract clients are built from. */
  public String apiDocument() {
    try {
      return java.nio.file.Files.readString(root().resolve("api/openapi.json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Where tests reach the API: the gateway, or Prism in front of it when that is asked for. */
  public URI gatewayUri() {
    return prism != null ? prism.uri() : gateway.baseUri();
  }

  public ServiceProcess gateway() {
    return gateway;
  }

  public ServiceProcess trialService() {
    return trialService;
  }

  public ServiceProcess biomarkerService() {
    return biomarkerService;
  }

  public TestDatabase trialDatabase() {
    return trialDatabase;
  }

  public TestDatabase biomarkerDatabase() {
    return biomarkerDatabase;
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  public Path root() {
    return root;
  }

  /**
   * A second gateway in front of the same services with settings of its own (e.g. a low rate
   * limit), started now; {@link ServiceProcess#stop()} it when done (the teardown does otherwise).
   */
  public synchronized ServiceProcess extraGateway(String name, Map<String, String> overrides) {
    ServiceProcess extra = gateway(name, overrides);
    extraGateways.add(extra);
    extra.start();
    return extra;
  }

  /**
   * Another trial-service replica on the same database and broker (its outbox relay competes for
   * the shards), started now; the teardown stops it.
   */
  public synchronized ServiceProcess extraTrialService(String name) {
    return extraTrialService(name, Map.of());
  }

  /**
   * As {@link #extraTrialService(String)}, with settings of its own on top of the suite's (e.g. the
   * outbox relay's fault injection).
   */
  public synchronized ServiceProcess extraTrialService(String name, Map<String, String> settings) {
    Map<String, String> properties = new HashMap<>(overrides("trial-service"));
    properties.putAll(settings);
    ServiceProcess replica = service(name, "trial-service", "256m", trialDatabase, properties);
    extraReplicas.add(replica);
    replica.start();
    return replica;
  }

  /**
   * trial-service or biomarker-service ({@code module}) as another process on {@code database}
   * (e.g. a restored copy of its database on another server, with the same roles) and the run's
   * broker, started now; the teardown stops it.
   */
  public synchronized ServiceProcess extraService(
      String name, String module, TestDatabase database) {
    return extraService(name, module, database, Map.of());
  }

  /**
   * As {@link #extraService(String, String, TestDatabase)}, with settings of its own on top of the
   * suite's (e.g. trusting another token issuer).
   */
  public synchronized ServiceProcess extraService(
      String name, String module, TestDatabase database, Map<String, String> settings) {
    Map<String, String> properties = new HashMap<>(overrides(module));
    properties.putAll(settings);
    ServiceProcess replica =
        service(
            name, module, module.startsWith("biomarker") ? "512m" : "256m", database, properties);
    extraReplicas.add(replica);
    replica.start();
    return replica;
  }

  /**
   * Settings a suite gives one service through system properties {@code
   * psybiome.stack.<service>.<property>} (the fault drills shorten the idempotency-key lease).
   */
  private static Map<String, String> overrides(String service) {
    String prefix = "psybiome.stack." + service + ".";
    Map<String, String> overrides = new HashMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith(prefix)) {
                overrides.put(name.substring(prefix.length()), System.getProperty(name));
              }
            });
    return overrides;
  }

  private ServiceProcess service(
      String name, String heap, TestDatabase database, Map<String, String> overrides) {
    return service(name, name, heap, database, overrides);
  }

  private ServiceProcess service(
      String name,
      String module,
      String heap,
      TestDatabase database,
      Map<String, String> overrides) {
    Map<String, String> properties = new HashMap<>(common());
    properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
    properties.put("quarkus.datasource.username", database.appUser());
    properties.put("quarkus.flyway.username", database.ownerUser());
    properties.putAll(overrides);
    // passwords by environment, as in production, rather than on the command line
    Map<String, String> environment =
        Map.of(
            "PSYBIOME_DB_APP_PASSWORD", database.appPassword(),
            "PSYBIOME_DB_OWNER_PASSWORD", database.ownerPassword());
    return new ServiceProcess(
        name, jarOf(module), freePort(), heap, properties, environment, logDir);
  }

  private ServiceProcess gateway(String name, Map<String, String> overrides) {
    Map<String, String> properties = new HashMap<>(common());
    properties.put("psybiome.gateway.trial-service-url", trialService.baseUri().toString());
    properties.put("psybiome.gateway.biomarker-service-url", biomarkerService.baseUri().toString());
    // The suites send thousands of requests as few subjects; the rate limit has its own test.
    properties.put("psybiome.gateway.rate-limit.requests-per-second", "100000");
    properties.put("psybiome.gateway.rate-limit.burst", "100000");
    for (String role : List.of("reader", "statistician", "blinded-statistician")) {
      properties.put(
          "psybiome.gateway.rate-limit.roles." + role + ".requests-per-second", "100000");
      properties.put("psybiome.gateway.rate-limit.roles." + role + ".burst", "100000");
    }
    // A restarted service is let through again soon, so one outage test does not spill over.
    properties.put("psybiome.gateway.circuit-breaker.cool-down", "1S");
    properties.put("psybiome.gateway.openapi.refresh-interval", "2S");
    properties.putAll(overrides);
    return new ServiceProcess(
        name, jarOf("gateway"), freePort(), "256m", properties, Map.of(), logDir);
  }

  private Map<String, String> common() {
    return Map.of(
        "kafka.bootstrap.servers",
        kafkaBootstrap,
        "mp.jwt.verify.publickey.location",
        TestKeys.get().publicKeyFile().toString(),
        "mp.jwt.verify.issuer",
        TestTokens.ISSUER);
  }

  private Path jarOf(String module) {
    return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
  }

  private synchronized void tearDown() {
    if (prism != null) {
      quietly(this::writePrismReport);
      quietly(prism::close);
    }
    for (ServiceProcess extra : extraGateways) {
      quietly(extra::stop);
    }
    for (ServiceProcess replica : extraReplicas) {
      quietly(replica::stop);
    }
    quietly(gateway::stop);
    quietly(biomarkerService::stop);
    quietly(trialService::stop);
    quietly(trialDatabase::close);
    quietly(biomarkerDatabase::close);
  }

  /** What Prism found in all the traffic of the run: {@code target/prism-report.txt}. */
  private void writePrismReport() {
    List<PrismProxy.Exchange> exchanges = prism.exchangeLog();
    List<PrismProxy.Exchange> badResponses =
        exchanges.stream().filter(e -> !e.responseViolations().isEmpty()).toList();
    List<PrismProxy.Exchange> badRequests =
        exchanges.stream().filter(e -> !e.requestViolations().isEmpty()).toList();
    long badRequestsRefused =
        badRequests.stream().filter(e -> e.status() >= 400 && e.status() < 500).count();
    List<String> report = new ArrayList<>();
    report.add("Prism validating proxy in front of the gateway, checking api/openapi.json");
    report.add("exchanges: " + exchanges.size());
    report.add("exchanges with a response violation: " + badResponses.size());
    report.add(
        "exchanges with a request violation: "
            + badRequests.size()
            + ", of which the API refused with a 4xx: "
            + badRequestsRefused);
    report.add("");
    report.add("## responses that break the document");
    for (PrismProxy.Exchange e : badResponses) {
      report.add(
          e.request() + " → " + e.status() + ": " + String.join("; ", e.responseViolations()));
    }
    report.add("");
    report.add("## requests that break the document, and what the API answered");
    for (PrismProxy.Exchange e : badRequests) {
      report.add(
          e.request() + " → " + e.status() + ": " + String.join("; ", e.requestViolations()));
    }
    try {
      Files.write(root.resolve("system-tests/target/prism-report.txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      System.err.println("stack teardown: " + e.getMessage());
    }
  }

  private static Path repositoryRoot() {
    String configured = System.getProperty("psybiome.root");
    Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("psybiome"))
          && Files.isDirectory(dir.resolve("system-tests"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Cannot find the repository root from " + start);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
