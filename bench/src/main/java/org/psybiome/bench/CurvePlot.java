package org.psybiome.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A curve of the report as a PNG, drawn with the JDK alone (java.awt, headless): one line per
 * series through the medians, a bar from min to max at each point, x at evenly spaced positions
 * labelled with the sizes (1, 8, 32, 128 connections; 10k, 100k, 1M trials...).
 */
final class CurvePlot {

  /** A point: its x label, and the median, min and max of the figure there. */
  record Point(String x, double median, double min, double max) {}

  private static final Color[] COLOURS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };

  private CurvePlot() {}

  static void write(
      Path file, String title, String xLabel, String yLabel, Map<String, List<Point>> series)
      throws Exception {
    System.setProperty("java.awt.headless", "true");
    int width = 800;
    int height = 500;
    int left = 90;
    int right = 30;
    int top = 50;
    int bottom = 70;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(title, left, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

    List<String> xs = series.values().iterator().next().stream().map(Point::x).toList();
    double yMax = 0;
    for (List<Point> points : series.values()) {
      for (Point p : points) {
        yMax = Math.max(yMax, p.max());
      }
    }
    yMax = niceCeiling(yMax);
    int plotW = width - left - right;
    int plotH = height - top - bottom;
    g.drawLine(left, top, left, top + plotH);
    g.drawLine(left, top + plotH, left + plotW, top + plotH);
    for (int i = 0; i <= 5; i++) {
      double v = yMax * i / 5;
      int y = top + plotH - (int) Math.round(plotH * i / 5.0);
      g.setColor(new Color(0xdddddd));
      g.drawLine(left + 1, y, left + plotW, y);
      g.setColor(Color.BLACK);
      String label = String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.2f", v);
      g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    for (int i = 0; i < xs.size(); i++) {
      int x = xPos(i, xs.size(), left, plotW);
      g.drawString(xs.get(i), x - g.getFontMetrics().stringWidth(xs.get(i)) / 2, top + plotH + 18);
    }
    g.drawString(
        xLabel, left + plotW / 2 - g.getFontMetrics().stringWidth(xLabel) / 2, height - 25);
    g.rotate(-Math.PI / 2);
    g.drawString(yLabel, -(top + plotH / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 20);
    g.rotate(Math.PI / 2);

    int s = 0;
    for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
      Color colour = COLOURS[s % COLOURS.length];
      g.setColor(colour);
      g.setStroke(new BasicStroke(2f));
      List<Point> points = entry.getValue();
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < points.size(); i++) {
        Point p = points.get(i);
        int x = xPos(i, points.size(), left, plotW);
        int y = yPos(p.median(), yMax, top, plotH);
        g.drawLine(x, yPos(p.min(), yMax, top, plotH), x, yPos(p.max(), yMax, top, plotH));
        g.drawLine(x - 4, yPos(p.min(), yMax, top, plotH), x + 4, yPos(p.min(), yMax, top, plotH));
        g.drawLine(x - 4, yPos(p.max(), yMax, top, plotH), x + 4, yPos(p.max(), yMax, top, plotH));
        g.fillOval(x - 4, y - 4, 8, 8);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, x, y);
        }
        prevX = x;
        prevY = y;
      }
      g.fillRect(left + plotW - 200, top + 8 + s * 18, 14, 10);
      g.setColor(Color.BLACK);
      g.drawString(entry.getKey(), left + plotW - 180, top + 18 + s * 18);
      s++;
    }
    g.dispose();
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  /** Points of a LoadCurve measurement: x the connections, the figure one of its keys. */
  @SuppressWarnings("unchecked")
  /** A point at x from a median/min/max map (LoadCurve.stat). */
  static Point point(String x, Map<String, Double> stat) {
    return new Point(x, stat.get("median"), stat.get("min"), stat.get("max"));
  }

  static List<Point> fromCurve(List<Map<String, Object>> curve, String figure) {
    return curve.stream()
        .map(
            p -> {
              Map<String, Double> stat = (Map<String, Double>) p.get(figure);
              return new Point(
                  String.valueOf(p.get("connections")),
                  stat.get("median"),
                  stat.get("min"),
                  stat.get("max"));
            })
        .toList();
  }

  static Map<String, List<Point>> series() {
    return new LinkedHashMap<>();
  }

  private static int xPos(int i, int n, int left, int plotW) {
    return left + (int) Math.round(plotW * (i + 0.5) / n);
  }

  private static int yPos(double v, double yMax, int top, int plotH) {
    return top + plotH - (int) Math.round(plotH * (v / yMax));
  }

  private static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
