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

-- The maintained closure of the links: a row for every group, each of its strict ancestors, and
-- each child of that ancestor through which a path from the ancestor reaches the group (`via`:
-- the first link down; the group itself when it is a direct child). A user's effective
-- privileges in G are its direct ones and the privileges of the links (G, via) of the rows
-- (G, D, via) for its groups D: a point read per group of the user, however deep it is. Every
-- effective query reads this table instead of walking the links (measured against a recursive
-- walk at 10,000 groups, depth 20: ARCHITECTURE.md, "Nested groups"); the store keeps it exact
-- in the transaction that adds or removes a link or deletes a group (src/store/sqlite/nested.rs).
-- A link's privileges are read from `group_links` at each check, so changing them needs no upkeep.
CREATE TABLE group_closure (
    ancestor   TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    descendant TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    via        TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (ancestor, descendant, via)
) WITHOUT ROWID;

-- A user's groups' ancestors (effective groups, zone privileges, the cycle check) are read by
-- descendant.
CREATE INDEX group_closure_by_descendant ON group_closure (descendant, ancestor);
