-- :count synthetic trials spread like bench/TrialSeeder's (four template trials' conditions,
-- interventions and strains; statuses, countries, sponsors, dates varied by g), with a ~4 KB
-- record, for SearchQueryPlanTest. Ids PSB-1800-nnnnnn are never assigned by trial-service.
INSERT INTO trial (id, consortium, status, version, content, registered_on, masked, created_at,
  updated_at, public_title, scientific_title, primary_sponsor, countries, condition_codes,
  intervention_types, strain_genera, strain_species)
SELECT 'PSB-1800-' || lpad(g::text, 6, '0'),
  (ARRAY['cons-a','cons-b','cons-c','cons-d','cons-e'])[1 + g % 5],
  st,
  1,
  jsonb_build_object('publicTitle', title, 'acronym', 'SEED-' || g, 'padding', repeat('x', 4000)),
  CASE WHEN st = 'DRAFT' THEN NULL ELSE DATE '2012-01-01' + (g * 37) % 5000 END,
  false,
  TIMESTAMPTZ '2020-01-01 00:00:00Z' + g * INTERVAL '1 minute',
  TIMESTAMPTZ '2020-01-01 00:00:00Z' + ((g * 7919) % 100000) * INTERVAL '1 minute',
  title,
  'Scientific ' || title,
  (ARRAY['University College Cork','Charité – Universitätsmedizin Berlin','Karolinska Institutet',
         'Tehran University of Medical Sciences','University of Melbourne','McMaster University',
         'King''s College London','Leiden University Medical Center','Sichuan University',
         'University of Toronto'])[1 + (g / 7) % 10],
  ARRAY[(ARRAY['DE','IE','NL','US','GB','FR','IT','ES','CN','IR','AU','CA','BR','JP','PL'])[1 + g % 15],
        (ARRAY['DE','IE','NL','US','GB','FR','IT','ES','CN','IR','AU','CA','BR','JP','PL'])[1 + (g + 1 + (g / 15) % 14) % 15]],
  CASE g % 4 WHEN 0 THEN ARRAY['F32.1','F32'] WHEN 1 THEN ARRAY['F41.1','F41']
             WHEN 2 THEN ARRAY['6A71','6A7'] ELSE ARRAY['F33.1','F33'] END,
  CASE g % 4 WHEN 0 THEN ARRAY['PROBIOTIC','PLACEBO'] WHEN 1 THEN ARRAY['PREBIOTIC','PLACEBO']
             WHEN 2 THEN ARRAY['FMT','SHAM'] ELSE ARRAY['DIET','STANDARD_CARE'] END,
  CASE WHEN g % 4 = 0 THEN ARRAY['lactobacillus','bifidobacterium'] ELSE '{}'::text[] END,
  CASE WHEN g % 4 = 0 THEN ARRAY['lactobacillus helveticus','bifidobacterium longum'] ELSE '{}'::text[] END
FROM (
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
    (ARRAY['RECRUITING','RECRUITING','COMPLETED','COMPLETED','ACTIVE_NOT_RECRUITING',
           'NOT_YET_RECRUITING','TERMINATED','SUSPENDED','ENROLLING_BY_INVITATION','DRAFT'])[1 + (g * 7) % 10] AS st
  FROM generate_series(1, :count) g
) s;
INSERT INTO trial_secondary_id (registry, value, trial_id)
SELECT 'CTGOV', 'NCT' || lpad((10000000 + g)::text, 8, '0'), 'PSB-1800-' || lpad(g::text, 6, '0')
FROM generate_series(1, :count) g;
ANALYZE trial;
ANALYZE trial_secondary_id;
