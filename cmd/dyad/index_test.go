package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndex(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if _, stderr, err := runCmd(t, "", "demo", "--db", db); err != nil {
		t.Fatalf("demo: %v\n%s", err, stderr)
	}
	index := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		env := &Env{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
		err := (&IndexCommand{Env: env}).Run(context.Background(), append([]string{"--db", db}, args...))
		return out.String(), err
	}
	svg := filepath.Join(dir, "index.svg")
	out, err := index("--by", "month", "--svg", svg)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"USA -> CHN", "CHN -> USA", "2023-06", "2023-10", "COOPERATION"} {
		if !strings.Contains(out, want) {
			t.Errorf("index output lacks %q:\n%s", want, out)
		}
	}
	data, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, new(struct{})); err != nil {
		t.Errorf("SVG is not XML: %v", err)
	}

	out, err = index("--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var pts []struct {
		Period   string
		Events   int
		State    float64
		EventIDs []int64 `json:"event_ids"`
	}
	if err := json.Unmarshal([]byte(out), &pts); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range pts {
		if p.Events != len(p.EventIDs) || p.State < -9 || p.State > 9 {
			t.Errorf("point %+v: events and ids differ or state out of bounds", p)
		}
		total += p.Events
	}
	if total == 0 {
		t.Error("no events behind any point")
	}

	out, err = index("--explain", "2023-06")
	if err != nil || !strings.Contains(out, "goldstein x") || !strings.Contains(out, "Antony Blinken") {
		t.Errorf("explain 2023-06 = %v:\n%s", err, out)
	}
	if _, err := index("--explain", "1999-01"); err == nil || !strings.Contains(message(err), "no period") {
		t.Errorf("explain of a missing period = %v", err)
	}
	if _, err := index("--by", "decade"); err == nil {
		t.Error("--by decade accepted")
	}
}
