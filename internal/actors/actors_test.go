package actors_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/text"
)

// loadFixtures compiles the test dictionaries in testdata/.
func loadFixtures(tb testing.TB, stems bool) (*actors.Dictionary, dyad.DiagnosticList) {
	tb.Helper()
	l := actors.NewLoader()
	l.Stems = stems
	for _, f := range []struct {
		name string
		add  func(string, *os.File)
	}{
		{"phoenix.actors.txt", func(n string, r *os.File) { l.AddPhoenix(n, r) }},
		{"latin1.actors.txt", func(n string, r *os.File) { l.AddPhoenix(n, r) }},
		{"agents.txt", func(n string, r *os.File) { l.AddAgents(n, r) }},
		{"dyad.actors.txt", func(n string, r *os.File) { l.AddDyad(n, r) }},
	} {
		r, err := os.Open(filepath.Join("testdata", f.name))
		if err != nil {
			tb.Fatal(err)
		}
		f.add(f.name, r)
		r.Close()
	}
	return l.Compile()
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tagDoc tags the sentences of one document and formats each mention as
// "text=CODE/rule[/person]".
func tagDoc(d *actors.Dictionary, side string, date time.Time, sents ...string) [][]string {
	tk := text.Tokenizer{KeepPunct: true}
	dt := d.Doc(side)
	out := make([][]string, len(sents))
	for i, s := range sents {
		toks := tk.Tokenize(s, dyad.Span{Start: 0, End: len(s)})
		for _, m := range dt.Tag(i, s, toks, date) {
			out[i] = append(out[i], format(m))
		}
	}
	return out
}

func format(m dyad.Mention) string {
	s := fmt.Sprintf("%s=%s/%s", m.Text, m.Code, m.Rule)
	if m.Person != "" {
		s += "/" + m.Person
	}
	return s
}

func TestFixturesLoadCleanly(t *testing.T) {
	d, diags := loadFixtures(t, false)
	if len(diags) != 0 {
		t.Fatalf("diagnostics loading fixtures: %v", diags)
	}
	if !d.HasPerson("Antony Blinken") || !d.HasOffice("chn.fm") {
		t.Fatalf("fixture people or offices missing")
	}
}

func TestTag(t *testing.T) {
	d, _ := loadFixtures(t, false)
	tests := []struct {
		name  string
		side  string
		date  string
		sents []string
		want  [][]string
	}{
		{
			name:  "full names",
			date:  "2023-06-19",
			sents: []string{"Antony Blinken met Wang Yi and Qin Gang."},
			want: [][]string{{"Antony Blinken=USAGOV/dict/Antony Blinken", "Wang Yi=CHNGOV/dict/Wang Yi",
				"Qin Gang=CHNGOV/dict/Qin Gang"}},
		},
		{
			name: "title and name are one mention",
			date: "2023-06-19",
			sents: []string{
				"Secretary of State Antony J. Blinken met State Councilor and Foreign Minister Qin Gang.",
				"President Xi Jinping and Chinese President Xi Jinping.",
				"U.S. Secretary of State Antony Blinken arrived.",
			},
			want: [][]string{
				{"Secretary of State Antony J. Blinken=USAGOV/dict/Antony Blinken", "State Councilor and Foreign Minister Qin Gang=CHNGOV/dict/Qin Gang"},
				{"President Xi Jinping=CHNGOV/dict/Xi Jinping", "Chinese President Xi Jinping=CHNGOV/dict/Xi Jinping"},
				{"U.S. Secretary of State Antony Blinken=USAGOV/dict/Antony Blinken"},
			},
		},
		{
			name:  "foreign minister before Qin left",
			side:  "CHN",
			date:  "2023-06-19",
			sents: []string{"The Foreign Minister said."},
			want:  [][]string{{"Foreign Minister=CHNGOV/office/Qin Gang"}},
		},
		{
			name:  "foreign minister after Wang returned",
			side:  "CHN",
			date:  "2023-08-01",
			sents: []string{"The Foreign Minister said."},
			want:  [][]string{{"Foreign Minister=CHNGOV/office/Wang Yi"}},
		},
		{
			name:  "country and title",
			date:  "2023-06-01",
			sents: []string{"The Chinese Defense Minister declined.", "China's top diplomat spoke."},
			want:  [][]string{{"Chinese Defense Minister=CHNMIL/office/Li Shangfu"}, {"China's top diplomat=CHNGOV/office/Wang Yi"}},
		},
		{
			name:  "title of a country",
			date:  "2023-06-19",
			sents: []string{"The Foreign Minister of the PRC spoke."},
			want:  [][]string{{"Foreign Minister of the PRC=CHNGOV/office/Qin Gang"}},
		},
		{
			name:  "the Secretary is ambiguous until one holder is mentioned",
			side:  "USA",
			date:  "2023-06-19",
			sents: []string{"The Secretary arrived.", "Lloyd Austin spoke.", "The Secretary left."},
			want:  [][]string{nil, {"Lloyd Austin=USAMIL/dict/Lloyd Austin"}, {"Secretary=USAMIL/office/Lloyd Austin"}},
		},
		{
			name:  "the President goes to the side's office",
			side:  "CHN",
			date:  "2023-06-19",
			sents: []string{"The President met him."},
			want:  [][]string{{"President=CHNGOV/office/Xi Jinping"}},
		},
		{
			name:  "the President without a side is unresolved",
			date:  "2023-06-19",
			sents: []string{"The President met him."},
			want:  [][]string{nil},
		},
		{
			name: "coreference across sentences",
			date: "2023-06-19",
			sents: []string{
				"Antony Blinken met Wang Yi and Qin Gang.",
				"Blinken thanked Wang and Minister Qin.",
				"Secretary Blinken and Mr. Wang agreed.",
			},
			want: [][]string{
				{"Antony Blinken=USAGOV/dict/Antony Blinken", "Wang Yi=CHNGOV/dict/Wang Yi", "Qin Gang=CHNGOV/dict/Qin Gang"},
				{"Blinken=USAGOV/coref/Antony Blinken", "Wang=CHNGOV/coref/Wang Yi", "Minister Qin=CHNGOV/coref/Qin Gang"},
				{"Secretary Blinken=USAGOV/coref/Antony Blinken", "Mr. Wang=CHNGOV/coref/Wang Yi"},
			},
		},
		{
			name:  "shared surname goes to the latest",
			date:  "2023-06-19",
			sents: []string{"Wang Yi met Wang Huning.", "Wang said."},
			want:  [][]string{{"Wang Yi=CHNGOV/dict/Wang Yi", "Wang Huning=CHNGOVLEG/dict/Wang Huning"}, {"Wang=CHNGOVLEG/coref/Wang Huning"}},
		},
		{
			name:  "surname inside another name",
			date:  "2023-06-19",
			sents: []string{"Qin Gang met Antony Blinken.", "Later Qin Jian and Tom Blinken spoke; then Qin and Blinken left."},
			want: [][]string{{"Qin Gang=CHNGOV/dict/Qin Gang", "Antony Blinken=USAGOV/dict/Antony Blinken"},
				{"Qin=CHNGOV/coref/Qin Gang", "Blinken=USAGOV/coref/Antony Blinken"}},
		},
		{
			name:  "surname never introduced",
			date:  "2023-06-19",
			sents: []string{"Blinken said.", "Li said.", "Wang said."},
			// Blinken: the only holder; Li: Li Qiang and Li Shangfu both in
			// office, so no mention; Wang: Wang Yi is in office, Wang Huning holds
			// none.
			want: [][]string{{"Blinken=USAGOV/dict/Antony Blinken"}, nil, {"Wang=CHNGOV/dict/Wang Yi"}},
		},
		{
			name:  "metonyms",
			date:  "2023-06-19",
			sents: []string{"Washington and Beijing, the White House, the Pentagon and the PLA."},
			want: [][]string{{"Washington=USA/metonym", "Beijing=CHN/dict", "the White House=USAGOV/metonym",
				"the Pentagon=USAMIL/metonym", "the PLA=CHNMIL/metonym"}},
		},
		{
			name:  "sides",
			date:  "2023-06-19",
			sents: []string{"The Chinese side told the U.S. side that the two sides and both countries agree."},
			want: [][]string{{"Chinese side=CHN/side", "U.S. side=USA/side", "the two sides=/both",
				"both countries=/both"}},
		},
		{
			name: "agents",
			date: "2023-06-19",
			sents: []string{"Chinese officials met U.S. diplomats; American troops and the U.S. military.",
				"Chinese students, the Chinese Foreign Ministry and Chinese spokesmen.",
				"A Chinese human rights group; the American attorneys general."},
			want: [][]string{
				{"Chinese officials=CHNGOV/agent", "U.S. diplomats=USAGOV/agent", "American troops=USAMIL/agent", "U.S. military=USAMIL/agent"},
				{"Chinese students=CHNEDU/agent", "Chinese Foreign Ministry=CHNGOV/agent", "Chinese spokesmen=CHNGOV/agent"},
				{"Chinese human rights group=NGOCHN/agent", "American attorneys general=USAGOVATG/agent"},
			},
		},
		{
			name: "countries",
			date: "2023-06-19",
			sents: []string{"China, the United States, the PRC, the People's Republic of China and Taiwan.",
				"Americans told us that the US and Taipei agree."},
			want: [][]string{
				{"China=CHN/dict", "United States=USA/dict", "PRC=CHN/dict", "People's Republic of China=CHN/dict", "Taiwan=TWN/dict"},
				{"Americans=USA/dict", "US=USA/dict", "Taipei=TWN/dict"},
			},
		},
		{
			name:  "longest match",
			date:  "2023-06-19",
			sents: []string{"The United States military and the US military."},
			want:  [][]string{{"United States military=USAMIL/dict", "US military=USAMIL/dict"}},
		},
		{
			name:  "Phoenix dates: Hu Jintao in office",
			date:  "2010-05-01",
			sents: []string{"Hu Jintao and President Hu Jintao; George W. Bush; East Germany."},
			want:  [][]string{{"Hu Jintao=CHNGOV/dict", "President Hu Jintao=CHNGOV/dict"}},
		},
		{
			name:  "Phoenix dates: two-digit years",
			date:  "1989-05-01",
			sents: []string{"Hu Jintao; George W. Bush; East Germany."},
			want:  [][]string{{"Hu Jintao=CHNELI/dict", "East Germany=GME/dict"}},
		},
		{
			name:  "Phoenix dates: 2001 term",
			date:  "2005-05-01",
			sents: []string{"George W. Bush; East Germany."},
			want:  [][]string{{"George W. Bush=USAGOV/dict"}},
		},
		{
			name:  "null code blocks and compound keeps first",
			date:  "2023-06-19",
			sents: []string{"The Great Wall; North and South Korea."},
			want:  [][]string{{"North and South Korea=PRK/dict"}},
		},
		{
			name:  "dyad beats Phoenix on equal length",
			date:  "2023-06-19",
			sents: []string{"Washington said.", "Wang said."},
			// Phoenix has WASHINGTON_ [USA] and WANG_ [CHNELI].
			want: [][]string{{"Washington=USA/metonym"}, {"Wang=CHNGOV/dict/Wang Yi"}},
		},
		{
			name:  "Phoenix stands when the dyad surname does not resolve",
			date:  "2010-06-19",
			sents: []string{"Wang said."},
			want:  [][]string{{"Wang=CHNELI/dict"}},
		},
		{
			name:  "no stemming by default",
			date:  "2023-06-19",
			sents: []string{"The PLA plans drills."},
			want:  [][]string{{"The PLA=CHNMIL/metonym"}},
		},
		{
			name:  "Latin-1 line",
			date:  "2023-06-19",
			sents: []string{"Côte d'Ivoire and the Ivory Coast."},
			want:  [][]string{{"Côte d'Ivoire=CIV/dict", "Ivory Coast=CIV/dict"}},
		},
		{
			name:  "person without office gets ELI",
			date:  "2010-01-01",
			sents: []string{"Antony Blinken spoke."},
			want:  [][]string{{"Antony Blinken=USAELI/dict/Antony Blinken"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tagDoc(d, tt.side, day(tt.date), tt.sents...)
			for i := range tt.sents {
				if !slices.Equal(got[i], tt.want[i]) {
					t.Errorf("Tag(%q) on %s = %q, want %q", tt.sents[i], tt.date, got[i], tt.want[i])
				}
			}
		})
	}
}
