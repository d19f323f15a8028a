-- kouryu_reader: a role that may read the events table and the
-- upcoming_events view, and nothing else. Apply it after `kouryu migrate`,
-- connected to kouryu's database with kouryu's schema first in search_path:
--
--   psql "$KOURYU_DATABASE_URL" -v ON_ERROR_STOP=1 -f deploy/postgres/reader.sql
--
-- Safe to apply again. The role cannot log in; to let a person or a tool
-- connect with it, choose a password and run (not stored here):
--
--   ALTER ROLE kouryu_reader LOGIN PASSWORD 'change-me';
--
-- or grant it to a login role: GRANT kouryu_reader TO alice;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kouryu_reader') THEN
        CREATE ROLE kouryu_reader NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO kouryu_reader', current_schema());
END
$$;

GRANT SELECT ON TABLE events, upcoming_events TO kouryu_reader;
