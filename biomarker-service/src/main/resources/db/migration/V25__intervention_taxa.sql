-- Functional unblinding (issue #13, docs/decisions.md): while a trial is masked, the abundance of
-- the intervention's own organisms in a participant's stool shows who got it. The service keeps
-- each trial's interventions (their types and strains, as trial-service's record lists them) with
-- its snapshot, and maps a strain's genus to the TAXON_<NCBI id> analytes that would carry it.
-- NULL: a snapshot learnt before this migration; the next registered/updated event fills it, and
-- until then the trial's taxa are withheld as if its interventions were unknown (fail closed).
ALTER TABLE trial_snapshot ADD COLUMN interventions jsonb;

-- Genus name -> NCBI Taxonomy id of the genus (the id TAXON_ analytes are named by). Source: NCBI
-- Taxonomy (https://www.ncbi.nlm.nih.gov/taxonomy), genus rank. The ids of the eight genera of V4
-- are the catalogue's; the others are the genera of organisms given as probiotics. A genus whose
-- id is NULL is known to be a genus (e.g. a 2020 lactobacillus genus) but its id was not
-- confirmed when this table was written: a trial giving an organism of it has every taxon
-- withheld, since which analyte carries it is not known (fail closed). Fill an id in a later
-- migration once checked against NCBI Taxonomy; never guess one.
CREATE TABLE taxon_genus (
  genus         text PRIMARY KEY,
  ncbi_taxon_id integer UNIQUE CHECK (ncbi_taxon_id > 0),
  source        text NOT NULL
);
INSERT INTO taxon_genus (genus, ncbi_taxon_id, source) VALUES
  ('Lactobacillus',        1578,    'NCBI Taxonomy; catalogue V4'),
  ('Bifidobacterium',      1678,    'NCBI Taxonomy; catalogue V4'),
  ('Faecalibacterium',     216851,  'NCBI Taxonomy; catalogue V4'),
  ('Akkermansia',          239934,  'NCBI Taxonomy; catalogue V4'),
  ('Bacteroides',          816,     'NCBI Taxonomy; catalogue V4'),
  ('Prevotella',           838,     'NCBI Taxonomy; catalogue V4'),
  ('Roseburia',            841,     'NCBI Taxonomy; catalogue V4'),
  ('Coprococcus',          33042,   'NCBI Taxonomy; catalogue V4'),
  ('Streptococcus',        1301,    'NCBI Taxonomy'),
  ('Lactococcus',          1357,    'NCBI Taxonomy'),
  ('Enterococcus',         1350,    'NCBI Taxonomy'),
  ('Pediococcus',          1253,    'NCBI Taxonomy'),
  ('Leuconostoc',          1243,    'NCBI Taxonomy'),
  ('Bacillus',             1386,    'NCBI Taxonomy'),
  ('Clostridium',          1485,    'NCBI Taxonomy'),
  ('Escherichia',          561,     'NCBI Taxonomy'),
  ('Saccharomyces',        4930,    'NCBI Taxonomy'),
  -- the genera of Zheng et al. 2020 (below) that probiotic strains moved to
  ('Lacticaseibacillus',   2759736, 'NCBI Taxonomy; genus of Zheng et al. 2020'),
  ('Lactiplantibacillus',  2767842, 'NCBI Taxonomy; genus of Zheng et al. 2020'),
  ('Limosilactobacillus',  2742598, 'NCBI Taxonomy; genus of Zheng et al. 2020'),
  ('Ligilactobacillus',    NULL,    'Zheng et al. 2020; NCBI id not confirmed'),
  ('Latilactobacillus',    NULL,    'Zheng et al. 2020; NCBI id not confirmed'),
  ('Levilactobacillus',    NULL,    'Zheng et al. 2020; NCBI id not confirmed'),
  ('Lentilactobacillus',   NULL,    'Zheng et al. 2020; NCBI id not confirmed');

-- The 2020 reclassification of Lactobacillus: Zheng J, Wittouck S, Salvetti E, et al. A taxonomic
-- note on the genus Lactobacillus: description of 23 novel genera, emended description of the
-- genus Lactobacillus Beijerinck 1901, and union of Lactobacillaceae and Leuconostocaceae. Int J
-- Syst Evol Microbiol 2020;70:2782-2858, doi:10.1099/ijsem.0.004107. Only species given as
-- probiotics are listed; species that stayed in Lactobacillus (acidophilus, helveticus, gasseri,
-- johnsonii, crispatus, delbrueckii, ...) need no row. A strain registered under either name
-- withholds both genera: a profile classified against a reference database from before 2020
-- reports the organism as Lactobacillus, one from after as the new genus.
CREATE TABLE genus_reclassification (
  former_genus  text NOT NULL,
  species       text NOT NULL,
  current_genus text NOT NULL REFERENCES taxon_genus (genus),
  source        text NOT NULL,
  PRIMARY KEY (former_genus, species)
);
INSERT INTO genus_reclassification (former_genus, species, current_genus, source) VALUES
  ('Lactobacillus', 'casei',         'Lacticaseibacillus',  'Zheng et al. 2020'),
  ('Lactobacillus', 'paracasei',     'Lacticaseibacillus',  'Zheng et al. 2020'),
  ('Lactobacillus', 'rhamnosus',     'Lacticaseibacillus',  'Zheng et al. 2020'),
  ('Lactobacillus', 'zeae',          'Lacticaseibacillus',  'Zheng et al. 2020'),
  ('Lactobacillus', 'plantarum',     'Lactiplantibacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'pentosus',      'Lactiplantibacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'paraplantarum', 'Lactiplantibacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'reuteri',       'Limosilactobacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'fermentum',     'Limosilactobacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'mucosae',       'Limosilactobacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'vaginalis',     'Limosilactobacillus', 'Zheng et al. 2020'),
  ('Lactobacillus', 'salivarius',    'Ligilactobacillus',   'Zheng et al. 2020'),
  ('Lactobacillus', 'ruminis',       'Ligilactobacillus',   'Zheng et al. 2020'),
  ('Lactobacillus', 'sakei',         'Latilactobacillus',   'Zheng et al. 2020'),
  ('Lactobacillus', 'curvatus',      'Latilactobacillus',   'Zheng et al. 2020'),
  ('Lactobacillus', 'brevis',        'Levilactobacillus',   'Zheng et al. 2020'),
  ('Lactobacillus', 'buchneri',      'Lentilactobacillus',  'Zheng et al. 2020'),
  ('Lactobacillus', 'kefiri',        'Lentilactobacillus',  'Zheng et al. 2020');
