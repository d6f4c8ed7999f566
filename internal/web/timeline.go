package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// timelinePage is how many events the timeline lists at once.
const timelinePage = 100

// A timelineItem is a meeting or an event on the timeline, in date order.
type timelineItem struct {
	Date    string
	Meeting *analytics.Meeting
	Event   *eventRow
}

type timelineView struct {
	Filter   timelineFilter
	Statuses []dyad.Status
	Items    []timelineItem
	Total    int
	From, To int // 1-based positions of the events shown
	Prev     string
	Next     string
}

// timelineFilter is the form's state.
type timelineFilter struct {
	Dyad, From, To, Actor, Issue, Status, Type string
}

func (f timelineFilter) query(offset int) string {
	off := ""
	if offset > 0 {
		off = strconv.Itoa(offset)
	}
	return "/timeline" + query("dyad", f.Dyad, "from", f.From, "to", f.To, "actor", f.Actor, "issue", f.Issue,
		"status", f.Status, "type", f.Type, "offset", off)
}

func (d *Dashboard) timeline(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	from, to := p.date("from"), p.date("to")
	st := p.status()
	actor, issue, typ := p.str("actor"), strings.ToLower(p.str("issue")), p.str("type")
	offset := p.int("offset", 0)
	if p.err != nil {
		return "", nil, p.err
	}
	v := timelineView{Filter: timelineFilter{Dyad: dy[0] + "-" + dy[1], From: day(from), To: day(to),
		Actor: actor, Issue: issue, Status: string(st), Type: typ}, Statuses: dyad.Statuses}
	f := dyad.EventFilter{Dyad: &dy, Offset: offset, Limit: timelinePage}
	if !from.IsZero() {
		f.From = &from
	}
	if !to.IsZero() {
		f.To = &to
	}
	if actor != "" {
		f.Actor = &actor
	}
	if issue != "" {
		f.Issue = &issue
	}
	if typ != "" {
		f.Type = &typ
	}
	if st != "" {
		f.Status = &st
	}
	events, total, err := d.Events.FindEvents(r.Context(), f)
	if err != nil {
		return "", nil, err
	}
	lk := d.Record.Lookup(r.Context())
	v.Total = total
	if len(events) > 0 {
		v.From, v.To = offset+1, offset+len(events)
	}
	if offset > 0 {
		v.Prev = v.Filter.query(max(0, offset-timelinePage))
	}
	if offset+len(events) < total {
		v.Next = v.Filter.query(offset + len(events))
	}
	for _, ev := range events {
		row := newEventRow(ev, lk)
		v.Items = append(v.Items, timelineItem{Date: day(ev.Date), Event: &row})
	}
	// Meetings join the events they span, on the first page only (the
	// events page on; meetings are few).
	if offset == 0 {
		meetings, err := d.Record.Meetings(r.Context(), dy, time.Time{})
		if err != nil {
			return "", nil, err
		}
		for i := range meetings {
			m := &meetings[i]
			if within(m.Start, from, to) && meetingMatches(m, actor, st) {
				v.Items = append(v.Items, timelineItem{Date: day(m.Start), Meeting: m})
			}
		}
	}
	// Stable: meetings before the events of their day.
	slices.SortStableFunc(v.Items, func(a, b timelineItem) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return boolRank(a.Meeting == nil) - boolRank(b.Meeting == nil)
	})
	return "timeline", v, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// meetingMatches applies the timeline's actor and status filters to a
// meeting: the actor names a participant (code prefix or a part of the
// name), and the status is one its lifecycle went through.
func meetingMatches(m *analytics.Meeting, actor string, st dyad.Status) bool {
	if actor != "" {
		found := false
		for _, a := range m.Participants {
			if strings.HasPrefix(strings.ToUpper(a.Code), strings.ToUpper(actor)) ||
				(a.Person != "" && strings.Contains(strings.ToLower(a.Person), strings.ToLower(actor))) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if st != "" {
		return slices.ContainsFunc(m.Steps, func(s analytics.Step) bool { return s.Status == st })
	}
	return true
}

// eventView is one event with every report of it.
type eventView struct {
	Row     eventRow
	Event   *dyad.Event
	Reports []reportView
	Pattern string
}

// A reportView is one sentence that reported the event.
type reportView struct {
	DocID     int64
	Title     string
	Publisher string
	Side      string
	Date      string
	Sentence  int
	Text      string
}

func (d *Dashboard) event(r *http.Request) (string, any, error) {
	p := &params{r: r}
	id := p.id("event id", r.PathValue("id"))
	if p.err != nil {
		return "", nil, p.err
	}
	ev, err := d.Events.FindEventByID(r.Context(), id)
	if err != nil {
		return "", nil, err
	}
	lk := d.Record.Lookup(r.Context())
	v := eventView{Row: newEventRow(ev, lk), Event: ev, Pattern: ev.Pattern}
	sources := ev.Sources
	if len(sources) == 0 {
		sources = []dyad.EventSource{{DocID: ev.DocID, Sentence: ev.Sentence, Span: ev.Span}}
	}
	for _, s := range sources {
		rv := reportView{DocID: s.DocID, Sentence: s.Sentence, Publisher: s.Publisher, Side: s.Side, Date: day(s.DocDate)}
		if doc := lk.Document(s.DocID); doc != nil {
			rv.Text = strings.TrimSpace(doc.Slice(s.Span))
			rv.Title = docTitle(doc)
		}
		v.Reports = append(v.Reports, rv)
	}
	return "event", v, nil
}

// docTitle is a document's title, else its source.
func docTitle(doc *dyad.Document) string {
	if doc.Title != "" {
		return doc.Title
	}
	return doc.Source
}
