package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestCommitments(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a.txt", `date: 2023-06-19
side: US

Secretary of State Antony J. Blinken met with Foreign Minister Qin Gang in Beijing on Sunday. Qin Gang will visit Washington at a mutually convenient time.
`)
	writeFile(t, in, "b.txt", `date: 2023-10-27
side: US

Foreign Minister Wang Yi visited Washington on Thursday and met with Secretary Blinken.
`)
	db := filepath.Join(dir, "c.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	get := func(args ...string) []commitmentJSON {
		out, _, err := runCmd(t, "", append([]string{"commitments", "--db", db, "--format", "json"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		var cs []commitmentJSON
		if err := json.Unmarshal([]byte(out), &cs); err != nil {
			t.Fatal(err)
		}
		return cs
	}
	cs := get("--as-of", "2023-07-01")
	if len(cs) != 1 || cs[0].Status != "pending" || cs[0].Promise.Source.Person != "Qin Gang" {
		t.Fatalf("as of July = %+v, want Qin Gang's visit pending", cs)
	}
	cs = get()
	if len(cs) != 1 || cs[0].Status != "fulfilled" || cs[0].Resolution == nil || cs[0].Resolution.Date != "2023-10-26" {
		t.Errorf("now = %+v, want fulfilled by the October 26 visit", cs)
	}
	if cs := get("--status", "overdue"); len(cs) != 0 {
		t.Errorf("--status overdue = %+v, want none", cs)
	}
}
