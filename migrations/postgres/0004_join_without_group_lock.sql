-- 0004_join_without_group_lock: joins stop locking the group's row; a group's deletion reaches
-- the joins through the group's token rows instead. PostgreSQL only (SQLite has one writer and
-- keeps its foreign key). Applied by src/store/postgres/migrate.rs like 0001; never edit it once
-- released.
--
-- Why: the foreign key memberships(group_id) -> groups made every membership insert lock the
-- group's row FOR KEY SHARE (as did the join's own `FOR KEY SHARE OF groups`, which turned the
-- key's violation into "group gone"). Concurrent joins into one group then share that row lock
-- through a MultiXact, which costs each of them a MultiXact and its WAL. pgbench with the join's
-- transaction (64 groups, 2 cores): 174 -> 156 us of database CPU per join at 16 clients, about
-- 215 -> 185 at 32.
--
-- What replaces the key (src/store/postgres/join.rs and `delete_group` state it in full):
-- - `tokens.group_gone`: set, in the transaction that deletes a group, on every token of that
--   group. A join holds its token's row FOR UPDATE, so a join either ends before the deletion
--   marks its token (and the deletion, a later statement, then removes the membership it
--   added), or reads the token as the deletion committed it, marked, and adds nothing.
-- - An invite minted while its group is being deleted reads the group's row FOR KEY SHARE, so
--   the deletion waits for it and then marks its token too, or it sees the group gone and the
--   token is stored marked.
-- - Every other insert of a membership reads the group's row FOR KEY SHARE in its transaction.
ALTER TABLE memberships DROP CONSTRAINT memberships_group_id_fkey;

ALTER TABLE tokens ADD COLUMN group_gone BOOLEAN NOT NULL DEFAULT FALSE;

-- Tokens of groups deleted before this migration.
UPDATE tokens SET group_gone = TRUE
WHERE group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM groups WHERE groups.id = tokens.group_id);

-- A group's deletion finds its tokens by this index; access tokens (no group) are not in it.
CREATE INDEX tokens_by_group ON tokens (group_id) WHERE group_id IS NOT NULL;
