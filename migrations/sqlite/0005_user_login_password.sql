-- 0005_user_login_password: users get a unique login (the Basic-auth user name), unique
-- aliases, and a password hash (contract §4 and §7).
-- Applied by src/store/sqlite/migrate.rs like 0001; never edit it once released. Same meaning
-- as migrations/postgres/0005_user_login_password.sql.
--
-- `password_hash` is an Argon2id PHC string (algorithm, parameters, per-user salt and hash),
-- NULL for a user without a password. It lives in the user's row, so that deleting the user
-- deletes it in the same statement.
ALTER TABLE users ADD COLUMN login TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN password_hash TEXT NULL;

-- Existing users: the login is today's name. Of the users sharing a name, the first created
-- (lowest `seq`) keeps it as it is and the k-th gets `name-k` (`alice`, `alice-2`, `alice-3`).
UPDATE users SET login = (
    SELECT CASE WHEN ranked.k = 1 THEN ranked.name ELSE ranked.name || '-' || ranked.k END
    FROM (SELECT id, name, ROW_NUMBER() OVER (PARTITION BY name ORDER BY seq) AS k FROM users) AS ranked
    WHERE ranked.id = users.id
);
-- A derived `name-k` can be another user's name, and so its login. Of the users still sharing
-- a login, the first created keeps it and every later one gets its user id (unique, and no
-- name of a person). The first holder is never changed here, so every later one finds it
-- whatever order the rows are updated in.
UPDATE users SET login = id
WHERE EXISTS (SELECT 1 FROM users AS other WHERE other.login = users.login AND other.seq < users.seq);

-- Aliases become unique. Of the users sharing an alias, the first created keeps it and the
-- later ones lose theirs (NULL, shown as ""): an alias is optional and chosen by its user, who
-- can set another; making one up for them would show a name nobody chose.
UPDATE users SET alias = NULL
WHERE alias IS NOT NULL
  AND EXISTS (SELECT 1 FROM users AS other WHERE other.alias = users.alias AND other.seq < users.seq);

-- Basic authentication finds the user by login, through this index. Aliases: NULLs are not
-- equal to each other here, so any number of users have none.
CREATE UNIQUE INDEX users_login ON users (login);
CREATE UNIQUE INDEX users_alias ON users (alias);
