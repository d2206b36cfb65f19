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

-- Each side of a link in link order (the lists), and the links into a set of groups (the
-- closure's upkeep).
CREATE INDEX group_links_by_child ON group_links (child_id, seq);
CREATE INDEX group_links_by_parent ON group_links (parent_id, seq);

-- The maintained closure of the links: a row for every group and each of its strict ancestors
-- (reached by one or more links up). Every effective query reads it instead of walking the
-- links (measured against a recursive walk at 10,000 groups, depth 20: ARCHITECTURE.md, "Nested
-- groups"); the store keeps it exact in the transaction that adds or removes a link or deletes
-- a group (src/store/sqlite/nested.rs).
CREATE TABLE group_closure (
    ancestor   TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    descendant TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (ancestor, descendant)
) WITHOUT ROWID;

-- A user's groups' ancestors (the privilege check, effective groups, zone privileges, the cycle
-- check) are read by descendant.
CREATE INDEX group_closure_by_descendant ON group_closure (descendant, ancestor);
