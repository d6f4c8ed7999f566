package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
