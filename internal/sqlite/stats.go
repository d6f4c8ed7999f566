package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Stats counts what the database holds.
type Stats struct {
	Documents, Sentences, Mentions, Events, EventSources int

	ByStatus    map[string]int // events by status
	ByRoot      map[string]int // events by two-digit CAMEO root
	ByPublisher map[string]int // documents by publisher ("" when unknown)

	// First and Last bound the known event dates: the earliest Date and
	// the latest DateEnd (or Date). Zero when no event has a date.
	First, Last time.Time
}

// Stats returns counts over the whole database, from one snapshot.
func (s *DocumentService) Stats(ctx context.Context) (*Stats, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	st := &Stats{}
	var first, last sql.NullString
	if err := tx.QueryRowContext(ctx, `
		SELECT (SELECT COUNT(*) FROM documents),
		       (SELECT COUNT(*) FROM sentences),
		       (SELECT COUNT(*) FROM mentions),
		       (SELECT COUNT(*) FROM events),
		       (SELECT COUNT(*) FROM event_sources),
		       (SELECT MIN(date) FROM events),
		       (SELECT MAX(COALESCE(date_end, date)) FROM events)`).Scan(
		&st.Documents, &st.Sentences, &st.Mentions, &st.Events, &st.EventSources, &first, &last); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if st.First, err = parseDate(first); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}
	if st.Last, err = parseDate(last); err != nil {
		return nil, fmt.Errorf("stats: %w", err)
	}

	groups := []struct {
		dst   *map[string]int
		query string
	}{
		{&st.ByStatus, `SELECT status, COUNT(*) FROM events GROUP BY status`},
		{&st.ByRoot, `SELECT root, COUNT(*) FROM events GROUP BY root`},
		{&st.ByPublisher, `SELECT publisher, COUNT(*) FROM documents GROUP BY publisher`},
	}
	for _, g := range groups {
		m, err := countBy(ctx, tx, g.query)
		if err != nil {
			return nil, fmt.Errorf("stats: %w", err)
		}
		*g.dst = m
	}
	return st, nil
}

func countBy(ctx context.Context, tx *Tx, query string) (map[string]int, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := make(map[string]int)
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, err
		}
		m[k] = n
	}
	return m, rows.Err()
}
