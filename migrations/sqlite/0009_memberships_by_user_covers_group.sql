-- 0009_memberships_by_user_covers_group: a user's groups read from the index alone. Applied by
-- src/store/sqlite/migrate.rs like 0001; never edit it once released.
--
-- `GET /user/groups` (and its pages, and the effective queries that start from a user's
-- groups) read `group_id` for each of the user's memberships. With `(user_id, seq)` each of
-- those rows cost a second seek into the table by rowid; with `group_id` in the index the read
-- is index-only. The index keeps its name, and its order: by user, then by join order.
DROP INDEX memberships_by_user;
CREATE INDEX memberships_by_user ON memberships (user_id, seq, group_id);
