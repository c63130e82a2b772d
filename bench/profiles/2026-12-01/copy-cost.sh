#!/usr/bin/env bash
# What raw COPY into biomarker-service's `result` table costs, by what the table carries (issue #15:
# ingestion is compared with COPY into the same table, so COPY's own rate bounds it).
# A scratch database `copyprobe` gets psybiome_biomarker's whole schema (pg_dump -s) and its analyte
# rows. 200 004 generated rows (28 analytes x 7 143 samples, one batch) are COPYed into an emptied
# `result` (with `result_specimen`, which its trigger fills, and the empty `result_correction`) in each variant, 3 times each; each
# variant removes one more thing the table carries.
# Run as root on the machine with the benchmark's PostgreSQL: bash copy-cost.sh
set -euo pipefail
DB=copyprobe
psql_() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -d $DB $*"; }
su postgres -c "dropdb --if-exists $DB" && su postgres -c "createdb $DB"
su postgres -c "pg_dump -s psybiome_biomarker" | su postgres -c "psql -X -q -d $DB" >/dev/null
su postgres -c "pg_dump -a -t analyte psybiome_biomarker" | su postgres -c "psql -X -q -d $DB" >/dev/null
ROWS=/tmp/copy-cost-rows.tsv
psql_ -c "\"insert into batch values ('00000000-0000-0000-0000-000000000001','PROBE',now(),200004,0,0,'{}','{}','probe','[]')\""
psql_ -c "\"\\copy (select 'PROBE', '00000000-0000-0000-0000-000000000001', 'P' || (s / 28 / 4), 'V' || ((s / 28) % 4), 'S' || (s / 28), 'SERUM', timestamptz '2026-01-01' + (s / 28) * interval '1 minute', a.code, 1.5 + (s % 97), a.unit, 1.5 + (s % 97), a.unit, null, false, 'PASS', true from generate_series(0, 200003) s join lateral (select code, 'mg/L' as unit from analyte order by code offset (s % 28) limit 1) a on true) to '$ROWS'\""
COLS="trial_id, batch_id, participant_code, visit_code, sample_id, specimen, collected_at, analyte_code, original_value, original_unit, standard_value, standard_unit, comparator, censored, qc_status, registered"
run() { # $1 = label
  for i in 1 2 3; do
    psql_ -c "\"truncate result, result_specimen, result_correction\""
    psql_ -c "\"checkpoint\"" >/dev/null
    start=$(date +%s.%N)
    psql_ -c "\"\\copy result ($COLS) from '$ROWS'\""
    end=$(date +%s.%N)
    awk -v l="$1" -v s="$start" -v e="$end" 'BEGIN { printf "%-58s run %d: %6.2f s, %7.0f rows/s\n", l, '"$i"', e - s, 200004 / (e - s) }'
  done
}
echo "PostgreSQL: $(su postgres -c 'psql -XAtc "show server_version"'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
run "as in psybiome_biomarker (6 indexes, 2 foreign keys, trigger)"
psql_ -c "\"drop trigger result_specimen_seen on result\""
run "without the result_specimen_seen statement trigger"
psql_ -c "\"alter table result drop constraint result_analyte_code_fkey, drop constraint result_batch_id_fkey\""
run "and without the 2 foreign keys (6 indexes left)"
psql_ -c "\"drop index result_batch, result_trial_id, result_trial_participant, result_trial_analyte_visit\""
run "and without 4 secondary indexes (pkey + unique left)"
psql_ -c "\"drop index result_sample_analyte\""
run "and without the unique index (primary key only)"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
su postgres -c "dropdb $DB"; rm -f "$ROWS"
