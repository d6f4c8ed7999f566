package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/shared"
)

func TestEval(t *testing.T) {
	out, stderr, err := runCmd(t, "", "eval", "dyad", "../../internal/eval/testdata/suites", "--json")
	if err != nil {
		t.Fatalf("eval dyad: %v\n%s", err, stderr)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json is not JSON: %v\n%s", err, out)
	}
	for _, k := range []string{"suite", "records", "expected", "found", "correct", "precision", "recall", "f1"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("eval report lacks %q", k)
		}
	}
	if f1, _ := rep["f1"].(float64); f1 < 0.5 {
		t.Errorf("dyad suite F1 = %v: the coder regressed badly", f1)
	}
	text, _, err := runCmd(t, "", "eval", "plover", shared.Path(t, "peers/plover/PLOVER_GSR_CAMEO.dev.json"))
	if err != nil || !strings.Contains(text, "type") {
		t.Errorf("eval plover = %v:\n%.400s", err, text)
	}
	if _, _, err := runCmd(t, "", "eval", "nosuch", "x"); err == nil || !strings.Contains(message(err), "unknown suite") {
		t.Errorf("eval of an unknown suite = %v", err)
	}
}
