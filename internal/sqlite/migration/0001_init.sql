-- 0001_init: documents, their sentences (with a full-text index), actor
-- mentions, coded events with one row per report, and diagnostics.
--
-- Conventions:
--   * Spans are byte offsets [start, end) into documents.text; sentence,
--     mention and event text is never copied except into sentences_fts,
--     which needs it to index and to build snippets.
--   * Dates are TEXT 'YYYY-MM-DD' (UTC day) or NULL when unknown; instants
--     are TEXT RFC 3339 in UTC. Both sort as text.
--   * JSON columns hold a JSON object (documents.meta) or array
--     (events.context, events.issues), or NULL when empty.

CREATE TABLE documents (
	id          INTEGER PRIMARY KEY,
	hash        TEXT    NOT NULL UNIQUE CHECK (hash <> ''),
	source      TEXT    NOT NULL CHECK (source <> ''),
	title       TEXT    NOT NULL DEFAULT '',
	publisher   TEXT    NOT NULL DEFAULT '',
	date        TEXT,
	kind        TEXT    NOT NULL DEFAULT '',
	side        TEXT    NOT NULL DEFAULT '',
	lang        TEXT    NOT NULL DEFAULT '',
	format      TEXT    NOT NULL DEFAULT '',
	meta        TEXT,
	text        TEXT    NOT NULL,
	version     INTEGER NOT NULL CHECK (version >= 1),
	prev_id     INTEGER REFERENCES documents (id),
	ingested_at TEXT    NOT NULL
);

-- The index on source: versions of one source are found by it, and no two
-- documents share a (source, version).
CREATE UNIQUE INDEX documents_source_version_idx ON documents (source, version);
CREATE INDEX documents_date_idx ON documents (date);
CREATE INDEX documents_prev_id_idx ON documents (prev_id);

-- sentences has its own INTEGER PRIMARY KEY (instead of PRIMARY KEY
-- (doc_id, idx)) because sentences_fts rows share its rowid: an explicit
-- INTEGER PRIMARY KEY is the only rowid VACUUM promises not to renumber.
-- UNIQUE (doc_id, idx) keeps the natural key and its index.
CREATE TABLE sentences (
	id     INTEGER PRIMARY KEY,
	doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL CHECK (idx >= 0),
	start  INTEGER NOT NULL CHECK (start >= 0),
	end    INTEGER NOT NULL CHECK (end > start),
	para   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (doc_id, idx)
);

-- sentences_fts stores its own content (the sentence text sliced from
-- documents.text), so snippet() works without a join. Its rowid is
-- sentences.id. Han characters are stored separated by U+200B ZERO WIDTH
-- SPACE, which unicode61 treats as a separator: each Han character becomes
-- a token and a query of two or more of them is a phrase. Search strips the
-- U+200B from snippets again.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
	text,
	doc_id UNINDEXED,
	idx UNINDEXED,
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE mentions (
	id       INTEGER PRIMARY KEY,
	doc_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	sentence INTEGER NOT NULL,
	start    INTEGER NOT NULL CHECK (start >= 0),
	end      INTEGER NOT NULL CHECK (end >= start),
	text     TEXT    NOT NULL DEFAULT '',
	code     TEXT    NOT NULL DEFAULT '',
	country  TEXT    NOT NULL DEFAULT '',
	person   TEXT    NOT NULL DEFAULT '',
	office   TEXT    NOT NULL DEFAULT '',
	level    TEXT    NOT NULL DEFAULT '',
	rule     TEXT    NOT NULL DEFAULT '',
	entry    TEXT    NOT NULL DEFAULT ''
);

CREATE INDEX mentions_doc_id_idx ON mentions (doc_id, sentence, start);
CREATE INDEX mentions_code_idx ON mentions (code);

-- events holds one row per act (events.key is dyad.Event.ComputeKey); the
-- first report's document, sentence and spans are kept here, every report
-- in event_sources. target_* is NULL when the event has no target.
CREATE TABLE events (
	id              INTEGER PRIMARY KEY,
	key             TEXT    NOT NULL UNIQUE CHECK (key <> ''),
	cameo           TEXT    NOT NULL CHECK (cameo <> ''),
	root            TEXT    NOT NULL,
	plover          TEXT    NOT NULL DEFAULT '',
	mode            TEXT    NOT NULL DEFAULT '',
	context         TEXT,
	quad            INTEGER NOT NULL CHECK (quad BETWEEN 0 AND 4),
	goldstein       REAL    NOT NULL CHECK (goldstein BETWEEN -10 AND 10),
	status          TEXT    NOT NULL CHECK (status <> ''),

	source_text     TEXT    NOT NULL DEFAULT '',
	source_code     TEXT    NOT NULL DEFAULT '',
	source_country  TEXT    NOT NULL DEFAULT '',
	source_person   TEXT    NOT NULL DEFAULT '',
	source_office   TEXT    NOT NULL DEFAULT '',
	source_level    TEXT    NOT NULL DEFAULT '',
	source_start    INTEGER NOT NULL DEFAULT 0,
	source_end      INTEGER NOT NULL DEFAULT 0,

	target_text     TEXT,
	target_code     TEXT,
	target_country  TEXT,
	target_person   TEXT,
	target_office   TEXT,
	target_level    TEXT,
	target_start    INTEGER,
	target_end      INTEGER,

	date            TEXT,
	date_end        TEXT,
	date_precision  TEXT    NOT NULL DEFAULT '',
	date_from_doc   INTEGER NOT NULL DEFAULT 0 CHECK (date_from_doc IN (0, 1)),
	date_span_start  INTEGER,
	date_span_end    INTEGER,
	issues          TEXT,
	location        TEXT    NOT NULL DEFAULT '',
	location_start  INTEGER,
	location_end    INTEGER,
	pattern         TEXT    NOT NULL DEFAULT '',
	object          TEXT    NOT NULL DEFAULT '',

	first_doc_id    INTEGER NOT NULL REFERENCES documents (id),
	first_sentence  INTEGER NOT NULL,
	span_start      INTEGER NOT NULL CHECK (span_start >= 0),
	span_end        INTEGER NOT NULL CHECK (span_end >= span_start),
	verb_start      INTEGER NOT NULL CHECK (verb_start >= 0),
	verb_end        INTEGER NOT NULL CHECK (verb_end >= verb_start)
);

-- Every index slows ingestion (each event insert writes each of them), so
-- only the common filters have one. The dyad index serves both directions
-- of a dyad filter (each branch of the OR starts with source_country).
-- first_doc_id is indexed because it is a foreign key: deleting a document
-- looks its events up by it.
CREATE INDEX events_date_idx ON events (date);
CREATE INDEX events_status_idx ON events (status);
CREATE INDEX events_cameo_idx ON events (cameo);
CREATE INDEX events_dyad_idx ON events (source_country, target_country);
CREATE INDEX events_first_doc_id_idx ON events (first_doc_id);

-- event_sources has one row per report of an event. verb_start/verb_end
-- are kept per report so that, when the first report's document is
-- deleted, the event can point at the next report.
CREATE TABLE event_sources (
	event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
	doc_id     INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	sentence   INTEGER NOT NULL,
	start      INTEGER NOT NULL CHECK (start >= 0),
	end        INTEGER NOT NULL CHECK (end >= start),
	verb_start INTEGER NOT NULL DEFAULT 0,
	verb_end   INTEGER NOT NULL DEFAULT 0,
	UNIQUE (event_id, doc_id, sentence)
);

CREATE INDEX event_sources_doc_id_idx ON event_sources (doc_id);

CREATE TABLE diagnostics (
	id     INTEGER PRIMARY KEY,
	doc_id INTEGER REFERENCES documents (id) ON DELETE CASCADE,
	source TEXT    NOT NULL DEFAULT '',
	line   INTEGER NOT NULL DEFAULT 0 CHECK (line >= 0),
	start  INTEGER,
	end    INTEGER,
	msg    TEXT    NOT NULL,
	CHECK (end >= start)
);

CREATE INDEX diagnostics_doc_id_idx ON diagnostics (doc_id);
