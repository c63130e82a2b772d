package org.psybiome.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Entities and dropped characters written out by hand from XML 1.0 §2.2 and §2.4. */
class XmlTextTest {

  @Test
  void specialCharactersBecomeEntitiesAndForbiddenOnesGo() {
    assertThat(XmlText.escape("<b>\"R&D\" 'trial'</b>"))
        .isEqualTo("&lt;b&gt;&quot;R&amp;D&quot; &apos;trial&apos;&lt;/b&gt;");
    assertThat(XmlText.escape("a\u0000b\u0007c\td\ne\rf")).isEqualTo("abc\td\ne\rf");
    assertThat(XmlText.escape("Lactobacillus \u00b5g \u2265 3"))
        .isEqualTo("Lactobacillus \u00b5g \u2265 3");
  }
}
