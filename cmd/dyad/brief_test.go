package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestBrief(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a.txt", `date: 2022-08-05
side: CN
publisher: Example Ministry

Countermeasures in response to the Speaker's visit to Taiwan

1. Suspending China-U.S. talks on climate change.
`)
	writeFile(t, in, "b.txt", `date: 2023-06-19
side: US
publisher: Example Department

Secretary of State Antony J. Blinken met with Foreign Minister Qin Gang in Beijing on Sunday. The two sides agreed to hold further talks on people-to-people exchanges. Qin Gang will visit Washington at a mutually convenient time.
`)
	writeFile(t, in, "c.txt", `date: 2023-06-19
side: CN
publisher: Example News Agency

Foreign Minister Qin Gang held talks with U.S. Secretary of State Antony Blinken in Beijing on Sunday. Qin said the United States must stop interfering in China's internal affairs on Taiwan.
`)
	db := filepath.Join(dir, "b.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, stderr, err := runCmd(t, "", "brief", "--db", db, "--from", "2023-06-15", "--to", "2023-06-22")
	if err != nil {
		t.Fatalf("brief: %v\n%s", err, stderr)
	}
	for _, want := range []string{
		"## What happened", "## Points of disagreement", "## Channels", "## What comes next",
		"Antony Blinken", "Qin Gang", "met (visit in Beijing, 18 June 2023)", "Both governments published accounts of it",
		"On taiwan", "Climate change talks", "since August 2022 by CHNGOV, in response to the Speaker's visit to Taiwan",
		"owed by Qin Gang", "[^1]: Example",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q:\n%s", want, out)
		}
	}
	html, _, err := runCmd(t, "", "brief", "--db", db, "--from", "2023-06-15", "--to", "2023-06-22", "--format", "html")
	if err != nil || !strings.HasPrefix(html, "<!DOCTYPE html>") || !strings.Contains(html, `<ol class="notes">`) {
		t.Errorf("html brief = %v:\n%.300s", err, html)
	}
	if _, _, err := runCmd(t, "", "brief", "--db", db, "--from", "2023-06-22", "--to", "2023-06-15"); err == nil {
		t.Error("a period ending before it starts was accepted")
	}
}

// TestBrief_Positions is the analyst's scenario on texts written for the
// test: both sides' readouts of one meeting, with their Taiwan language
// and an invitation to a reciprocal visit.
func TestBrief_Positions(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "us.txt", `date: 2024-04-26
side: US
publisher: Example Department of State

Secretary of State Antony J. Blinken met with Foreign Minister Wang Yi in Beijing on Friday.

The Secretary reiterated that there has been no change to the U.S. one China policy, guided by the Taiwan Relations Act, the Three Joint Communiqués, and the Six Assurances. He emphasized the importance of maintaining peace and stability across the Taiwan Strait.

The Secretary invited Foreign Minister Wang Yi to visit Washington at a mutually convenient time.
`)
	writeFile(t, in, "cn.txt", `date: 2024-04-26
side: CN
publisher: Example Ministry of Foreign Affairs

Foreign Minister Wang Yi held talks with U.S. Secretary of State Antony Blinken in Beijing on Friday.

Wang Yi stressed that the Taiwan question is at the very core of China's core interests and the first red line that must not be crossed in China-U.S. relations. The United States should abide by the one-China principle and the three China-U.S. joint communiqués.
`)
	db := filepath.Join(dir, "p.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := runCmd(t, "", "brief", "--db", db, "--from", "2024-04-20", "--to", "2024-04-30")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Wang Yi met (", "in Beijing, 26 April 2024). Both governments published accounts of it",
		"On taiwan — USA:", "reiteration of “one China policy",
		"CHN: “Wang Yi stressed that the Taiwan question is at the very core of China's core interests",
		"Pending since 26 April 2024 (host a visit; owed by Antony Blinken",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("brief lacks %q:\n%s", want, out)
		}
	}
}
