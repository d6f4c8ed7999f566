package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestChannels(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, in, "a.txt", `date: 2022-08-05
side: CN
publisher: Example Ministry

The Ministry announced the following measures:

1. Canceling China-U.S. Military Maritime Consultative Agreement (MMCA) meetings.

2. Suspending China-U.S. talks on climate change.
`)
	writeFile(t, in, "b.txt", `date: 2023-11-20
side: US
publisher: Example Department

U.S. and Chinese officials resumed the talks on climate change in Sunnylands on Monday.
`)
	db := filepath.Join(dir, "c.db")
	if _, stderr, err := runCmd(t, "", "ingest", "--db", db, "--quiet", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	states := func(args ...string) map[string]channelJSON {
		out, _, err := runCmd(t, "", append([]string{"channels", "--db", db, "--format", "json"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		var cs []channelJSON
		if err := json.Unmarshal([]byte(out), &cs); err != nil {
			t.Fatal(err)
		}
		m := map[string]channelJSON{}
		for _, c := range cs {
			m[c.ID] = c
		}
		return m
	}
	m := states("--as-of", "2023-01-01")
	if c := m["usa-chn.mmca"]; c.State != "suspended" || c.Since != "2022-08-05" || c.By != "CHNGOV" || len(c.Evidence) != 1 || !strings.Contains(c.Evidence[0].Text, "MMCA") {
		t.Errorf("MMCA as of 2023-01-01 = %+v, want suspended by CHNGOV since 2022-08-05 with its sentence", c)
	}
	if c := m["usa-chn.climate"]; c.State != "suspended" {
		t.Errorf("climate as of 2023-01-01 = %s, want suspended", c.State)
	}
	m = states()
	if c := m["usa-chn.climate"]; c.State != "resumed" || c.Since != "2023-11-20" {
		t.Errorf("climate now = %s since %s, want resumed since 2023-11-20", c.State, c.Since)
	}
	if c := m["usa-chn.mmca"]; c.State != "suspended" {
		t.Errorf("MMCA now = %s, want still suspended", c.State)
	}
	out, _, err := runCmd(t, "", "channels", "--db", db, "--channel", "usa-chn.climate")
	if err != nil || !strings.Contains(out, "resumed") || !strings.Contains(out, "Example Department") {
		t.Errorf("channel evidence = %v:\n%s", err, out)
	}
	if _, _, err := runCmd(t, "", "channels", "--db", db, "--channel", "nope"); err == nil {
		t.Error("unknown channel accepted")
	}
}
