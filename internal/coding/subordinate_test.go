package coding_test

import (
	"testing"
)

// TestCode_Subordinate checks that modifiers and elaborations of an event
// are not coded as events of their own, while the main event is.
func TestCode_Subordinate(t *testing.T) {
	c := defaultCoder(t)
	st := func(txt, code string) m { return m{txt, code, code, "", "dict"} }
	tests := []codeCase{
		{name: "participle after an article is an adjective",
			text: "The Turkish and Greek sides of the divided island of Cyprus agreed on a new exchange.",
			ms:   []m{st("Turkish", "TUR"), st("Greek", "GRC"), st("Cyprus", "CYP")},
			want: []string{"GRC>TUR 030 occurred", "TUR>GRC 030 occurred"}},
		{name: "participle glued by a hyphen is an adjective",
			text: "Japanese-led forces attacked Chinese positions.",
			ms:   []m{jpn("Japanese"), chn("Chinese")},
			want: []string{"JPN>CHN 190 occurred"}},
		{name: "participle clause after a comma elaborates the event",
			text: "China lodged a protest with Japan, charging Tokyo with supporting separatists.",
			ms:   []m{chn("China"), jpn("Japan"), m{"Tokyo", "JPNGOV", "JPN", "", "metonym"}},
			want: []string{"CHN>JPN 110 occurred"}},
		{name: "relative clause after the event",
			text: "The rebels will release the ministers of Japan, whom they had taken hostage.",
			ms:   []m{st("rebels", "XXXREB"), jpn("Japan")},
			want: []string{"XXXREB>JPN 0841 planned"}},
		{name: "content of a demand",
			text: "Greece demanded that its partners refuse to recognize Macedonia.",
			ms:   []m{st("Greece", "GRC"), st("Macedonia", "MKD")},
			want: []string{"GRC>MKD 100 occurred"}},
		{name: "comma participle without an event before it still codes",
			text: "Citing security concerns, China expelled two Japanese diplomats.",
			ms:   []m{chn("China"), jpn("Japanese")},
			want: []string{"CHN>JPN 174 occurred"}},
	}
	runCodeCases(t, c, tests)
}
