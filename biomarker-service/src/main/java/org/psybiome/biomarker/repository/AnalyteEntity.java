package org.psybiome.biomarker.repository;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.Specimen;

@Entity
@Table(name = "analyte")
public class AnalyteEntity {

  @Id public String code;

  @Column(nullable = false)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public OmicsLayer layer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public Specimen specimen;

  /** The specimens results may be of (V18), in the order of the enum. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "analyte_specimen", joinColumns = @JoinColumn(name = "analyte_code"))
  @Column(name = "specimen", nullable = false)
  @Enumerated(EnumType.STRING)
  public Set<Specimen> specimens = EnumSet.noneOf(Specimen.class);

  @Column(nullable = false)
  public String unit;

  public String loinc;

  @Column(name = "ncbi_taxon_id")
  public Integer ncbiTaxonId;

  @Column(name = "molar_mass")
  public BigDecimal molarMass;

  @Column(name = "plausible_low")
  public BigDecimal plausibleLow;

  @Column(name = "plausible_high")
  public BigDecimal plausibleHigh;

  @Column(nullable = false)
  public boolean derived;

  @Column(name = "log_scale", nullable = false)
  public boolean logScale;

  @Column(name = "sdtm_test_code", nullable = false)
  public String sdtmTestCode;

  @Column(name = "sdtm_test_name", nullable = false)
  public String sdtmTestName;

  /**
   * A rating scale's default remission threshold (V23): a score at or below it is remission; null
   * where there is no common one.
   */
  @Column(name = "remission_max")
  public BigDecimal remissionMax;

  /**
   * A rating scale on which higher scores are worse (V24), so that response can be a reduction;
   * false for PANAS positive affect and CGI-I, null for other layers.
   */
  @Column(name = "severity_scale")
  public Boolean severityScale;

  public void apply(Analyte analyte) {
    name = analyte.name();
    layer = analyte.layer();
    specimen = analyte.specimen();
    specimens.clear();
    specimens.addAll(analyte.specimens());
    unit = analyte.unit();
    loinc = analyte.loinc();
    ncbiTaxonId = analyte.ncbiTaxonId();
    molarMass = analyte.molarMass();
    plausibleLow = analyte.plausibleLow();
    plausibleHigh = analyte.plausibleHigh();
    derived = analyte.derived();
    if (analyte.logScale() != null) {
      logScale = analyte.logScale(); // left out of a write: unchanged (false for a new entry)
    }
    sdtmTestCode = analyte.sdtmTestCode();
    sdtmTestName = analyte.sdtmTestName();
    if (layer != OmicsLayer.CLINICAL_SCALE) {
      remissionMax = null; // a score's properties (V23, V24 allow them on rating scales only)
      severityScale = null;
      return;
    }
    // left out of a write: unchanged
    if (analyte.remissionMax() != null) {
      remissionMax = analyte.remissionMax();
    }
    if (analyte.severityScale() != null) {
      severityScale = analyte.severityScale();
    } else if (severityScale == null) {
      severityScale = false; // a new rating scale says nothing: not assumed to be one
    }
  }

  public Analyte toAnalyte() {
    return new Analyte(
        code,
        name,
        layer,
        specimen,
        new TreeSet<>(specimens).stream().toList(),
        unit,
        loinc,
        ncbiTaxonId,
        plain(molarMass),
        plain(plausibleLow),
        plain(plausibleHigh),
        derived,
        logScale,
        sdtmTestCode,
        sdtmTestName,
        plain(remissionMax),
        severityScale);
  }

  /** numeric columns come back with the column's scale; 362.4600 should read as 362.46. */
  private static BigDecimal plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
