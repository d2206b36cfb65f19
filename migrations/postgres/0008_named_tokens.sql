-- 0008_named_tokens: named invite tokens, their issuers, caveats and custom metadata, the
-- origin of memberships and links, and the record of every join through an invite (issue 13,
-- contract §8). Applied by src/store/postgres/migrate.rs like 0001; never edit it once
-- released. Same tables, columns and meaning as migrations/sqlite/0008_named_tokens.sql, plus
-- `tokens.seq`: SQLite's lists of tokens page by the table's implicit `rowid`, which PostgreSQL
-- has no stable equivalent of. Index names differ.

-- Tokens. `issuer_id`: the user who created or minted an invite; at use it must still be
-- allowed to create it (src/store/postgres/join.rs). NULL for access tokens and for invites
-- older than this migration, which skip that check. No foreign key, as for the other columns of
-- `tokens`: a named token goes with its issuer (`delete_user` deletes it), an unnamed invite stays
-- and fails the issuer check. `name`: set for a named token, unique per issuer. `caveats`: the
-- caveats as the API shows them, a JSON array the store never reads; `valid_until`: the earliest
-- `time` caveat's deadline (unix seconds), for the lists of live invites. `custom_metadata`: a
-- JSON object, never read by the store. `seq`: creation order, for the lists and their pages
-- (existing rows are numbered in no particular order, once).
ALTER TABLE tokens ADD COLUMN issuer_id TEXT NULL;
ALTER TABLE tokens ADD COLUMN name TEXT NULL;
ALTER TABLE tokens ADD COLUMN caveats TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tokens ADD COLUMN valid_until BIGINT NULL;
ALTER TABLE tokens ADD COLUMN custom_metadata TEXT NOT NULL DEFAULT '{}';
ALTER TABLE tokens ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE;

-- Names are unique per issuer, and an issuer's named tokens are listed, paged and deleted by key.
CREATE UNIQUE INDEX tokens_named ON tokens (issuer_id, name) WHERE name IS NOT NULL;
CREATE INDEX tokens_named_by_issuer ON tokens (issuer_id, seq) WHERE name IS NOT NULL;

-- A group's invites in creation order (`group_invites`, its pages); it also serves the group's
-- deletion, which marks them, so it replaces 0004's index on `group_id` alone.
CREATE INDEX tokens_by_group_seq ON tokens (group_id, seq) WHERE group_id IS NOT NULL;
DROP INDEX tokens_by_group;

-- How a membership was made: 'created' (its group's creator), 'invite' (`origin_token` the
-- invite, `origin_by` its issuer), 'added' (`origin_by` the user who added it). NULL for the
-- memberships older than this migration ("unknown"). A re-join overwrites them with the row.
ALTER TABLE memberships ADD COLUMN origin TEXT NULL CHECK (origin IN ('created', 'invite', 'added'));
ALTER TABLE memberships ADD COLUMN origin_token TEXT NULL;
ALTER TABLE memberships ADD COLUMN origin_by TEXT NULL;

-- The invite a link was made with (a nested join), so that a retried nested join is told
-- `Relinked`. NULL for links older than this migration.
ALTER TABLE group_links ADD COLUMN origin_token TEXT NULL;

-- One row per admission through an invite, written in the join's (or nested join's)
-- transaction: who joined (`user_id` for a join, `child_id` for a nested join), into which
-- group (the token's), with which privileges, when (unix seconds). History: a row stays when
-- the membership or link ends, and goes with its token (deleted with it, by key). No foreign
-- keys: the join already holds its token's row, and a key's check would cost every join a
-- lookup more (0004 says why joins avoid them).
CREATE TABLE token_joins (
    token_id   TEXT   NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL,
    group_id   TEXT   NOT NULL,
    user_id    TEXT   NULL,
    child_id   TEXT   NULL,
    privileges BIGINT NOT NULL,
    joined_at  BIGINT NOT NULL,
    PRIMARY KEY (token_id, seq),
    CHECK ((user_id IS NULL) <> (child_id IS NULL))
);
