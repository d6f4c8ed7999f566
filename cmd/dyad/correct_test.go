package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestCorrections stores corrections, ingests more documents (so every
// object is recomputed from more events) and checks they still apply.
func TestCorrections(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a.txt", `date: 2023-06-19
side: US

Secretary of State Antony J. Blinken met with Foreign Minister Qin Gang in Beijing on Sunday. Qin Gang will visit Washington at a mutually convenient time.
`)
	db := filepath.Join(dir, "c.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	meetings := func() []meetingJSON {
		out, _, err := runCmd(t, "", "meetings", "--db", db, "--format", "json")
		if err != nil {
			t.Fatal(err)
		}
		var ms []meetingJSON
		if err := json.Unmarshal([]byte(out), &ms); err != nil {
			t.Fatal(err)
		}
		return ms
	}
	held := func(ms []meetingJSON) *meetingJSON {
		for i := range ms {
			if ms[i].State == "held" {
				return &ms[i]
			}
		}
		t.Fatalf("no held meeting in %+v", ms)
		return nil
	}
	key := held(meetings()).Key
	out, _, err := runCmd(t, "", "correct", "--db", db, "--note", "the readout has the wrong city", "--author", "tester", "meeting", key, "place", "Tianjin")
	if err != nil || !strings.Contains(out, "correction 1") {
		t.Fatalf("correct = %v: %s", err, out)
	}
	if _, _, err := runCmd(t, "", "correct", "--db", db, "channel", "usa-chn.dtl", "state", "suspended"); err != nil {
		t.Fatal(err)
	}
	out, _, _ = runCmd(t, "", "commitments", "--db", db, "--format", "json")
	var cms []commitmentJSON
	if err := json.Unmarshal([]byte(out), &cms); err != nil || len(cms) == 0 {
		t.Fatalf("commitments = %s, %v", out, err)
	}
	if _, _, err := runCmd(t, "", "correct", "--db", db, "commitment", cms[0].Key, "status", "withdrawn"); err != nil {
		t.Fatal(err)
	}
	// Refused: a field that cannot be corrected, a bad date.
	if _, _, err := runCmd(t, "", "correct", "--db", db, "meeting", key, "participants", "x"); err == nil {
		t.Error("correcting participants accepted")
	}
	if _, _, err := runCmd(t, "", "correct", "--db", db, "channel", "usa-chn.dtl", "since", "June"); err == nil {
		t.Error("a bad date accepted")
	}

	// More documents: everything is recomputed.
	writeFile(t, in, "b.txt", `date: 2023-06-20
side: CN

Foreign Minister Qin Gang held talks with U.S. Secretary of State Antony Blinken in Beijing on Sunday.
`)
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if m := held(meetings()); m.Key != key || m.Place != "Tianjin" || len(m.Corrections) != 1 || len(m.Readouts) != 2 {
		t.Errorf("after recomputation meeting = %+v, want the same key, place corrected to Tianjin, two readouts", m)
	}
	out, _, _ = runCmd(t, "", "channels", "--db", db)
	if !strings.Contains(out, "suspended*") {
		t.Errorf("channel correction not applied:\n%s", out)
	}
	out, _, _ = runCmd(t, "", "commitments", "--db", db)
	if !strings.Contains(out, "withdrawn*") {
		t.Errorf("commitment correction not applied:\n%s", out)
	}
	out, _, err = runCmd(t, "", "corrections", "--db", db)
	if err != nil || !strings.Contains(out, "tester") || !strings.Contains(out, "the readout has the wrong city") || strings.Count(out, "\n") != 4 {
		t.Errorf("corrections = %v:\n%s", err, out)
	}
}
