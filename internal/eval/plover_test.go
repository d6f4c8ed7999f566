package eval_test

import (
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/eval"
)

// TestPLOVERSuite_Run_Pairs checks that the reverse event of an asymmetric
// paired pattern ([042:043]: the host's side of a visit) is not scored,
// while both directions of a symmetric one ([030:030]) are.
func TestPLOVERSuite_Run_Pairs(t *testing.T) {
	s, err := eval.ReadPLOVER(open(t, "testdata/plover.json"), "plover.json")
	if err != nil {
		t.Fatal(err)
	}
	verb := dyad.Span{Start: 10, End: 16}
	pair := func(src, tgt, cameo, plover, pat string) dyad.Event {
		e := ev(src, tgt, cameo, plover)
		e.Verb, e.Pattern = verb, pat
		return e
	}
	tests := []struct {
		name        string
		events      []dyad.Event
		found, want int // triples found and correct on the DEMAND record (gold ATL/JPN)
	}{
		{name: "asymmetric pair keeps the primary event",
			events: []dyad.Event{
				pair("ATL", "JPN", "100", "REQUEST", "X [100:043] - * +"),
				pair("JPN", "ATL", "043", "REQUEST", "X [100:043] - * +"),
			},
			found: 1, want: 1},
		{name: "symmetric pair keeps both directions",
			events: []dyad.Event{
				pair("ATL", "JPN", "100", "REQUEST", "X [100:100] - * +"),
				pair("JPN", "ATL", "100", "REQUEST", "X [100:100] - * +"),
			},
			found: 2, want: 1},
		{name: "same pattern from another verb is not a reverse",
			events: []dyad.Event{
				pair("ATL", "JPN", "100", "REQUEST", "X [100:043] - * +"),
				func() dyad.Event {
					e := pair("JPN", "ATL", "100", "REQUEST", "X [100:043] - * +")
					e.Verb = dyad.Span{Start: 20, End: 26}
					return e
				}(),
			},
			found: 2, want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &fakeCoder{events: map[string][]dyad.Event{"Atlantis demanded": tt.events}}
			r := s.Run(c)
			tri, _ := r.Score("triple")
			// The other two records code nothing: 4 gold triples in all.
			if want := (eval.Counts{Expected: 4, Found: tt.found, Correct: tt.want}); tri != want {
				t.Errorf("Run(%s) triple = %+v, want %+v", tt.name, tri, want)
			}
		})
	}
}

// TestPLOVERSuite_Run_Successor checks that an actor of a dissolved
// federation coded with its member state (Phoenix's SCGSRB for Serbia
// before 2006) is scored as that state, as the gold standard names it,
// while a federation code alone stays as it is.
func TestPLOVERSuite_Run_Successor(t *testing.T) {
	const gold = `[{"id": "T-REJECT-0001", "date": "1999-05-06", "event": "REJECT", "text": "Serbia rejected the plan.",
 "source": [{"actorText": "Serbia", "code": "SRB"}], "target": [{"actorText": "Australia", "code": "AUS"}]}]`
	s, err := eval.ReadPLOVER(strings.NewReader(gold), "gold.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  string
		want int
	}{
		{name: "member state of a federation", src: "SCGSRB", want: 1},
		{name: "member state of Yugoslavia", src: "YUGSRB", want: 1},
		{name: "federation alone", src: "SCG", want: 0},
		{name: "federation with a sector", src: "SCGGOV", want: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &fakeCoder{events: map[string][]dyad.Event{"Serbia rejected": {ev(tt.src, "AUS", "120", "REJECT")}}}
			tri, _ := s.Run(c).Score("triple")
			if tri.Correct != tt.want {
				t.Errorf("Run(source %s) correct triples = %d, want %d", tt.src, tri.Correct, tt.want)
			}
		})
	}
}
