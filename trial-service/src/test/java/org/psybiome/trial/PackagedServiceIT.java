package org.psybiome.trial;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (target/quarkus-app), not the test build, passes the same baseline: it
 * starts, migrates its database as the owner role, runs as the app role, reaches Kafka.
 */
@QuarkusIntegrationTest
class PackagedServiceIT extends ServiceBaselineTest {}
