package org.psybiome.persistence.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * SHA-256 over what a request asks: its operation, path, If-Match and body, the body as canonical
 * JSON (object members sorted), so that a retry whose JSON differs only in member order or spacing
 * is the same request.
 */
final class RequestFingerprint {

  private final ObjectMapper json;
  private final MessageDigest digest;

  RequestFingerprint(ObjectMapper json) {
    this.json = json;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RequestFingerprint add(String part) {
    byte[] bytes = (part == null ? "\u0000" : part).getBytes(StandardCharsets.UTF_8);
    // length-prefixed, so that parts cannot run into one another
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
    return this;
  }

  /** A body already read into objects: its JSON, canonical. */
  RequestFingerprint addValue(Object value) {
    return add(canonical(json.valueToTree(value)));
  }

  /** A raw body: canonical JSON if it is JSON, else its bytes. */
  RequestFingerprint addBytes(byte[] body) {
    try {
      return add(canonical(json.readTree(body)));
    } catch (IOException notJson) {
      digest.update(body);
      return this;
    }
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private String canonical(JsonNode node) {
    try {
      return json.writeValueAsString(sorted(node));
    } catch (IOException e) {
      throw new IllegalStateException("A request body cannot be written as JSON", e);
    }
  }

  private JsonNode sorted(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> members = new TreeMap<>();
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        members.put(name, sorted(node.get(name)));
      }
      ObjectNode out = json.createObjectNode();
      members.forEach(out::set);
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = json.createArrayNode();
      node.forEach(item -> out.add(sorted(item)));
      return out;
    }
    return node;
  }
}
