package org.psybiome.systemtests.harness;

import org.psybiome.testsupport.TestTokens;

/** Bearer header values for the run's token signer: "Bearer " + a token of the role. */
public final class Tokens {

  private Tokens() {}

  public static String bearer(String role, String consortium) {
    return "Bearer " + TestTokens.token(role, consortium);
  }

  /** A distinct subject, so that its requests share no rate-limit bucket with others. */
  public static String bearer(String subject, String role, String consortium) {
    return "Bearer " + TestTokens.token(subject, role, consortium);
  }
}
