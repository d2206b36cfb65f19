-- 0010_group_links_key_covers_privileges: the primary key of group_links also carries the
-- link's privileges, so that a probe of one link is answered from the key alone. PostgreSQL
-- only. Applied by src/store/postgres/migrate.rs like 0001; never edit it once released.
--
-- Why: every privilege check that reaches a group through a child (and the join's issuer
-- check) reads the privileges of the link from the group to the child it came through:
-- `parent_id = $1 AND child_id = $2`. Under a generic plan PostgreSQL expects one link per
-- parent, so group_links_by_parent (parent_id, seq), the smaller index, costs less than the
-- key, and it read the parent's every link and filtered them: 500 for the hierarchy's top
-- group, 0.65 ms of a deepest member's 1.6 ms check (auto_explain in the bench's hierarchy).
-- Rebuilding the key after the other indexes, as 0009 did for memberships, did not change
-- that. With the privileges in the key, the probe is an index-only scan, which costs less than
-- any index scan that must then read the table, once the table's pages are all-visible
-- (vacuumed: links change rarely, and autovacuum visits a table after inserts too). The test
-- `link_probes_read_the_key` (src/store/postgres/tests.rs) fails if the probe reads another index.
ALTER TABLE group_links
    DROP CONSTRAINT group_links_pkey,
    ADD CONSTRAINT group_links_pkey PRIMARY KEY (parent_id, child_id) INCLUDE (privileges);
