package dyad

import "time"

// Snippet highlight marks: Hit.Snippet wraps each matched term in them.
const (
	SnippetStart = "«"
	SnippetEnd   = "»"
)

// A Hit is a stored sentence that matches a full-text search.
type Hit struct {
	DocID    int64     `json:"doc_id"`
	Sentence int       `json:"sentence"` // index of the sentence in its document
	Span     Span      `json:"span"`     // the sentence's span in the document's Text
	Snippet  string    `json:"snippet"`  // part of the sentence, matches between SnippetStart and SnippetEnd
	Source   string    `json:"source"`
	Title    string    `json:"title,omitempty"`
	Date     time.Time `json:"date,omitzero"` // the document's date; zero when unknown
}
