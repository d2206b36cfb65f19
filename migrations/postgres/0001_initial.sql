-- 0001_initial: the first schema of the PostgreSQL store (users, groups, memberships, tokens).
-- Owned by src/store/postgres.rs, which applies it inside one transaction, under an advisory
-- lock, and records it in schema_migrations; it must never be edited once released: change the
-- schema in a new file. Same tables and meaning as migrations/sqlite/0001_initial.sql.
--
-- Plain types and constraints, so that the file also runs on PostgreSQL-wire distributed
-- engines; what goes beyond the SQL standard's core (TEXT, identity columns, the name `groups`)
-- is listed in postgres.rs under "Statements that need care on a distributed engine".

-- `seq` columns give every row a position that only grows, so that listings can follow
-- creation and join order rather than the order of random ids. Identity values are handed out
-- when a row is inserted, never reused, and need no `MAX(seq) + 1` read that concurrent
-- writers would fight over.
CREATE TABLE users (
    id    TEXT    NOT NULL PRIMARY KEY,
    name  TEXT    NOT NULL,
    alias TEXT    NULL,
    admin BOOLEAN NOT NULL DEFAULT FALSE,
    seq   BIGINT  GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE
);

CREATE TABLE groups (
    id   TEXT   NOT NULL PRIMARY KEY,
    name TEXT   NOT NULL,
    type TEXT   NOT NULL,
    seq  BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE
);

-- One sequence for all memberships orders both a user's groups and a group's users by the
-- time each membership was made. Privileges are a 32-bit set: BIGINT holds every u32.
CREATE TABLE memberships (
    group_id   TEXT   NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    TEXT   NOT NULL REFERENCES users (id),
    privileges BIGINT NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE,
    PRIMARY KEY (group_id, user_id)
);

-- "The groups of a user" is asked on most requests; the primary key only serves "the users
-- of a group".
CREATE INDEX memberships_by_user ON memberships (user_id, seq);

-- No foreign keys here on purpose: an invite's record must outlive its group so that a join
-- can answer "group gone" rather than "unknown token".
CREATE TABLE tokens (
    id         TEXT    NOT NULL PRIMARY KEY,
    kind       TEXT    NOT NULL,
    user_id    TEXT    NULL,
    group_id   TEXT    NULL,
    privileges BIGINT  NULL,
    max_uses   BIGINT  NULL,
    uses       BIGINT  NOT NULL DEFAULT 0,
    revoked    BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT  NOT NULL
);
