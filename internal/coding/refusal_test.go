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
		{name: "a refusal on a condition is still a refusal",
			text: "Syria will not accept any more refugees if war starts.",
			ms:   []m{st("Syria", "SYR")},
			want: []string{"SYR>- 0333 declined"}},
		{name: "a conditional sanction falls on the condition's subject",
			text: "Japan will cut off aid unless Korea stops the tests.",
			ms:   []m{jpn("Japan"), st("Korea", "KOR")},
			want: []string{"JPN>KOR 1311 hypothetical"}},
		{name: "a vow to fight stays a planned use of force",
			text: "The rebels have sworn to fight Japan until they win.",
			ms:   []m{st("rebels", "XXXREB"), jpn("Japan")},
			want: []string{"XXXREB>JPN 190 planned"}},
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
