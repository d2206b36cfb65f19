-- 0007_nested_groups: nested groups (issue 12). Applied by src/store/postgres/migrate.rs like
-- 0001; never edit it once released. Same table and meaning as
-- migrations/sqlite/0007_nested_groups.sql.
--
-- A row is a link parent <- child: group `child_id` is nested in group `parent_id` and holds
-- `privileges` there, which every effective member of the child holds in the parent. The links
-- form a DAG; the store refuses a link that would close a cycle, under one advisory transaction
-- lock that every link creation takes (src/store/postgres/nested.rs).
--
-- No foreign key to groups, as for memberships since 0004: a link's insert reads both group
-- rows FOR KEY SHARE in its transaction, and a group's deletion deletes its links explicitly,
-- after the group's row (so it waits for a link being added and then deletes it too).
CREATE TABLE group_links (
    parent_id  TEXT   NOT NULL,
    child_id   TEXT   NOT NULL,
    privileges BIGINT NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL UNIQUE,
    PRIMARY KEY (parent_id, child_id)
);

-- The walk up (a user's effective groups and privileges, the cycle check) and the walk down (a
-- group's effective users); each also lists one side in link order.
CREATE INDEX group_links_by_child ON group_links (child_id, seq);
CREATE INDEX group_links_by_parent ON group_links (parent_id, seq);
