package org.psybiome.devtools;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./psybiome token --role ROLE --consortium ID [--subject S] [--ttl 8h]}: prints a signed
 * token that the local stack accepts. {@code keys} only makes sure the key pair exists.
 */
public final class TokenCommand {

  static final List<String> ROLES =
      List.of("registrant", "pipeline", "statistician", "curator", "reader");
  static final String DEFAULT_ISSUER = "https://auth.psybiome.local";

  private TokenCommand() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    LocalKeys keys = new LocalKeys(Path.of(options.getOrDefault("keys", ".psybiome/keys")));
    if (options.containsKey("ensure-keys")) {
      if (keys.ensure()) {
        System.err.println("Created a local JWT key pair; public key: " + keys.publicKey());
      }
      return;
    }
    String role = options.get("role");
    if (role == null || !ROLES.contains(role)) {
      fail("--role must be one of " + ROLES);
    }
    String consortium = options.get("consortium");
    if (consortium == null && !role.equals("curator") && !role.equals("reader")) {
      fail("--consortium ID is required for role " + role);
    }
    keys.ensure();
    System.out.println(
        mint(
            keys,
            options.getOrDefault("issuer", DEFAULT_ISSUER),
            options.getOrDefault("subject", role + (consortium == null ? "" : "@" + consortium)),
            role,
            consortium,
            parseTtl(options.getOrDefault("ttl", "8h"))));
  }

  static String mint(
      LocalKeys keys, String issuer, String subject, String role, String consortium, Duration ttl)
      throws Exception {
    var claims =
        Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(ttl);
    if (consortium != null) {
      claims.claim("consortium", consortium);
    }
    return claims.sign(keys.privateKey());
  }

  static Duration parseTtl(String text) {
    String value = text.trim().toLowerCase();
    try {
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--ttl must look like 30m, 8h or 7d");
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        fail("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      if (name.equals("ensure-keys")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        fail(arg + " needs a value");
      }
    }
    return options;
  }

  private static void fail(String message) {
    System.err.println("psybiome token: " + message);
    System.err.println(
        "usage: ./psybiome token --role "
            + String.join("|", ROLES)
            + " --consortium ID"
            + " [--subject NAME] [--ttl 8h]");
    System.exit(2);
  }
}
