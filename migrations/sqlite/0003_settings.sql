-- 0003_settings: a small table of named values the server itself keeps about the database.
-- Applied by src/store/sqlite/migrate.rs like 0001; never edit it once released.
--
-- `key_fingerprint`: an HMAC of a fixed label under the master key (never the key), written at
-- the first start and compared at every start, so that a server with another key refuses to
-- start instead of answering every existing token with 401.
-- `health_probe`: the time of the last `/healthz` write probe; nothing reads it.
CREATE TABLE settings (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
