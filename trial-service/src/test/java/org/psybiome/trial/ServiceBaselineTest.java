package org.psybiome.trial;

import io.quarkus.test.junit.QuarkusTest;
import org.psybiome.testsupport.ServiceBaselineContract;

@QuarkusTest
class ServiceBaselineTest extends ServiceBaselineContract {

  @Override
  protected boolean ownsDatabase() {
    return true;
  }
}
