-- The service runs as an application role that may read and write rows but owns nothing and
-- cannot change the schema; migrations run as the owner. Tables created by later migrations
-- grant themselves to the application role through these defaults; append-only tables revoke
-- UPDATE and DELETE explicitly.
GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${app_role};
