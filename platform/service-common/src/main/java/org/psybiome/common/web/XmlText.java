package org.psybiome.common.web;

/** Text put into an XML document (the SVG drawings the API answers with). */
public final class XmlText {

  private XmlText() {}

  /**
   * The five XML special characters as entities; characters XML 1.0 cannot carry (controls other
   * than tab, line feed and carriage return) are dropped, never sent as a broken document.
   */
  public static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            escaped.append(ch);
          }
        }
      }
    }
    return escaped.toString();
  }
}
