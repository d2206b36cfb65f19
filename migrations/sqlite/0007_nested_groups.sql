-- 0007_nested_groups: nested groups (issue 12). Applied by src/store/sqlite/migrate.rs like 0001;
-- never edit it once released. Same table and meaning as migrations/postgres/0007_nested_groups.sql.
--
-- A row is a link parent <- child: group `child_id` is nested in group `parent_id` and holds
-- `privileges` there (a bit set, `domain::PrivilegeSet::bits`, as in memberships), which every
-- effective member of the child holds in the parent. The links form a DAG; the store refuses a
-- link that would close a cycle. Deleting either group deletes the link (the foreign keys here;
-- explicitly on PostgreSQL, where memberships and links have no foreign key to groups).
CREATE TABLE group_links (
    parent_id  TEXT    NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    child_id   TEXT    NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    privileges INTEGER NOT NULL,
    seq        INTEGER NOT NULL UNIQUE,
    PRIMARY KEY (parent_id, child_id)
);

-- The two walks of the effective queries: up from a group to its parents (a user's effective
-- groups, privileges, zone privileges, the cycle check) and down to its children (a group's
-- effective users); each also lists one side in link order.
CREATE INDEX group_links_by_child ON group_links (child_id, seq);
CREATE INDEX group_links_by_parent ON group_links (parent_id, seq);
