package export

import (
	"time"

	"github.com/dyad-dev/dyad"
)

// Lookup gives writers what events alone do not carry.
type Lookup interface {
	// Document returns the document with the given ID, or nil.
	Document(id int64) *dyad.Document
	// CodeName returns the CAMEO code's name, or "".
	CodeName(code string) string
}

// ActorRecord is an actor as written in dyad JSON.
type ActorRecord struct {
	Text    string `json:"text"`
	Code    string `json:"code"`
	Country string `json:"country"`
	Person  string `json:"person,omitempty"`
	Office  string `json:"office,omitempty"`
	Level   string `json:"level,omitempty"`
}

// SourceRecord is one report of an event.
type SourceRecord struct {
	DocID     int64  `json:"doc_id"`
	Document  string `json:"document,omitempty"` // source path or URL
	Publisher string `json:"publisher,omitempty"`
	Side      string `json:"side,omitempty"`
	Sentence  int    `json:"sentence"`
	Span      [2]int `json:"span"`
}

// Record is one event in dyad's JSON Lines format: the interface that
// scripts and test suites use (documented in docs/formats.md). Fields are
// only ever added, never renamed.
type Record struct {
	ID            int64          `json:"id,omitempty"`
	Key           string         `json:"key"`
	DocID         int64          `json:"doc_id,omitempty"`
	Sentence      int            `json:"sentence"`
	Span          [2]int         `json:"span"`
	Text          string         `json:"text"`
	Verb          [2]int         `json:"verb"`
	Source        ActorRecord    `json:"source"`
	Target        *ActorRecord   `json:"target"`
	CAMEO         string         `json:"cameo"`
	CAMEOName     string         `json:"cameo_name,omitempty"`
	PLOVER        string         `json:"plover"`
	Mode          string         `json:"mode"`
	Context       []string       `json:"context,omitempty"`
	Quad          int            `json:"quad"`
	Goldstein     float64        `json:"goldstein"`
	Status        dyad.Status    `json:"status"`
	Date          string         `json:"date"`
	DateEnd       string         `json:"date_end"`
	DatePrecision dyad.Precision `json:"date_precision"`
	DateFromDoc   bool           `json:"date_from_doc"`
	Issues        []string       `json:"issues"`
	Location      string         `json:"location,omitempty"`
	Object        string         `json:"object,omitempty"`
	Pattern       string         `json:"pattern,omitempty"`
	Sources       []SourceRecord `json:"sources,omitempty"`
}

func actorRecord(a *dyad.Actor) ActorRecord {
	return ActorRecord{Text: a.Text, Code: a.Code, Country: a.Country, Person: a.Person, Office: a.Office, Level: string(a.Level)}
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// NewRecord builds the JSON record of ev. text is the text of the document
// the event's Span points into ("" when unknown); lk may be nil.
func NewRecord(ev *dyad.Event, text string, lk Lookup) Record {
	r := Record{
		ID:            ev.ID,
		Key:           ev.Key,
		DocID:         ev.DocID,
		Sentence:      ev.Sentence,
		Span:          [2]int{ev.Span.Start, ev.Span.End},
		Verb:          [2]int{ev.Verb.Start, ev.Verb.End},
		Source:        actorRecord(&ev.Source),
		CAMEO:         ev.CAMEO,
		PLOVER:        ev.PLOVER,
		Mode:          ev.Mode,
		Context:       ev.Context,
		Quad:          ev.Quad,
		Goldstein:     ev.Goldstein,
		Status:        ev.Status,
		Date:          day(ev.Date),
		DateEnd:       day(ev.DateEnd),
		DatePrecision: ev.DatePrecision,
		DateFromDoc:   ev.DateFromDoc,
		Issues:        ev.Issues,
		Location:      ev.Location,
		Object:        ev.Object,
		Pattern:       ev.Pattern,
	}
	if r.Issues == nil {
		r.Issues = []string{}
	}
	if ev.Target != nil {
		t := actorRecord(ev.Target)
		r.Target = &t
	}
	if text == "" && lk != nil {
		if d := lk.Document(ev.DocID); d != nil {
			text = d.Text
		}
	}
	if ev.Span.Valid(len(text)) {
		r.Text = text[ev.Span.Start:ev.Span.End]
	}
	if lk != nil {
		r.CAMEOName = lk.CodeName(ev.CAMEO)
	}
	for _, s := range ev.Sources {
		sr := SourceRecord{DocID: s.DocID, Publisher: s.Publisher, Side: s.Side, Sentence: s.Sentence, Span: [2]int{s.Span.Start, s.Span.End}}
		if lk != nil {
			if d := lk.Document(s.DocID); d != nil {
				sr.Document = d.Source
				if sr.Publisher == "" {
					sr.Publisher = d.Publisher
				}
				if sr.Side == "" {
					sr.Side = d.Side
				}
			}
		}
		r.Sources = append(r.Sources, sr)
	}
	return r
}
