package analytics_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// BenchmarkPositions recomputes positions over 5,000 documents of 20
// sentences (100,000 sentences, the scale of 100,000 events), alternating
// sides, with issue statements drawn from a few realistic wordings.
func BenchmarkPositions(b *testing.B) {
	f, err := dictionaries.FS.Open("dyad.formulations.txt")
	if err != nil {
		b.Fatal(err)
	}
	lib, _, err := analytics.ParseFormulations("dyad.formulations.txt", f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	lines := []struct{ text, issue string }{
		{"The United States remains committed to its one China policy, guided by the Taiwan Relations Act, the three Joint Communiqués and the Six Assurances.", "taiwan"},
		{"The Taiwan question is at the very core of China's core interests and the first red line that must not be crossed.", "taiwan"},
		{"The two sides had candid, substantive and constructive discussions on a range of issues.", "talks"},
		{"China firmly opposes unilateral sanctions and long-arm jurisdiction against Chinese companies.", "trade"},
		{"The Secretary stressed the importance of keeping lines of communication open to manage competition responsibly.", "relations"},
		{"Officials discussed counternarcotics cooperation and the flow of precursor chemicals.", "narcotics"},
	}
	start := day("2019-01-01")
	var docs []analytics.DocView
	for i := range 5000 {
		side := "USA"
		if i%2 == 1 {
			side = "CHN"
		}
		var text strings.Builder
		var sents []analytics.SentenceView
		for k := range 20 {
			l := lines[(i+k)%len(lines)]
			s := fmt.Sprintf("%s (%d)", l.text, k)
			sp := dyad.Span{Start: text.Len(), End: text.Len() + len(s)}
			text.WriteString(s + " ")
			sents = append(sents, analytics.SentenceView{Index: k, Span: sp, Text: s, Issues: []string{l.issue}})
		}
		doc := &dyad.Document{ID: int64(i + 1), Side: side, Date: start.AddDate(0, 0, i/3), Text: text.String(), Publisher: "Example", Kind: "readout"}
		docs = append(docs, analytics.DocView{Doc: doc, Sentences: sents})
	}
	b.ResetTimer()
	for b.Loop() {
		if ps := analytics.Positions(docs, lib); len(ps) == 0 {
			b.Fatal("no positions")
		}
	}
}
