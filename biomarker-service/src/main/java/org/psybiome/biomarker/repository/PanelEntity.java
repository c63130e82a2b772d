package org.psybiome.biomarker.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.psybiome.biomarker.model.Panel;

@Entity
@Table(name = "panel")
public class PanelEntity {

  @Id public String code;

  @Column(nullable = false)
  public String name;

  /** In the order the panel lists them; each references an analyte of the catalogue. */
  @ElementCollection
  @CollectionTable(name = "panel_analyte", joinColumns = @JoinColumn(name = "panel_code"))
  @OrderColumn(name = "position")
  @Column(name = "analyte_code", nullable = false)
  public List<String> analyteCodes = new ArrayList<>();

  public Panel toPanel() {
    return new Panel(code, name, List.copyOf(analyteCodes));
  }
}
