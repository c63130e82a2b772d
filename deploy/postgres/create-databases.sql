-- Creates each service's database and its two roles, if missing, and sets the roles' passwords.
-- Idempotent; run as a superuser:
--   psql -v ON_ERROR_STOP=1 -v owner_password=... -v app_password=... -f create-databases.sql
-- <service> owns its database and runs the migrations; <service>_app is what the service runs as.
-- Used by ./psybiome up (local passwords, see the script) and by docker-compose.
\if :{?owner_password}
\else
  \set owner_password ''
\endif
\if :{?app_password}
\else
  \set app_password ''
\endif

SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', r.name, CASE WHEN r.app THEN :'app_password' ELSE :'owner_password' END)
FROM (VALUES ('psybiome_trial', false), ('psybiome_trial_app', true),
             ('psybiome_biomarker', false), ('psybiome_biomarker_app', true)) AS r(name, app)
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r.name)
\gexec

SELECT format('ALTER ROLE %I PASSWORD %L', r.name, r.password)
FROM (VALUES ('psybiome_trial', :'owner_password'), ('psybiome_trial_app', :'app_password'),
             ('psybiome_biomarker', :'owner_password'), ('psybiome_biomarker_app', :'app_password'))
       AS r(name, password)
WHERE r.password <> ''
\gexec

SELECT format('CREATE DATABASE %I OWNER %I', d.name, d.name)
FROM (VALUES ('psybiome_trial'), ('psybiome_biomarker')) AS d(name)
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d.name)
\gexec

REVOKE ALL ON DATABASE psybiome_trial FROM PUBLIC;
GRANT CONNECT ON DATABASE psybiome_trial TO psybiome_trial_app;
REVOKE ALL ON DATABASE psybiome_biomarker FROM PUBLIC;
GRANT CONNECT ON DATABASE psybiome_biomarker TO psybiome_biomarker_app;
