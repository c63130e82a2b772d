-- The trial registry. The record a consortium writes is kept as a JSON document (content); what
-- the registry assigns or searches on is kept in columns beside it.

CREATE SEQUENCE trial_number_seq;

CREATE TABLE trial (
  id                  text PRIMARY KEY,                       -- PSB-<year>-<6 digits>
  consortium          text        NOT NULL,
  status              text        NOT NULL,
  version             integer     NOT NULL,
  content             jsonb       NOT NULL,
  registered_on       date,                                   -- TRDS item 2, set on leaving DRAFT
  suspended_from      text,                                   -- where a SUSPENDED trial may resume
  masked              boolean     NOT NULL DEFAULT false,
  unblinded_at        timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  -- search columns, derived from content on every write
  public_title        text,
  scientific_title    text,
  primary_sponsor     text,
  countries           text[]      NOT NULL DEFAULT '{}',
  condition_codes     text[]      NOT NULL DEFAULT '{}',     -- codes and their categories: F32.1, F32
  intervention_types  text[]      NOT NULL DEFAULT '{}',
  strain_genera       text[]      NOT NULL DEFAULT '{}',     -- lower case
  strain_species      text[]      NOT NULL DEFAULT '{}',     -- "genus species", lower case
  title_search        tsvector GENERATED ALWAYS AS (
                        to_tsvector('simple', coalesce(public_title, '') || ' ' ||
                                              coalesce(scientific_title, '') || ' ' ||
                                              coalesce(content->>'acronym', ''))) STORED
);
-- search sorts by registration date (drafts, which have none, first in ascending order), then id
CREATE INDEX trial_registered_on ON trial ((coalesce(registered_on, DATE '0001-01-01')), id);
CREATE INDEX trial_updated_at ON trial (updated_at, id);
CREATE INDEX trial_status ON trial (status);
CREATE INDEX trial_consortium ON trial (consortium);
CREATE INDEX trial_sponsor ON trial (lower(primary_sponsor));
CREATE INDEX trial_countries ON trial USING gin (countries);
CREATE INDEX trial_condition_codes ON trial USING gin (condition_codes);
CREATE INDEX trial_intervention_types ON trial USING gin (intervention_types);
CREATE INDEX trial_strain_genera ON trial USING gin (strain_genera);
CREATE INDEX trial_strain_species ON trial USING gin (strain_species);
CREATE INDEX trial_title_search ON trial USING gin (title_search);

-- Every version of the record, as it was. Version 1 is the first draft.
CREATE TABLE trial_version (
  trial_id    text        NOT NULL REFERENCES trial (id),
  version     integer     NOT NULL,
  status      text        NOT NULL,
  content     jsonb       NOT NULL,
  changed_at  timestamptz NOT NULL,
  changed_by  text        NOT NULL,
  change      text        NOT NULL,                           -- CREATED, UPDATED, STATUS_CHANGED, UNBLINDED
  reason      text,
  PRIMARY KEY (trial_id, version)
);

-- The recruitment status as a dated history.
CREATE TABLE trial_status_history (
  trial_id        text        NOT NULL REFERENCES trial (id),
  seq             integer     NOT NULL,
  status          text        NOT NULL,
  effective_date  date        NOT NULL,
  reason          text,
  recorded_at     timestamptz NOT NULL,
  recorded_by     text        NOT NULL,
  PRIMARY KEY (trial_id, seq)
);

-- A secondary id may be claimed by one trial only.
CREATE TABLE trial_secondary_id (
  registry   text NOT NULL,
  value      text NOT NULL,                                   -- upper-cased
  trial_id   text NOT NULL REFERENCES trial (id),
  PRIMARY KEY (registry, value)
);
CREATE INDEX trial_secondary_id_trial ON trial_secondary_id (trial_id);

CREATE TABLE participant (
  trial_id     text        NOT NULL REFERENCES trial (id),
  code         text        NOT NULL,
  arm          text        NOT NULL,
  enrolled_on  date        NOT NULL,
  enrolled_at  timestamptz NOT NULL,
  enrolled_by  text        NOT NULL,
  PRIMARY KEY (trial_id, code)
);

-- The audit trail: who, when (UTC), what, previous and new values, why. Append-only.
CREATE TABLE audit_entry (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trial_id    text        NOT NULL,
  at          timestamptz NOT NULL,
  actor       text        NOT NULL,
  consortium  text,
  action      text        NOT NULL,
  version     integer,
  reason      text,
  changes     jsonb       NOT NULL                            -- [{op, path, from, to}]
);
CREATE INDEX audit_entry_trial ON audit_entry (trial_id, id);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${app_role};

-- Belt and braces: even a role that still holds the privilege cannot rewrite history.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
