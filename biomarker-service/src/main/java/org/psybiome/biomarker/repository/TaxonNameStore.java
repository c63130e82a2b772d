package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The genus names this service can map to NCBI Taxonomy ids, and the 2020 reclassification of
 * Lactobacillus species into new genera (migration V25, with its sources).
 */
@ApplicationScoped
public class TaxonNameStore {

  private final AgroalDataSource dataSource;

  TaxonNameStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A species that moved: {@code formerGenus species} is now {@code currentGenus species}. */
  public record Reclassification(String formerGenus, String species, String currentGenus) {}

  /**
   * Genus name → its NCBI Taxonomy id; a genus listed without a confirmed id maps to an empty
   * Optional, one not listed at all is absent.
   */
  public Map<String, Optional<Integer>> genera() {
    Map<String, Optional<Integer>> genera = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT genus, ncbi_taxon_id FROM taxon_genus");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        int id = row.getInt(2);
        genera.put(row.getString(1), row.wasNull() ? Optional.empty() : Optional.of(id));
      }
      return genera;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the genus names", e);
    }
  }

  public List<Reclassification> reclassifications() {
    List<Reclassification> moved = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT former_genus, species, current_genus FROM genus_reclassification");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        moved.add(new Reclassification(row.getString(1), row.getString(2), row.getString(3)));
      }
      return moved;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the genus reclassifications", e);
    }
  }
}
