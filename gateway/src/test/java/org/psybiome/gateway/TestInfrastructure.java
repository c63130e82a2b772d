package org.psybiome.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psybiome.testsupport.PsybiomeTestResource;

/** The gateway's tests: the run's Kafka broker and token key, and stand-in upstream services. */
@WithTestResource(value = PsybiomeTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = UpstreamStandIns.class, scope = TestResourceScope.GLOBAL)
public class TestInfrastructure {}
