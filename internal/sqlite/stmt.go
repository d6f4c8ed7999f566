package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
)

// statements are the writes CreateDocument repeats for every row, prepared
// once on the write connection. Binding them to a transaction (bind) reuses
// the compiled statement, since there is only one write connection.
type statements struct {
	docByHash, latestBySource, insertDoc       *sql.Stmt
	insertSentence, insertFTS, insertMention   *sql.Stmt
	eventByKey, insertEvent, insertEventSource *sql.Stmt
	insertDiagnostic                           *sql.Stmt
}

func (s *statements) all() []**sql.Stmt {
	return []**sql.Stmt{
		&s.docByHash, &s.latestBySource, &s.insertDoc,
		&s.insertSentence, &s.insertFTS, &s.insertMention,
		&s.eventByKey, &s.insertEvent, &s.insertEventSource,
		&s.insertDiagnostic,
	}
}

var statementSQL = [...]string{
	`SELECT id, version, prev_id, ingested_at FROM documents WHERE hash = ?`,
	`SELECT id, version FROM documents WHERE source = ? ORDER BY version DESC LIMIT 1`,
	`INSERT INTO documents (hash, source, title, publisher, date, kind, side, lang, format, meta, text, version, prev_id, ingested_at)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,

	`INSERT INTO sentences (doc_id, idx, start, end, para) VALUES (?, ?, ?, ?, ?)`,
	`INSERT INTO sentences_fts (rowid, text, doc_id, idx) VALUES (?, ?, ?, ?)`,
	`INSERT INTO mentions (doc_id, sentence, start, end, text, code, country, person, office, level, rule, entry)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,

	`SELECT id, first_doc_id FROM events WHERE key = ?`,
	`INSERT INTO events (key, cameo, root, plover, mode, context, quad, goldstein, status,
	    source_text, source_code, source_country, source_person, source_office, source_level, source_start, source_end,
	    target_text, target_code, target_country, target_person, target_office, target_level, target_start, target_end,
	    date, date_end, date_precision, date_from_doc, date_span_start, date_span_end,
	    issues, location, location_start, location_end, pattern, object,
	    first_doc_id, first_sentence, span_start, span_end, verb_start, verb_end)
	 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
	    ?, ?, ?, ?, ?, ?, ?, ?,
	    ?, ?, ?, ?, ?, ?, ?, ?,
	    ?, ?, ?, ?, ?, ?,
	    ?, ?, ?, ?, ?, ?,
	    ?, ?, ?, ?, ?, ?)
	 ON CONFLICT (key) DO NOTHING`,
	// A sentence that reports the same event twice (two matching verb
	// phrases) is one report.
	`INSERT INTO event_sources (event_id, doc_id, sentence, start, end, verb_start, verb_end)
	 VALUES (?, ?, ?, ?, ?, ?, ?)
	 ON CONFLICT (event_id, doc_id, sentence) DO NOTHING`,

	`INSERT INTO diagnostics (doc_id, source, line, start, end, msg) VALUES (?, ?, ?, ?, ?, ?)`,
}

func prepareStatements(ctx context.Context, h *sql.DB) (*statements, error) {
	s := &statements{}
	for i, p := range s.all() {
		st, err := h.PrepareContext(ctx, statementSQL[i])
		if err != nil {
			return nil, errors.Join(fmt.Errorf("prepare statement %d: %w", i, err), s.close())
		}
		*p = st
	}
	return s, nil
}

func (s *statements) close() error {
	var errs []error
	for _, p := range s.all() {
		if *p != nil {
			errs = append(errs, (*p).Close())
		}
	}
	return errors.Join(errs...)
}

// bind returns the statements bound to tx.
func (s *statements) bind(ctx context.Context, tx *Tx) *statements {
	b := &statements{}
	dst := b.all()
	for i, p := range s.all() {
		*dst[i] = tx.StmtContext(ctx, *p)
	}
	return b
}

// DefaultMaxReadStatements bounds how many distinct read queries DB keeps
// prepared; see readStatements.
const DefaultMaxReadStatements = 256

// readStatements caches statements prepared on the read pool, keyed by
// their SQL text, so that a query repeated by every request (a page of
// events) is parsed and planned once per connection instead of once per
// call. Only SQL built from the shape of a filter belongs here, never SQL
// with values in it; the values are arguments. The cache is bounded: once
// max texts are prepared, get returns nil and the caller runs its query
// unprepared. Entries are never evicted, so a statement handed out is
// never closed under its user.
//
// get must be called outside any transaction on the read pool: preparing
// takes a connection from the pool, and a caller that holds one while
// waiting for another could wait forever once the pool is exhausted. A
// transaction then binds the statement with Tx.StmtContext, which reuses
// what was prepared on its connection.
type readStatements struct {
	h   *sql.DB
	max int

	mu     sync.Mutex
	byText map[string]*sql.Stmt
}

func newReadStatements(h *sql.DB, max int) *readStatements {
	return &readStatements{h: h, max: max, byText: map[string]*sql.Stmt{}}
}

// get returns the statement prepared for query, preparing it if need be,
// or nil when the cache is full.
func (c *readStatements) get(ctx context.Context, query string) (*sql.Stmt, error) {
	c.mu.Lock()
	st, ok := c.byText[query]
	full := len(c.byText) >= c.max
	c.mu.Unlock()
	if ok {
		return st, nil
	}
	if full {
		return nil, nil
	}
	// Prepared without the lock: preparing may wait for a connection.
	st, err := c.h.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.byText[query]; ok {
		// Another caller prepared it meanwhile: keep theirs.
		return prev, st.Close()
	}
	if len(c.byText) >= c.max {
		return nil, st.Close()
	}
	c.byText[query] = st
	return st, nil
}

// close closes every cached statement.
func (c *readStatements) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for q, st := range c.byText {
		errs = append(errs, st.Close())
		delete(c.byText, q)
	}
	return errors.Join(errs...)
}

// queryRead runs query, a single statement, on the read pool outside any
// transaction, with the cached statement st, or unprepared when st is nil.
func (db *DB) queryRead(ctx context.Context, st *sql.Stmt, query string, args ...any) (*sql.Rows, error) {
	if st != nil {
		return st.QueryContext(ctx, args...)
	}
	if db.read == nil {
		return nil, fmt.Errorf("database %s is not open", db.DSN)
	}
	return db.read.QueryContext(ctx, query, args...)
}

// query runs query in tx with the cached statement st, or unprepared when
// st is nil.
func (tx *Tx) query(ctx context.Context, st *sql.Stmt, query string, args ...any) (*sql.Rows, error) {
	if st == nil {
		return tx.QueryContext(ctx, query, args...)
	}
	return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// queryRow is query for a single row.
func (tx *Tx) queryRow(ctx context.Context, st *sql.Stmt, query string, args ...any) *sql.Row {
	if st == nil {
		return tx.QueryRowContext(ctx, query, args...)
	}
	return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}
