#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory (it is mounted into
# /docker-entrypoint-initdb.d by docker-compose.yml). Creates each service's database and its owner and
# application roles with create-databases.sql, the same script ./psybiome up and production use.
set -e

psql -v ON_ERROR_STOP=1 --no-psqlrc \
  --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v owner_password="${PSYBIOME_DB_OWNER_PASSWORD:?set PSYBIOME_DB_OWNER_PASSWORD}" \
  -v app_password="${PSYBIOME_DB_APP_PASSWORD:?set PSYBIOME_DB_APP_PASSWORD}" \
  -f /psybiome/create-databases.sql
