-- 0012_memberships_key_by_user: the unique key of `memberships` is (user_id, group_id), not
-- (group_id, user_id). SQLite only. Applied by src/store/sqlite/migrate.rs like 0001; never
-- edit it once released.
--
-- Why: the key's order decides where a join's entry lands. Keyed by group first, each join
-- writes at its group's end, so a batch of joins into many groups changes a page per group
-- (and splits them in the middle of the tree, which rewrites their neighbours too); keyed by
-- user first, the entry lands beside the user's `memberships_by_user` entry, and a new user's
-- joins go to the tree's end, where a batch shares its pages. Every lookup of the key names
-- both columns, so either order serves it; a group's members are read through
-- `memberships_by_group`. Measured before choosing: docs/benchmark.md.
DROP INDEX memberships_key;
CREATE UNIQUE INDEX memberships_key ON memberships (user_id, group_id);
