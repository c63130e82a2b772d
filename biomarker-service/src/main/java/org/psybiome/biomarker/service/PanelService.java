package org.psybiome.biomarker.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.Panel;
import org.psybiome.biomarker.repository.AnalyteRepository;
import org.psybiome.biomarker.repository.PanelEntity;
import org.psybiome.biomarker.repository.PanelRepository;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/** Panels: the groups of analytes that trial schedules pre-register at their visits. */
@ApplicationScoped
public class PanelService {

  private final PanelRepository panels;
  private final AnalyteRepository analytes;

  PanelService(PanelRepository panels, AnalyteRepository analytes) {
    this.panels = panels;
    this.analytes = analytes;
  }

  @Transactional
  public List<Panel> list() {
    return panels.all().stream().map(PanelEntity::toPanel).toList();
  }

  @Transactional
  public Panel get(String code) {
    return panels
        .findByIdOptional(code)
        .map(PanelEntity::toPanel)
        .orElseThrow(() -> notFound(code));
  }

  @Transactional
  public Panel create(Caller caller, Panel panel) {
    if (panel.code() == null) {
      throw ProblemException.invalid(
          "The panel needs a code", List.of(Violation.of("code", "must not be null")));
    }
    check(panel);
    if (panels.findByIdOptional(panel.code()).isPresent()) {
      throw ProblemException.conflict("Panel " + panel.code() + " already exists");
    }
    PanelEntity entity = new PanelEntity();
    entity.code = panel.code();
    entity.name = panel.name();
    entity.analyteCodes.addAll(panel.analytes());
    panels.persist(entity);
    Log.infof("Panel %s added by %s", entity.code, caller.subject());
    return entity.toPanel();
  }

  @Transactional
  public Panel replace(Caller caller, String code, Panel panel) {
    if (panel.code() != null && !panel.code().equals(code)) {
      throw ProblemException.invalid(
          "The body names another panel than the path",
          List.of(Violation.of("code", "must be " + code + " or left out")));
    }
    check(panel);
    PanelEntity entity = panels.findByIdOptional(code).orElseThrow(() -> notFound(code));
    entity.name = panel.name();
    // Rewrite the list from scratch: updating positions in place could briefly list an analyte
    // twice and break the (panel, analyte) uniqueness.
    entity.analyteCodes.clear();
    panels.flush();
    entity.analyteCodes.addAll(panel.analytes());
    Log.infof("Panel %s changed by %s", code, caller.subject());
    return entity.toPanel();
  }

  private void check(Panel panel) {
    if (panel.analytes().size() > Panel.MAX_ANALYTES) {
      // too many items, like a batch of too many rows: 413, before the codes are looked up
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "A panel lists at most "
              + Panel.MAX_ANALYTES
              + " analytes; this one lists "
              + panel.analytes().size());
    }
    List<Violation> violations = new ArrayList<>();
    Set<String> known =
        analytes.byCodes(panel.analytes()).stream().map(a -> a.code).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < panel.analytes().size(); i++) {
      String code = panel.analytes().get(i);
      if (!known.contains(code)) {
        violations.add(
            Violation.of("analytes[" + i + "]", "no analyte " + code + " in the catalogue"));
      } else if (!seen.add(code)) {
        violations.add(Violation.of("analytes[" + i + "]", code + " is listed twice"));
      }
    }
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("The panel is invalid", violations);
    }
  }

  private static ProblemException notFound(String code) {
    return ProblemException.notFound("No panel " + code);
  }
}
