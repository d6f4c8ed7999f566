package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// DocumentService stores documents with what was derived from them, and
// finds and searches them.
type DocumentService struct {
	db *DB
}

// NewDocumentService returns a DocumentService on db.
func NewDocumentService(db *DB) *DocumentService {
	return &DocumentService{db: db}
}

// CreateDocument stores the bundle in one transaction: all of it or
// nothing. It is safe for concurrent use.
//
// When a document with the same Hash is stored already, nothing changes,
// the outcome is dyad.Unchanged and Doc.ID, Version, PrevID and IngestedAt are
// set from the stored document (the bundle's events are not touched).
// When another document with the same Source is stored, the new one gets
// Version = latest version + 1 and PrevID = the latest version's id
// (dyad.NewVersion). Otherwise it is version 1 (dyad.Created).
//
// Events are upserted by Key (computed with Event.ComputeKey when empty):
// an event already stored, reported by another document or another
// sentence, gets one more report in its sources instead of a second row.
//
// On success Doc.ID, Doc.Version, Doc.PrevID, Doc.IngestedAt (from DB.Now),
// an empty Doc.Hash (the SHA-256 of Text), and each event's ID, DocID (its
// first report's document) and empty Key are set.
func (s *DocumentService) CreateDocument(ctx context.Context, b *dyad.Bundle) (dyad.Outcome, error) {
	if err := validateBundle(b); err != nil {
		return dyad.Unchanged, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dyad.Unchanged, err
	}
	defer tx.Rollback()

	res, err := createBundle(ctx, tx, b)
	if err != nil {
		return dyad.Unchanged, fmt.Errorf("document %s: %w", b.Doc.Source, err)
	}
	if err := tx.Commit(); err != nil {
		return dyad.Unchanged, fmt.Errorf("document %s: commit: %w", b.Doc.Source, err)
	}
	res.apply(b)
	return res.outcome, nil
}

// CreateDocuments stores several bundles in one transaction, all or
// nothing, with the same effect as calling CreateDocument on each in turn.
// One commit for several documents writes shared index pages once, so a
// pipeline that can wait for a few documents stores them faster.
func (s *DocumentService) CreateDocuments(ctx context.Context, bs []*dyad.Bundle) ([]dyad.Outcome, error) {
	for _, b := range bs {
		if err := validateBundle(b); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	res := make([]*created, len(bs))
	for i, b := range bs {
		if res[i], err = createBundle(ctx, tx, b); err != nil {
			return nil, fmt.Errorf("document %s: %w", b.Doc.Source, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("%d documents: commit: %w", len(bs), err)
	}
	outs := make([]dyad.Outcome, len(bs))
	for i, r := range res {
		r.apply(bs[i])
		outs[i] = r.outcome
	}
	return outs, nil
}

// validateBundle rejects bundles that cannot be stored, before any write.
func validateBundle(b *dyad.Bundle) error {
	if b == nil || b.Doc == nil {
		return dyad.Errorf(dyad.EINVALID, "Document required.")
	}
	d := b.Doc
	if d.Source == "" {
		return dyad.Errorf(dyad.EINVALID, "Document source required.")
	}
	for _, sen := range b.Sentences {
		if !sen.Span.Valid(len(d.Text)) {
			return dyad.Errorf(dyad.EINVALID, "Document %s: sentence %d span [%d,%d) is outside its text of %d bytes.",
				d.Source, sen.Index, sen.Span.Start, sen.Span.End, len(d.Text))
		}
	}
	for i := range b.Events {
		if st := b.Events[i].Status; !dyad.ValidStatus(st) {
			return dyad.Errorf(dyad.EINVALID, "Document %s: event %d has unknown status %q.", d.Source, i, st)
		}
	}
	return nil
}

// created is what createBundle stored, applied to the bundle after commit.
type created struct {
	outcome    dyad.Outcome
	hash       string
	id         int64
	version    int
	prevID     int64
	ingestedAt time.Time
	events     []eventRef
}

type eventRef struct {
	id, docID int64
	key       string
}

func (c *created) apply(b *dyad.Bundle) {
	d := b.Doc
	d.ID, d.Hash, d.Version, d.PrevID, d.IngestedAt = c.id, c.hash, c.version, c.prevID, c.ingestedAt
	for i, r := range c.events {
		e := &b.Events[i]
		e.ID, e.DocID, e.Key = r.id, r.docID, r.key
	}
}

func createBundle(ctx context.Context, tx *Tx, b *dyad.Bundle) (*created, error) {
	// The row statements run without ctx's cancellation: with a
	// cancellable context the driver starts a watcher goroutine for every
	// statement, which costs more than the statement. Cancellation is
	// checked between rows instead, and rolls the transaction back.
	cancel := ctx
	ctx = context.WithoutCancel(ctx)
	st := tx.db.stmts.bind(ctx, tx)
	d := b.Doc
	c := &created{hash: d.Hash, ingestedAt: tx.now}
	if c.hash == "" {
		sum := sha256.Sum256([]byte(d.Text))
		c.hash = hex.EncodeToString(sum[:])
	}

	var ingested string
	var prev sql.NullInt64
	err := st.docByHash.QueryRowContext(ctx, c.hash).Scan(&c.id, &c.version, &prev, &ingested)
	switch {
	case err == nil:
		c.outcome, c.prevID = dyad.Unchanged, prev.Int64
		if c.ingestedAt, err = time.Parse(time.RFC3339, ingested); err != nil {
			return nil, fmt.Errorf("stored ingested_at %q: %w", ingested, err)
		}
		return c, nil // c.events is empty: the bundle's events are left as they are
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("find hash: %w", err)
	}

	var latestID int64
	var latestVersion int
	err = st.latestBySource.QueryRowContext(ctx, d.Source).Scan(&latestID, &latestVersion)
	switch {
	case err == nil:
		c.outcome, c.version, c.prevID = dyad.NewVersion, latestVersion+1, latestID
	case errors.Is(err, sql.ErrNoRows):
		c.outcome, c.version = dyad.Created, 1
	default:
		return nil, fmt.Errorf("find latest version: %w", err)
	}

	meta, err := marshalMeta(d.Meta)
	if err != nil {
		return nil, err
	}
	var prevArg any
	if c.prevID != 0 {
		prevArg = c.prevID
	}
	res, err := st.insertDoc.ExecContext(ctx,
		c.hash, d.Source, d.Title, d.Publisher, formatDate(d.Date), d.Kind, d.Side, d.Lang, d.Format,
		meta, d.Text, c.version, prevArg, c.ingestedAt.Format(time.RFC3339))
	if err != nil {
		return nil, fmt.Errorf("insert: %w", err)
	}
	if c.id, err = res.LastInsertId(); err != nil {
		return nil, err
	}

	var buf []byte
	for _, sen := range b.Sentences {
		if err := cancel.Err(); err != nil {
			return nil, err
		}
		res, err := st.insertSentence.ExecContext(ctx, c.id, sen.Index, sen.Span.Start, sen.Span.End, sen.Para)
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %w", sen.Index, err)
		}
		rowid, err := res.LastInsertId()
		if err != nil {
			return nil, err
		}
		buf = appendIndexText(buf[:0], d.Text[sen.Span.Start:sen.Span.End])
		if _, err := st.insertFTS.ExecContext(ctx, rowid, buf, c.id, sen.Index); err != nil {
			return nil, fmt.Errorf("sentence %d: index: %w", sen.Index, err)
		}
	}

	for i := range b.Mentions {
		m := &b.Mentions[i]
		if _, err := st.insertMention.ExecContext(ctx, c.id, m.Sentence, m.Span.Start, m.Span.End,
			m.Text, m.Code, m.Country, m.Person, m.Office, string(m.Level), m.Rule, m.Entry); err != nil {
			return nil, fmt.Errorf("mention %d (%q): %w", i, m.Text, err)
		}
	}

	c.events = make([]eventRef, len(b.Events))
	for i := range b.Events {
		if err := cancel.Err(); err != nil {
			return nil, err
		}
		r, err := upsertEvent(ctx, st, c.id, &b.Events[i])
		if err != nil {
			return nil, fmt.Errorf("event %d (%s): %w", i, b.Events[i].CAMEO, err)
		}
		c.events[i] = r
	}

	for i := range b.Diagnostics {
		g := &b.Diagnostics[i]
		start, end := spanOrNil(g.Span)
		if _, err := st.insertDiagnostic.ExecContext(ctx, c.id, g.Source, g.Line, start, end, g.Msg); err != nil {
			return nil, fmt.Errorf("diagnostic %d: %w", i, err)
		}
	}
	return c, nil
}

func marshalMeta(m map[string]string) (any, error) {
	if len(m) == 0 {
		return nil, nil
	}
	buf, err := json.Marshal(m) // sorted keys: deterministic
	if err != nil {
		return nil, fmt.Errorf("meta: %w", err)
	}
	return string(buf), nil
}

// FindDocumentByID returns the document with the given id, with its Text.
// A missing document is an ENOTFOUND error.
func (s *DocumentService) FindDocumentByID(ctx context.Context, id int64) (*dyad.Document, error) {
	// One statement, prepared once: every page of events looks up the
	// documents it cites, so this runs on every request.
	st, err := s.db.prepareRead(ctx, documentByID)
	if err != nil {
		return nil, fmt.Errorf("find document %d: %w", id, err)
	}
	rows, err := s.db.queryRead(ctx, st[0], documentByID, id)
	if err != nil {
		return nil, fmt.Errorf("find document %d: %w", id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("find document %d: %w", id, err)
		}
		return nil, dyad.Errorf(dyad.ENOTFOUND, "Document %d not found.", id)
	}
	d, err := scanDocument(rows)
	if err != nil {
		return nil, err
	}
	return d, rows.Close()
}

// documentByID selects one document with its text, in scanDocument's
// column order.
const documentByID = `SELECT id, hash, source, title, publisher, date, kind, side, lang, format, meta, text,
	version, prev_id, ingested_at FROM documents WHERE id = ?`

// FindDocuments returns the documents that match f, ordered by date
// (unknown dates last) then id, and the number of matches ignoring
// f.Offset and f.Limit. From and To are inclusive days. Text is loaded
// only when f.ID is set; listings leave it empty.
func (s *DocumentService) FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.Document, int, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	return findDocuments(ctx, tx, f)
}

func findDocuments(ctx context.Context, tx *Tx, f dyad.DocumentFilter) ([]*dyad.Document, int, error) {
	var where []string
	var args []any
	if f.ID != nil {
		where, args = append(where, "id = ?"), append(args, *f.ID)
	}
	if f.Hash != nil {
		where, args = append(where, "hash = ?"), append(args, *f.Hash)
	}
	if f.Source != nil {
		where, args = append(where, "source = ?"), append(args, *f.Source)
	}
	if f.Side != nil {
		where, args = append(where, "side = ?"), append(args, dyad.NormalizeSide(*f.Side))
	}
	if f.From != nil {
		where, args = append(where, "date >= ?"), append(args, f.From.UTC().Format(dateLayout))
	}
	if f.To != nil {
		where, args = append(where, "date <= ?"), append(args, f.To.UTC().Format(dateLayout))
	}
	cond := "1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}

	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("count documents: %w", err)
	}

	text := "''"
	if f.ID != nil {
		text = "text"
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, hash, source, title, publisher, date, kind, side, lang, format, meta, `+text+`,
		       version, prev_id, ingested_at
		FROM documents
		WHERE `+cond+`
		ORDER BY date IS NULL, date, id
		`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find documents: %w", err)
	}
	defer rows.Close()

	var docs []*dyad.Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, 0, err
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find documents: %w", err)
	}
	return docs, n, nil
}

func scanDocument(rows *sql.Rows) (*dyad.Document, error) {
	var d dyad.Document
	var date, meta sql.NullString
	var prev sql.NullInt64
	var ingested string
	if err := rows.Scan(&d.ID, &d.Hash, &d.Source, &d.Title, &d.Publisher, &date, &d.Kind, &d.Side,
		&d.Lang, &d.Format, &meta, &d.Text, &d.Version, &prev, &ingested); err != nil {
		return nil, fmt.Errorf("scan document: %w", err)
	}
	var err error
	if d.Date, err = parseDate(date); err != nil {
		return nil, fmt.Errorf("document %d: %w", d.ID, err)
	}
	if meta.Valid {
		if err := json.Unmarshal([]byte(meta.String), &d.Meta); err != nil {
			return nil, fmt.Errorf("document %d: meta: %w", d.ID, err)
		}
	}
	d.PrevID = prev.Int64
	if d.IngestedAt, err = time.Parse(time.RFC3339, ingested); err != nil {
		return nil, fmt.Errorf("document %d: ingested_at: %w", d.ID, err)
	}
	return &d, nil
}

// limitClause returns the LIMIT/OFFSET clause for a page; limit <= 0 means
// no limit.
func limitClause(offset, limit int) string {
	if limit <= 0 && offset <= 0 {
		return ""
	}
	if limit <= 0 {
		limit = -1
	}
	return fmt.Sprintf("LIMIT %d OFFSET %d", limit, max(offset, 0))
}

// FindSentences returns the sentences of a document in order.
func (s *DocumentService) FindSentences(ctx context.Context, docID int64) ([]dyad.Sentence, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT idx, start, end, para FROM sentences WHERE doc_id = ? ORDER BY idx`, docID)
	if err != nil {
		return nil, fmt.Errorf("document %d: sentences: %w", docID, err)
	}
	defer rows.Close()
	var out []dyad.Sentence
	for rows.Next() {
		var sen dyad.Sentence
		if err := rows.Scan(&sen.Index, &sen.Span.Start, &sen.Span.End, &sen.Para); err != nil {
			return nil, fmt.Errorf("document %d: sentences: %w", docID, err)
		}
		out = append(out, sen)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("document %d: sentences: %w", docID, err)
	}
	return out, nil
}

// FindMentions returns the actor mentions of a document, ordered by
// sentence and position.
func (s *DocumentService) FindMentions(ctx context.Context, docID int64) ([]dyad.Mention, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `
		SELECT sentence, start, end, text, code, country, person, office, level, rule, entry
		FROM mentions WHERE doc_id = ? ORDER BY sentence, start, id`, docID)
	if err != nil {
		return nil, fmt.Errorf("document %d: mentions: %w", docID, err)
	}
	defer rows.Close()
	var out []dyad.Mention
	for rows.Next() {
		var m dyad.Mention
		var level string
		if err := rows.Scan(&m.Sentence, &m.Span.Start, &m.Span.End, &m.Text, &m.Code, &m.Country,
			&m.Person, &m.Office, &level, &m.Rule, &m.Entry); err != nil {
			return nil, fmt.Errorf("document %d: mentions: %w", docID, err)
		}
		m.Level = dyad.Level(level)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("document %d: mentions: %w", docID, err)
	}
	return out, nil
}

// FindDiagnostics returns the diagnostics stored with a document, in the
// order they were stored.
func (s *DocumentService) FindDiagnostics(ctx context.Context, docID int64) ([]dyad.Diagnostic, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT source, line, start, end, msg FROM diagnostics WHERE doc_id = ? ORDER BY id`, docID)
	if err != nil {
		return nil, fmt.Errorf("document %d: diagnostics: %w", docID, err)
	}
	defer rows.Close()
	var out []dyad.Diagnostic
	for rows.Next() {
		var g dyad.Diagnostic
		var start, end sql.NullInt64
		if err := rows.Scan(&g.Source, &g.Line, &start, &end, &g.Msg); err != nil {
			return nil, fmt.Errorf("document %d: diagnostics: %w", docID, err)
		}
		g.Span = spanFrom(start, end)
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("document %d: diagnostics: %w", docID, err)
	}
	return out, nil
}

// DeleteDocument removes a document with its sentences, mentions,
// diagnostics and reports of events. Events it alone reported are deleted;
// events also reported elsewhere now point at their next report (by
// document id, then sentence), without the date and location spans that
// pointed into the deleted text. A later version's PrevID is relinked to
// the deleted document's PrevID. A missing document is an ENOTFOUND error.
func (s *DocumentService) DeleteDocument(ctx context.Context, id int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := deleteDocument(ctx, tx, id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete document %d: commit: %w", id, err)
	}
	return nil
}

func deleteDocument(ctx context.Context, tx *Tx, id int64) error {
	var prev sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT prev_id FROM documents WHERE id = ?`, id).Scan(&prev)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return dyad.Errorf(dyad.ENOTFOUND, "Document %d not found.", id)
	case err != nil:
		return fmt.Errorf("delete document %d: %w", id, err)
	}

	steps := []struct {
		what, query string
		args        []any
	}{
		{"orphaned events", `
			DELETE FROM events
			WHERE id IN (SELECT event_id FROM event_sources WHERE doc_id = ?1)
			  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = events.id AND s.doc_id <> ?1)`,
			[]any{id}},
		{"repoint events", `
			UPDATE events
			SET (first_doc_id, first_sentence, span_start, span_end, verb_start, verb_end) = (
			        SELECT s.doc_id, s.sentence, s.start, s.end, s.verb_start, s.verb_end
			        FROM event_sources s
			        WHERE s.event_id = events.id AND s.doc_id <> ?1
			        ORDER BY s.doc_id, s.sentence LIMIT 1),
			    date_span_start = NULL, date_span_end = NULL,
			    location_start = NULL, location_end = NULL
			WHERE first_doc_id = ?1`,
			[]any{id}},
		{"relink versions", `UPDATE documents SET prev_id = ? WHERE prev_id = ?`, []any{prev, id}},
		{"full-text index", `DELETE FROM sentences_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc_id = ?)`, []any{id}},
		// Cascades to sentences, mentions, event_sources and diagnostics.
		{"document", `DELETE FROM documents WHERE id = ?`, []any{id}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.query, st.args...); err != nil {
			return fmt.Errorf("delete document %d: %s: %w", id, st.what, err)
		}
	}
	return nil
}
