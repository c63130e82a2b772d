package org.psybiome.outbox;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psybiome.testsupport.PsybiomeTestResource;

/** Every test of this module runs against its own fresh database and the run's Kafka broker. */
@WithTestResource(
    value = PsybiomeTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "database", value = "outbox"))
public class TestInfrastructure {}
