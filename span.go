package dyad

// A Span is a half-open byte range [Start, End) into a Document's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Valid reports whether s is a non-empty, in-bounds span of a text of length n.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start < s.End && s.End <= n }

// A Sentence is one sentence of a document.
type Sentence struct {
	Index int  `json:"index"` // 0-based position in the document
	Span  Span `json:"span"`
	Para  int  `json:"para"` // 0-based paragraph (blank-line separated block)
}
