package analytics

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// Meeting states: held, or what became of a meeting that was not (yet)
// held.
const (
	MeetingHeld      = "held"
	MeetingScheduled = "scheduled" // planned, with a stated date
	MeetingProposed  = "proposed"  // proposed or planned, no date
	MeetingPostponed = "postponed"
	MeetingDeclined  = "declined"
	MeetingCancelled = "cancelled"
)

// A Step is one moment of a meeting's life: a report that it was proposed,
// scheduled, postponed, declined, cancelled or held, by whom and why.
type Step struct {
	Date   time.Time   `json:"date"`
	Status dyad.Status `json:"status"`
	By     string      `json:"by"`     // person or actor code of the event's source
	Reason string      `json:"reason"` // the stated reason ("after the balloon incident"), when the sentence gives one
	Report Report      `json:"report"`
}

// A Readout is a document that reports a meeting, with its side.
type Readout struct {
	DocID int64  `json:"doc_id"`
	Side  string `json:"side"`
}

// A Meeting is one encounter between the two states: the consultation
// events (CAMEO 04x) that refer to it, whoever reported them.
type Meeting struct {
	ID           int          `json:"id"`  // 1-based, in date order; recomputed, not stored
	Key          string       `json:"key"` // stable across recomputations: states, people and first date
	Pair         [2]string    `json:"pair"`
	Participants []dyad.Actor `json:"participants"` // people (with their offices) or organs, deduplicated
	Start        time.Time    `json:"start"`
	End          time.Time    `json:"end"` // when held, else the date of the latest step
	State        string       `json:"state"`
	Place        string       `json:"place"`
	Format       string       `json:"format"` // visit, hosted, third location, sidelines: FORUM, phone, video, meeting
	Steps        []Step       `json:"steps"`
	Readouts     []Readout    `json:"readouts"` // sorted by document
	// Corrections are the analysts' corrections applied to it.
	Corrections []dyad.Correction `json:"corrections"`

	phone  bool   // a call: calls and encounters in person are different meetings
	exact  bool   // Start and End come from a day-precise report
	object string // the named object of the reports that made it
}

// MeetingWindow is how many days apart two reports of a held meeting may
// be dated and still be one meeting (readouts date a two-day visit
// differently).
const MeetingWindow = 2

// MeetingLead is how many months before a held meeting its proposal,
// scheduling or postponement may be reported and still belong to it.
const MeetingLead = 12

// Meetings groups consultation reports into meetings. side returns the
// authoring side of a document ("" when unknown), to link readouts.
//
// Held reports (occurred, ongoing) of the same two states within
// MeetingWindow days whose named people agree (see overlap) are one
// meeting. A report of a meeting not held
// (proposed, planned, postponed, declined, cancelled, or a stated intent
// to meet) joins the first meeting of the same states held within
// MeetingLead months after it whose participants it can refer to; failing
// that, the unheld meeting of the same
// states it follows within MeetingLead months, or a meeting of its own.
func Meetings(reports []Report, side func(docID int64) string) []Meeting {
	var held, other []Report
	for _, r := range reports {
		ev := r.Event
		if ev.Root() != "04" && ev.CAMEO != "036" || ev.Target == nil || ev.Source.Country == ev.Target.Country || ev.Source.Country == "" || ev.Target.Country == "" {
			continue
		}
		// A named mechanism's act with no named person ("canceling the
		// Theater Commanders Talk") is a channel's history, not a meeting.
		if ev.Object != "" && ev.Source.Person == "" && ev.Target.Person == "" {
			continue
		}
		switch ev.Status {
		case dyad.StatusOccurred, dyad.StatusOngoing:
			if ev.CAMEO == "036" {
				other = append(other, r) // a stated intent to meet: a proposal
			} else {
				held = append(held, r)
			}
		case dyad.StatusPlanned, dyad.StatusProposed, dyad.StatusPostponed, dyad.StatusDeclined, dyad.StatusCancelled:
			other = append(other, r)
		}
	}
	byDate := func(rs []Report) {
		sort.SliceStable(rs, func(i, j int) bool {
			a, b := rs[i].Event, rs[j].Event
			if !a.Date.Equal(b.Date) {
				return a.Date.Before(b.Date)
			}
			return a.ID < b.ID
		})
	}
	byDate(held)
	byDate(other)

	var ms []*Meeting
	for _, r := range held {
		ev := r.Event
		var m *Meeting
		for _, c := range ms {
			if c.Pair != pairOf(ev) || c.State != MeetingHeld || !overlap(c.Participants, ev) || c.phone != (ev.CAMEO == "041") {
				continue
			}
			if ev.Date.Sub(c.End) <= MeetingWindow*24*time.Hour {
				m = c
				break
			}
			// A report dated only by its document ("as discussed by the
			// two presidents in Bali") refers back to an earlier meeting
			// of the same people at the same place.
			if ev.DateFromDoc && c.Place != "" && strings.EqualFold(c.Place, ev.Location) && named(c.Participants) &&
				ev.Date.Before(c.End.AddDate(0, MeetingLead, 0)) {
				m = c
				break
			}
		}
		if m == nil {
			m = &Meeting{Pair: pairOf(ev), Start: ev.Date, End: ev.DateEnd, State: MeetingHeld, phone: ev.CAMEO == "041", object: ev.Object}
			ms = append(ms, m)
		}
		m.add(r)
	}
	for _, r := range other {
		ev := r.Event
		var m *Meeting
		for _, c := range ms {
			if c.Pair != pairOf(ev) || !overlap(c.Participants, ev) || c.phone != (ev.CAMEO == "041") || !stepOf(c, ev) {
				continue
			}
			if c.State == MeetingHeld && !c.Start.Before(ev.Date) && c.Start.Before(ev.Date.AddDate(0, MeetingLead, 0)) {
				m = c
				break
			}
			if c.State != MeetingHeld && !ev.Date.Before(c.End) && ev.Date.Before(c.End.AddDate(0, MeetingLead, 0)) {
				m = c
			}
		}
		if m == nil {
			m = &Meeting{Pair: pairOf(ev), Start: ev.Date, End: ev.DateEnd, phone: ev.CAMEO == "041", object: ev.Object}
			ms = append(ms, m)
		}
		m.add(r)
		if m.State != MeetingHeld {
			m.State = unheldState(ev)
			m.Start, m.End = ev.Date, ev.DateEnd
		}
	}

	out := make([]Meeting, 0, len(ms))
	for _, m := range ms {
		m.finish(side)
		out = append(out, *m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	for i := range out {
		out[i].ID = i + 1
	}
	return out
}

func pairOf(ev *dyad.Event) [2]string {
	a, b := ev.Source.Country, ev.Target.Country
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// overlap reports whether ev can refer to the meeting: for each person
// the event names, the meeting names that person or no one of the same
// state. "Blinken met Wang Yi" is not the meeting of Blinken and Qin Gang;
// "Blinken traveled to Beijing" may be either.
func overlap(ps []dyad.Actor, ev *dyad.Event) bool {
	for _, a := range []*dyad.Actor{&ev.Source, ev.Target} {
		if a == nil || a.Person == "" {
			continue
		}
		named, found := false, false
		for _, p := range ps {
			if p.Person != "" && p.Country == a.Country {
				named = true
				found = found || p.Person == a.Person
			}
		}
		if named && !found {
			return false
		}
	}
	return true
}

// stepOf reports whether an unheld report can be a step of meeting c: it
// names a person the meeting names, or neither names anyone; and it names
// the same object ("the Theater Commanders Talk" that was cancelled is a
// channel's act, not a step toward a leaders' meeting).
func stepOf(c *Meeting, ev *dyad.Event) bool {
	if !strings.EqualFold(c.object, ev.Object) {
		return false
	}
	if !named(c.Participants) {
		return ev.Source.Person == "" && ev.Target.Person == ""
	}
	for _, p := range c.Participants {
		if p.Person != "" && (p.Person == ev.Source.Person || p.Person == ev.Target.Person) {
			return true
		}
	}
	return false
}

// named reports whether any participant is a named person.
func named(ps []dyad.Actor) bool {
	for _, p := range ps {
		if p.Person != "" {
			return true
		}
	}
	return false
}

func unheldState(ev *dyad.Event) string {
	switch ev.Status {
	case dyad.StatusPostponed:
		return MeetingPostponed
	case dyad.StatusDeclined:
		return MeetingDeclined
	case dyad.StatusCancelled:
		return MeetingCancelled
	}
	if ev.DateSpan != nil && !ev.DateFromDoc {
		return MeetingScheduled
	}
	return MeetingProposed
}

func (m *Meeting) add(r Report) {
	ev := r.Event
	by := ev.Source.Person
	if by == "" {
		by = ev.Source.Code
	}
	m.Steps = append(m.Steps, Step{Date: ev.Date, Status: ev.Status, By: by, Reason: ReasonOf(r.Text), Report: r})
	for _, a := range []*dyad.Actor{&ev.Source, ev.Target} {
		if a != nil {
			m.addParticipant(*a)
		}
	}
	if (ev.Status == dyad.StatusOccurred || ev.Status == dyad.StatusOngoing) && !(ev.DateFromDoc && len(m.Steps) > 1) {
		// Day-precise reports date the meeting; vaguer ones ("over the
		// past few days") only until a precise one arrives.
		exact := (ev.DatePrecision == dyad.PrecisionDay || ev.DatePrecision == "") && ev.DateEnd.Sub(ev.Date) <= MeetingWindow*24*time.Hour
		switch {
		case exact && !m.exact:
			m.Start, m.End, m.exact = ev.Date, ev.DateEnd, true
		case exact == m.exact:
			if ev.Date.Before(m.Start) {
				m.Start = ev.Date
			}
			if ev.DateEnd.After(m.End) {
				m.End = ev.DateEnd
			}
		}
		if m.Place == "" && ev.Location != "" {
			m.Place = ev.Location
		}
		if f := formatOf(r); f != "" && (m.Format == "" || m.Format == "meeting") {
			m.Format = f
		}
	}
}

// addParticipant keeps one entry per person, and an organ or state only
// when no person of that state takes part.
func (m *Meeting) addParticipant(a dyad.Actor) {
	a.Span, a.Text = dyad.Span{}, ""
	for i, p := range m.Participants {
		switch {
		case a.Person != "" && p.Person == a.Person:
			if p.Office == "" && a.Office != "" {
				m.Participants[i] = a // the same person, now with the office held
			}
			return
		case a.Person == "" && p.Country == a.Country:
			return
		case a.Person != "" && p.Person == "" && p.Country == a.Country:
			m.Participants[i] = a
			return
		}
	}
	m.Participants = append(m.Participants, a)
}

func (m *Meeting) finish(side func(int64) string) {
	sort.SliceStable(m.Steps, func(i, j int) bool { return m.Steps[i].Date.Before(m.Steps[j].Date) })
	seen := map[int64]bool{}
	for _, s := range m.Steps {
		for _, src := range s.Report.Event.Sources {
			if !seen[src.DocID] {
				seen[src.DocID] = true
				sd := src.Side
				if sd == "" && side != nil {
					sd = side(src.DocID)
				}
				m.Readouts = append(m.Readouts, Readout{DocID: src.DocID, Side: sd})
			}
		}
	}
	sort.Slice(m.Readouts, func(i, j int) bool { return m.Readouts[i].DocID < m.Readouts[j].DocID })
	sort.SliceStable(m.Participants, func(i, j int) bool {
		a, b := m.Participants[i], m.Participants[j]
		if a.Country != b.Country {
			return a.Country < b.Country
		}
		return a.Person < b.Person
	})
	m.Key = meetingKey(m)
	if m.Format == "" {
		// Not held: the format that was intended.
		m.Format = "meeting"
		if m.phone {
			m.Format = "phone"
		}
	}
}

// formatOf says how a held meeting took place, from its code and
// sentence.
func formatOf(r Report) string {
	s := " " + strings.ToLower(r.Text) + " "
	if i := strings.Index(s, " on the sidelines of "); i >= 0 {
		forum := strings.TrimSpace(s[i+len(" on the sidelines of "):])
		if j := strings.IndexAny(forum, ",.;"); j >= 0 {
			forum = forum[:j]
		}
		return "sidelines: " + strings.TrimPrefix(forum, "the ")
	}
	switch {
	case strings.Contains(s, " video ") || strings.Contains(s, " videoconference") || strings.Contains(s, " virtual "):
		return "video"
	}
	switch r.Event.CAMEO {
	case "041":
		return "phone"
	case "042":
		return "visit"
	case "043":
		return "hosted"
	case "044":
		return "third location"
	}
	return "meeting"
}

// reasonMarkers introduce the stated reason for a postponement or a
// cancellation.
var reasonMarkers = []string{" after ", " because of ", " because ", " due to ", " following ", " in response to ", " in light of "}

// ReasonOf returns the reason a sentence states ("after the balloon
// incident", "in response to Pelosi's visit to Taiwan"), up to the next
// comma or the end of the sentence, at most twelve words; "" when none.
func ReasonOf(text string) string {
	low := strings.ToLower(text)
	best := -1
	var mk string
	for _, m := range reasonMarkers {
		if i := strings.Index(low, m); i >= 0 && (best < 0 || i < best) {
			best, mk = i, m
		}
	}
	if best < 0 {
		return ""
	}
	r := text[best+len(mk):]
	if j := strings.IndexAny(r, ",;.)"); j >= 0 {
		r = r[:j]
	}
	words := strings.Fields(r)
	if len(words) > 12 {
		words = words[:12]
	}
	return strings.TrimSpace(mk) + " " + strings.Join(words, " ")
}

// meetingKey identifies a meeting across recomputations by its states,
// the people named in its first step and that step's date, so that a
// correction keyed on it finds the meeting again when more reports arrive.
func meetingKey(m *Meeting) string {
	var b strings.Builder
	b.WriteString(m.Pair[0] + "-" + m.Pair[1])
	if len(m.Steps) > 0 {
		ev := m.Steps[0].Report.Event
		people := []string{ev.Source.Person}
		if ev.Target != nil {
			people = append(people, ev.Target.Person)
		}
		sort.Strings(people)
		for _, p := range people {
			b.WriteString("|" + p)
		}
		b.WriteString("|" + m.Steps[0].Date.Format("2006-01-02"))
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:6])
}
