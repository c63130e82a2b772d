package org.psybiome.gateway.consort;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psybiome.common.web.XmlText;

/**
 * Draws a CONSORT 2010 flow diagram as SVG from the flow's JSON: the enrolment boxes (assessed,
 * excluded with reasons, randomised), then one column per arm (per sequence in a crossover trial,
 * one pooled column while arms are hidden from the caller) with the allocation, follow-up and
 * analysis boxes. Only what the JSON holds is drawn, so the picture hides exactly what the JSON
 * hides. Self-contained (no fonts, scripts or links) and labelled for screen readers.
 */
public final class ConsortDiagram {

  private static final int COLUMN = 300;
  private static final int GAP = 30;
  private static final int MARGIN = 110;
  private static final int LINE = 16;
  private static final int PADDING = 10;
  private static final int CHARS_PER_LINE = 44;

  private final StringBuilder body = new StringBuilder();
  private int width;

  private ConsortDiagram() {}

  /** The diagram of {@code flow} (the JSON of GET /trials/{id}/consort). */
  public static String render(JsonNode flow) {
    return new ConsortDiagram().draw(flow);
  }

  private String draw(JsonNode flow) {
    List<JsonNode> groups = new ArrayList<>();
    flow.path("arms").forEach(groups::add);
    boolean pooled = groups.isEmpty();
    int columns = pooled ? 1 : groups.size();
    // wide enough for the columns, and for the excluded box right of the centred enrolment boxes
    width = Math.max(MARGIN + columns * (COLUMN + GAP) + GAP, MARGIN + 3 * COLUMN + 4 * GAP);
    int centre = MARGIN + (width - MARGIN) / 2;

    JsonNode eligibility = flow.path("eligibility");
    int y = 20;
    section("Enrollment", y);
    int assessedBottom =
        box(
            centre - COLUMN / 2,
            y,
            List.of("Assessed for eligibility (n=" + eligibility.path("assessed").asLong() + ")"));
    List<String> excluded = new ArrayList<>();
    excluded.add("Excluded (n=" + eligibility.path("excluded").asLong() + ")");
    excluded.add(
        "• Not meeting inclusion criteria (n="
            + eligibility.path("notMeetingInclusionCriteria").asLong()
            + ")");
    excluded.add(
        "• Declined to participate (n=" + eligibility.path("declinedToParticipate").asLong() + ")");
    reasons(excluded, "• Other reasons", eligibility.path("otherReasons"));
    int excludedTop = assessedBottom + 20;
    int excludedBottom = box(centre + COLUMN / 2 + GAP, excludedTop, excluded);
    arrow(centre, assessedBottom, centre, excludedBottom + 20);
    arrow(centre, excludedTop + 14, centre + COLUMN / 2 + GAP, excludedTop + 14);
    int randomisedTop = excludedBottom + 20;
    int randomisedBottom =
        box(
            centre - COLUMN / 2,
            randomisedTop,
            List.of("Randomised (n=" + flow.path("pooled").path("allocated").asLong() + ")"));

    int top = randomisedBottom + 40;
    section("Allocation", top);
    List<List<String>> allocation = new ArrayList<>();
    List<List<String>> followUp = new ArrayList<>();
    List<List<String>> analysis = new ArrayList<>();
    if (pooled) {
      allocation.add(allocationLines("All participants (arms concealed)", flow.path("pooled")));
      followUp.add(followUpLines(flow.path("pooled")));
      analysis.add(analysisLines(flow.path("analysed"), null));
    } else {
      for (JsonNode group : groups) {
        allocation.add(
            allocationLines("Allocated to " + group.path("label").asText(), group.path("counts")));
        followUp.add(followUpLines(group.path("counts")));
        analysis.add(analysisLines(flow.path("analysed"), group.path("armCode").asText()));
      }
    }
    int left = MARGIN + (width - MARGIN - columns * (COLUMN + GAP) + GAP) / 2;
    for (int c = 0; c < columns; c++) {
      int x = left + c * (COLUMN + GAP);
      arrow(centre, randomisedBottom, x + COLUMN / 2, top);
    }
    int followTop = row(allocation, left, top) + 40;
    section("Follow-Up", followTop);
    int analysisTop = row(followUp, left, followTop) + 40;
    section("Analysis", analysisTop);
    int bottom = row(analysis, left, analysisTop);
    for (int c = 0; c < columns; c++) {
      int x = left + c * (COLUMN + GAP) + COLUMN / 2;
      arrow(x, followTop - 40, x, followTop);
      arrow(x, analysisTop - 40, x, analysisTop);
    }

    int height = bottom + 20;
    String title = "CONSORT flow diagram of " + flow.path("trialId").asText();
    String description =
        flow.path("pooled").path("allocated").asLong()
            + " participants randomised"
            + (pooled
                ? ", shown pooled because arms are concealed"
                : " into " + columns + " groups");
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        + " aria-labelledby=\"consort-title consort-desc\""
        + String.format(Locale.ROOT, " width=\"%d\" height=\"%d\"", width, height)
        + String.format(Locale.ROOT, " viewBox=\"0 0 %d %d\">", width, height)
        + "<title id=\"consort-title\">"
        + escape(title)
        + "</title><desc id=\"consort-desc\">"
        + escape(description)
        + "</desc>"
        + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
        + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
        + "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#333\"/></marker></defs>"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        // continuation lines keep their indent: spaces are not collapsed
        + "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#111\""
        + " xml:space=\"preserve\" style=\"white-space:pre\">"
        + body
        + "</g></svg>";
  }

  private static List<String> allocationLines(String heading, JsonNode counts) {
    List<String> lines = new ArrayList<>();
    lines.add(heading + " (n=" + counts.path("allocated").asLong() + ")");
    lines.add("• Received allocated intervention (n=" + counts.path("received").asLong() + ")");
    reasons(lines, "• Did not receive allocated intervention", counts.path("didNotReceive"));
    return lines;
  }

  private static List<String> followUpLines(JsonNode counts) {
    List<String> lines = new ArrayList<>();
    lines.add("Lost to follow-up (n=" + counts.path("lostToFollowUp").asLong() + ")");
    reasons(lines, "Discontinued intervention", counts.path("discontinued"));
    reasons(lines, "Withdrew consent", counts.path("withdrewConsent"));
    lines.add("Completed (n=" + counts.path("completed").asLong() + ")");
    lines.add("Emergency unblinded (n=" + counts.path("emergencyUnblinded").asLong() + ")");
    return lines;
  }

  /** The analysis of one group (an arm code), or pooled (null). */
  private static List<String> analysisLines(JsonNode analysed, String armCode) {
    List<String> lines = new ArrayList<>();
    for (JsonNode outcome : analysed) {
      JsonNode counts = outcome.path("pooled");
      if (armCode != null) {
        counts = null;
        for (JsonNode arm : outcome.path("arms")) {
          if (armCode.equals(arm.path("armCode").asText())) {
            counts = arm.path("counts");
          }
        }
        if (counts == null) {
          continue;
        }
      }
      lines.add(
          "Analysed, "
              + outcome.path("measure").asText()
              + " at "
              + outcome.path("visit").asText()
              + " (n="
              + counts.path("analysed").asLong()
              + ")");
      lines.add(
          "• Censored (n="
              + counts.path("censored").asLong()
              + "), without value (n="
              + counts.path("withoutValue").asLong()
              + ")");
    }
    if (lines.isEmpty()) {
      lines.add("Analysis: no outcome results yet");
    }
    return lines;
  }

  private static void reasons(List<String> lines, String heading, JsonNode reasons) {
    lines.add(heading + " (n=" + reasons.path("n").asLong() + ")");
    for (JsonNode reason : reasons.path("reasons")) {
      lines.add("– " + reason.path("reason").asText() + " (n=" + reason.path("n").asLong() + ")");
    }
  }

  /** Boxes side by side from {@code top}; returns the bottom of the tallest. */
  private int row(List<List<String>> boxes, int left, int top) {
    int bottom = top;
    for (int c = 0; c < boxes.size(); c++) {
      bottom = Math.max(bottom, box(left + c * (COLUMN + GAP), top, boxes.get(c)));
    }
    return bottom;
  }

  /** A box of wrapped lines at (x, y), COLUMN wide; returns its bottom. */
  private int box(int x, int y, List<String> lines) {
    List<String> wrapped = new ArrayList<>();
    lines.forEach(line -> wrapped.addAll(wrap(line)));
    int height = wrapped.size() * LINE + 2 * PADDING;
    body.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f7f7f7\""
                + " stroke=\"#333\"/>",
            x,
            y,
            COLUMN,
            height));
    for (int i = 0; i < wrapped.size(); i++) {
      body.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%d\" y=\"%d\">",
                  x + PADDING,
                  y + PADDING + (i + 1) * LINE - 4))
          .append(escape(wrapped.get(i)))
          .append("</text>");
    }
    return y + height;
  }

  private void section(String name, int y) {
    body.append(
            String.format(
                Locale.ROOT,
                "<text x=\"10\" y=\"%d\" font-weight=\"bold\" font-size=\"13\">",
                y + 16))
        .append(escape(name))
        .append("</text>");
  }

  private void arrow(int x1, int y1, int x2, int y2) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\""
                + " marker-end=\"url(#arrow)\"/>",
            x1,
            y1,
            x2,
            y2));
  }

  /** Breaks a line at spaces into lines of at most CHARS_PER_LINE (a longer word stays whole). */
  static List<String> wrap(String line) {
    List<String> lines = new ArrayList<>();
    String indent = line.startsWith("•") || line.startsWith("–") ? "  " : "";
    StringBuilder current = new StringBuilder();
    for (String word : line.split(" ", -1)) {
      if (current.length() > 0 && current.length() + 1 + word.length() > CHARS_PER_LINE) {
        lines.add(current.toString());
        current = new StringBuilder(indent);
      }
      if (current.length() > 0 && !current.toString().equals(indent)) {
        current.append(' ');
      }
      current.append(word);
    }
    lines.add(current.toString());
    return lines;
  }

  static String escape(String text) {
    return XmlText.escape(text);
  }
}
