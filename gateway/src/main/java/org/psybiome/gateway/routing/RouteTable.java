package org.psybiome.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.psybiome.gateway.model.Upstream;

/**
 * Which service owns a path of the public API. Biomarker data hangs partly under a trial ({@code
 * /trials/{id}/results}), so the more specific biomarker routes are tried first and every other
 * trial path belongs to trial-service, as do imports of trials from other registries. The overview,
 * the CONSORT flow and the event feed are the gateway's own.
 */
@ApplicationScoped
public class RouteTable {

  private record Route(Pattern pattern, Upstream upstream) {}

  private static final List<Route> ROUTES =
      List.of(
          route("/api/v1/(analytes|panels|batches|evidence)(/.*)?", Upstream.BIOMARKER_SERVICE),
          route(
              "/api/v1/trials/[^/]+/(results|summaries|drift|batches|analysis|missing-data|response"
                  + "|crossover-analysis|subgroups)(/.*)?",
              Upstream.BIOMARKER_SERVICE),
          route("/api/v1/trials(/.*)?", Upstream.TRIAL_SERVICE),
          route("/api/v1/imports(/.*)?", Upstream.TRIAL_SERVICE));

  /**
   * Paths the gateway answers itself: the composite overview, the CONSORT flow with its analysis
   * (composed from both services) and the live event feed. They pass the same edge checks as routed
   * paths.
   */
  private static final List<Pattern> OWN =
      List.of(
          Pattern.compile("/api/v1/trials/[^/]+/overview"),
          Pattern.compile("/api/v1/trials/[^/]+/consort"),
          Pattern.compile("/api/v1/events"));

  private static Route route(String regex, Upstream upstream) {
    return new Route(Pattern.compile(regex), upstream);
  }

  /** True for the paths the gateway serves itself rather than routing them to a service. */
  public boolean servedByGateway(String path) {
    return OWN.stream().anyMatch(own -> own.matcher(path).matches());
  }

  /** The owner of {@code path}, or empty when no service serves it. */
  public Optional<Upstream> ownerOf(String path) {
    for (Route route : ROUTES) {
      if (route.pattern().matcher(path).matches()) {
        return Optional.of(route.upstream());
      }
    }
    return Optional.empty();
  }
}
