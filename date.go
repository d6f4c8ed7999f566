package dyad

import "time"

// Precision says how exactly a date is known.
type Precision string

// Precisions, from the finest.
const (
	PrecisionDay     Precision = "day"
	PrecisionWeek    Precision = "week"
	PrecisionMonth   Precision = "month"
	PrecisionSeason  Precision = "season"
	PrecisionQuarter Precision = "quarter"
	PrecisionYear    Precision = "year"
)

// A DateMention is a date expression found in a document and resolved
// against the document's date: "on Monday", "last November", "early
// February", "since at least August 2022".
//
// Start and End bound the interval, both inclusive days at UTC midnight.
// Open is set for open-ended expressions ("since August 2022"), whose End is
// the reference date.
type DateMention struct {
	Span      Span      `json:"span"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Precision Precision `json:"precision"`
	Open      bool      `json:"open,omitempty"`
	// Relative is set when the expression needed the reference date
	// ("on Monday", "last year"), as opposed to an absolute one ("June 18, 2023").
	Relative bool `json:"relative,omitempty"`
}
