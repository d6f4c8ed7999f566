package dyad

import "time"

// A Document is one text that describes the relationship: a readout, a
// transcript, a statement, a news article, one item of a feed.
//
// Its identity is Hash, the hex SHA-256 of its normalised Text: the same text
// ingested twice is the same document.
type Document struct {
	ID        int64     `json:"id"`   // assigned by the store; 0 before storing
	Hash      string    `json:"hash"` // hex SHA-256 of Text
	Source    string    `json:"source"`
	Title     string    `json:"title,omitempty"`
	Publisher string    `json:"publisher,omitempty"`
	Date      time.Time `json:"date,omitzero"`  // publication date (UTC); zero when unknown
	Kind      string    `json:"kind,omitempty"` // readout, statement, transcript, news, joint-statement, …
	Side      string    `json:"side,omitempty"` // ISO-3 code of the authoring government, "" for neither
	Lang      string    `json:"lang,omitempty"` // "en", "zh", …
	Format    string    `json:"format"`         // txt, html, pdf, rss, atom
	// Meta holds the remaining header fields (completeness, note, …).
	Meta map[string]string `json:"meta,omitempty"`
	// Text is the normalised text: valid UTF-8, "\n" line ends, header
	// block removed. Every Span of the document points into it.
	Text string `json:"-"`

	Version    int       `json:"version"`           // 1 for the first text seen at Source
	PrevID     int64     `json:"prev_id,omitempty"` // the previous version at the same Source
	IngestedAt time.Time `json:"ingested_at,omitzero"`
}

// Slice returns the text of d within s, or "" when s is out of bounds.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// DocumentFilter selects documents. Nil fields are unset.
type DocumentFilter struct {
	ID     *int64
	Hash   *string
	Source *string
	Side   *string
	From   *time.Time
	To     *time.Time
	Offset int
	Limit  int
}

// NormalizeSide normalises a side as written in a header or on the command line
// ("US", "U.S.", "USA", "CN", "PRC", "China", …) to an ISO-3 code. Unknown
// values are returned upper-cased.
func NormalizeSide(s string) string {
	switch up := upper(s); up {
	case "US", "U.S.", "USA", "UNITED STATES", "AMERICA":
		return "USA"
	case "CN", "CHN", "PRC", "P.R.C.", "CHINA":
		return "CHN"
	case "", "NONE", "NEITHER", "OTHER", "-":
		return ""
	default:
		return up
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	// trim spaces
	i, j := 0, len(b)
	for i < j && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	for j > i && (b[j-1] == ' ' || b[j-1] == '\t') {
		j--
	}
	return string(b[i:j])
}
