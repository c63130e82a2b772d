package org.psybiome.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * Seeds the trials the search benchmark searches: copies of the benchmark's registered template
 * trials (so every record is one trial-service wrote and validated), inserted by SQL into
 * psybiome_trial with varied titles, acronyms, sponsors, countries, statuses and registration
 * dates, their search columns filled as trial-service's SearchColumns would fill them (the
 * conditions, intervention types and strains are those of the template the record copies), and
 * version 1 of each. Ids PSB-1900-nnnnnnn are never assigned by trial-service. A larger count adds
 * to the trials seeded before (the search curve seeds 10 000, then 100 000, then 1 000 000).
 */
final class TrialSeeder {

  static final String PREFIX = "PSB-1900-";
  static final int ID_LENGTH = PREFIX.length() + 7;

  private static final String INSERT =
      """
      WITH tpl AS (
        SELECT row_number() OVER (ORDER BY id) - 1 AS k, t.* FROM trial t WHERE t.id = ANY(?)
      ), seed AS (
        SELECT g,
          (ARRAY['Probiotic','Synbiotic','Psychobiotic','Microbiome','Gut-brain axis','Fermented food',
                 'Prebiotic fibre','Bifidobacterium','Lactobacillus','Mediterranean diet',
                 'Faecal microbiota transplantation','Butyrate'])[1 + g % 12]
            || ' ' || (ARRAY['for','as an adjunct in','to prevent relapse of','in adolescents with',
                             'in older adults with','and inflammation in'])[1 + (g / 12) % 6]
            || ' ' || (ARRAY['major depression','treatment-resistant depression','generalised anxiety',
                             'bipolar depression','postpartum depression','insomnia with depression',
                             'work-related stress','irritable bowel syndrome and depression'])[1 + (g / 72) % 8]
            || ' (' || g || ')' AS title,
          (ARRAY['University College Cork','Charité – Universitätsmedizin Berlin','Karolinska Institutet',
                 'Tehran University of Medical Sciences','University of Melbourne','McMaster University',
                 'King''s College London','Leiden University Medical Center','Sichuan University',
                 'University of Toronto'])[1 + (g / 7) % 10] AS sponsor,
          ARRAY[(ARRAY['DE','IE','NL','US','GB','FR','IT','ES','CN','IR','AU','CA','BR','JP','PL'])[1 + g % 15],
                (ARRAY['DE','IE','NL','US','GB','FR','IT','ES','CN','IR','AU','CA','BR','JP','PL'])[1 + (g + 1 + (g / 15) % 14) % 15]] AS countries,
          (ARRAY['RECRUITING','RECRUITING','COMPLETED','COMPLETED','ACTIVE_NOT_RECRUITING',
                 'NOT_YET_RECRUITING','TERMINATED','SUSPENDED','ENROLLING_BY_INVITATION','DRAFT'])[1 + (g * 7) % 10] AS status
        FROM generate_series(?, ?) g
      )
      INSERT INTO trial (id, consortium, status, version, content, registered_on, masked, created_at,
        updated_at, public_title, scientific_title, primary_sponsor, countries, condition_codes,
        intervention_types, strain_genera, strain_species)
      SELECT ? || lpad(s.g::text, 7, '0'), ?, s.status, 1,
        jsonb_set(jsonb_set(jsonb_set(jsonb_set(tpl.content,
          '{publicTitle}', to_jsonb(s.title)), '{acronym}', to_jsonb('SEED-' || s.g)),
          '{countries}', to_jsonb(s.countries)), '{primarySponsor}', to_jsonb(s.sponsor)),
        CASE WHEN s.status = 'DRAFT' THEN NULL ELSE DATE '2012-01-01' + ((s.g * 37) % 5000)::int END,
        tpl.masked, now(), now(), s.title, tpl.scientific_title, s.sponsor, s.countries,
        tpl.condition_codes, tpl.intervention_types, tpl.strain_genera, tpl.strain_species
      FROM seed s JOIN tpl ON tpl.k = s.g % (SELECT count(*) FROM tpl)
      """;

  private final Databases databases;

  TrialSeeder(Databases databases) {
    this.databases = databases;
  }

  void seed(int count, List<String> templateIds) throws Exception {
    try (Connection db = databases.trial()) {
      String like = PREFIX + "%";
      long there = Databases.count(db, "SELECT count(*) FROM trial WHERE id LIKE ?", like);
      if (there == count) {
        Progress.say("search: %,d seeded trials are there already", count);
        return;
      }
      long ours =
          Databases.count(
              db, "SELECT count(*) FROM trial WHERE id LIKE ? AND length(id) = ?", like, ID_LENGTH);
      long first = there < count && ours == there ? there + 1 : 1;
      if (first == 1) {
        new BenchCleaner(databases).removeSeededTrials();
      }
      Progress.say("search: seeding trials %,d to %,d", first, count);
      long start = System.nanoTime();
      db.setAutoCommit(false);
      try (PreparedStatement insert = db.prepareStatement(INSERT)) {
        Array ids = db.createArrayOf("text", templateIds.toArray());
        insert.setArray(1, ids);
        insert.setLong(2, first);
        insert.setInt(3, count);
        insert.setString(4, PREFIX);
        insert.setString(5, BenchTrials.CONSORTIUM);
        insert.executeUpdate();
      }
      Databases.update(
          db,
          "INSERT INTO trial_version (trial_id, version, status, content, changed_at, changed_by,"
              + " change) SELECT id, 1, status, content, created_at, 'bench-seed', 'CREATED'"
              + " FROM trial WHERE id LIKE ? AND id >= ?",
          like,
          id(first));
      db.commit();
      db.setAutoCommit(true);
      Databases.settle(db, "trial", "trial_version");
      Progress.say("search: seeded in %.0f s", (System.nanoTime() - start) / 1e9);
    }
  }

  /** The id of the n-th seeded trial: zero-padded, so ids compare as their numbers do. */
  static String id(long n) {
    return String.format("%s%07d", PREFIX, n);
  }
}
