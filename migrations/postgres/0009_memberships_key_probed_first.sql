-- 0009_memberships_key_probed_first: the primary key of memberships is built again, so that it is
-- the newest index of the table. PostgreSQL only. Applied by src/store/postgres/migrate.rs like
-- 0001; never edit it once released.
--
-- Why: a probe of one membership (`group_id = $1 AND user_id = $2`: every privilege check, the
-- join's issuer check, the retry check) can use the primary key (group_id, user_id), which finds
-- the row, or memberships_by_user (user_id, seq), which finds the user's every membership and
-- filters them. Under a generic plan both are estimated at one row (most users have few groups),
-- the costs tie, and PostgreSQL keeps the index it considered last, in the order of their OIDs:
-- memberships_by_user, made after the key. For a user in many groups, such as the issuer of
-- most invites or a zone admin, the probe then read all of them: an invite whose issuer is in
-- 2,001 groups, 1.2 ms a join with 0.8 ms in that probe; with the key rebuilt, 0.36 ms and
-- 0.008 ms (EXPLAIN ANALYZE, generic plan). The test `membership_probes_use_the_primary_key`
-- (src/store/postgres/tests.rs) fails if a later index takes the probes again.
ALTER TABLE memberships
    DROP CONSTRAINT memberships_pkey,
    ADD CONSTRAINT memberships_pkey PRIMARY KEY (group_id, user_id);
