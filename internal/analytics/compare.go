package analytics

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dyad-dev/dyad"
)

// A Comparison sets two accounts of one encounter side by side (usually
// the two governments' readouts of a meeting): the issues each mentions,
// with their sentences; what only one of them mentions; how each
// characterises the talks and frames the encounter; their length and the
// order of their topics.
type Comparison struct {
	A      Account    `json:"a"`
	B      Account    `json:"b"`
	Issues []IssueRow `json:"issues"` // A's issues in A's order, then B's others in B's order
	OnlyA  Difference `json:"only_a"`
	OnlyB  Difference `json:"only_b"`
}

// An Account is what one document says, as a comparison reads it.
type Account struct {
	Label string `json:"label"` // the side ("USA"), or A / B when the sides do not tell them apart
	DocRef
	Sentences int      `json:"sentences"`
	Words     int      `json:"words"`
	Order     []string `json:"order"` // issues by first mention
	Actors    []Named  `json:"actors"`
	// The library formulations found, first use of each, by kind.
	Characterisations []Found `json:"characterisations"`
	Framing           []Found `json:"framing"`
	Format            []Found `json:"format"`
	Formulations      []Found `json:"formulations"`
	// Initiative is who the account says asked for the encounter ("at the
	// request of the U.S. side").
	Initiative []Initiative `json:"initiative"`
	// Agreements are the promises and agreements the account reports
	// (planned or proposed acts, intents to meet or cooperate).
	Agreements []Agreement `json:"agreements"`
}

// A Found is a formulation found in a sentence of an account.
type Found struct {
	Match
	Sentence int `json:"sentence"`
}

// An Excerpt is a sentence of an account.
type Excerpt struct {
	Sentence int       `json:"sentence"`
	Span     dyad.Span `json:"span"`
	Text     string    `json:"text"`
}

// A Named is a person or state an account names, at its first mention.
type Named struct {
	Name     string    `json:"name"`
	Country  string    `json:"country,omitempty"`
	Sentence int       `json:"sentence"`
	Span     dyad.Span `json:"span"`
}

// An Initiative is a statement of who asked for the encounter.
type Initiative struct {
	By string `json:"by"` // ISO-3 of the side that asked, "" when not named
	Found
}

// An Agreement is a promise or agreement an account reports.
type Agreement struct {
	Label string `json:"label"` // "USA-CHN 036 planned: visit"
	Excerpt
	CAMEO   string `json:"cameo"`
	Status  string `json:"status"`
	EventID int64  `json:"event_id,omitempty"`
	key     string
}

// An IssueRow aligns the sentences of both accounts on one issue.
type IssueRow struct {
	Issue string    `json:"issue"`
	A     []Excerpt `json:"a"`
	B     []Excerpt `json:"b"`
}

// A Difference is what one account mentions and the other does not.
type Difference struct {
	Issues       []string `json:"issues"`
	Actors       []string `json:"actors"`
	Formulations []string `json:"formulations"` // formulation IDs
	Agreements   []string `json:"agreements"`
}

// Compare compares two accounts. Issues, formulations and agreements are
// found as Positions finds them (sentence issues from the views, events and
// library formulations; format formulations do not make a topic); actors
// are the persons (or, without a person, the actor codes) of the mentions;
// an agreement is the same in both accounts when it involves the same two
// states (either direction), the same kind of act (the act a promise is
// kept by: an intent to meet and a planned visit are both meetings) and
// the same named object, if any.
func Compare(a, b DocView, lib *Library) Comparison {
	c := Comparison{A: account(a, lib), B: account(b, lib)}
	if a.Doc.Side != "" && b.Doc.Side != "" && a.Doc.Side != b.Doc.Side {
		c.A.Label, c.B.Label = a.Doc.Side, b.Doc.Side
	} else {
		c.A.Label, c.B.Label = "A", "B"
	}
	ea, eb := issueExcerpts(a, lib), issueExcerpts(b, lib)
	for _, is := range c.A.Order {
		c.Issues = append(c.Issues, IssueRow{Issue: is, A: ea[is], B: eb[is]})
	}
	for _, is := range c.B.Order {
		if !contains(c.A.Order, is) {
			c.Issues = append(c.Issues, IssueRow{Issue: is, A: ea[is], B: eb[is]})
		}
	}
	for i := range c.Issues {
		if c.Issues[i].A == nil {
			c.Issues[i].A = []Excerpt{}
		}
		if c.Issues[i].B == nil {
			c.Issues[i].B = []Excerpt{}
		}
	}
	c.OnlyA = difference(&c.A, &c.B)
	c.OnlyB = difference(&c.B, &c.A)
	return c
}

func account(v DocView, lib *Library) Account {
	acc := Account{DocRef: RefOf(v.Doc), Sentences: len(v.Sentences), Order: []string{}, Actors: []Named{},
		Characterisations: []Found{}, Framing: []Found{}, Format: []Found{}, Formulations: []Found{},
		Initiative: []Initiative{}, Agreements: []Agreement{}}
	evs := sentenceEvents(v)
	seen := map[string]bool{}
	for _, s := range v.Sentences {
		acc.Words += len(scanWords(s.Text, 0, false))
		ms := lib.Match(s.Text, s.Span.Start)
		for _, is := range sentenceIssues(s, evs[s.Index], ms) {
			if !contains(acc.Order, is) {
				acc.Order = append(acc.Order, is)
			}
		}
		for _, m := range outermost(ms) {
			f := Found{Match: m, Sentence: s.Index}
			if m.ID == "any.framing.at-request" {
				acc.Initiative = append(acc.Initiative, Initiative{By: initiator(v, s, m), Found: f})
			}
			if seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			switch m.Kind {
			case KindCharacterisation:
				acc.Characterisations = append(acc.Characterisations, f)
			case KindFraming:
				acc.Framing = append(acc.Framing, f)
			case KindFormat:
				acc.Format = append(acc.Format, f)
			default:
				acc.Formulations = append(acc.Formulations, f)
			}
		}
	}
	named := map[string]bool{}
	for _, m := range v.Mentions {
		name := m.Person
		if name == "" {
			name = m.Code
		}
		if name == "" || named[name] {
			continue
		}
		named[name] = true
		acc.Actors = append(acc.Actors, Named{Name: name, Country: m.Country, Sentence: m.Sentence, Span: m.Span})
	}
	agreed := map[string]bool{}
	for _, s := range v.Sentences {
		for _, ev := range evs[s.Index] {
			if !promise(ev) {
				continue
			}
			ag := agreementOf(ev, s)
			if k := fmt.Sprint(ev.ID, "|", ag.Label); agreed[k] {
				continue
			} else {
				agreed[k] = true
			}
			acc.Agreements = append(acc.Agreements, ag)
		}
	}
	return acc
}

// outermost drops the matches that lie inside a longer match of the same
// kind in the sentence ("candid, in-depth" inside "candid, in-depth and
// constructive").
func outermost(ms []Match) []Match {
	var out []Match
	for i, m := range ms {
		inside := false
		for j, o := range ms {
			if i != j && o.Kind == m.Kind && o.Span.Contains(m.Span) && o.Span.Len() > m.Span.Len() {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m)
		}
	}
	return out
}

func agreementOf(ev *dyad.Event, s SentenceView) Agreement {
	a, b := ev.Source.Country, ""
	if ev.Target != nil {
		b = ev.Target.Country
	}
	root := promisedRoot(ev)
	x, y := a, b
	if y < x {
		x, y = y, x
	}
	label := a
	if b != "" {
		label += "-" + b
	}
	label += " " + ev.CAMEO + " " + string(ev.Status)
	if ev.Object != "" {
		label += ": " + ev.Object
	}
	return Agreement{Label: label, Excerpt: Excerpt{Sentence: s.Index, Span: s.Span, Text: s.Text}, CAMEO: ev.CAMEO,
		Status: string(ev.Status), EventID: ev.ID, key: x + "|" + y + "|" + root + "|" + strings.ToLower(ev.Object)}
}

// initiator returns the side named after "at the request of" in s: the
// country of the first actor mention after the phrase, or a state's name
// within the next few words.
func initiator(v DocView, s SentenceView, m Match) string {
	for _, mn := range v.Mentions {
		if mn.Sentence == s.Index && mn.Span.Start >= m.Span.End && mn.Country != "" {
			return mn.Country
		}
	}
	rest := s.Text[m.Span.End-s.Span.Start:]
	for i, w := range scanWords(rest, 0, true) {
		if i >= 6 {
			break
		}
		switch w.stem {
		case "us", "unit", "america", "american", "washington":
			return "USA"
		case "china", "chines", "prc", "beij":
			return "CHN"
		}
	}
	return ""
}

// issueExcerpts returns the sentences of v by issue.
func issueExcerpts(v DocView, lib *Library) map[string][]Excerpt {
	evs := sentenceEvents(v)
	out := map[string][]Excerpt{}
	for _, s := range v.Sentences {
		for _, is := range sentenceIssues(s, evs[s.Index], lib.Match(s.Text, s.Span.Start)) {
			out[is] = append(out[is], Excerpt{Sentence: s.Index, Span: s.Span, Text: s.Text})
		}
	}
	return out
}

func difference(x, y *Account) Difference {
	d := Difference{Issues: []string{}, Actors: []string{}, Formulations: []string{}, Agreements: []string{}}
	for _, is := range x.Order {
		if !contains(y.Order, is) {
			d.Issues = append(d.Issues, is)
		}
	}
	for _, n := range x.Actors {
		found := false
		for _, o := range y.Actors {
			found = found || o.Name == n.Name
		}
		if !found {
			d.Actors = append(d.Actors, n.Name)
		}
	}
	ids := func(a *Account) []string {
		var out []string
		for _, l := range [][]Found{a.Characterisations, a.Framing, a.Format, a.Formulations} {
			for _, f := range l {
				out = append(out, f.ID)
			}
		}
		return out
	}
	yi := ids(y)
	for _, id := range ids(x) {
		if !contains(yi, id) {
			d.Formulations = append(d.Formulations, id)
		}
	}
	sort.Strings(d.Formulations)
	for _, ag := range x.Agreements {
		found := false
		for _, o := range y.Agreements {
			found = found || o.key == ag.key
		}
		if !found {
			d.Agreements = append(d.Agreements, ag.Label)
		}
	}
	return d
}

// WriteJSON writes the comparison as indented JSON.
func (c *Comparison) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(c)
}

// WriteText writes the comparison as plain text for a terminal.
func (c *Comparison) WriteText(w io.Writer) error {
	p := &printer{w: w}
	p.f("Readout comparison\n\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.f("  %-4s %s\n", a.Label, docLine(a))
		p.f("       %d sentences, %d words\n", a.Sentences, a.Words)
	}
	p.f("\nCharacterisation of the talks\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.foundText(a.Label, a.Characterisations)
	}
	p.f("\nWhat the encounter is called\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.foundText(a.Label, a.Format)
	}
	p.f("\nFraming\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.foundText(a.Label, a.Framing)
		for _, in := range a.Initiative {
			p.f("  %-4s initiative: %s  (s%d %s)\n", a.Label, orNone(in.By, "not named"), in.Sentence, spanText(in.Span))
		}
	}
	p.f("\nTopics in order of first mention\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.f("  %-4s %s\n", a.Label, orNone(strings.Join(a.Order, ", "), "-"))
	}
	p.f("\nBy issue\n")
	for _, row := range c.Issues {
		p.f("  %s\n", row.Issue)
		for i, ex := range [][]Excerpt{row.A, row.B} {
			label := c.A.Label
			if i == 1 {
				label = c.B.Label
			}
			if len(ex) == 0 {
				p.f("    %-4s (not mentioned)\n", label)
			}
			for _, e := range ex {
				p.f("    %-4s s%d %s %q\n", label, e.Sentence, spanText(e.Span), e.Text)
			}
		}
	}
	p.f("\nPositions and formulations\n")
	for _, a := range []*Account{&c.A, &c.B} {
		p.foundText(a.Label, a.Formulations)
	}
	p.f("\nAgreements and commitments\n")
	for _, a := range []*Account{&c.A, &c.B} {
		if len(a.Agreements) == 0 {
			p.f("  %-4s -\n", a.Label)
		}
		for _, ag := range a.Agreements {
			p.f("  %-4s %s  (s%d %s) %q\n", a.Label, ag.Label, ag.Sentence, spanText(ag.Span), ag.Text)
		}
	}
	for i, d := range []*Difference{&c.OnlyA, &c.OnlyB} {
		label := c.A.Label
		if i == 1 {
			label = c.B.Label
		}
		p.f("\nOnly in %s\n", label)
		p.f("  issues:       %s\n", orNone(strings.Join(d.Issues, ", "), "-"))
		p.f("  actors:       %s\n", orNone(strings.Join(d.Actors, ", "), "-"))
		p.f("  formulations: %s\n", orNone(strings.Join(d.Formulations, ", "), "-"))
		p.f("  agreements:   %s\n", orNone(strings.Join(d.Agreements, "; "), "-"))
	}
	return p.err
}

// WriteMarkdown writes the comparison as a Markdown section.
func (c *Comparison) WriteMarkdown(w io.Writer) error {
	p := &printer{w: w}
	p.f("## Readout comparison\n\n")
	p.f("| | %s | %s |\n|---|---|---|\n", c.A.Label, c.B.Label)
	p.f("| document | %s | %s |\n", mdCell(docLine(&c.A)), mdCell(docLine(&c.B)))
	p.f("| length | %d sentences, %d words | %d sentences, %d words |\n", c.A.Sentences, c.A.Words, c.B.Sentences, c.B.Words)
	p.f("| topics in order | %s | %s |\n", mdCell(strings.Join(c.A.Order, ", ")), mdCell(strings.Join(c.B.Order, ", ")))
	p.f("| characterisation | %s | %s |\n", mdFound(c.A.Characterisations), mdFound(c.B.Characterisations))
	p.f("| format | %s | %s |\n", mdFound(c.A.Format), mdFound(c.B.Format))
	p.f("| framing | %s | %s |\n", mdFound(c.A.Framing), mdFound(c.B.Framing))
	p.f("| initiative | %s | %s |\n", mdInitiative(c.A.Initiative), mdInitiative(c.B.Initiative))
	p.f("| formulations | %s | %s |\n", mdFound(c.A.Formulations), mdFound(c.B.Formulations))
	p.f("| agreements | %s | %s |\n", mdAgreements(c.A.Agreements), mdAgreements(c.B.Agreements))
	p.f("\n### By issue\n\n")
	for _, row := range c.Issues {
		p.f("**%s**\n\n", row.Issue)
		for i, ex := range [][]Excerpt{row.A, row.B} {
			label := c.A.Label
			if i == 1 {
				label = c.B.Label
			}
			if len(ex) == 0 {
				p.f("- %s: *not mentioned*\n", label)
			}
			for _, e := range ex {
				p.f("- %s (s%d %s): %s\n", label, e.Sentence, spanText(e.Span), mdCell(e.Text))
			}
		}
		p.f("\n")
	}
	p.f("### Only one side\n\n| | only in %s | only in %s |\n|---|---|---|\n", c.A.Label, c.B.Label)
	rows := []struct {
		name string
		a, b []string
	}{
		{"issues", c.OnlyA.Issues, c.OnlyB.Issues},
		{"actors", c.OnlyA.Actors, c.OnlyB.Actors},
		{"formulations", c.OnlyA.Formulations, c.OnlyB.Formulations},
		{"agreements", c.OnlyA.Agreements, c.OnlyB.Agreements},
	}
	for _, r := range rows {
		p.f("| %s | %s | %s |\n", r.name, mdCell(strings.Join(r.a, ", ")), mdCell(strings.Join(r.b, ", ")))
	}
	return p.err
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) foundText(label string, fs []Found) {
	if len(fs) == 0 {
		p.f("  %-4s -\n", label)
	}
	for _, f := range fs {
		p.f("  %-4s %q  [%s]  (s%d %s)\n", label, f.Text, f.ID, f.Sentence, spanText(f.Span))
		if len(f.Dropped) > 0 || f.Reordered {
			p.f("       parts: %s; dropped: %s; reordered: %v\n", strings.Join(f.Elements, ", "), orNone(strings.Join(f.Dropped, ", "), "-"), f.Reordered)
		}
	}
}

func docLine(a *Account) string {
	s := fmt.Sprintf("doc %d", a.DocID)
	if a.Publisher != "" {
		s += ", " + a.Publisher
	}
	var meta []string
	for _, x := range []string{a.Side, a.Kind, a.Date} {
		if x != "" {
			meta = append(meta, x)
		}
	}
	if len(meta) > 0 {
		s += " (" + strings.Join(meta, ", ") + ")"
	}
	return s
}

func spanText(s dyad.Span) string { return fmt.Sprintf("[%d:%d]", s.Start, s.End) }

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

func mdCell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func mdFound(fs []Found) string {
	var parts []string
	for _, f := range fs {
		x := fmt.Sprintf("“%s” (s%d)", f.Text, f.Sentence)
		if len(f.Dropped) > 0 {
			x += " dropped: " + strings.Join(f.Dropped, ", ")
		}
		parts = append(parts, x)
	}
	return mdCell(strings.Join(parts, "; "))
}

func mdInitiative(in []Initiative) string {
	var parts []string
	for _, i := range in {
		parts = append(parts, fmt.Sprintf("%s: “%s” (s%d)", orNone(i.By, "not named"), i.Text, i.Sentence))
	}
	return mdCell(strings.Join(parts, "; "))
}

func mdAgreements(ags []Agreement) string {
	var parts []string
	for _, a := range ags {
		parts = append(parts, fmt.Sprintf("%s (s%d)", a.Label, a.Sentence))
	}
	return mdCell(strings.Join(parts, "; "))
}
