-- 0002_memberships_by_group: an index for reading a group's members by join order.
-- Applied by src/store/postgres/migrate.rs like 0001; never edit it once released. Same
-- meaning as migrations/sqlite/0002_memberships_by_group.sql.

-- A page of a group's members (`WHERE group_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`) is
-- read by key from this index, so it costs what the page holds even in a group of a million
-- members; the primary key (group_id, user_id) would make PostgreSQL sort the whole group first.
CREATE INDEX memberships_by_group ON memberships (group_id, seq);
