package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/** Page tokens come back as they were issued; anything else is a 400 naming pageToken. */
class PageTokensTest {

  /** A keyset position shaped like those search pages end at. */
  record Position(String value, String id) {}

  @Test
  void aPositionComesBackAsItWasIssued() {
    var position = new Position("2026-03-01", "PSB-2026-000042");
    assertThat(PageTokens.decode(PageTokens.encode(position), Position.class)).isEqualTo(position);
    assertThat(PageTokens.decode(PageTokens.encode(41L), Long.class)).isEqualTo(41L);
    assertThat(PageTokens.decode(PageTokens.encode("P-0099"), String.class)).isEqualTo("P-0099");
  }

  @Test
  void aTokenIsUrlSafeBase64OfJsonWithoutPadding() {
    // "P-0099" as JSON is the 8 bytes "P-0099" with its quotes; base64 of 8 bytes is 12 characters,
    // the last one padding "=" in standard base64, left out here.
    String token = PageTokens.encode("P-0099");
    assertThat(token).isEqualTo("IlAtMDA5OSI");
    assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
        .isEqualTo("\"P-0099\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not a token", // not base64 at all
        "IlAtMDA5OS", // truncated: the closing quote is lost
        "e30", // {} in base64: JSON, but not a number
      })
  void aTamperedTokenIsRefused(String token) {
    assertThatThrownBy(() -> PageTokens.decode(token, Long.class))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
              assertThat(e.violations()).extracting(Violation::field).containsExactly("pageToken");
            });
  }

  @Test
  void aTokenOfAnotherShapeIsRefused() {
    String positionToken = PageTokens.encode(new Position("2026-03-01", "PSB-2026-000042"));
    assertThatThrownBy(() -> PageTokens.decode(positionToken, Long.class))
        .isInstanceOf(ProblemException.class);
  }
}
