-- 0008_named_tokens: named invite tokens, their issuers, join records and the origin of each
-- membership (issue 13, contract §8). Applied by src/store/sqlite/migrate.rs like 0001; never
-- edit it once released.
--
-- tokens: `issuer_id` is the user who created or minted an invite (NULL for access tokens and
-- for invites older than this migration, which skip the issuer check at use). No foreign key:
-- an invite outlives its issuer (deleting a user deletes its named tokens, and its unnamed
-- invites then fail the issuer check). `name` is set for a named token and unique per issuer.
-- `caveats` is the JSON array the API shows ('[]' when none), `valid_until` the earliest
-- `time` caveat's deadline (unix seconds), `custom_metadata` a JSON object ('{}' when none);
-- the store never reads the JSON.
ALTER TABLE tokens ADD COLUMN issuer_id TEXT NULL;
ALTER TABLE tokens ADD COLUMN name TEXT NULL;
ALTER TABLE tokens ADD COLUMN caveats TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tokens ADD COLUMN valid_until INTEGER NULL;
ALTER TABLE tokens ADD COLUMN custom_metadata TEXT NOT NULL DEFAULT '{}';

-- Names are unique per issuer; the index also reads an issuer's named tokens by key.
CREATE UNIQUE INDEX tokens_by_issuer_name ON tokens (issuer_id, name) WHERE name IS NOT NULL;
-- A group's invites (both kinds), read by key for its list of live invites. Access tokens have
-- no group and stay out of it.
CREATE INDEX tokens_by_group ON tokens (group_id) WHERE group_id IS NOT NULL;

-- memberships: how each was made. `origin` is 'created' (the group's creator), 'invite' (a
-- join, `origin_token` the token, `origin_by` its issuer, NULL for invites older than 0008) or
-- 'added' (PUT /groups/{id}/users/{uid}, `origin_by` the adding user); NULL for memberships
-- older than this migration (reported as unknown). A re-join overwrites them.
ALTER TABLE memberships ADD COLUMN origin TEXT NULL;
ALTER TABLE memberships ADD COLUMN origin_token TEXT NULL;
ALTER TABLE memberships ADD COLUMN origin_by TEXT NULL;

-- group_links: the invite a nested join made the link with (NULL otherwise), for the
-- nested join's idempotent retry.
ALTER TABLE group_links ADD COLUMN origin_token TEXT NULL;

-- One row per admission through an invite, written in the join's (or nested join's)
-- transaction: a row exists exactly when a use was counted. `user_id` is set for a join,
-- `child_id` for a nested join. Kept when the membership or link ends (history), deleted with
-- its token (no foreign key: the store deletes them together). `seq` orders them.
CREATE TABLE token_joins (
    token_id   TEXT    NOT NULL,
    seq        INTEGER NOT NULL UNIQUE,
    group_id   TEXT    NOT NULL,
    user_id    TEXT    NULL,
    child_id   TEXT    NULL,
    privileges INTEGER NOT NULL,
    joined_at  INTEGER NOT NULL,
    CHECK ((user_id IS NULL) <> (child_id IS NULL))
);

CREATE INDEX token_joins_by_token ON token_joins (token_id, seq);
