package dyad

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Status says whether an event happened. CAMEO has no code for a postponed
// meeting or a declined call; dyad keeps the CAMEO code of the act and
// records what became of it here.
type Status string

// Statuses.
const (
	StatusOccurred     Status = "occurred"     // it happened
	StatusPlanned      Status = "planned"      // announced or scheduled for the future: "Qin will visit Washington"
	StatusProposed     Status = "proposed"     // suggested or invited, not agreed: "Blinken invited Qin to visit"
	StatusPostponed    Status = "postponed"    // put off: "the trip was postponed"
	StatusCancelled    Status = "cancelled"    // called off: "canceling the Theater Commanders Talk"
	StatusDeclined     Status = "declined"     // refused by the party asked: "China declined a call"
	StatusNegated      Status = "negated"      // said not to have happened: "China did not reiterate"
	StatusOngoing      Status = "ongoing"      // in progress or continuing: "talks are continuing"
	StatusHypothetical Status = "hypothetical" // conditional or speculative: "if the US sells arms, China would retaliate"
	StatusSuspended    Status = "suspended"    // a cooperation or channel put on hold: "suspending counternarcotics cooperation"
	StatusResumed      Status = "resumed"      // a cooperation or channel restarted: "agreed to resume military talks" is planned; "military talks resumed" is resumed
)

// Statuses lists every status, in a stable order.
var Statuses = []Status{
	StatusOccurred, StatusPlanned, StatusProposed, StatusPostponed, StatusCancelled,
	StatusDeclined, StatusNegated, StatusOngoing, StatusHypothetical, StatusSuspended, StatusResumed,
}

// ValidStatus reports whether s is a known status.
func ValidStatus(s Status) bool {
	for _, x := range Statuses {
		if x == s {
			return true
		}
	}
	return false
}

// An Event is a coded act: who did what to whom, when, with what status.
//
// One event may be reported by several sentences of several documents;
// Sources holds every report and Key identifies the event across them.
type Event struct {
	ID        int64    `json:"id,omitempty"`
	DocID     int64    `json:"doc_id,omitempty"`
	Sentence  int      `json:"sentence"` // index of the sentence that reported it first
	Span      Span     `json:"span"`     // the sentence's span in Document.Text
	Verb      Span     `json:"verb"`     // the span of the verb phrase that matched
	Source    Actor    `json:"source"`
	Target    *Actor   `json:"target"`
	CAMEO     string   `json:"cameo"`            // "042"
	PLOVER    string   `json:"plover,omitempty"` // "CONSULT"; "" for roots 01 and 02
	Mode      string   `json:"mode,omitempty"`   // PLOVER mode: "visit", "phone", …
	Context   []string `json:"context,omitempty"`
	Quad      int      `json:"quad"` // GDELT quad class 1–4
	Goldstein float64  `json:"goldstein"`
	Status    Status   `json:"status"`

	Date          time.Time `json:"date"`
	DateEnd       time.Time `json:"date_end"`
	DatePrecision Precision `json:"date_precision"`
	// DateSpan is where the date expression is; nil when the date fell back
	// to the document date (DateFromDoc is then set).
	DateSpan    *Span `json:"date_span,omitempty"`
	DateFromDoc bool  `json:"date_from_doc,omitempty"`

	Issues       []string `json:"issues,omitempty"`   // "taiwan", "trade", "ukraine", …
	Location     string   `json:"location,omitempty"` // as stated: "Beijing"
	LocationSpan *Span    `json:"location_span,omitempty"`

	// Object names what the act was about when it is a named thing: the
	// "Theater Commanders Talk" that was cancelled, the "counternarcotics
	// cooperation" that was suspended. Two acts between the same parties on
	// the same day differ by their object; "" for plain meetings and acts.
	Object string `json:"object,omitempty"`

	// Pattern is the dictionary pattern that produced the event, for
	// `dict explain`: "MEET_PEOPLE [040] - * MEET +".
	Pattern string `json:"pattern,omitempty"`

	Key     string        `json:"key,omitempty"`
	Sources []EventSource `json:"sources,omitempty"`
}

// An EventSource is one report of an event: the document, sentence and
// span it came from.
type EventSource struct {
	DocID     int64     `json:"doc_id"`
	Sentence  int       `json:"sentence"`
	Span      Span      `json:"span"`
	Publisher string    `json:"publisher,omitempty"`
	Side      string    `json:"side,omitempty"`
	DocDate   time.Time `json:"doc_date,omitzero"`
}

// Root returns the two-digit CAMEO root of the event's code.
func (e *Event) Root() string {
	if len(e.CAMEO) < 2 {
		return e.CAMEO
	}
	return e.CAMEO[:2]
}

// ComputeKey returns the identity of the event across reports: the same
// act (source, target, CAMEO code, object, status) on the same dates is one
// event however many sentences or documents report it.
//
// People are keyed by their person name when known, so "Blinken met Wang"
// in one readout and "the Secretary met Wang Yi" in another are one event.
// Consultations are keyed by their root (04): one side's readout says
// "visited" (042) where the other's says "met" (040) or "hosted" (043), and
// it is still one meeting.
func (e *Event) ComputeKey() string {
	// Built in a stack buffer: keys are computed for every event coded.
	var buf [256]byte
	b := buf[:0]
	b = appendActorKey(b, &e.Source)
	b = append(b, '|')
	if e.Target != nil {
		b = appendActorKey(b, e.Target)
	}
	b = append(b, '|')
	if e.Root() == "04" {
		b = append(b, "04"...)
	} else {
		b = append(b, e.CAMEO...)
	}
	b = append(b, '|')
	for i := 0; i < len(e.Object); i++ {
		c := e.Object[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	b = append(b, '|')
	b = append(b, e.Status...)
	b = append(b, '|')
	b = e.Date.AppendFormat(b, "2006-01-02")
	b = append(b, '|')
	b = e.DateEnd.AppendFormat(b, "2006-01-02")
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

func appendActorKey(b []byte, a *Actor) []byte {
	b = append(b, a.Code...)
	if a.Person != "" {
		b = append(b, ':')
		b = append(b, a.Person...)
	}
	return b
}

// EventFilter selects events. Nil fields are unset.
type EventFilter struct {
	ID     *int64
	DocID  *int64
	Dyad   *[2]string // two country codes, either direction
	From   *time.Time
	To     *time.Time
	Actor  *string // matches source or target code prefix, country, or person
	Type   *string // CAMEO code prefix ("04", "042") or PLOVER type ("CONSULT")
	Status *Status
	Issue  *string
	// AfterID pages by cursor: only events with a larger ID, in ID order
	// (IDs only grow, so pages neither overlap nor skip while events are
	// added). Without it, events come in date order.
	AfterID *int64
	// SkipTotal spares counting every match (FindEvents then returns -1
	// for the total): later pages of a cursor do not need it, and on a
	// large database the count costs more than the page.
	SkipTotal bool
	Offset    int
	Limit     int
}

// FrameCAMEO returns the CAMEO code of the event's frame, as PLOVER's gold
// standard codes events that have no status: a refusal (125 for a meeting,
// 12 otherwise) when the act was declined; halted negotiations (164) or
// reduced relations (16) when talks or cooperation were cancelled or
// suspended; an intent (036 to meet, 03 otherwise) when a cooperative act
// was planned or proposed; a threat of military force (138) when a use of
// force (roots 18-20) was planned, announced or vowed ("have sworn to
// fight"); the act's own code when it happened, continues or resumed, and
// for a postponement, which CAMEO cannot express. It returns "" for
// negated and hypothetical acts, which are not recorded there, except
// a hypothetical intent (03) or threat (13), whose code already says the
// act is conditional ("will withdraw unless …"). For the others the
// coder's hypothetical status joins conditional offers and threats ("would
// meet him if") with speculation ("China could invade"), and framing the
// latter as a threat or an intent would put words in the actor's mouth.
//
// Planned reductions of relations and coercion (roots 16-17: "announced it
// would prohibit all aid") keep their code: PLOVER's gold codes them as the
// sanction itself, not as a threat (measured with dyad eval plover). TABARI and PETRARCH
// code differently: the act itself whatever became of it (measured with
// dyad eval: folding frames cost PETR root F1 0.811 -> 0.697).
func (e *Event) FrameCAMEO() string {
	root := e.Root()
	switch e.Status {
	case StatusDeclined:
		if root == "04" {
			return "125"
		}
		return "12"
	case StatusCancelled, StatusSuspended:
		switch root {
		case "04":
			return "164"
		case "03", "05", "06", "07":
			return "16"
		}
	case StatusPlanned, StatusProposed:
		switch root {
		case "03":
			return e.CAMEO
		case "04":
			return "036"
		case "05", "06", "07", "08":
			return "03"
		case "18", "19", "20":
			if e.Status == StatusPlanned {
				return "138"
			}
		}
	case StatusHypothetical:
		if root == "03" || root == "13" {
			// "will withdraw its force unless …": an intent or a
			// threat is a statement about a conditional act already.
			return e.CAMEO
		}
		return ""
	case StatusNegated:
		return ""
	}
	return e.CAMEO
}
