package org.psybiome.biomarker.service.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psybiome.biomarker.model.Evidence;
import org.psybiome.common.web.XmlText;

/**
 * Draws the evidence answer as an SVG forest plot: one row per included trial (label, the effect as
 * a square whose area is proportional to its weight, its 95 % interval as a line, the figures in
 * text), the pooled estimate as a diamond spanning its HKSJ interval, the prediction interval as a
 * line beneath it, and an axis with the line of no effect. Only what the JSON holds is drawn.
 * Self-contained (no fonts, scripts or links), titled and described for screen readers, every text
 * XML-escaped.
 */
public final class ForestPlot {

  private static final int WIDTH = 1000;
  private static final int LABEL_WIDTH = 370;
  private static final int PLOT_LEFT = LABEL_WIDTH + 10;
  private static final int PLOT_WIDTH = 360;
  private static final int TEXT_LEFT = PLOT_LEFT + PLOT_WIDTH + 20;
  private static final int ROW = 26;
  private static final int TOP = 70;
  private static final int MAX_SQUARE = 16;

  private final StringBuilder body = new StringBuilder();
  private double low;
  private double high;

  private ForestPlot() {}

  public static String render(Evidence evidence) {
    return new ForestPlot().draw(evidence);
  }

  private String draw(Evidence evidence) {
    List<Evidence.Included> trials = evidence.included();
    Evidence.Pooled pooled = evidence.pooled();
    range(trials, pooled);
    String measure =
        EvidenceQuery.MD.equals(evidence.effect())
            ? "Mean difference of the change from baseline"
            : "Hedges' g of the change from baseline";
    String title =
        "Forest plot: "
            + String.join(" or ", evidence.outcomes())
            + " at "
            + evidence.timepoint()
            + filters(evidence);
    text(10, 22, title, "font-size=\"15\" font-weight=\"bold\"");
    text(10, 42, measure + ", experimental minus comparator (95% CI)", "");
    int header = TOP - 8;
    text(10, header, "Trial", "font-weight=\"bold\"");
    text(TEXT_LEFT, header, "Effect [95% CI]", "font-weight=\"bold\"");
    text(WIDTH - 70, header, "Weight", "font-weight=\"bold\"");

    double maxWeight = 0;
    for (Evidence.Included t : trials) {
      maxWeight = Math.max(maxWeight, t.weight() == null ? 0 : t.weight());
    }
    int y = TOP;
    for (Evidence.Included t : trials) {
      int centre = y + ROW / 2;
      body.append("<g class=\"trial-row\" data-trial=\"").append(escape(t.trialId())).append("\">");
      text(10, centre + 4, label(t), "");
      line(x(t.ciLow()), centre, x(t.ciHigh()), centre, "#333", 1.5, null);
      // area proportional to weight; equal squares when nothing is pooled
      double side =
          t.weight() == null || maxWeight == 0
              ? MAX_SQUARE / 2.0
              : Math.max(3, MAX_SQUARE * Math.sqrt(t.weight() / maxWeight));
      body.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"#1f4e79\"/>",
              x(t.effect()) - side / 2,
              centre - side / 2,
              side,
              side));
      text(TEXT_LEFT, centre + 4, interval(t.effect(), t.ciLow(), t.ciHigh()), "");
      text(
          WIDTH - 70,
          centre + 4,
          t.weight() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", t.weight()),
          "");
      body.append("</g>");
      y += ROW;
    }
    String description;
    if (pooled != null) {
      int centre = y + ROW / 2 + 4;
      body.append("<g class=\"pooled\">");
      text(
          10,
          centre + 4,
          "Random effects (REML, Hartung–Knapp), k = " + pooled.k(),
          "font-weight=\"bold\"");
      body.append(
          String.format(
              Locale.ROOT,
              "<polygon points=\"%.2f,%d %.2f,%d %.2f,%d %.2f,%d\" fill=\"#c0504d\"/>",
              x(pooled.ciLow()),
              centre,
              x(pooled.estimate()),
              centre - 8,
              x(pooled.ciHigh()),
              centre,
              x(pooled.estimate()),
              centre + 8));
      text(
          TEXT_LEFT,
          centre + 4,
          interval(pooled.estimate(), pooled.ciLow(), pooled.ciHigh()),
          "font-weight=\"bold\"");
      text(WIDTH - 70, centre + 4, "100%", "font-weight=\"bold\"");
      body.append("</g>");
      int pi = centre + ROW;
      body.append("<g class=\"prediction-interval\">");
      text(10, pi + 4, "95% prediction interval", "");
      line(x(pooled.piLow()), pi, x(pooled.piHigh()), pi, "#c0504d", 2, null);
      text(TEXT_LEFT, pi + 4, interval(pooled.estimate(), pooled.piLow(), pooled.piHigh()), "");
      body.append("</g>");
      y = pi + ROW / 2;
      text(
          10,
          y + 18,
          String.format(
              Locale.ROOT,
              "Heterogeneity: τ² = %s, I² = %.1f%%, Q = %.2f (df %d, p = %s)",
              number(pooled.tau2()),
              pooled.i2(),
              pooled.q(),
              pooled.df(),
              number(pooled.qP())),
          "font-size=\"11\"");
      y += 24;
      description =
          String.format(
              Locale.ROOT,
              "%d trials. Pooled %s %s, 95%% CI %s to %s; prediction interval %s to %s; I²"
                  + " %.1f%%.",
              trials.size(),
              EvidenceQuery.MD.equals(evidence.effect()) ? "mean difference" : "Hedges' g",
              number(pooled.estimate()),
              number(pooled.ciLow()),
              number(pooled.ciHigh()),
              number(pooled.piLow()),
              number(pooled.piHigh()),
              pooled.i2());
    } else {
      y += 8;
      text(10, y + 12, evidence.notPooledReason(), "font-style=\"italic\"");
      y += 18;
      description = trials.size() + " trial(s). " + evidence.notPooledReason() + ".";
    }
    int axis = y + 14;
    axis(TOP, axis);
    int height = axis + 50;
    if (!evidence.excluded().isEmpty()) {
      text(
          10,
          height - 8,
          evidence.excluded().size() + " trial(s) not included: see the JSON answer for why",
          "font-size=\"11\"");
      description += " " + evidence.excluded().size() + " trial(s) not included.";
      height += 6;
    }
    StringBuilder rows = new StringBuilder();
    for (Evidence.Included t : trials) {
      rows.append(' ')
          .append(t.trialId())
          .append(": ")
          .append(interval(t.effect(), t.ciLow(), t.ciHigh()))
          .append('.');
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
        + " aria-labelledby=\"forest-title forest-desc\""
        + String.format(Locale.ROOT, " width=\"%d\" height=\"%d\"", WIDTH, height)
        + String.format(Locale.ROOT, " viewBox=\"0 0 %d %d\">", WIDTH, height)
        + "<title id=\"forest-title\">"
        + escape(title)
        + "</title><desc id=\"forest-desc\">"
        + escape(measure + ". " + description + rows)
        + "</desc>"
        + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<g font-family=\"sans-serif\" font-size=\"12\" fill=\"#111\">"
        + body
        + "</g></svg>";
  }

  private static String filters(Evidence evidence) {
    List<String> parts = new ArrayList<>();
    if (evidence.interventionType() != null) {
      parts.add(evidence.interventionType());
    }
    if (evidence.adjunct() != null) {
      parts.add(evidence.adjunct() ? "adjunct" : "standalone");
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static String label(Evidence.Included t) {
    String name = t.title() == null ? t.trialId() : t.trialId() + " " + t.title();
    if (name.length() > 40) {
      name = name.substring(0, 39) + "…";
    }
    return name + " (" + t.consortium() + ")";
  }

  /** The axis range: every interval and 0, with a margin, at least 1 wide. */
  private void range(List<Evidence.Included> trials, Evidence.Pooled pooled) {
    low = 0;
    high = 0;
    for (Evidence.Included t : trials) {
      low = Math.min(low, t.ciLow());
      high = Math.max(high, t.ciHigh());
    }
    if (pooled != null) {
      low = Math.min(low, Math.min(pooled.ciLow(), pooled.piLow()));
      high = Math.max(high, Math.max(pooled.ciHigh(), pooled.piHigh()));
    }
    if (high - low < 1) {
      double mid = (high + low) / 2;
      low = mid - 0.5;
      high = mid + 0.5;
    }
    double margin = (high - low) * 0.05;
    low -= margin;
    high += margin;
  }

  private double x(double value) {
    return PLOT_LEFT + (value - low) / (high - low) * PLOT_WIDTH;
  }

  /** The axis at {@code bottom} with ticks, and the dashed line of no effect from {@code top}. */
  private void axis(int top, int bottom) {
    body.append("<g class=\"axis\">");
    line(PLOT_LEFT, bottom, PLOT_LEFT + PLOT_WIDTH, bottom, "#333", 1, null);
    double step = niceStep((high - low) / 6);
    for (double tick = Math.ceil(low / step) * step; tick <= high + 1e-12; tick += step) {
      double tx = x(tick);
      line(tx, bottom, tx, bottom + 5, "#333", 1, null);
      text(
          tx,
          bottom + 18,
          number(Math.abs(tick) < step / 1e6 ? 0 : tick),
          "text-anchor=\"middle\"");
    }
    line(x(0), top, x(0), bottom, "#666", 1, "4 3");
    // which side is better depends on the outcome's direction: say only which arm is lower
    text(
        x(0) - 6, bottom + 34, "← lower with experimental", "text-anchor=\"end\" font-size=\"11\"");
    text(x(0) + 6, bottom + 34, "higher with experimental →", "font-size=\"11\"");
    body.append("</g>");
  }

  private static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double fraction = rough / magnitude;
    double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
    return nice * magnitude;
  }

  private void line(
      double x1, double y1, double x2, double y2, String colour, double width, String dash) {
    body.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\""
                + " stroke-width=\"%s\"%s/>",
            x1,
            y1,
            x2,
            y2,
            colour,
            number(width),
            dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
  }

  private void text(double x, double y, String text, String attributes) {
    body.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.2f\" y=\"%.2f\"%s>",
                x,
                y,
                attributes.isEmpty() ? "" : " " + attributes))
        .append(escape(text))
        .append("</text>");
  }

  private static String interval(double estimate, double ciLow, double ciHigh) {
    return number(estimate) + " [" + number(ciLow) + ", " + number(ciHigh) + "]";
  }

  /** Three significant decimals at most, as forest plots print them. */
  private static String number(double value) {
    return String.format(
        Locale.ROOT, Math.abs(value) < 0.001 && value != 0 ? "%.2g" : "%.2f", value);
  }

  static String escape(String text) {
    return XmlText.escape(text);
  }
}
