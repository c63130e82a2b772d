package org.psybiome.gateway.routing;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a link a service returned (a {@code Location}, made from the address the gateway called it
 * at) into one the client can follow: the gateway's public address with the link's path. That
 * address is, in order, what a reverse proxy in front of the gateway says in {@code Forwarded} (RFC
 * 7239) or {@code X-Forwarded-Proto/-Host/-Port/-Prefix}, else the configured public URL, else the
 * scheme and {@code Host} the client itself used.
 */
public final class PublicLinks {

  private final Optional<URI> configured;
  private final Collection<URI> services;

  /**
   * @param configured the gateway's configured public URL, if any
   * @param services the services' internal base URLs: links to these are rewritten
   */
  public PublicLinks(Optional<URI> configured, Collection<URI> services) {
    this.configured = configured;
    this.services = services;
  }

  /**
   * @param link the header's value as the service sent it
   * @param header the client request's headers, by name (null when absent)
   * @param scheme the scheme the client used to reach the gateway
   */
  public String rewrite(String link, Function<String, String> header, String scheme) {
    URI uri;
    try {
      uri = URI.create(link.trim());
    } catch (IllegalArgumentException e) {
      return link;
    }
    if (uri.isAbsolute() && !isService(uri)) {
      return link; // a link elsewhere (none today) is left as it is
    }
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return base(header, scheme) + pathAndQuery;
  }

  private boolean isService(URI uri) {
    return services.stream()
        .anyMatch(
            service ->
                service.getHost().equalsIgnoreCase(uri.getHost()) && port(service) == port(uri));
  }

  /** The public scheme, authority and path prefix, without a trailing slash. */
  String base(Function<String, String> header, String scheme) {
    Optional<String> forwarded = Forwarded.base(header, scheme);
    if (forwarded.isPresent()) {
      return forwarded.get();
    }
    if (configured.isPresent()) {
      String url = configured.get().toString();
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
    String host = header.apply("Host");
    return scheme + "://" + (host == null ? "localhost" : host);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  /** The forwarding headers a reverse proxy sets. */
  private static final class Forwarded {

    static Optional<String> base(Function<String, String> header, String scheme) {
      String proto = null;
      String host = null;
      String forwarded = header.apply("Forwarded");
      if (forwarded != null) {
        // The first element is what the proxy nearest the client saw.
        for (String pair : forwarded.split(",", 2)[0].split(";")) {
          String[] kv = pair.trim().split("=", 2);
          if (kv.length == 2) {
            String value = unquote(kv[1].trim());
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
              case "proto" -> proto = value;
              case "host" -> host = value;
              default -> {}
            }
          }
        }
      }
      if (host == null) {
        host = first(header.apply("X-Forwarded-Host"));
        String port = first(header.apply("X-Forwarded-Port"));
        if (host != null && port != null && !host.contains(":")) {
          host = host + ":" + port;
        }
      }
      if (proto == null) {
        proto = first(header.apply("X-Forwarded-Proto"));
      }
      if (host == null) {
        return Optional.empty();
      }
      if (proto == null || !(proto.equals("http") || proto.equals("https"))) {
        proto = scheme;
      }
      String prefix = first(header.apply("X-Forwarded-Prefix"));
      prefix = prefix == null ? "" : "/" + prefix.replaceAll("^/+|/+$", "");
      if (prefix.equals("/")) {
        prefix = "";
      }
      return Optional.of(proto + "://" + host + prefix);
    }

    private static String first(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      return value.split(",", 2)[0].trim();
    }

    private static String unquote(String value) {
      return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
          ? value.substring(1, value.length() - 1)
          : value;
    }
  }
}
