package actors_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/text"
)

// TestTag_Context checks the mentions whose country comes from the
// sentence (Rule "context") and the country codes of legacy Phoenix
// codes, with the shipped dictionaries. Sentences written for this test.
func TestTag_Context(t *testing.T) {
	d, _ := loadShipped(t)
	tests := []struct {
		name string
		sent string
		want []string // "text=CODE/COUNTRY/rule" that must be among the mentions
		not  []string // mention texts that must not be
	}{
		{name: "group noun takes the state of its place phrase",
			sent: "Students in Peru blocked the main highway on Friday.",
			want: []string{"Students=PEREDU/PER/context"}},
		{name: "place phrase after BASED",
			sent: "A radio station based in Lima denied the report.",
			want: []string{"radio station=PERMED/PER/context"}},
		{name: "group noun takes the one state the sentence names",
			sent: "The Kenyan government released dozens of jailed protesters on Tuesday.",
			want: []string{"protesters=KENOPP/KEN/context"}},
		{name: "two states: the group stays unresolved",
			sent: "Farmers blocked the road as Chilean and Argentine envoys met.",
			not:  []string{"Farmers"}},
		{name: "a singular noun needs a place phrase",
			sent: "The newspaper criticised Chile's budget.",
			not:  []string{"newspaper"}},
		{name: "a group right after an organisation is the organisation's",
			sent: "NATO relief workers reached Albania on Monday.",
			not:  []string{"relief workers", "workers"}},
		{name: "a group OF an organisation is the organisation's",
			sent: "The activists of Greenpeace chained themselves to a ship in Japan.",
			not:  []string{"activists"}},
		{name: "government nouns are not resolved from context",
			sent: "Officials in Ghana denied the report.",
			not:  []string{"Officials"}},
		{name: "title and unknown name take the one state",
			sent: "President Ferdinand Valcourt imposed a curfew in Nicaragua on Monday.",
			want: []string{"President Ferdinand Valcourt=NICGOV/NIC/context"}},
		{name: "military rank and unknown name",
			sent: "Gen. Rodrigo Saltana ordered a curfew across Bolivia.",
			want: []string{"Gen. Rodrigo Saltana=BOLMIL/BOL/context"}},
		{name: "minister with a portfolio and a name with particles",
			sent: "The Minister for Water Karim bin Tahar visited dams in Tunisia.",
			want: []string{"Minister for Water Karim bin Tahar=TUNGOV/TUN/context"}},
		{name: "title and unknown name with two states: nothing",
			sent: "President Jean Malvoux flew from Mali to Niger.",
			not:  []string{"President Jean Malvoux"}},
		{name: "an ethnic group takes the state it lives in",
			sent: "Ethnic Hungarians rallied in Slovakia on Sunday.",
			want: []string{"Hungarians=SVKCVL/SVK/context"}},
		{name: "a common word is no group: youth in lower case",
			sent: "The youth of the town joined the march in Madrid.",
			not:  []string{"youth"}},
		{name: "youths compose with a demonym as civilians",
			sent: "Police arrested three Spanish youths.",
			want: []string{"Spanish youths=ESPCVL/ESP/agent"}},
		{name: "an organization's secretary-general is the organization's",
			sent: "OPEC Secretary-General Tomas Varga met oil ministers in Venezuela.",
			want: []string{"Secretary-General Tomas Varga=IGOOPC//context"}},
		{name: "secretary-general with no organization before it: no rank",
			sent: "The Secretary-General Mona Ferris resigned in Ghana.",
			not:  []string{"General Mona Ferris", "Secretary-General Mona Ferris"}},
		{name: "the end of a compound title is no military rank",
			sent: "The Surgeon-General Paulo Reis warned Brazil about dengue.",
			not:  []string{"General Paulo Reis"}},
		{name: "legacy Phoenix code: East Timor is TLS",
			sent: "Thousands marched in Dili on Saturday.",
			want: []string{"Dili=TMP/TLS/dict"}},
	}
	tk := text.Tokenizer{KeepPunct: true}
	date := day("2005-06-01")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := d.Doc("").Tag(0, tt.sent, tk.Tokenize(tt.sent, dyad.Span{Start: 0, End: len(tt.sent)}), date)
			var got []string
			for _, m := range ms {
				got = append(got, m.Text+"="+m.Code+"/"+m.Country+"/"+m.Rule)
				if m.Rule == "context" && m.Entry == "" {
					t.Errorf("Tag(%q): mention %q has no Entry", tt.sent, m.Text)
				}
			}
			checkMentions(t, tt.sent, got, tt.want, tt.not)
			for i := 1; i < len(ms); i++ {
				if ms[i].Span.Start < ms[i-1].Span.End {
					t.Errorf("Tag(%q): mentions %q and %q overlap or are out of order", tt.sent, ms[i-1].Text, ms[i].Text)
				}
			}
		})
	}
}

// TestTag_ContextOffUnderTABARI checks that TABARI's agent rules, which
// code a TABARI project, make no context mentions.
func TestTag_ContextOffUnderTABARI(t *testing.T) {
	d, _ := loadShipped(t)
	d = d.With(actors.Options{TABARIAgents: true})
	sent := "Students in Peru blocked the main highway on Friday."
	tk := text.Tokenizer{KeepPunct: true}
	for _, m := range d.Doc("").Tag(0, sent, tk.Tokenize(sent, dyad.Span{Start: 0, End: len(sent)}), day("2005-06-01")) {
		if m.Rule == "context" {
			t.Errorf("Tag(%q) with TABARIAgents: mention %q has Rule context, want none", sent, m.Text)
		}
	}
}

// TestTag_ContextInsideNullPhrase checks that a group noun inside a
// null-coded phrase, which the tagger steps over, is still looked at by
// the context rule: the early exit for sentences with no group noun must
// not skip it. Dictionary and sentences written for this test.
func TestTag_ContextInsideNullPhrase(t *testing.T) {
	l := actors.NewLoader()
	l.AddPhoenix("t.actors", strings.NewReader("PERU [PER]\nSILENT_STUDENTS [---]\n"))
	l.AddAgents("t.agents", strings.NewReader("STUDENTS [~EDU]\n"))
	d, diags := l.Compile()
	if len(diags) > 0 {
		t.Fatalf("Compile: %v", diags)
	}
	tests := []struct {
		name, sent, want string
	}{
		{"noun alone", "Students in Peru blocked the road.", "Students=PEREDU/context Peru=PER/dict"},
		{"noun inside a null phrase", "Silent students in Peru blocked the road.", "students=PEREDU/context Peru=PER/dict"},
		{"no group noun", "Farmers in Peru blocked the road.", "Peru=PER/dict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tagDoc(d, "", day("2005-06-01"), tt.sent)[0], " ")
			if got != tt.want {
				t.Errorf("Tag(%q) = %q, want %q", tt.sent, got, tt.want)
			}
		})
	}
}

// checkMentions reports each of want ("text=…") missing from got, the
// mentions of sent as "text=…", and each mention whose text is in not.
func checkMentions(t *testing.T, sent string, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("Tag(%q) = %v, want %s among them", sent, got, w)
		}
	}
	for _, n := range not {
		for _, g := range got {
			if strings.HasPrefix(g, n+"=") {
				t.Errorf("Tag(%q) = %v, want no mention %q", sent, got, n)
			}
		}
	}
}
