package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/analytics"
)

func TestPositions(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for i, body := range []string{
		"The Secretary reaffirmed the U.S. one China policy, guided by the Taiwan Relations Act, the three Joint Communiqués, and the Six Assurances.",
		"The Secretary said the U.S. one China policy, guided by the Taiwan Relations Act, the three Joint Communiqués and the Six Assurances, has not changed.",
		"The Secretary said the one China policy, guided by the Taiwan Relations Act and the three Joint Communiqués, has not changed.",
	} {
		writeFile(t, in, "us"+string(rune('1'+i))+".txt", "publisher: Example Department\nkind: readout\nside: US\ndate: 2024-0"+string(rune('1'+i))+"-15\n\n"+body+"\n")
	}
	db := filepath.Join(dir, "p.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := runCmd(t, "", "positions", "--db", db, "--actor", "USA", "--issue", "taiwan", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var ps []analytics.Position
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatalf("positions json: %v\n%s", err, out)
	}
	if len(ps) != 1 || ps[0].Actor != "USA" || ps[0].Issue != "taiwan" || len(ps[0].Statements) != 3 {
		t.Fatalf("positions = %s, want 3 USA statements on taiwan", out)
	}
	st := ps[0].Statements
	if st[0].Class != "reiteration" || st[1].Class != "reiteration" || st[2].Class != "variation" {
		t.Errorf("classes = %s, %s, %s; want reiteration, reiteration, variation", st[0].Class, st[1].Class, st[2].Class)
	}
	if st[2].Publisher != "Example Department" || st[2].Date != "2024-03-15" || st[2].Span.End <= st[2].Span.Start {
		t.Errorf("statement evidence = %+v", st[2].Cite)
	}
	if len(ps[0].Omissions) != 0 {
		t.Errorf("omissions = %+v, want none (the formulation is there, varied)", ps[0].Omissions)
	}

	out, _, err = runCmd(t, "", "positions", "--db", db, "--from", "2024-03-01")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "variation") || !strings.Contains(out, "foundations dropped") || strings.Contains(out, "2024-01-15") {
		t.Errorf("positions table --from 2024-03-01:\n%s", out)
	}
	out, _, err = runCmd(t, "", "positions", "--db", db, "--format", "md", "--issue", "taiwan")
	if err != nil || !strings.Contains(out, "### USA on taiwan") {
		t.Errorf("positions md = %v:\n%s", err, out)
	}
	if _, _, err := runCmd(t, "", "positions", "--db", db, "--format", "xml"); err == nil {
		t.Error("positions --format xml accepted")
	}
}
