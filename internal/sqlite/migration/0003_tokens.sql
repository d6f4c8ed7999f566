-- API tokens for the server's write endpoints. Only the SHA-256 of a
-- token is stored (hex), never the token: a copy of the database does not
-- let anyone write through the API. Revoking keeps the row (revoked_at),
-- so the names that authored corrections stay on record; a name is unique
-- among the tokens not revoked.
CREATE TABLE api_tokens (
	id           INTEGER PRIMARY KEY,
	name         TEXT    NOT NULL CHECK (name <> ''),
	hash         TEXT    NOT NULL UNIQUE CHECK (length(hash) = 64),
	created_at   TEXT    NOT NULL,
	last_used_at TEXT,
	revoked_at   TEXT
);
CREATE UNIQUE INDEX api_tokens_live_name_idx ON api_tokens (name) WHERE revoked_at IS NULL;
