package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictCheck(t *testing.T) {
	dir := filepath.Join("testdata", "dict")
	tests := []struct {
		name    string
		file    string
		want    []string // lines of the output, in order
		partial bool
	}{
		{"Phoenix", "good.actors.txt", []string{"good.actors.txt: Phoenix actors: 3 entries (4 phrases) loaded, 0 problems"}, false},
		{"PhoenixBadLines", "bad.actors.txt", []string{
			`bad.actors.txt:6: unparseable date "19991332"`,
			`bad.actors.txt:9: bad code bracket: missing ']' in "[HYP"`,
			// THULE after the bad lines still loads: six entries.
			"bad.actors.txt: Phoenix actors: 6 entries (6 phrases) loaded, 2 problems",
		}, true},
		{"Agents", "mini.agents.txt", []string{"mini.agents.txt: agents: 2 agents (2 phrases) loaded, 0 problems"}, false},
		// Antony Blinken is a shipped person block: only the bad tenure
		// is a problem.
		{"Dyad", "people.actors.txt", []string{
			`people.actors.txt:6: office atl.foreign: holder "2019-13-45..2019-12-31 Antony Blinken": unparseable date "2019-13-45"`,
			"people.actors.txt: dyad actors: 1 people, 1 offices, 0 actors (2 phrases) loaded, 1 problem",
		}, true},
		{"Verbs", "extra.verbs.txt", []string{
			`extra.verbs.txt:7: pattern "* + * AGAIN": more than one '*'`,
			"extra.verbs.txt: verb patterns: 2 patterns loaded, 1 problem",
		}, true},
		// Line numbers are those of the TABARI file, not of its conversion.
		{"TABARIVerbs", "flat.verbs", []string{
			`flat.verbs:5: pattern "* * TWICE": more than one '*'`,
			"flat.verbs: TABARI verbs, converted to PETRARCH-1 blocks: 1 pattern loaded, 1 problem",
		}, true},
		{"Issues", "extra.issues.txt", []string{
			`extra.issues.txt:5: unknown line "this line is not a directive"`,
			"extra.issues.txt: issues: 2 issues loaded, 1 problem",
		}, true},
		{"Missing", "none.txt", []string{"none.txt: cannot read: no such file or directory"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.file)
			out, stderr, err := runCmd(t, "", "dict", "check", p)
			if tt.partial != errors.Is(err, errPartial) || !tt.partial && err != nil {
				t.Errorf("dict check %s = %v, want partial %v; stderr %q", tt.file, err, tt.partial, stderr)
			}
			got := strings.Split(strings.TrimSpace(out), "\n")
			for i := range got {
				got[i] = strings.TrimPrefix(got[i], dir+string(filepath.Separator))
			}
			if len(got) < len(tt.want) {
				t.Fatalf("dict check %s printed %q, want %q", tt.file, got, tt.want)
			}
			for i, w := range tt.want {
				if got[i] != w {
					t.Errorf("dict check %s line %d = %q, want %q", tt.file, i+1, got[i], w)
				}
			}
		})
	}
}

// TestDictCheck_Several checks files of several kinds at once: one
// summary per file, and the exit says some had problems.
func TestDictCheck_Several(t *testing.T) {
	dir := filepath.Join("testdata", "dict")
	out, _, err := runCmd(t, "", "dict", "check", filepath.Join(dir, "good.actors.txt"), filepath.Join(dir, "extra.verbs.txt"), filepath.Join(dir, "mini.agents.txt"))
	if !errors.Is(err, errPartial) {
		t.Errorf("dict check = %v, want errPartial", err)
	}
	if n := strings.Count(out, "loaded,"); n != 3 {
		t.Errorf("dict check printed %d summaries, want 3:\n%s", n, out)
	}
}

// TestDictCheck_Shipped checks the shipped dictionaries: every file dyad
// loads is reported, the known upstream problems are listed, and they do
// not make the command fail.
func TestDictCheck_Shipped(t *testing.T) {
	out, _, err := runCmd(t, "", "dict", "check")
	if err != nil {
		t.Fatalf("dict check = %v", err)
	}
	for _, name := range append(shippedDicts, "icews/cameo-codes.csv") {
		if !strings.Contains(out, "dictionaries/"+name+": ") {
			t.Errorf("no summary for %s:\n%s", name, out)
		}
	}
	summary := ""
	problems := 0
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "dictionaries/phoenix/Phoenix.Countries.actors.txt:") {
			if strings.Contains(l, " loaded, ") {
				summary = l
			} else {
				problems++
			}
		}
	}
	if problems == 0 || !strings.Contains(summary, "Phoenix actors: ") || !strings.HasSuffix(summary, plural(problems, "problem")) {
		t.Errorf("Phoenix.Countries: %d problem lines, summary %q; want the known malformed lines counted", problems, summary)
	}
	if !strings.Contains(out, "dictionaries/dyad.actors.txt: dyad actors: ") {
		t.Errorf("dyad.actors.txt not read as dyad actors:\n%s", out)
	}
}

const explainText = "Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Beijing on Monday."

func TestDictExplain_Text(t *testing.T) {
	out, stderr, err := runCmd(t, "", "dict", "explain", "--date", "2024-03-12", "--side", "US", explainText)
	if err != nil {
		t.Fatalf("dict explain = %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"Date 2024-03-12, side USA, dyad USA-CHN",
		"Tokens (",
		`"Secretary of State Antony Blinken" [0:33] USAGOV Antony Blinken, Secretary of State (minister)`,
		`entry "person Antony Blinken"`,
		`entry "person Wang Yi"`,
		fmt.Sprintf(`"Monday" [%d:%d] -> 2024-03-11 (day, relative)`, strings.Index(explainText, "Monday"), strings.Index(explainText, "Monday")+6),
		"pattern  ",
		"(block ",
		"     source   USAGOV Antony Blinken",
		"     status   occurred: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dict explain output lacks %q:\n%s", want, out)
		}
	}
}

func TestDictExplain_JSON(t *testing.T) {
	// The sentence on stdin, flags after it.
	out, stderr, err := runCmd(t, explainText+"\n", "dict", "explain", "-", "--date", "2024-03-12", "--json")
	if err != nil {
		t.Fatalf("dict explain = %v\n%s", err, stderr)
	}
	var rep explainReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("dict explain --json printed %q: %v", out, err)
	}
	if len(rep.Sentences) != 1 {
		t.Fatalf("%d sentences, want 1", len(rep.Sentences))
	}
	s := rep.Sentences[0]
	if len(s.Tokens) == 0 || s.Tokens[0].Text != "Secretary" || s.Tokens[0].Norm != "SECRETARY" {
		t.Errorf("tokens = %+v", s.Tokens)
	}
	var blinken *explainMention
	for i := range s.Mentions {
		if s.Mentions[i].Person == "Antony Blinken" {
			blinken = &s.Mentions[i]
		}
	}
	if blinken == nil || blinken.Rule == "" || blinken.Entry != "person Antony Blinken" || blinken.Code != "USAGOV" ||
		explainText[blinken.Span.Start:blinken.Span.End] != blinken.Text {
		t.Errorf("Blinken mention = %+v", blinken)
	}
	if len(s.Dates) != 1 || s.Dates[0].Start != "2024-03-11" || !s.Dates[0].Relative {
		t.Errorf("dates = %+v, want Monday = 2024-03-11", s.Dates)
	}
	found := false
	for _, e := range s.Events {
		if e.Pattern.Raw == "" || e.Pattern.Block == "" || e.Pattern.Code == "" || e.Name == "" || e.Why.Source == "" || e.Why.Status == "" {
			t.Errorf("event without its pattern, name or reasons: %+v", e)
		}
		if strings.HasPrefix(e.CAMEO, "04") && e.Source.Person == "Antony Blinken" && e.Target != nil && e.Target.Person == "Wang Yi" && e.Date == "2024-03-11" {
			found = true
		}
	}
	if !found {
		t.Errorf("no meeting of Blinken with Wang Yi on 2024-03-11 among %+v", s.Events)
	}

	// The same analyzer as 'dyad code': the same events.
	code, _, err := runCmd(t, explainText, "code", "--date", "2024-03-12", "-")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(code, "\n"); n != len(s.Events) {
		t.Errorf("dict explain shows %d events, dyad code finds %d", len(s.Events), n)
	}
}

func TestDictHelpAndErrors(t *testing.T) {
	for _, args := range [][]string{{"dict", "check", "-h"}, {"dict", "explain", "-h"}, {"dict", "-h"}} {
		_, stderr, err := runCmd(t, "", args...)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "Usage: dyad dict") {
			t.Errorf("run(%q) = %v, %q; want help", args, err, stderr)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"dict"}, "needs a subcommand"},
		{[]string{"dict", "frob"}, `unknown dict subcommand "frob"`},
		{[]string{"dict", "explain", "--date", "12 March", "x"}, "invalid --date"},
		{[]string{"dict", "explain", "-"}, "explain needs a sentence"},
	}
	for _, tt := range tests {
		_, _, err := runCmd(t, "", tt.args...)
		if err == nil || !strings.Contains(message(err), tt.want) {
			t.Errorf("run(%q) = %v, want an error containing %q", tt.args, err, tt.want)
		}
	}
}

func TestSplitPattern(t *testing.T) {
	tests := []struct {
		raw  string
		want explainPattern
	}{
		{"MEET [040] - * WITH +", explainPattern{"MEET [040] - * WITH +", "MEET", "040", "- * WITH +"}},
		{"DYAD_TALKS [040:040] - TALKS (verb default)", explainPattern{"DYAD_TALKS [040:040] - TALKS (verb default)", "DYAD_TALKS", "040:040", "- TALKS (verb default)"}},
		{"odd", explainPattern{"odd", "", "", "odd"}},
	}
	for _, tt := range tests {
		if got := splitPattern(tt.raw); got != tt.want {
			t.Errorf("splitPattern(%q) = %+v, want %+v", tt.raw, got, tt.want)
		}
	}
}
