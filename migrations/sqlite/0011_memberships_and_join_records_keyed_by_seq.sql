-- 0011_memberships_and_join_records_keyed_by_seq: `memberships` and `token_joins` store their
-- rows under their `seq`. SQLite only (0010 was PostgreSQL's). Applied by
-- src/store/sqlite/migrate.rs like 0001; never edit it once released.
--
-- Why: each join inserts one row into each table, and each B-tree a row goes into costs the
-- writer a descent, a page to change, and that page's trip to the log and to the checkpoint.
-- Until now a membership went into five B-trees (the table by an implicit rowid, the primary
-- key's index, the unique index on `seq`, `memberships_by_user`, `memberships_by_group`) and a
-- join record into three (the table, the unique `seq`, `token_joins_by_token`). With `seq` as
-- the `INTEGER PRIMARY KEY` the table is the `seq` index (VACUUM keeps such a rowid, unlike an
-- implicit one), so a membership goes into four and a join record into two. The key
-- (group_id, user_id) stays unique; every index already ends in the row's `seq`, which is how
-- `memberships_by_group` serves a group's members in join order with one column, and the
-- `MAX(seq)` a new row's `seq` is read from stays the table's last entry.
--
-- Measured before choosing (docs/benchmark.md): a model of the bench's durable join in Python's
-- sqlite3 (these migrations, 200,000 pairs, 60,000 joins in batches of 33, synchronous=FULL)
-- took 52.0 and 57.5 µs of CPU per join with this schema against 65.7 and 60.7 before,
-- alternating. A WITHOUT ROWID table keyed by (group_id, user_id) was the other candidate:
-- 62.3 and 59.8 µs, and a fifth more written per join, since its leaves hold whole rows at a
-- place per group.
--
-- The copies keep every column and every row; no table refers to these two, so dropping the
-- old ones checks no foreign key.
CREATE TABLE memberships_by_seq (
    seq          INTEGER PRIMARY KEY,
    group_id     TEXT    NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id      TEXT    NOT NULL REFERENCES users (id),
    privileges   INTEGER NOT NULL,
    origin       TEXT    NULL,
    origin_token TEXT    NULL,
    origin_by    TEXT    NULL
);
INSERT INTO memberships_by_seq (seq, group_id, user_id, privileges, origin, origin_token, origin_by)
    SELECT seq, group_id, user_id, privileges, origin, origin_token, origin_by FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_by_seq RENAME TO memberships;

-- The key: one membership per user and group, and the join's point lookups.
CREATE UNIQUE INDEX memberships_key ON memberships (group_id, user_id);
-- As in 0009: a user's groups in join order, read from the index alone.
CREATE INDEX memberships_by_user ON memberships (user_id, seq, group_id);
-- As in 0002: a group's members in join order; the implicit last column is `seq`.
CREATE INDEX memberships_by_group ON memberships (group_id);

CREATE TABLE token_joins_by_seq (
    seq        INTEGER PRIMARY KEY,
    token_id   TEXT    NOT NULL,
    group_id   TEXT    NOT NULL,
    user_id    TEXT    NULL,
    child_id   TEXT    NULL,
    privileges INTEGER NOT NULL,
    joined_at  INTEGER NOT NULL,
    CHECK ((user_id IS NULL) <> (child_id IS NULL))
);
INSERT INTO token_joins_by_seq (seq, token_id, group_id, user_id, child_id, privileges, joined_at)
    SELECT seq, token_id, group_id, user_id, child_id, privileges, joined_at FROM token_joins;
DROP TABLE token_joins;
ALTER TABLE token_joins_by_seq RENAME TO token_joins;

-- As in 0008: a token's join records in order; the implicit last column is `seq`.
CREATE INDEX token_joins_by_token ON token_joins (token_id);
