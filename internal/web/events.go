package web

import (
	"strings"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
)

// An eventRow is one event as the pages list it: who did what to whom,
// when, with what status, and the sentence that reported it first.
type eventRow struct {
	ID        int64
	Date      string
	Source    string
	Target    string
	Code      string
	CodeName  string
	Status    dyad.Status
	Goldstein float64
	Issues    []string
	Object    string
	Text      string
	DocID     int64
	Sentence  int
	Reports   int
	Value     float64 // its contribution to an index period, when listed as one
}

// actorName is the name an analyst knows an actor by: the person, the
// office, else the code.
func actorName(a *dyad.Actor) string {
	if a == nil {
		return "—"
	}
	switch {
	case a.Person != "":
		return a.Person + " (" + a.Code + ")"
	case a.Office != "":
		return a.Office + " (" + a.Code + ")"
	}
	return a.Code
}

// dateRange writes an event's dates: one day, or first–last.
func dateRange(ev *dyad.Event) string {
	d, e := day(ev.Date), day(ev.DateEnd)
	if e == "" || e == d {
		return d
	}
	return d + " – " + e
}

func newEventRow(ev *dyad.Event, lk export.Lookup) eventRow {
	r := eventRow{ID: ev.ID, Date: dateRange(ev), Source: actorName(&ev.Source), Target: actorName(ev.Target),
		Code: ev.CAMEO, Status: ev.Status, Goldstein: ev.Goldstein, Issues: ev.Issues, Object: ev.Object,
		DocID: ev.DocID, Sentence: ev.Sentence, Reports: max(1, len(ev.Sources))}
	if lk != nil {
		r.CodeName = lk.CodeName(ev.CAMEO)
		if doc := lk.Document(ev.DocID); doc != nil {
			r.Text = strings.TrimSpace(doc.Slice(ev.Span))
		}
	}
	return r
}
