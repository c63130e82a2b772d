package org.psybiome.biomarker.service.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.Evidence;
import org.psybiome.biomarker.model.Specimen;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The forest plot is well-formed SVG whatever the titles hold, and draws what the JSON holds. */
class ForestPlotTest {

  @Test
  void titlesWithMarkupAreEscapedAndEveryTrialHasARow() throws Exception {
    Evidence evidence =
        evidence(
            List.of(
                trial("PSB-1", "Gut <b>&</b> \"mood\" 'trial'\u0001", 30.0),
                trial("PSB-2", null, 70.0)),
            pooled());
    String svg = ForestPlot.render(evidence);
    Document document = parse(svg);
    Element root = document.getDocumentElement();
    assertThat(root.getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .isEqualTo("Forest plot: HAMD17 at end-of-treatment (PROBIOTIC)");
    assertThat(root.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
        .contains("2 trials")
        .contains("PSB-1: -4.00 [-6.40, -1.60]");
    NodeList texts = root.getElementsByTagNameNS("*", "text");
    boolean found = false;
    for (int i = 0; i < texts.getLength(); i++) {
      found |= texts.item(i).getTextContent().contains("Gut <b>&</b> \"mood\" 'trial'");
    }
    assertThat(found).as("the title, escaped, reads back as written").isTrue();
    assertThat(rows(root)).isEqualTo(2);
    assertThat(svg).contains("<polygon");
    renders(svg);
  }

  @Test
  void withoutPoolingTheReasonIsShownAndNoDiamond() throws Exception {
    Evidence evidence = evidence(List.of(trial("PSB-1", "One", null)), null);
    String svg = ForestPlot.render(evidence);
    Element root = parse(svg).getDocumentElement();
    assertThat(rows(root)).isEqualTo(1);
    assertThat(svg).doesNotContain("<polygon").contains("Only one trial qualifies");
    renders(svg);
    // no trial at all: still a picture, with the reason
    renders(ForestPlot.render(evidence(List.of(), null)));
  }

  private static Evidence evidence(List<Evidence.Included> trials, Evidence.Pooled pooled) {
    return new Evidence(
        List.of("HAMD17"),
        "end-of-treatment",
        "PROBIOTIC",
        null,
        "md",
        Specimen.NOT_APPLICABLE,
        trials,
        List.of(new Evidence.Excluded("PSB-9", "t", "C", "NOT_SHARED", "not shared")),
        pooled,
        pooled == null
            ? (trials.isEmpty()
                ? "No trial qualifies: there is nothing to pool"
                : "Only one trial qualifies: pooling needs at least two")
            : null,
        null,
        List.of());
  }

  private static Evidence.Included trial(String id, String title, Double weight) {
    return new Evidence.Included(
        id,
        title,
        "C",
        "HAMD17",
        "W0",
        "W8",
        new Evidence.Arm("PRO", "Probiotic"),
        new Evidence.Arm("PLA", "Placebo"),
        new Evidence.ArmChange(5, -9, 2),
        new Evidence.ArmChange(5, -5, 1.5),
        -4,
        1.5,
        Math.sqrt(1.5),
        -6.4,
        -1.6,
        weight,
        "PROBIOTIC",
        false,
        null);
  }

  private static Evidence.Pooled pooled() {
    return new Evidence.Pooled(
        2, -3.5, 0.8, -13.7, 6.7, -4.4, 1, 0.14, 0.5, 20, 1.25, 1.25, 0.26, -20.1, 13.1);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static int rows(Element root) {
    NodeList groups = root.getElementsByTagNameNS("*", "g");
    int rows = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      if (((Element) groups.item(i)).getAttribute("class").equals("trial-row")) {
        rows++;
      }
    }
    return rows;
  }

  /** rsvg-convert, when installed, draws it without an error. */
  private static void renders(String svg) throws Exception {
    if (!new File("/usr/bin/rsvg-convert").canExecute()) {
      return;
    }
    Path in = Files.createTempFile("forest", ".svg");
    Path out = Files.createTempFile("forest", ".png");
    Files.writeString(in, svg);
    Process process =
        new ProcessBuilder("/usr/bin/rsvg-convert", "-o", out.toString(), in.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    assertThat(Files.size(out)).isPositive();
  }
}
