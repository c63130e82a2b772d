package org.psybiome.devtools.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.psybiome.devtools.DemoLoader;
import org.psybiome.devtools.LocalKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Builds what changed, starts everything that does not run yet, waits until it is ready. */
@Command(
    name = "up",
    description = {
      "Build what changed, start PostgreSQL (if stopped), Kafka and the three services, wait"
          + " until each is ready."
    })
final class UpCommand implements Callable<Integer> {

  /**
   * What {@code up} builds: the services and the broker jars, without compiling tests, each service
   * with its AppCDS archive (Quarkus starts it once at packaging to record the classes it loads;
   * LaunchCommands starts it with the archive). Only here: the test build does not pay for it.
   */
  static final List<String> BUILD =
      List.of(
          "-B",
          "-q",
          "package",
          "-Dmaven.test.skip=true",
          "-Dspotless.check.skip",
          "-Dquarkus.package.jar.appcds.enabled=true",
          "-pl",
          "trial-service,biomarker-service,gateway,platform/kafka-broker",
          "-am");

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--demo",
      description = "then register the demo trials of demo/ through the API, with results")
  boolean demo;

  @Option(names = "--no-build", description = "start what is built, even if sources changed")
  boolean noBuild;

  @Override
  public Integer call() throws Exception {
    StackConfig config = cli.config();
    Console out = new Console(spec.commandLine().getOut());
    long started = System.nanoTime();
    up(config, out, !noBuild);
    if (demo) {
      out.say("Loading demo data through the gateway ...");
      try {
        DemoLoader.loadAll(Service.GATEWAY.baseUri(), config.keys(), config.root().resolve("demo"));
      } catch (Exception e) {
        throw new CliException("could not load the demo data: " + e.getMessage(), e);
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    out.out()
        .printf(
            """

            Psybiome is up (%d s).
              API (gateway):    http://127.0.0.1:8080/api/v1
              Swagger UI:       http://127.0.0.1:8080/q/swagger-ui   (each service also at :8081, :8082)
              Health, metrics:  http://127.0.0.1:8080/q/health, /q/metrics
              A token:          ./psybiome token --role registrant --consortium MINDGUT
                                curl -H "Authorization: Bearer $(./psybiome token --role reader --consortium MINDGUT)" ...
              Logs:             %s
              Stop:             ./psybiome down
            """,
            seconds, config.logs());
    out.out().flush();
    return 0;
  }

  /** Shared with {@code bench}, which brings the stack up without building it. */
  static void up(StackConfig config, Console out, boolean build) throws Exception {
    Processes.createDirectories(config.logs(), config.pids(), config.keys());
    if (build) {
      out.say("Building what changed (./mvnw package, without tests) ...");
      Maven.run(config.root(), BUILD, "build failed");
    }
    new LocalPostgres(config).ensure(out);
    LocalKeys keys = new LocalKeys(config.keys());
    if (keys.ensure()) {
      System.err.println("Created a local JWT key pair; public key: " + keys.publicKey());
    }
    LocalStack stack = new LocalStack(config, out);
    stack.startKafka();
    out.say("Starting services ...");
    for (Service service : Service.values()) {
      stack.startService(service);
    }
    stack.awaitReady();
  }
}
