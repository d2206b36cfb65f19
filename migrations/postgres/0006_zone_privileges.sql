-- 0006_zone_privileges: zone privileges (contract §7) held by users and by groups, in place of
-- the `users.admin` flag. Applied by src/store/postgres/migrate.rs like 0001; never edit it once
-- released. Same tables and meaning as migrations/sqlite/0006_zone_privileges.sql.
--
-- `privileges` is a bit set of the nine names (`domain::ZonePrivilegeSet::bits`, in the order of
-- `ZonePrivilege::ALL`); a holder without a row holds none. A row goes with its user or group.
CREATE TABLE user_zone_privileges (
    user_id    TEXT   NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    privileges BIGINT NOT NULL
);

CREATE TABLE group_zone_privileges (
    group_id   TEXT   NOT NULL PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
    privileges BIGINT NOT NULL
);

-- Deleting a user deletes its access tokens: found by key, not by a scan of every token. Only
-- access tokens name a user, so invites (the bulk of the table) stay out of the index.
CREATE INDEX tokens_by_user ON tokens (user_id) WHERE user_id IS NOT NULL;

-- Every zone admin of the old flag holds all nine (bits 0 to 8). The `admin` column stays,
-- unread, so that a database opened by an older build still has it.
INSERT INTO user_zone_privileges (user_id, privileges)
SELECT id, 511 FROM users WHERE admin;
