-- 0001_initial: the first schema of the SQLite store (users, groups, memberships, tokens).
-- Owned by src/store/sqlite.rs, which applies it inside one transaction and records it in
-- schema_migrations; it must never be edited once released: change the schema in a new file.

-- `seq` columns give every row a position that only grows, so that listings can follow
-- creation and join order without trusting rowids (VACUUM may renumber those).
CREATE TABLE users (
    id    TEXT    PRIMARY KEY NOT NULL,
    name  TEXT    NOT NULL,
    alias TEXT    NULL,
    admin INTEGER NOT NULL DEFAULT 0,
    seq   INTEGER NOT NULL UNIQUE
);

CREATE TABLE groups (
    id   TEXT    PRIMARY KEY NOT NULL,
    name TEXT    NOT NULL,
    type TEXT    NOT NULL,
    seq  INTEGER NOT NULL UNIQUE
);

-- One sequence for all memberships orders both a user's groups and a group's users by the
-- time each membership was made.
CREATE TABLE memberships (
    group_id   TEXT    NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id    TEXT    NOT NULL REFERENCES users (id),
    privileges INTEGER NOT NULL,
    seq        INTEGER NOT NULL UNIQUE,
    PRIMARY KEY (group_id, user_id)
);

-- "The groups of a user" is asked on most requests; the primary key only serves "the users
-- of a group".
CREATE INDEX memberships_by_user ON memberships (user_id, seq);

-- No foreign keys here on purpose: an invite's record must outlive its group so that a join
-- can answer "group gone" rather than "unknown token".
CREATE TABLE tokens (
    id         TEXT    PRIMARY KEY NOT NULL,
    kind       TEXT    NOT NULL,
    user_id    TEXT    NULL,
    group_id   TEXT    NULL,
    privileges INTEGER NULL,
    max_uses   INTEGER NULL,
    uses       INTEGER NOT NULL DEFAULT 0,
    revoked    INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
