package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// DefaultSearchLimit is the number of hits Search returns when asked for
// none or a negative number.
const DefaultSearchLimit = 50

// hanSep separates Han characters in the full-text index. unicode61 treats
// it (a format character, category Cf) as a separator, so each Han
// character is a token of its own, while the original text is restored by
// deleting it.
const hanSep = '\u200B'

// Search returns up to limit sentences that match query, best first (bm25),
// ties by document and sentence.
//
// Plain words are found without FTS syntax: when query has no FTS
// operators (double quotes, *, ^, parentheses, or the upper-case words AND,
// OR, NOT, NEAR) each word is quoted, so "U.S.-China" or "Blinken's" is a
// phrase, not a syntax error. Otherwise query is FTS5 syntax as written,
// and a malformed one is an EINVALID error. Chinese works in both: a run of
// Han characters matches as a phrase.
func (s *DocumentService) Search(ctx context.Context, query string, limit int) ([]dyad.Hit, error) {
	match := matchQuery(query)
	if match == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "Search query required.")
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	rows, err := tx.QueryContext(ctx, `
		SELECT f.doc_id, f.idx, s.start, s.end,
		       snippet(sentences_fts, 0, ?, ?, '…', 32),
		       d.source, d.title, d.date
		FROM sentences_fts f
		JOIN sentences s ON s.id = f.rowid
		JOIN documents d ON d.id = f.doc_id
		WHERE sentences_fts MATCH ?
		ORDER BY f.rank, f.doc_id, f.idx
		LIMIT ?`, dyad.SnippetStart, dyad.SnippetEnd, match, limit)
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	var hits []dyad.Hit
	for rows.Next() {
		var h dyad.Hit
		var date sql.NullString
		if err := rows.Scan(&h.DocID, &h.Sentence, &h.Span.Start, &h.Span.End, &h.Snippet, &h.Source, &h.Title, &date); err != nil {
			return nil, searchError(query, err)
		}
		h.Snippet = strings.ReplaceAll(h.Snippet, string(hanSep), "")
		if h.Date, err = parseDate(date); err != nil {
			return nil, fmt.Errorf("search %q: document %d: %w", query, h.DocID, err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	return hits, nil
}

// searchError turns an SQLite error about the MATCH expression into
// EINVALID. The statement is fixed, so SQLITE_ERROR (a "generic" error,
// primary code 1: fts5 syntax errors, unknown columns, unterminated
// strings) can only come from the user's query.
func searchError(query string, err error) error {
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code()&0xff == 1 {
		msg := err.Error()
		if i := strings.Index(msg, "fts5: "); i >= 0 {
			msg = msg[i+len("fts5: "):]
		}
		return dyad.Errorf(dyad.EINVALID, "Invalid search query %q: %s.", query, msg)
	}
	return fmt.Errorf("search %q: %w", query, err)
}

// matchQuery turns a user's query into an FTS5 MATCH expression; "" when
// the query is empty.
func matchQuery(q string) string {
	q = strings.TrimSpace(q)
	if q == "" {
		return ""
	}
	if hasOperators(q) {
		return string(appendIndexText(nil, q))
	}
	var b []byte
	for _, w := range strings.Fields(q) {
		w = strings.ReplaceAll(w, `"`, "")
		if w == "" {
			continue
		}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, '"')
		b = appendIndexText(b, w)
		b = append(b, '"')
	}
	return string(b)
}

// hasOperators reports whether q uses FTS5 query syntax.
func hasOperators(q string) bool {
	if strings.ContainsAny(q, `"*^()`) {
		return true
	}
	for _, w := range strings.Fields(q) {
		switch w {
		case "AND", "OR", "NOT", "NEAR":
			return true
		}
	}
	return false // "NEAR(" contains '('
}

// appendIndexText appends s to b with hanSep before every Han character and
// after the last one of a run. Text without Han characters is copied as is.
func appendIndexText(b []byte, s string) []byte {
	prevHan := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if prevHan {
				b = utf8.AppendRune(b, hanSep)
			}
			b = append(b, c)
			prevHan = false
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		han := unicode.Is(unicode.Han, r)
		if han || prevHan {
			b = utf8.AppendRune(b, hanSep)
		}
		b = append(b, s[i:i+n]...)
		prevHan = han
		i += n
	}
	if prevHan {
		b = utf8.AppendRune(b, hanSep)
	}
	return b
}
