package org.psybiome.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A benchmark raises the gateway's rate limits from the environment, without editing files: each
 * limit is a property of application.properties, so its environment variable (dots and dashes as
 * underscores, upper case; MicroProfile Config's rule) overrides it, role names with a dash
 * included. BENCHMARKS.md lists these variables.
 */
class RateLimitEnvironmentTest {

  @Test
  void environmentVariablesOverrideEveryRateLimit() throws IOException {
    Map<String, String> environment =
        Map.of(
            "PSYBIOME_GATEWAY_RATE_LIMIT_REQUESTS_PER_SECOND", "100000",
            "PSYBIOME_GATEWAY_RATE_LIMIT_BURST", "200000",
            "PSYBIOME_GATEWAY_RATE_LIMIT_ROLES_READER_REQUESTS_PER_SECOND", "100001",
            "PSYBIOME_GATEWAY_RATE_LIMIT_ROLES_READER_BURST", "200001",
            "PSYBIOME_GATEWAY_RATE_LIMIT_ROLES_BLINDED_STATISTICIAN_REQUESTS_PER_SECOND", "100002");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new EnvConfigSource(environment, 300))
            .withSources(
                new PropertiesConfigSource(
                    getClass().getClassLoader().getResource("application.properties"), 250))
            .build();

    assertThat(config.getValue("psybiome.gateway.rate-limit.requests-per-second", Integer.class))
        .isEqualTo(100000);
    assertThat(config.getValue("psybiome.gateway.rate-limit.burst", Integer.class))
        .isEqualTo(200000);
    assertThat(
            config.getValue(
                "psybiome.gateway.rate-limit.roles.reader.requests-per-second", Integer.class))
        .isEqualTo(100001);
    assertThat(config.getValue("psybiome.gateway.rate-limit.roles.reader.burst", Integer.class))
        .isEqualTo(200001);
    assertThat(
            config.getValue(
                "psybiome.gateway.rate-limit.roles.blinded-statistician.requests-per-second",
                Integer.class))
        .isEqualTo(100002);
    // what the file says stays where the environment says nothing
    assertThat(
            config.getValue("psybiome.gateway.rate-limit.roles.statistician.burst", Integer.class))
        .isEqualTo(200);
  }
}
