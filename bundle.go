package dyad

// A Bundle is one document with everything derived from it: what the
// pipeline produces and the store keeps, all or nothing.
type Bundle struct {
	Doc         *Document
	Sentences   []Sentence
	Mentions    []Mention
	Events      []Event
	Diagnostics []Diagnostic
}

// Outcome says what storing a document did.
type Outcome int

// Outcomes of storing a document.
const (
	Unchanged  Outcome = iota // the same text was already stored
	Created                   // a new document
	NewVersion                // a new text at a Source already stored
)

// String returns "unchanged", "created" or "new_version".
func (o Outcome) String() string {
	switch o {
	case Unchanged:
		return "unchanged"
	case Created:
		return "created"
	case NewVersion:
		return "new_version"
	}
	return "unknown"
}
