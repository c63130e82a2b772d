package org.psybiome.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.gateway.model.Upstream;

/** Which service owns a path: the trial's analyses go to biomarker-service, the rest of it not. */
class RouteTableTest {

  private final RouteTable routes = new RouteTable();

  @Test
  void analysesOfATrialBelongToBiomarkerService() {
    for (String path :
        new String[] {
          "/api/v1/trials/PSB-1/results",
          "/api/v1/trials/PSB-1/results/validate",
          "/api/v1/trials/PSB-1/summaries/IL6",
          "/api/v1/trials/PSB-1/analysis",
          "/api/v1/trials/PSB-1/missing-data",
          "/api/v1/trials/PSB-1/response",
          "/api/v1/trials/PSB-1/crossover-analysis",
          "/api/v1/trials/PSB-1/subgroups",
          "/api/v1/evidence",
          "/api/v1/analytes/IL6"
        }) {
      assertThat(routes.ownerOf(path)).as(path).isEqualTo(Optional.of(Upstream.BIOMARKER_SERVICE));
    }
  }

  @Test
  void theRestOfATrialBelongsToTrialService() {
    for (String path :
        new String[] {
          "/api/v1/trials",
          "/api/v1/trials/PSB-1",
          "/api/v1/trials/PSB-1/participants",
          "/api/v1/trials/PSB-1/responses",
          "/api/v1/imports/clinicaltrials-gov"
        }) {
      assertThat(routes.ownerOf(path)).as(path).isEqualTo(Optional.of(Upstream.TRIAL_SERVICE));
    }
    assertThat(routes.ownerOf("/api/v1/evidences")).isEmpty();
    // trial-service's operator endpoint (decision 25) is never reachable through the gateway
    assertThat(routes.ownerOf("/internal/v1/republish")).isEmpty();
    assertThat(routes.ownerOf("/api/v1/../../internal/v1/republish")).isEmpty();
    assertThat(routes.servedByGateway("/api/v1/trials/PSB-1/consort")).isTrue();
  }
}
