-- 0003_settings: a small table of named values the server itself keeps about the database.
-- Applied by src/store/postgres/migrate.rs like 0001; never edit it once released. Same table
-- and meaning as migrations/sqlite/0003_settings.sql.
--
-- `key_fingerprint`: an HMAC of a fixed label under the master key (never the key), written at
-- the first start and compared at every start, so that an instance with another key refuses to
-- start instead of splitting the fleet.
-- `health_probe`: the time of the last `/healthz` write probe; nothing reads it.
CREATE TABLE settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
