package actors_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// TestTag_NewsEntries checks the international organizations, groups and
// places dyad.actors.txt adds to Phoenix, the agent nouns the tagger adds
// to Phoenix's, and that an entry beginning with "the" does not cut short
// a longer name after the article. Sentences written for this test.
func TestTag_NewsEntries(t *testing.T) {
	d, _ := loadShipped(t)
	tests := []struct {
		name string
		sent string
		want []string // "text=CODE" that must be among the mentions
		not  []string // mention texts that must not be
	}{
		{name: "ILO secretariat and abbreviation",
			sent: "The International Labour Office (ILO) published its annual report.",
			want: []string{"International Labour Office=IGOUNOLABILO", "ILO=IGOUNOLABILO"}},
		{name: "WTO by name, not Phoenix's one-word Organization",
			sent: "Ministers met at the World Trade Organization in Geneva.",
			want: []string{"World Trade Organization=IGOBUSWTO"},
			not:  []string{"Organization"}},
		{name: "UN General Assembly with dots",
			sent: "The U.N. General Assembly adopted the resolution on Tuesday.",
			want: []string{"The U.N. General Assembly=IGOUNO"}},
		{name: "African Union",
			sent: "The African Union sent observers to the vote.",
			want: []string{"The African Union=IGOAFRAFU"}},
		{name: "Liberation Tigers are Sri Lankan rebels, not Phoenix's Tigers",
			sent: "The Liberation Tigers denied the report from Colombo.",
			want: []string{"Liberation Tigers=LKAREB"},
			not:  []string{"Tigers"}},
		{name: "SPLM/A written with a slash",
			sent: "Khartoum and the SPLM/A signed a truce.",
			want: []string{"SPLM/A=SDNREB"}},
		{name: "Palestinian Islamic Jihad is Palestinian",
			sent: "Palestinian Islamic Jihad claimed the rocket fire.",
			want: []string{"Palestinian Islamic Jihad=PSEREB"}},
		{name: "PLO with Palestinian for Palestine",
			sent: "Envoys of the Palestinian Liberation Organization arrived.",
			want: []string{"the Palestinian Liberation Organization=PSEREB"}},
		{name: "a full name shadows a one-word first name",
			sent: "Lawyers for Abdullah Ocalan appealed the ruling.",
			want: []string{"Abdullah Ocalan=TURREB"},
			not:  []string{"Abdullah"}},
		{name: "West Bank town",
			sent: "Troops entered Jenin before dawn.",
			want: []string{"Jenin=PSE"}},
		{name: "Algerian party",
			sent: "Leaders of the Islamic Salvation Front were released.",
			want: []string{"the Islamic Salvation Front=DZAOPP"}},
		{name: "an article-led entry gives way to a longer name after the article",
			sent: "The UN High Commission for Refugees opened two camps.",
			want: []string{"UN High Commission for Refugees=IGOUNOREFHCR"},
			not:  []string{"The UN"}},
		{name: "an article-led entry still matches alone",
			sent: "The UN sent more food.",
			want: []string{"The UN=IGOUNO"}},
		{name: "emir composes with the state",
			sent: "Kuwait's emir dissolved parliament.",
			want: []string{"Kuwait's emir=KWTGOV"}},
	}
	tk := text.Tokenizer{KeepPunct: true}
	date := day("2004-03-10")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := d.Doc("").Tag(0, tt.sent, tk.Tokenize(tt.sent, dyad.Span{Start: 0, End: len(tt.sent)}), date)
			var got []string
			for _, m := range ms {
				got = append(got, m.Text+"="+m.Code)
			}
			checkMentions(t, tt.sent, got, tt.want, tt.not)
		})
	}
}
