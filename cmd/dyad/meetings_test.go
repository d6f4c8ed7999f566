package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeetings(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a.txt", `date: 2023-02-03
side: US

Secretary Antony Blinken postponed his trip to Beijing after the high-altitude balloon incident.
`)
	writeFile(t, in, "b.txt", `date: 2023-06-19
side: US

Secretary of State Antony J. Blinken met with Foreign Minister Qin Gang in Beijing on Sunday.
`)
	writeFile(t, in, "c.txt", `date: 2023-06-19
side: CN

Foreign Minister Qin Gang held talks with U.S. Secretary of State Antony Blinken in Beijing on Sunday.
`)
	db := filepath.Join(dir, "m.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in+"/"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := runCmd(t, "", "meetings", "--db", db, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var ms []meetingJSON
	if err := json.Unmarshal([]byte(out), &ms); err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 {
		t.Fatalf("meetings = %s, want one", out)
	}
	m := ms[0]
	sides := map[string]bool{}
	for _, r := range m.Readouts {
		sides[r.Side] = true
	}
	if m.State != "held" || m.Start != "2023-06-18" || m.Place != "Beijing" || !sides["USA"] || !sides["CHN"] {
		t.Errorf("meeting = %+v, want held on 2023-06-18 in Beijing with both readouts", m)
	}
	postponed := false
	for _, s := range m.Steps {
		if s.Status == "postponed" && strings.Contains(s.Reason, "balloon") && s.Text != "" {
			postponed = true
		}
	}
	if !postponed {
		t.Errorf("lifecycle %+v lacks the postponement after the balloon", m.Steps)
	}
	out, _, err = runCmd(t, "", "meetings", "--db", db, "--id", "1")
	if err != nil || !strings.Contains(out, "Lifecycle:") || !strings.Contains(out, "Readouts:") {
		t.Errorf("meetings --id 1 = %v:\n%s", err, out)
	}
	out, _, err = runCmd(t, "", "compare", "--db", db, "--meeting", "1")
	if err != nil || !strings.Contains(out, "Readout comparison") || !strings.Contains(out, "USA  doc") || !strings.Contains(out, "CHN  doc") {
		t.Errorf("compare --meeting 1 = %v:\n%s", err, out)
	}
	if _, _, err := runCmd(t, "", "compare", "--db", db, "--meeting", "9"); err == nil {
		t.Error("compare --meeting of a missing meeting accepted")
	}
	out, _, _ = runCmd(t, "", "docs", "--db", db)
	if strings.Contains(out, "in/in/") {
		t.Errorf("a trailing slash doubled the folder in sources:\n%s", out)
	}
}
