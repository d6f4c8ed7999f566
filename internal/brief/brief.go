// Package brief writes the analyst's brief for a period: the four
// questions of the product (what happened and the good news; the points of
// disagreement; the state of the channels; what comes next) answered in
// prose from the analytics, with every statement footnoted to the
// sentences it rests on. It renders Markdown and HTML and does no I/O
// beyond the writer it is given.
package brief

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// Input is what a brief is written from. Every slice comes from the
// analytics of the same store; Docs resolves footnotes.
type Input struct {
	Dyad     [2]string
	From, To time.Time
	Meetings []analytics.Meeting
	Channels []analytics.ChannelState // as of To
	Commits  []analytics.Commitment   // as of To
	Index    *analytics.Index         // by month, covering the period
	Reports  []analytics.Report       // every event in the period with its sentence
	// Positions are the sides' statements per issue (analytics.Positions);
	// when empty, disagreements are read from events alone.
	Positions []analytics.Position
	Docs      func(id int64) *dyad.Document
	Names     func(code string) string // CAMEO code names
}

// A Note is a footnote: one source sentence.
type Note struct {
	N         int
	DocID     int64
	Publisher string
	Side      string
	Date      time.Time
	Sentence  int
	Span      dyad.Span
	Quote     string
}

// A Para is one statement of the brief with the notes it cites.
type Para struct {
	Text  string
	Notes []int
}

// A Section answers one question.
type Section struct {
	Title string
	Paras []Para
}

// Brief is the written brief.
type Brief struct {
	Title    string
	Period   string
	Sections []Section
	Notes    []Note
}

// writer accumulates sections and numbers footnotes, citing each source
// sentence once.
type writer struct {
	in    *Input
	b     *Brief
	index map[string]int
}

// cite numbers the footnotes for every report of the event behind r: the
// same act reported by both governments cites both readouts.
func (w *writer) cite(r analytics.Report) []int {
	ev := r.Event
	srcs := ev.Sources
	if len(srcs) == 0 {
		srcs = []dyad.EventSource{{DocID: ev.DocID, Sentence: ev.Sentence, Span: ev.Span}}
	}
	var ns []int
	for _, src := range srcs {
		k := fmt.Sprintf("%d:%d", src.DocID, src.Sentence)
		if n, ok := w.index[k]; ok {
			ns = append(ns, n)
			continue
		}
		n := len(w.b.Notes) + 1
		note := Note{N: n, DocID: src.DocID, Sentence: src.Sentence, Span: src.Span}
		d := w.in.Docs(src.DocID)
		if d != nil {
			note.Publisher, note.Side, note.Date = d.Publisher, d.Side, d.Date
		}
		switch {
		case src.DocID == ev.DocID && src.Sentence == ev.Sentence:
			note.Quote = r.Text
		case d != nil:
			note.Quote = d.Slice(src.Span)
		}
		w.b.Notes = append(w.b.Notes, note)
		w.index[k] = n
		ns = append(ns, n)
	}
	return ns
}

func (w *writer) para(s *Section, text string, rs ...analytics.Report) {
	p := Para{Text: text}
	seen := map[int]bool{}
	for _, r := range rs {
		for _, n := range w.cite(r) {
			if !seen[n] {
				seen[n] = true
				p.Notes = append(p.Notes, n)
			}
		}
	}
	sort.Ints(p.Notes)
	s.Paras = append(s.Paras, p)
}

// Write composes the brief.
func Write(in *Input) *Brief {
	b := &Brief{
		Title:  fmt.Sprintf("%s–%s relations", in.Dyad[0], in.Dyad[1]),
		Period: fmt.Sprintf("%s to %s", in.From.Format("2 January 2006"), in.To.Format("2 January 2006")),
	}
	w := &writer{in: in, b: b, index: map[string]int{}}
	b.Sections = append(b.Sections, w.happened(), w.disagreements(), w.channels(), w.next())
	return b
}

func within(t, from, to time.Time) bool { return !t.Before(from) && !t.After(to) }

// people names a meeting's participants with their offices, the dyad's
// first state first: "Secretary of State Antony Blinken and Foreign
// Minister Qin Gang".
func people(ps []dyad.Actor, d [2]string) string {
	ps = append([]dyad.Actor(nil), ps...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Country == d[0] && ps[j].Country != d[0] })
	var out []string
	for _, p := range ps {
		switch {
		case p.Person != "" && p.Office != "":
			out = append(out, p.Office+" "+p.Person)
		case p.Person != "":
			out = append(out, p.Person)
		default:
			// A state or organ stands in for people no report names.
			out = append(out, "officials of "+p.Country)
		}
	}
	return join(out)
}

// join lists items as prose: "a", "a and b", "a, b and c".
func join(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func when(m analytics.Meeting) string {
	if m.End.After(m.Start) {
		if m.Start.Month() == m.End.Month() {
			return fmt.Sprintf("%d–%d %s", m.Start.Day(), m.End.Day(), m.End.Format("January 2006"))
		}
		return m.Start.Format("2 January") + " – " + m.End.Format("2 January 2006")
	}
	return m.Start.Format("2 January 2006")
}

func (w *writer) happened() Section {
	s := Section{Title: "What happened"}
	var held, failed []analytics.Meeting
	for _, m := range w.in.Meetings {
		if !within(m.Start, w.in.From, w.in.To) && !within(m.End, w.in.From, w.in.To) {
			continue
		}
		if m.State == analytics.MeetingHeld {
			held = append(held, m)
		} else if m.State == analytics.MeetingCancelled || m.State == analytics.MeetingDeclined || m.State == analytics.MeetingPostponed {
			failed = append(failed, m)
		}
	}
	if len(held) == 0 && len(failed) == 0 {
		w.para(&s, "No meeting between the two sides is recorded in this period.")
	}
	for _, m := range held {
		text := fmt.Sprintf("%s met (%s", people(m.Participants, w.in.Dyad), m.Format)
		if m.Place != "" {
			text += " in " + m.Place
		}
		text += ", " + when(m) + ")."
		if prior := lifecycle(m); prior != "" {
			text += " " + prior
		}
		// Cite the reports that it was held, then the rest of its life.
		var rs []analytics.Report
		for _, heldFirst := range []bool{true, false} {
			for _, st := range m.Steps {
				if (st.Status == dyad.StatusOccurred || st.Status == dyad.StatusOngoing) == heldFirst {
					rs = append(rs, st.Report)
				}
			}
		}
		sides := map[string]bool{}
		for _, r := range m.Readouts {
			sides[r.Side] = true
		}
		if sides[w.in.Dyad[0]] && sides[w.in.Dyad[1]] {
			text += " Both governments published accounts of it."
		}
		w.para(&s, text, first(rs, 3)...)
	}
	for _, m := range failed {
		last := m.Steps[len(m.Steps)-1]
		text := fmt.Sprintf("A %s of %s was %s", m.Format, people(m.Participants, w.in.Dyad), m.State)
		if last.By != "" {
			text += " by " + last.By
		}
		if last.Reason != "" {
			text += " " + last.Reason
		}
		text += " (" + last.Date.Format("2 January 2006") + ")."
		w.para(&s, text, last.Report)
	}
	// Agreements: acts agreed or signed in the period.
	var agreed []analytics.Report
	for _, r := range w.in.Reports {
		ev := r.Event
		if within(ev.Date, w.in.From, w.in.To) && (ev.CAMEO == "057" || ev.Root() == "03" && ev.Status == dyad.StatusOccurred || ev.Status == dyad.StatusPlanned && mentionsAgree(r.Text)) {
			agreed = append(agreed, r)
		}
	}
	// Quote each agreement once, in the words of the readout.
	seen := map[string]bool{}
	var quotes []string
	var cited []analytics.Report
	for _, r := range agreed {
		q := strings.TrimSpace(r.Text)
		if q == "" || seen[q] || len(quotes) == 6 {
			continue
		}
		seen[q] = true
		quotes = append(quotes, "“"+strings.TrimRight(q, ".")+"”")
		cited = append(cited, r)
	}
	if len(quotes) > 0 {
		w.para(&s, "The good news, in the readouts' words: "+strings.Join(quotes, "; ")+".", cited...)
	}
	return s
}

// lifecycle summarises the steps before a held meeting: "It had been
// postponed on 3 February 2023 after the balloon incident."
func lifecycle(m analytics.Meeting) string {
	for _, st := range m.Steps {
		if st.Status == dyad.StatusPostponed || st.Status == dyad.StatusCancelled {
			s := fmt.Sprintf("It had been %s on %s", st.Status, st.Date.Format("2 January 2006"))
			if st.Reason != "" {
				s += " " + st.Reason
			}
			return s + "."
		}
	}
	return ""
}

func mentionsAgree(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "agree") || strings.Contains(l, "commitment") || strings.Contains(l, "pledge")
}

// describe lists what the reports are about, by CAMEO name and object,
// without repeats.
func describe(rs []analytics.Report, names func(string) string) string {
	var items []string
	seen := map[string]bool{}
	for _, r := range rs {
		ev := r.Event
		what := strings.ToLower(names(ev.CAMEO))
		if ev.Object != "" {
			what += " (" + ev.Object + ")"
		}
		who := ev.Source.Country
		if ev.Target != nil {
			who += "→" + ev.Target.Country
		}
		item := who + " " + string(ev.Status) + ": " + what
		if !seen[item] {
			seen[item] = true
			items = append(items, item)
		}
	}
	if len(items) > 6 {
		items = append(items[:6], fmt.Sprintf("%d more", len(items)-6))
	}
	return strings.Join(items, "; ")
}

func first(rs []analytics.Report, n int) []analytics.Report {
	if len(rs) > n {
		return rs[:n]
	}
	return rs
}

// citeStatement numbers the footnote of a statement's sentence.
func (w *writer) citeStatement(c analytics.Cite, text string) int {
	k := fmt.Sprintf("%d:%d", c.DocID, c.Sentence)
	if n, ok := w.index[k]; ok {
		return n
	}
	n := len(w.b.Notes) + 1
	note := Note{N: n, DocID: c.DocID, Sentence: c.Sentence, Span: c.Span, Quote: text, Publisher: c.Publisher, Side: c.Side}
	if t, err := time.Parse("2006-01-02", c.Date); err == nil {
		note.Date = t
	}
	w.b.Notes = append(w.b.Notes, note)
	w.index[k] = n
	return n
}

// notIssues are position topics that are not points of disagreement: the
// encounter itself and the relationship at large are covered elsewhere.
var notIssues = map[string]bool{"talks": true, "relations": true, "people-to-people": true}

// positions writes the disagreement section from the sides' statements:
// per issue, each side's words with how they compare with its standard
// language, then what a side conspicuously did not repeat.
func (w *writer) positions(s *Section) {
	type entry struct {
		texts []string
		notes []int
	}
	issues := map[string]map[string]*entry{}
	var order []string
	in := func(date string) bool {
		return date >= w.in.From.Format("2006-01-02") && date <= w.in.To.Format("2006-01-02")
	}
	for _, p := range w.in.Positions {
		if notIssues[p.Issue] {
			continue
		}
		for _, st := range p.Statements {
			if !in(st.Date) {
				continue
			}
			if issues[p.Issue] == nil {
				issues[p.Issue] = map[string]*entry{}
				order = append(order, p.Issue)
			}
			e := issues[p.Issue][p.Actor]
			if e == nil {
				e = &entry{}
				issues[p.Issue][p.Actor] = e
			}
			if len(e.texts) == 3 {
				continue
			}
			desc := st.Class
			if len(st.Formulations) > 0 {
				var fs []string
				for _, f := range st.Formulations {
					fs = append(fs, "“"+f.Text+"”")
				}
				desc += " of " + join(fs)
			}
			e.texts = append(e.texts, fmt.Sprintf("“%s” (%s)", strings.TrimRight(strings.TrimSpace(st.Text), "."), desc))
			e.notes = append(e.notes, w.citeStatement(st.Cite, st.Text))
		}
		for _, o := range p.Omissions {
			if !in(o.Doc.Date) {
				continue
			}
			n := w.citeStatement(o.Last, "")
			s.Paras = append(s.Paras, Para{Text: fmt.Sprintf("%s did not repeat “%s” on %s (used in %d of its %d earlier documents on the issue).",
				p.Actor, o.Text, o.Issue, o.UsedIn, o.Of), Notes: []int{n}})
		}
	}
	sort.Strings(order)
	for _, is := range order {
		var parts []string
		var notes []int
		for _, side := range w.in.Dyad {
			if e := issues[is][side]; e != nil {
				parts = append(parts, side+": "+strings.Join(e.texts, "; "))
				notes = append(notes, e.notes...)
			}
		}
		if len(parts) == 0 {
			continue
		}
		sort.Ints(notes)
		s.Paras = append(s.Paras, Para{Text: fmt.Sprintf("On %s — %s.", is, strings.Join(parts, ". ")), Notes: notes})
	}
}

func (w *writer) disagreements() Section {
	s := Section{Title: "Points of disagreement"}
	if len(w.in.Positions) > 0 {
		w.positions(&s)
		if len(s.Paras) > 0 {
			return s
		}
	}
	byIssue := map[string][]analytics.Report{}
	for _, r := range w.in.Reports {
		ev := r.Event
		if !within(ev.Date, w.in.From, w.in.To) || ev.Quad < 3 && ev.Root() != "01" {
			continue
		}
		for _, is := range ev.Issues {
			byIssue[is] = append(byIssue[is], r)
		}
	}
	issues := make([]string, 0, len(byIssue))
	for is := range byIssue {
		issues = append(issues, is)
	}
	sort.Strings(issues)
	for _, is := range issues {
		rs := byIssue[is]
		bySide := map[string][]analytics.Report{}
		for _, r := range rs {
			bySide[r.Event.Source.Country] = append(bySide[r.Event.Source.Country], r)
		}
		var parts []string
		var cited []analytics.Report
		for _, side := range w.in.Dyad {
			var quotes []string
			seen := map[string]bool{}
			for _, r := range bySide[side] {
				q := strings.TrimRight(strings.TrimSpace(r.Text), ".")
				if q == "" || seen[q] || len(quotes) == 2 {
					continue
				}
				seen[q] = true
				quotes = append(quotes, "“"+q+"”")
				cited = append(cited, r)
			}
			if len(quotes) > 0 {
				parts = append(parts, side+": "+strings.Join(quotes, " "))
			}
		}
		if len(parts) == 0 {
			continue
		}
		w.para(&s, fmt.Sprintf("On %s — %s.", is, strings.Join(parts, "; ")), cited...)
	}
	if len(s.Paras) == 0 {
		w.para(&s, "No statement of disagreement by either side is recorded in this period.")
	}
	return s
}

func (w *writer) channels() Section {
	s := Section{Title: "Channels"}
	groups := map[string][]analytics.ChannelState{}
	for _, c := range w.in.Channels {
		if c.State != analytics.ChannelUnknown {
			groups[c.State] = append(groups[c.State], c)
		}
	}
	order := []string{analytics.ChannelSuspended, analytics.ChannelResumed, analytics.ChannelActive, analytics.ChannelPromised, analytics.ChannelDormant}
	for _, st := range order {
		cs := groups[st]
		if len(cs) == 0 {
			continue
		}
		var rs []analytics.Report
		sinceBy := map[string][]string{}
		for _, c := range cs {
			k := c.Since.Format("January 2006")
			if c.By != "" {
				k += " by " + c.By
			}
			if r := currentReason(c); r != "" {
				k += ", " + r
			}
			sinceBy[k] = append(sinceBy[k], c.Channel.Name)
			for _, ch := range c.Changes {
				if ch.State == c.State {
					rs = append(rs, ch.Report)
				}
			}
		}
		keys := make([]string, 0, len(sinceBy))
		for k := range sinceBy {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var clauses []string
		for _, k := range keys {
			clauses = append(clauses, fmt.Sprintf("%s (since %s)", join(sinceBy[k]), k))
		}
		w.para(&s, fmt.Sprintf("%s as of %s: %s.", capital(st), w.in.To.Format("2 January 2006"), strings.Join(clauses, "; ")), first(rs, 6)...)
	}
	if len(s.Paras) == 0 {
		w.para(&s, "No event in the database speaks to the state of any registered channel.")
	}
	return s
}

// currentReason is the stated reason of the change that put a channel in
// its current state.
func currentReason(c analytics.ChannelState) string {
	for i := len(c.Changes) - 1; i >= 0; i-- {
		if c.Changes[i].State == c.State {
			return c.Changes[i].Reason
		}
	}
	return ""
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (w *writer) next() Section {
	s := Section{Title: "What comes next"}
	for _, c := range w.in.Commits {
		if c.Status != analytics.CommitmentPending && c.Status != analytics.CommitmentOverdue {
			continue
		}
		ev := c.Promise.Event
		what := strings.ToLower(w.in.Names(ev.CAMEO))
		if ev.Object != "" {
			what += " (" + ev.Object + ")"
		}
		owner := ev.Source.Person
		if owner == "" {
			owner = ev.Source.Country
		}
		dl := "no date stated; expected by " + c.Deadline.Format("January 2006")
		if c.Stated {
			dl = "due by " + c.Deadline.Format("2 January 2006")
		}
		quote := strings.TrimRight(strings.TrimSpace(c.Promise.Text), ".")
		w.para(&s, fmt.Sprintf("%s since %s (%s; owed by %s, %s): “%s”.", capital(c.Status), ev.Date.Format("2 January 2006"), what, owner, dl, quote), c.Promise)
	}
	for _, m := range w.in.Meetings {
		if (m.State == analytics.MeetingScheduled || m.State == analytics.MeetingProposed) && !m.Start.Before(w.in.From) {
			last := m.Steps[len(m.Steps)-1]
			w.para(&s, fmt.Sprintf("Expected: a %s of %s (%s, reported %s).", m.Format, people(m.Participants, w.in.Dyad), m.State, last.Date.Format("2 January 2006")), last.Report)
		}
	}
	// Risks: the most negative acts of the last weeks of the period.
	var risks []analytics.Report
	for _, r := range w.in.Reports {
		ev := r.Event
		if ev.Goldstein < -3 && ev.Status == dyad.StatusOccurred && within(ev.Date, w.in.To.AddDate(0, 0, -30), w.in.To) {
			risks = append(risks, r)
		}
	}
	sort.SliceStable(risks, func(i, j int) bool { return risks[i].Event.Goldstein < risks[j].Event.Goldstein })
	if len(risks) > 0 {
		w.para(&s, "What could derail them: "+describe(first(risks, 4), w.in.Names)+".", first(risks, 4)...)
	}
	if idx := w.in.Index; idx != nil && len(idx.Series[0].Points) > 0 {
		var parts []string
		for _, sr := range idx.Series {
			a, z := sr.Points[0], sr.Points[len(sr.Points)-1]
			parts = append(parts, fmt.Sprintf("%s→%s from %+.1f (%s) in %s to %+.1f (%s) in %s", sr.From, sr.To, a.State, a.Band, a.Label, z.State, z.Band, z.Label))
		}
		w.para(&s, "Trajectory (relations index): "+strings.Join(parts, "; ")+".")
	}
	if len(s.Paras) == 0 {
		w.para(&s, "No pending commitment or expected meeting is recorded.")
	}
	return s
}
