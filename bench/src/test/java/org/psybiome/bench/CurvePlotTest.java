package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A curve becomes a PNG that an image reader opens, drawn from the report's points. */
class CurvePlotTest {

  @Test
  void writesAReadablePng(@TempDir Path dir) throws Exception {
    List<Map<String, Object>> curve =
        List.of(
            Map.of("connections", 1, "rps", Map.of("median", 500.0, "min", 450.0, "max", 520.0)),
            Map.of(
                "connections", 8, "rps", Map.of("median", 1500.0, "min", 1400.0, "max", 1600.0)));
    List<CurvePlot.Point> points = CurvePlot.fromCurve(curve, "rps");
    assertThat(points)
        .containsExactly(
            new CurvePlot.Point("1", 500.0, 450.0, 520.0),
            new CurvePlot.Point("8", 1500.0, 1400.0, 1600.0));
    var series = CurvePlot.series();
    series.put("direct", points);
    Path png = dir.resolve("plots/curve.png");
    CurvePlot.write(png, "title", "connections", "requests/s", series);
    BufferedImage image = ImageIO.read(Files.newInputStream(png));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(500);
  }
}
