package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.PanelEntity;
import org.psybiome.biomarker.repository.PanelRepository;

/**
 * What a trial's schedule pre-registers at each visit: the analytes of the visit's panels (as the
 * catalogue lists them now) and its scales, which are analyte codes themselves.
 */
@ApplicationScoped
public class ScheduleAnalytes {

  private final PanelRepository panels;

  ScheduleAnalytes(PanelRepository panels) {
    this.panels = panels;
  }

  /** A visit's pre-registered analytes in schedule order, and panels the catalogue lacks. */
  public record Registered(Set<String> analytes, List<String> unknownPanels) {}

  /** Per visit code, in the schedule's order. */
  @Transactional
  public Map<String, Registered> byVisit(TrialSnapshot trial) {
    Set<String> named =
        trial.visits().stream().flatMap(v -> v.panels().stream()).collect(Collectors.toSet());
    Map<String, List<String>> panelAnalytes =
        named.isEmpty()
            ? Map.of()
            : panels.list("code in ?1", named).stream()
                .collect(Collectors.toMap(p -> p.code, ScheduleAnalytes::analytesOf));
    Map<String, Registered> byVisit = new LinkedHashMap<>();
    for (TrialVisit visit : trial.visits()) {
      Set<String> analytes = new LinkedHashSet<>();
      List<String> unknown = new ArrayList<>();
      for (String panel : visit.panels()) {
        List<String> codes = panelAnalytes.get(panel);
        if (codes == null) {
          unknown.add(panel);
        } else {
          analytes.addAll(codes);
        }
      }
      analytes.addAll(visit.scales());
      byVisit.put(visit.code(), new Registered(analytes, unknown));
    }
    return byVisit;
  }

  private static List<String> analytesOf(PanelEntity panel) {
    return List.copyOf(panel.analyteCodes);
  }
}
