package org.psybiome.persistence.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.ProblemException;

/** What makes two requests the same request under one Idempotency-Key, and what a key may be. */
class RequestFingerprintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String of(String body) {
    return new RequestFingerprint(JSON)
        .add("POST")
        .add("/api/v1/trials")
        .addBytes(body.getBytes(StandardCharsets.UTF_8))
        .hex();
  }

  @Test
  void theHashIsOverLengthPrefixedPartsAndCanonicalJson() {
    // Worked by /usr/bin/python3, outside this code:
    //   part = lambda s: str(len(s.encode())).encode() + b':' + s.encode()
    //   c = json.dumps({'b': 1, 'a': [{'d': 2, 'c': 3}]}, sort_keys=True, separators=(',', ':'))
    //   hashlib.sha256(part('POST') + part('/api/v1/trials') + part(c)).hexdigest()
    assertThat(of("{\"b\": 1, \"a\": [{\"d\": 2, \"c\": 3}]}"))
        .isEqualTo("0d651b818c31ad20b0b2ed0931f9716006742b673014d919f5e083ee03c87d72");
  }

  @Test
  void memberOrderAndSpacingDoNotMatterButValuesAndArrayOrderDo() {
    String body = of("{\"b\":1,\"a\":[{\"d\":2,\"c\":3}]}");
    assertThat(of(" { \"a\" : [ {\"c\":3, \"d\":2} ], \"b\" : 1 } ")).isEqualTo(body);
    assertThat(of("{\"b\":2,\"a\":[{\"d\":2,\"c\":3}]}")).isNotEqualTo(body);
    assertThat(of("{\"b\":1,\"a\":[{\"d\":2,\"c\":3},{}]}")).isNotEqualTo(body);
    assertThat(of("{\"b\":1,\"a\":[{},{\"d\":2,\"c\":3}]}"))
        .isNotEqualTo(of("{\"b\":1,\"a\":[{\"d\":2,\"c\":3},{}]}"));
  }

  @Test
  void anAbsentPartIsNotAnEmptyOne() {
    // If-Match absent vs empty: python gives 2be2408e... for part('POST') + part('/api/v1/trials')
    // + b'1:\x00' + part(c)
    String absent =
        new RequestFingerprint(JSON)
            .add("POST")
            .add("/api/v1/trials")
            .add(null)
            .addValue(Map.of("b", 1, "a", java.util.List.of(Map.of("d", 2, "c", 3))))
            .hex();
    assertThat(absent)
        .isEqualTo("2be2408e5551200b4f80354f2be77c70b877105893c8417f77bf199dcc875679");
    String empty =
        new RequestFingerprint(JSON)
            .add("POST")
            .add("/api/v1/trials")
            .add("")
            .addValue(Map.of("b", 1, "a", java.util.List.of(Map.of("d", 2, "c", 3))))
            .hex();
    assertThat(empty).isNotEqualTo(absent);
  }

  @Test
  void aKeyIsOneTo255VisibleAsciiCharacters() {
    assertThat(IdempotencyKeyHeader.check("x".repeat(255))).hasSize(255);
    assertThat(IdempotencyKeyHeader.check("6f1c-!~")).isEqualTo("6f1c-!~");
    for (String bad : new String[] {"", "x".repeat(256), "a b", "tab\t", "caf\u00e9", "\u007f"}) {
      assertThatThrownBy(() -> IdempotencyKeyHeader.check(bad))
          .isInstanceOf(ProblemException.class);
    }
  }
}
