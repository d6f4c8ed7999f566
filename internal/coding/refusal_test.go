package coding_test

import (
	"testing"
)

// TestCode_Refusals checks that a subject that will not accept or agree,
// or fails to reach an agreement, declines (CAMEO 12 in the frame), and
// that "once again" does not open a clause.
func TestCode_Refusals(t *testing.T) {
	c := defaultCoder(t)
	st := func(txt, code string) m { return m{txt, code, code, "", "dict"} }
	tests := []codeCase{
		{name: "once again is an adverb, not a conjunction",
			text: "China once again rejected a Japanese proposal.",
			ms:   []m{chn("China"), jpn("Japanese")},
			want: []string{"CHN>JPN 120 occurred"}},
		{name: "once opening a clause still subordinates",
			text: "Once Japan rejected the proposal, talks ended.",
			ms:   []m{jpn("Japan")},
			want: []string{"JPN>- 120 occurred"}},
		{name: "will not accept is a refusal",
			text: "Syria will not accept any more refugees.",
			ms:   []m{st("Syria", "SYR")},
			want: []string{"SYR>- 0333 declined"}},
		{name: "did not meet stays negated",
			text: "China did not meet Japan.",
			ms:   []m{chn("China"), jpn("Japan")},
			want: []string{"CHN>JPN 040 negated"}},
		{name: "failed to reach agreement is a refusal",
			text: "China and Japan failed to reach agreement on the islands.",
			ms:   []m{chn("China"), jpn("Japan")},
			want: []string{"CHN>JPN 037 declined", "JPN>CHN 037 declined"}},
	}
	runCodeCases(t, c, tests)
}
