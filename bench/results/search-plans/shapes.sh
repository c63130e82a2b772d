#!/bin/bash
# usage: shapes.sh  -> prints plan summary for each shape
W0="(t.status <> 'DRAFT' OR t.consortium = 'cons-a')"
declare -a F=(
""
" AND t.title_search @@ plainto_tsquery('simple','probiotic depression')"
" AND t.condition_codes @> ARRAY['F32']::text[]"
" AND t.condition_codes @> ARRAY['F41.1']::text[] AND t.status IN ('RECRUITING')"
" AND t.intervention_types @> ARRAY['PROBIOTIC']::text[] AND t.countries @> ARRAY['DE']::text[]"
" AND t.strain_genera @> ARRAY['lactobacillus']::text[] AND t.status IN ('COMPLETED')"
" AND t.strain_species @> ARRAY['bifidobacterium longum']::text[]"
" AND lower(t.primary_sponsor) LIKE '%karolinska%'"
" AND t.registered_on >= DATE '2020-01-01' AND coalesce(t.registered_on, DATE '0001-01-01') >= DATE '2020-01-01' AND t.registered_on <= DATE '2020-12-31' AND coalesce(t.registered_on, DATE '0001-01-01') <= DATE '2020-12-31'"
" AND t.status IN ('RECRUITING') AND t.countries @> ARRAY['IE']::text[]"
" AND t.consortium = 'cons-b'"
" AND EXISTS (SELECT 1 FROM trial_secondary_id s WHERE s.trial_id = t.id AND s.value = 'NCT10000042')"
)
SORTS=("coalesce(t.registered_on, DATE '0001-01-01') DESC, t.id DESC" "t.updated_at DESC, t.id DESC" "t.id ASC")
for f in "${F[@]}"; do
 for s in "${SORTS[@]}"; do
  out=$(psql -h 127.0.0.1 -U postgres -d perf_scratch -At -c "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) SELECT t.* FROM trial t WHERE $W0 $f ORDER BY $s LIMIT 21")
  ms=$(echo "$out" | grep 'Execution Time' | awk '{print $3}')
  seq=$(echo "$out" | grep -c 'Seq Scan on trial')
  top=$(echo "$out" | grep -o 'Scan[a-zA-Z ]* on [a-z_]*' | sort -u | tr '\n' '|')
  buf=$(echo "$out" | grep -m1 'Buffers' | sed 's/  */ /g')
  echo "PAGE $ms ms seq=$seq $buf [$f] [$s] $top"
  out=$(psql -h 127.0.0.1 -U postgres -d perf_scratch -At -c "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) SELECT count(*) FROM (SELECT 1 FROM trial t WHERE $W0 $f ORDER BY $s LIMIT 1001) m")
  echo "   COUNT $(echo "$out" | grep 'Execution Time' | awk '{print $3}') ms seq=$(echo "$out" | grep -c 'Seq Scan on trial') $(echo "$out" | grep -m1 'Buffers' | sed 's/  */ /g') $(echo "$out" | grep -o 'Scan[a-zA-Z ]* on [a-z_]*' | sort -u | tr '\n' '|')"
 done
done
