package org.psybiome.common;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import org.psybiome.testsupport.PsybiomeTestResource;

/** The shared mechanics need no database or Kafka: only the token signer's public key. */
@WithTestResource(
    value = PsybiomeTestResource.class,
    scope = TestResourceScope.GLOBAL,
    initArgs = @ResourceArg(name = "kafka", value = "false"))
public class TestInfrastructure {}
