-- 0005_user_login_password: users get a unique login (the Basic-auth user name), unique
-- aliases, and a password hash (contract §4 and §7).
-- Applied by src/store/postgres/migrate.rs like 0001 (one transaction, under the advisory
-- lock); never edit it once released. Same meaning as migrations/sqlite/0005_user_login_password.sql.
--
-- `password_hash` is an Argon2id PHC string (algorithm, parameters, per-user salt and hash),
-- NULL for a user without a password. It lives in the user's row, so that deleting the user
-- deletes it in the same statement.
ALTER TABLE users ADD COLUMN login TEXT NULL;
ALTER TABLE users ADD COLUMN password_hash TEXT NULL;

-- Existing users: the login is today's name. Of the users sharing a name, the first created
-- (lowest `seq`) keeps it as it is and the k-th gets `name-k` (`alice`, `alice-2`, `alice-3`).
UPDATE users SET login = CASE WHEN ranked.k = 1 THEN ranked.name ELSE ranked.name || '-' || ranked.k END
FROM (SELECT id, name, ROW_NUMBER() OVER (PARTITION BY name ORDER BY seq) AS k FROM users) AS ranked
WHERE ranked.id = users.id;
-- A derived `name-k` can be another user's name, and so its login. Of the users still sharing
-- a login, the first created keeps it and every later one gets its user id (unique, and no
-- name of a person).
UPDATE users SET login = id
WHERE EXISTS (SELECT 1 FROM users AS other WHERE other.login = users.login AND other.seq < users.seq);

-- Aliases become unique. Of the users sharing an alias, the first created keeps it and the
-- later ones lose theirs (NULL, shown as ""): an alias is optional and chosen by its user, who
-- can set another; making one up for them would show a name nobody chose.
UPDATE users SET alias = NULL
WHERE alias IS NOT NULL
  AND EXISTS (SELECT 1 FROM users AS other WHERE other.alias = users.alias AND other.seq < users.seq);

ALTER TABLE users ALTER COLUMN login SET NOT NULL;
-- Basic authentication finds the user by login, through this constraint's index; `create_user`
-- names it in `ON CONFLICT (login)`. Aliases: NULLs are distinct, so any number have none.
ALTER TABLE users ADD CONSTRAINT users_login_key UNIQUE (login);
ALTER TABLE users ADD CONSTRAINT users_alias_key UNIQUE (alias);
