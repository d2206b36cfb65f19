-- 0002_memberships_by_group: an index for reading a group's members by join order.
-- Applied by src/store/sqlite/migrate.rs like 0001; never edit it once released.

-- A page of a group's members (`WHERE group_id = ? AND seq > ? ORDER BY seq LIMIT ?`) is read
-- by key from this index, so it costs what the page holds even in a group of a million
-- members; the primary key (group_id, user_id) would make SQLite sort the whole group first.
CREATE INDEX memberships_by_group ON memberships (group_id, seq);
