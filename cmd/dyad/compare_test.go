package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/shared"
)

// TestCompare_Corpus ingests the two governments' accounts of the Wang Yi
// meeting and checks that the comparison shows what each side stressed.
func TestCompare_Corpus(t *testing.T) {
	dir := shared.Path(t, "corpus")
	db := filepath.Join(t.TempDir(), "c.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet",
		filepath.Join(dir, "02-us-state-blinken-wang-yi-beijing.txt"),
		filepath.Join(dir, "04-cn-xinhua-wang-yi-meets-blinken.txt")); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := runCmd(t, "", "compare", "--db", db, "--format", "json", "1", "2")
	if err != nil {
		t.Fatal(err)
	}
	var c analytics.Comparison
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatalf("compare json: %v\n%s", err, out)
	}
	if c.A.Side != "USA" || c.B.Side != "CHN" || c.A.Sentences == 0 || c.B.Words == 0 || len(c.Issues) == 0 {
		t.Fatalf("compare = %+v", c)
	}
	kinds := func(a analytics.Account, issue string) bool {
		for _, l := range [][]analytics.Found{a.Formulations, a.Framing, a.Characterisations} {
			for _, f := range l {
				if f.Issue == issue || strings.Contains(f.ID, issue) {
					return true
				}
			}
		}
		return false
	}
	// The US stresses open channels of communication; China the state of
	// the relationship (downward spiral, right track).
	if !hasPrefixIn(c.OnlyA.Formulations, "any.talks.lines-of-communication") {
		t.Errorf("only in USA = %q, want the lines of communication", c.OnlyA.Formulations)
	}
	if !hasPrefixIn(c.OnlyB.Formulations, "cn.relations.") || !kinds(c.B, "relations") {
		t.Errorf("only in CHN = %q, want China's formulations on the relationship", c.OnlyB.Formulations)
	}
	for _, f := range append(c.A.Formulations, c.B.Formulations...) {
		if f.Text == "" || f.Span.End <= f.Span.Start {
			t.Errorf("formulation without evidence: %+v", f)
		}
	}
	for _, format := range []string{"text", "md"} {
		out, _, err := runCmd(t, "", "compare", "--db", db, "--format", format, "1", "2")
		if err != nil || !strings.Contains(out, "USA") || !strings.Contains(out, "CHN") {
			t.Errorf("compare --format %s = %v:\n%s", format, err, out)
		}
	}
	if _, _, err := runCmd(t, "", "compare", "--db", db, "1"); err == nil {
		t.Error("compare with one document accepted")
	}
	if _, _, err := runCmd(t, "", "compare", "--db", db, "1", "99"); err == nil {
		t.Error("compare with a missing document accepted")
	}
}

func hasPrefixIn(s []string, prefix string) bool {
	for _, x := range s {
		if strings.HasPrefix(x, prefix) {
			return true
		}
	}
	return false
}
