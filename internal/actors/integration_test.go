package actors_test

import (
	"sync"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/text"
)

var shipped struct {
	once  sync.Once
	d     *actors.Dictionary
	diags dyad.DiagnosticList
	err   error
}

// loadShipped compiles the shipped dictionaries once per test binary.
func loadShipped(tb testing.TB) (*actors.Dictionary, dyad.DiagnosticList) {
	tb.Helper()
	shipped.once.Do(func() {
		shipped.d, shipped.diags, shipped.err = actors.Default(dictionaries.FS)
	})
	if shipped.err != nil {
		tb.Fatalf("Default(dictionaries.FS) error = %v", shipped.err)
	}
	return shipped.d, shipped.diags
}

func TestShippedDictionaries(t *testing.T) {
	d, diags := loadShipped(t)
	for _, dg := range diags {
		if dg.Source == "" || dg.Line <= 0 {
			t.Errorf("diagnostic without a place: %v", dg)
		}
	}
	if entries, agents, _, _, _, phrases := d.Sizes(); entries < 20000 || agents < 2000 || phrases < 30000 {
		t.Errorf("Sizes() = %d entries, %d agents, %d phrases; want the whole Phoenix set", entries, agents, phrases)
	}
	t.Logf("%d diagnostics in the shipped files", len(diags))

	// Sentences written for this test, in the style of readouts.
	sents := []string{
		"Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.",
		"Chinese officials told U.S. diplomats that the two sides should keep lines of communication open.",
		"The United States and the People's Republic of China still disagree about Taiwan.",
		"Blinken later said that Qin had been candid, and the Chinese side agreed.",
	}
	tk := text.Tokenizer{KeepPunct: true}
	dt := d.Doc("USA")
	date := day("2023-06-18")
	got := map[string]dyad.Mention{}
	for i, s := range sents {
		for _, m := range dt.Tag(i, s, tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)}), date) {
			got[m.Text] = m
			t.Logf("sentence %d: %q %s %s %s %q", i, m.Text, m.Code, m.Rule, m.Entry, m.Person)
		}
	}
	type want struct {
		text, code, country, rule, person string
	}
	checks := []want{
		{text: "Chinese officials", code: "CHNGOV", country: "CHN", rule: "agent"},
		{text: "U.S. diplomats", code: "USAGOV", country: "USA", rule: "agent"},
		{text: "the two sides", rule: "both"},
		{text: "United States", code: "USA", country: "USA"},
		{text: "People's Republic of China", code: "CHN", country: "CHN"},
		{text: "Taiwan", code: "TWN", country: "TWN"},
		{text: "Beijing", country: "CHN"},
	}
	if d.HasPerson("Antony Blinken") {
		checks = append(checks,
			want{text: "Secretary of State Antony Blinken", code: "USAGOV", country: "USA", rule: "dict", person: "Antony Blinken"},
			want{text: "Blinken", code: "USAGOV", country: "USA", rule: "coref", person: "Antony Blinken"})
	}
	if d.HasPerson("Qin Gang") {
		checks = append(checks,
			want{text: "Chinese Foreign Minister Qin Gang", code: "CHNGOV", country: "CHN", rule: "dict", person: "Qin Gang"},
			want{text: "Qin", code: "CHNGOV", country: "CHN", rule: "coref", person: "Qin Gang"})
	}
	for _, w := range checks {
		m, ok := got[w.text]
		if !ok {
			// A dictionary may include the article: "The United States".
			m, ok = got["The "+w.text]
		}
		if !ok {
			t.Errorf("no mention %q", w.text)
			continue
		}
		if (w.code != "" && m.Code != w.code) || m.Country != w.country || (w.rule != "" && m.Rule != w.rule) || m.Person != w.person {
			t.Errorf("mention %q = %s/%s/%s/%q, want %s/%s/%s/%q", w.text, m.Code, m.Country, m.Rule, m.Person,
				w.code, w.country, w.rule, w.person)
		}
	}
	if m, ok := got["Chinese side"]; ok && m.Country != "CHN" {
		t.Errorf("mention %q country = %q, want CHN", m.Text, m.Country)
	} else if m, ok := got["the Chinese side"]; ok && m.Country != "CHN" {
		t.Errorf("mention %q country = %q, want CHN", m.Text, m.Country)
	}
}

// benchSentences are written for the benchmark in the style of readouts.
var benchSentences = []string{
	"Secretary of State Antony Blinken met Chinese Foreign Minister Qin Gang in Beijing on Sunday.",
	"The two sides had candid, substantive and constructive discussions on bilateral and global issues.",
	"Chinese officials told U.S. diplomats that Taiwan is at the core of China's core interests.",
	"The Secretary emphasized the importance of maintaining open channels of communication across the full range of issues.",
	"Wang Yi, director of the Office of the Central Foreign Affairs Commission, said the United States should stop containing China.",
	"Both countries agreed to continue discussions on people-to-people exchanges, including increasing flights.",
	"Blinken also raised concerns about the PRC's human rights record in Xinjiang, Tibet and Hong Kong.",
	"The Pentagon said a Chinese fighter jet conducted an unsafe intercept of a U.S. Air Force aircraft over the South China Sea.",
}

func BenchmarkTag(b *testing.B) {
	d, _ := loadShipped(b)
	tk := text.Tokenizer{KeepPunct: true}
	toks := make([][]dyad.Token, len(benchSentences))
	for i, s := range benchSentences {
		toks[i] = tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)})
	}
	date := day("2023-06-18")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		dt := d.Doc("USA")
		for i, s := range benchSentences {
			dt.Tag(i, s, toks[i], date)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
