package analytics

import (
	"sort"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// Commitment statuses.
const (
	CommitmentPending   = "pending"   // promised, not yet done, not yet due
	CommitmentFulfilled = "fulfilled" // a matching act occurred
	CommitmentOverdue   = "overdue"   // its deadline passed without a matching act
	CommitmentLapsed    = "lapsed"    // overdue for longer than the horizon again
	CommitmentWithdrawn = "withdrawn" // the act was later cancelled, declined or suspended
)

// CommitmentHorizon is how long a promise without a stated date is
// expected to take before it is overdue.
const CommitmentHorizon = 12 // months

// A Commitment is an announced intention or agreement: an act that was
// planned or proposed, with who owes it to whom, by when, and what became
// of it.
type Commitment struct {
	Promise Report     `json:"promise"` // the planned or proposed event and its sentence
	Owner   dyad.Actor `json:"owner"`
	// Counterpart is who the act is owed to; nil when the act has none.
	Counterpart *dyad.Actor `json:"counterpart"`
	// Deadline is the last day of the act's stated date ("this fall":
	// November 30) or, with no date in the sentence, the promise date plus
	// CommitmentHorizon months. Stated says which.
	Deadline time.Time `json:"deadline"`
	Stated   bool      `json:"stated"`
	Status   string    `json:"status"`
	// Resolution is the event that fulfilled or withdrew the commitment.
	Resolution *Report `json:"resolution"`
	// Corrections are the analysts' corrections applied to it.
	Corrections []dyad.Correction `json:"corrections"`
}

// Commitments finds the commitments in reports and their status as of
// asOf (zero: after the last report). A later report fulfils a commitment
// when it occurred, its act has the same CAMEO root, its parties are the
// commitment's states (either direction for meetings), and it names the
// same object when the promise names one; it withdraws it when the same act
// is later cancelled, declined or suspended. Each event counts once however
// many documents report it.
func Commitments(reports []Report, asOf time.Time) []Commitment {
	rs := append([]Report(nil), reports...)
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i].Event, rs[j].Event
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.ID < b.ID
	})
	var out []Commitment
	seen := map[string]bool{}
	for i, r := range rs {
		ev := r.Event
		if !asOf.IsZero() && ev.Date.After(asOf) {
			break
		}
		if !promise(ev) {
			continue
		}
		// One commitment per promised act: the same promise reported twice,
		// or its reverse event ("visit" and "host"), counts once.
		k := promiseKey(ev)
		if seen[k] {
			continue
		}
		seen[k] = true
		c := Commitment{Promise: r, Owner: ev.Source, Counterpart: ev.Target, Status: CommitmentPending}
		if !ev.DateFromDoc && ev.DateSpan != nil && ev.DateEnd.After(day0(ev.Sources, ev)) {
			c.Deadline, c.Stated = ev.DateEnd, true
		} else {
			c.Deadline = ev.Date.AddDate(0, CommitmentHorizon, 0)
		}
		for j := i + 1; j < len(rs); j++ {
			later := rs[j].Event
			if !asOf.IsZero() && later.Date.After(asOf) {
				break
			}
			if !sameAct(ev, later) {
				continue
			}
			switch later.Status {
			case dyad.StatusOccurred:
				c.Status = CommitmentFulfilled
			case dyad.StatusCancelled, dyad.StatusDeclined, dyad.StatusSuspended:
				c.Status = CommitmentWithdrawn
			default:
				continue
			}
			rr := rs[j]
			c.Resolution = &rr
			break
		}
		if c.Status == CommitmentPending && !asOf.IsZero() && asOf.After(c.Deadline) {
			c.Status = CommitmentOverdue
			if asOf.After(c.Deadline.AddDate(0, CommitmentHorizon, 0)) {
				c.Status = CommitmentLapsed
			}
		}
		out = append(out, c)
	}
	return out
}

// promise reports whether ev announces an act rather than reporting one:
// a planned or proposed act, or an expression of intent to do something
// specific (CAMEO 031-039) that was made.
func promise(ev *dyad.Event) bool {
	switch ev.Status {
	case dyad.StatusPlanned, dyad.StatusProposed:
		return true
	case dyad.StatusOccurred:
		// A bare intent to cooperate (030) names nothing to keep.
		return ev.Root() == "03" && ev.CAMEO != "030"
	}
	return false
}

// promisedRoot is the CAMEO root of the act a promise is kept by: an
// intent to meet (036) is kept by a meeting (04), an intent to cooperate
// materially (031) by cooperation (06), to cooperate diplomatically (032)
// by 05, to give aid (033) by 07, to yield (034, 035, 039) by 08; any
// other act by an act of its own root.
func promisedRoot(ev *dyad.Event) string {
	c := ev.CAMEO
	if len(c) < 3 || c[:2] != "03" {
		return ev.Root()
	}
	switch c[2] {
	case '1':
		return "06"
	case '2':
		return "05"
	case '3':
		return "07"
	case '4', '5', '9':
		return "08"
	case '6', '7':
		return "04"
	}
	return "03"
}

// day0 is the date the promise was made: the document date of its first
// report when known, else the event date.
func day0(srcs []dyad.EventSource, ev *dyad.Event) time.Time {
	for _, s := range srcs {
		if !s.DocDate.IsZero() {
			return s.DocDate
		}
	}
	return ev.Date
}

// promiseKey identifies a promised act by its parties (people when named)
// regardless of direction for meetings, so a planned visit and its planned
// hosting are one promise, and two promises of one day are two.
func promiseKey(ev *dyad.Event) string {
	a, b := ev.Source.Country, ""
	if ev.Target != nil {
		b = ev.Target.Country
	}
	a += ":" + ev.Source.Person
	if ev.Target != nil {
		b += ":" + ev.Target.Person
	}
	root := promisedRoot(ev)
	if root == "04" && b < a {
		a, b = b, a
	}
	return a + "|" + b + "|" + root + "|" + ev.Object + "|" + ev.Date.Format("2006-01-02")
}

// sameAct reports whether later is the act promised by p: later in time,
// same CAMEO root, same states (either direction for meetings), and the
// same named object when the promise names one.
func sameAct(p, later *dyad.Event) bool {
	// A promise is not kept the day it is made: an act reported in the
	// same readout is the occasion of the promise, not its fulfilment.
	root := promisedRoot(p)
	if later.Root() != root || !later.Date.After(p.Date) {
		return false
	}
	// A promise that names its object ("talks on climate change") is kept
	// only by an act naming the same object, not by any meeting.
	if p.Object != "" && !strings.EqualFold(p.Object, later.Object) {
		return false
	}
	ps, ls := p.Source.Country, later.Source.Country
	pt, lt := "", ""
	if p.Target != nil {
		pt = p.Target.Country
	}
	if later.Target != nil {
		lt = later.Target.Country
	}
	if ps == ls && pt == lt {
		return true
	}
	return root == "04" && ps == lt && pt == ls
}
