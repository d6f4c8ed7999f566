package coding_test

import (
	"reflect"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/coding"
)

// TestAppendCodeScratch_Reuse codes sentences of every size in turn with
// one Scratch, under dyad's rules and TABARI's (hyphens, comma clauses,
// pronouns), and wants what a fresh Code returns each time: nothing of one
// sentence may leak into the next, nor into the events returned.
func TestAppendCodeScratch_Reuse(t *testing.T) {
	dc := defaultCoder(t)
	tc := *dc
	tc.Options = coding.NewTABARIOptions()
	tc.Options.MinWords = 1
	ins := benchInputs(t)
	ins = append(ins,
		input(t, "Beijing, in a statement issued late on Monday evening, criticized the anti-satellite test by Washington and said it would respond.", "CHN",
			[]m{beijing("Beijing"), wash("Washington")}, []d{{"Monday", "2023-06-19", "2023-06-19", dyad.PrecisionDay}}),
		input(t, "They met Wang in Beijing.", "USA", []m{wang("Wang"), beijing("Beijing")}, nil),
		input(t, "Blinken, Austin and Wang met on Monday, and the two sides agreed to talk again.", "USA",
			[]m{blinken("Blinken"), austin("Austin"), wang("Wang"), both("the two sides")}, []d{{"Monday", "2023-06-19", "2023-06-19", dyad.PrecisionDay}}),
	)
	tests := []struct {
		name string
		c    *coding.Coder
	}{
		{"dyad", dc},
		{"tabari", &tc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sc coding.Scratch
			var kept [][]dyad.Event
			// Twice round, longest and shortest mixed, so that buffers
			// grown by one sentence are reused by a shorter one.
			for round := 0; round < 2; round++ {
				for k := range ins {
					i := k
					if round == 1 {
						i = len(ins) - 1 - k
					}
					want := tt.c.Code(ins[i])
					got := tt.c.AppendCodeScratch(nil, ins[i], &sc)
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("AppendCodeScratch(%q) = %+v, want %+v", ins[i].Text, got, want)
					}
					kept = append(kept, got)
				}
			}
			n := 0
			for _, evs := range kept {
				n += len(evs)
			}
			if n == 0 {
				t.Fatalf("no events coded: the test codes nothing")
			}
			// The events returned earlier are unchanged by later calls.
			for k, got := range kept {
				i := k % len(ins)
				if k >= len(ins) {
					i = len(ins) - 1 - i
				}
				if want := tt.c.Code(ins[i]); !reflect.DeepEqual(got, want) {
					t.Errorf("event %d of %q changed after later calls: %+v, want %+v", k, ins[i].Text, got, want)
				}
			}
		})
	}
}

// TestAppendCodeScratch_Nil codes with a nil Scratch as with a fresh one.
func TestAppendCodeScratch_Nil(t *testing.T) {
	c := defaultCoder(t)
	in := input(t, "Blinken met Wang in Beijing on Monday.", "USA",
		[]m{blinken("Blinken"), wang("Wang"), beijing("Beijing")}, []d{{"Monday", "2023-06-19", "2023-06-19", dyad.PrecisionDay}})
	got := c.AppendCodeScratch(nil, in, nil)
	if want := c.Code(in); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("AppendCodeScratch(%q, nil) = %+v, want %+v", in.Text, got, want)
	}
}
