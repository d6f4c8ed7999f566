package brief_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from current output")

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// fixture builds a small week of diplomacy by hand: a postponed and then
// held visit, an agreement, a suspended channel, a pending promise and an
// accusation.
func fixture() *brief.Input {
	docs := map[int64]*dyad.Document{
		1: {ID: 1, Publisher: "Example Department of State", Side: "USA", Date: day("2024-02-03")},
		2: {ID: 2, Publisher: "Example Ministry of Foreign Affairs", Side: "CHN", Date: day("2024-05-20")},
		3: {ID: 3, Publisher: "Example Department of State", Side: "USA", Date: day("2024-05-20")},
	}
	mk := func(id, doc int64, sent int, date, src, srcP, srcOff, tgt, tgtP, code string, g float64, quad int, st dyad.Status, issues ...string) analytics.Report {
		e := &dyad.Event{ID: id, Key: string(rune('a' + id)), DocID: doc, Sentence: sent, Span: dyad.Span{Start: sent * 100, End: sent*100 + 60},
			Date: day(date), DateEnd: day(date), DatePrecision: dyad.PrecisionDay, CAMEO: code, Goldstein: g, Quad: quad, Status: st, Issues: issues,
			Source:  dyad.Actor{Code: src + "GOV", Country: src, Person: srcP, Office: srcOff},
			Target:  &dyad.Actor{Code: tgt + "GOV", Country: tgt, Person: tgtP},
			Sources: []dyad.EventSource{{DocID: doc, Sentence: sent, Span: dyad.Span{Start: sent * 100, End: sent*100 + 60}, Side: docs[doc].Side}}}
		return analytics.Report{Event: e, Text: "Sentence <" + string(rune('A'+id)) + "> of the readout, with \"quotes\"."}
	}
	reports := []analytics.Report{
		mk(1, 1, 2, "2024-02-03", "USA", "Jane Roe", "Secretary of State", "CHN", "", "042", 1.9, 1, dyad.StatusPostponed),
		mk(2, 3, 1, "2024-05-19", "USA", "Jane Roe", "Secretary of State", "CHN", "Li Ming", "042", 1.9, 1, dyad.StatusOccurred),
		mk(3, 2, 1, "2024-05-19", "CHN", "Li Ming", "Foreign Minister", "USA", "Jane Roe", "043", 2.8, 1, dyad.StatusOccurred),
		mk(4, 3, 4, "2024-05-19", "USA", "", "", "CHN", "", "057", 8, 1, dyad.StatusOccurred),
		mk(5, 2, 3, "2024-05-20", "CHN", "Li Ming", "Foreign Minister", "USA", "", "112", -2, 3, dyad.StatusOccurred, "taiwan"),
		mk(6, 3, 5, "2024-05-20", "USA", "Jane Roe", "Secretary of State", "CHN", "", "111", -2, 3, dyad.StatusOccurred, "taiwan", "trade"),
		mk(7, 3, 6, "2024-05-20", "CHN", "Li Ming", "Foreign Minister", "USA", "", "042", 1.9, 1, dyad.StatusPlanned),
	}
	reports[0].Text = "The Secretary postponed her trip after the incident."
	side := func(id int64) string { return docs[id].Side }
	chs := []analytics.Channel{{ID: "x.mil", Dyad: [2]string{"USA", "CHN"}, Name: "Military talks", Kind: "military", Aliases: []string{" military talks "}, Root: "04"}}
	susp := mk(8, 2, 7, "2023-08-05", "CHN", "", "", "USA", "", "040", 1, 1, dyad.StatusSuspended)
	susp.Text = "Suspending military talks in response to the visit."
	to := day("2024-05-25")
	cfg := &analytics.IndexConfig{Level: map[dyad.Level]float64{dyad.LevelOther: 1}, Status: map[dyad.Status]float64{dyad.StatusOccurred: 1}, Persistence: 0.5, Scale: 0.1}
	var evs []*dyad.Event
	for _, r := range reports {
		evs = append(evs, r.Event)
	}
	return &brief.Input{
		Dyad: [2]string{"USA", "CHN"}, From: day("2024-05-18"), To: to,
		Meetings: analytics.Meetings(reports, side),
		Channels: analytics.ChannelStates(chs, []analytics.Report{susp}, to),
		Commits:  analytics.Commitments(reports, to),
		Index:    analytics.ComputeIndex(evs, [2]string{"USA", "CHN"}, analytics.Month, day("2024-03-01"), to, cfg),
		Reports:  reports,
		Docs:     func(id int64) *dyad.Document { return docs[id] },
		Names: func(code string) string {
			return map[string]string{"042": "Make a visit", "057": "Sign formal agreement", "112": "Accuse", "111": "Criticize or denounce"}[code]
		},
	}
}

func TestBrief_Golden(t *testing.T) {
	b := brief.Write(fixture())
	for _, f := range []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"brief.md", func(w *bytes.Buffer) error { return b.Markdown(w) }},
		{"brief.html", func(w *bytes.Buffer) error { return b.HTML(w) }},
	} {
		t.Run(f.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := f.render(&buf); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", f.name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if buf.String() != string(want) {
				t.Errorf("%s =\n%s\nwant\n%s", f.name, buf.String(), want)
			}
		})
	}
}

func TestBrief_Content(t *testing.T) {
	b := brief.Write(fixture())
	var md bytes.Buffer
	if err := b.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	for _, want := range []string{
		"Secretary of State Jane Roe and Foreign Minister Li Ming met", // the held meeting, with offices
		"It had been postponed on 3 February 2024 after the incident",  // its lifecycle
		"Both governments published accounts of it",                    // both readouts linked
		"On taiwan", // disagreement by issue
		"Suspended as of 25 May 2024: Military talks (since August 2023 by CHNGOV, in response to the visit)",
		"Pending since 20 May 2024 (make a visit; owed by Li Ming", // what comes next
	} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q:\n%s", want, out)
		}
	}
	// Every paragraph but the index trend cites a source, and every note
	// is cited.
	cited := map[int]bool{}
	for _, s := range b.Sections {
		for _, p := range s.Paras {
			if len(p.Notes) == 0 && !strings.HasPrefix(p.Text, "Trajectory") && !strings.HasPrefix(p.Text, "No ") {
				t.Errorf("uncited statement: %q", p.Text)
			}
			for _, n := range p.Notes {
				cited[n] = true
			}
		}
	}
	if len(cited) != len(b.Notes) {
		t.Errorf("%d notes, %d cited", len(b.Notes), len(cited))
	}
	var html bytes.Buffer
	if err := b.HTML(&html); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html.String(), "<C>") || !strings.Contains(html.String(), "&lt;C&gt;") {
		t.Error("document text is not escaped in the HTML brief")
	}
}
