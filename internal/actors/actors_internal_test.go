package actors

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// TestDocTagger_ResetRebase checks that Reset clears the per-person
// sequence numbers once seq has grown to rebase, instead of letting it
// wrap around: a person mentioned just before is not a referent after.
func TestDocTagger_ResetRebase(t *testing.T) {
	l := NewLoader()
	f, err := os.Open(filepath.Join("testdata", "dyad.actors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	l.AddDyad("dyad.actors.txt", f)
	f.Close()
	d, diags := l.Compile()
	if len(diags) > 0 {
		t.Fatalf("Compile: %v", diags)
	}
	date := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	tk := text.Tokenizer{KeepPunct: true}
	tag := func(dt *DocTagger, s string) []dyad.Mention {
		return dt.Tag(0, s, tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)}), date)
	}

	dt := d.Doc("")
	ms := tag(dt, "Wang Huning spoke.")
	if len(ms) != 1 || ms[0].Person != "Wang Huning" {
		t.Fatalf("Tag(Wang Huning spoke.) = %v, want Wang Huning", ms)
	}
	// As if billions of mentions had gone by, the last one Wang Huning's.
	for p := range dt.seen {
		if dt.seen[p] > 0 {
			dt.seen[p] = rebase
		}
	}
	dt.seq = rebase
	dt.Reset("")
	if dt.seq != 0 || dt.base != 0 {
		t.Errorf("Reset at seq %d: seq, base = %d, %d, want 0, 0", uint32(rebase), dt.seq, dt.base)
	}
	for p, n := range dt.seen {
		if n != 0 {
			t.Errorf("Reset at seq %d: seen[%d] = %d, want 0", uint32(rebase), p, n)
		}
	}
	// Wang Yi is the one Wang in office: a fresh document's "Wang".
	if ms := tag(dt, "Wang said."); len(ms) != 1 || ms[0].Person != "Wang Yi" || ms[0].Rule != "dict" {
		t.Errorf("after Reset, Tag(Wang said.) = %v, want Wang Yi by dict", ms)
	}
}
