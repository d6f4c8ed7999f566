-- Analysts' corrections to computed objects (meetings, channels,
-- commitments) and to coded events. They live apart from what they correct
-- and are re-applied after every recomputation; rows are never updated,
-- only added (the latest correction of a field wins), so the history stays.
CREATE TABLE corrections (
	id          INTEGER PRIMARY KEY,
	kind        TEXT    NOT NULL CHECK (kind IN ('event', 'meeting', 'channel', 'commitment')),
	key         TEXT    NOT NULL CHECK (key <> ''),
	field       TEXT    NOT NULL CHECK (field <> ''),
	value       TEXT    NOT NULL,
	note        TEXT    NOT NULL DEFAULT '',
	author      TEXT    NOT NULL CHECK (author <> ''),
	created_at  TEXT    NOT NULL
);
CREATE INDEX corrections_kind_key ON corrections (kind, key);
