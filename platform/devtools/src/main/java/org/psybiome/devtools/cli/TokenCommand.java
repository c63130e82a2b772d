package org.psybiome.devtools.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.psybiome.devtools.LocalKeys;
import org.psybiome.devtools.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Prints a token signed with the local key pair ({@code .psybiome/keys/}, made on first use) that
 * the local stack accepts.
 */
@Command(name = "token", description = "Print a signed token for the local stack.")
final class TokenCommand implements Callable<Integer> {

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description =
          "registrant, pipeline, statistician (unblinded), blinded-statistician, curator,"
              + " reader, or operator (trial-service's /internal/v1/republish, decision 25)")
  String role;

  @Option(
      names = "--consortium",
      paramLabel = "ID",
      description = "the consortium the token acts for (not needed for curator and reader)")
  String consortium;

  @Option(
      names = "--subject",
      paramLabel = "NAME",
      description = "the token's subject (default: ROLE@CONSORTIUM)")
  String subject;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      defaultValue = "8h",
      converter = TtlConverter.class,
      description = "how long the token is valid, e.g. 30m, 8h, 7d (default: ${DEFAULT-VALUE})")
  Duration ttl;

  @Option(names = "--issuer", hidden = true, defaultValue = Tokens.DEFAULT_ISSUER)
  String issuer;

  @Override
  public Integer call() throws Exception {
    if (!Tokens.ROLES.contains(role)) {
      throw new ParameterException(spec.commandLine(), "--role must be one of " + Tokens.ROLES);
    }
    if (consortium == null && Tokens.needsConsortium(role)) {
      throw new ParameterException(
          spec.commandLine(), "--consortium ID is required for role " + role);
    }
    LocalKeys keys = new LocalKeys(cli.config().keys());
    if (keys.ensure()) {
      spec.commandLine()
          .getErr()
          .println("Created a local JWT key pair; public key: " + keys.publicKey());
    }
    String name = subject != null ? subject : role + (consortium == null ? "" : "@" + consortium);
    spec.commandLine().getOut().println(Tokens.mint(keys, issuer, name, role, consortium, ttl));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static final class TtlConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Tokens.parseTtl(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("must look like 30m, 8h or 7d");
      }
    }
  }
}
