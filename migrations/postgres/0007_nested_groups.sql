-- 0007_nested_groups: nested groups (issue 12). Applied by src/store/postgres/migrate.rs like
-- 0001; never edit it once released. Same table and meaning as
-- migrations/sqlite/0007_nested_groups.sql.
--
-- A row is a link parent <- child: group `child_id` is nested in group `parent_id` and holds
-- `privileges` there, which every effective member of the child holds in the parent. The links
-- form a DAG; the store refuses a link that would close a cycle, under one advisory transaction
-- lock that every change of the links takes (src/store/postgres/nested.rs).
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

-- Each side of a link in link order (the lists), and the links into a set of groups (the
-- closure's upkeep).
CREATE INDEX group_links_by_child ON group_links (child_id, seq);
CREATE INDEX group_links_by_parent ON group_links (parent_id, seq);

-- The maintained closure of the links: a row for every group, each of its strict ancestors, and
-- each child of that ancestor through which a path from the ancestor reaches the group (`via`,
-- as on SQLite: migrations/sqlite/0007_nested_groups.sql says how the checks read it). Every
-- effective query reads it instead of walking the links (measured against a recursive walk at
-- 10,000 groups, depth 20: ARCHITECTURE.md, "Nested groups"). It is changed only under the
-- advisory lock every link change takes, in the transaction that adds or removes a link or
-- deletes a group (src/store/postgres/nested.rs). No foreign key, as for the links.
CREATE TABLE group_closure (
    ancestor   TEXT NOT NULL,
    descendant TEXT NOT NULL,
    via        TEXT NOT NULL,
    PRIMARY KEY (ancestor, descendant, via)
);
CREATE INDEX group_closure_by_descendant ON group_closure (descendant, ancestor);
