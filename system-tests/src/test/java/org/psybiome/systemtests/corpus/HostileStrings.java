package org.psybiome.systemtests.corpus;

import java.util.List;

/**
 * Values that have broken services elsewhere, grouped by kind. Each is a Java string; {@link
 * #JSON_ESCAPES} are raw JSON text (escapes a string value cannot carry through a JSON encoder).
 */
final class HostileStrings {

  static final List<String> SQL =
      List.of(
          "' OR '1'='1",
          "'; DROP TABLE trial; --",
          "1; SELECT pg_sleep(10)--",
          "\" OR \"\"=\"",
          "') UNION SELECT usename, passwd FROM pg_shadow --",
          "%' AND 1=CAST((SELECT version()) AS int) --",
          "$$; COPY trial TO PROGRAM 'id'; $$");

  static final List<String> JSON =
      List.of(
          "{\"$ne\": null}",
          "\"},\"status\":\"COMPLETED\",\"x\":{\"",
          "[[[[[[[[[[[[[[[[[[[[",
          "__proto__",
          "{\"@class\":\"java.lang.Runtime\"}");

  static final List<String> CSV_FORMULA =
      List.of(
          "=cmd|' /C calc'!A0",
          "+SUM(1,1)*cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@HYPERLINK(\"http://127.0.0.1/x\",\"y\")",
          "=IMPORTXML(CONCAT(\"http://127.0.0.1/\",A1),\"//a\")");

  static final List<String> PATH_TRAVERSAL =
      List.of(
          "../../../../etc/passwd",
          "..\\..\\..\\windows\\win.ini",
          "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
          "....//....//etc/passwd",
          "/dev/zero",
          "file:///etc/passwd");

  static final List<String> HEADER_LIKE =
      List.of(
          "x\r\nSet-Cookie: session=stolen",
          "x\nLocation: http://127.0.0.1/evil",
          "x%0d%0aX-Injected: 1");

  static final List<String> UNICODE =
      List.of(
          "\u202eTR-LATEMORP\u202c", // right-to-left override
          "IL\u200b6", // zero-width space
          "\u200f\u200e\u061c", // RTL/LTR/Arabic marks
          "\ufeffNCT06123456", // byte-order mark inside
          "e\u0301\u0301\u0301\u0301\u0301\u0301", // stacked combining accents
          "\ud83e\udda0\ud83e\uddeb", // emoji (valid surrogate pairs)
          "\u0000",
          "abc\u0000def",
          "\u00c0\u00af", // what an overlong '/' looks like decoded as Latin-1
          "\uffff\ufffe");

  /** Raw JSON string literals (with their quotes) carrying escapes no valid text has. */
  static final List<String> JSON_ESCAPES =
      List.of(
          "\"\\ud800\"", // lone high surrogate
          "\"\\udfff\"", // lone low surrogate
          "\"abc\\ud800def\"",
          "\"\\udc00\\ud800\"", // surrogates in the wrong order
          "\"\\u0000\"", // NUL
          "\"x\\u0000\\u0000y\"");

  /** Raw bytes no UTF-8 text contains: overlong encodings, stray continuation bytes. */
  static final List<byte[]> INVALID_UTF8 =
      List.of(
          new byte[] {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
          new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong '/', three bytes
          new byte[] {(byte) 0xC0, (byte) 0x80}, // overlong NUL
          new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
          new byte[] {(byte) 0x80, (byte) 0xBF}, // continuation bytes alone
          new byte[] {(byte) 0xFF, (byte) 0xFE});

  static final List<List<String>> ALL_TEXT =
      List.of(SQL, JSON, CSV_FORMULA, PATH_TRAVERSAL, HEADER_LIKE, UNICODE);

  private HostileStrings() {}

  static String longString(int length, char c) {
    return String.valueOf(c).repeat(length);
  }
}
