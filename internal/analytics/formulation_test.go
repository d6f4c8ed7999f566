package analytics_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// shippedLibrary loads dictionaries/dyad.formulations.txt and fails on
// any diagnostic.
func shippedLibrary(t testing.TB) *analytics.Library {
	t.Helper()
	f, err := dictionaries.FS.Open("dyad.formulations.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lib, diags, err := analytics.ParseFormulations("dyad.formulations.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		t.Errorf("shipped library: %s", d)
	}
	return lib
}

func matchIDs(ms []analytics.Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func TestLibrary_Match(t *testing.T) {
	lib := shippedLibrary(t)
	tests := []struct {
		name string
		in   string
		want []string // IDs that must be found
		not  []string // IDs that must not be found
	}{
		{"OxfordComma", "The talks were candid, substantive, and constructive.", []string{"us.talks.candid-substantive-constructive"}, nil},
		{"NoAnd", "They held candid, substantive, constructive discussions.", []string{"us.talks.candid-substantive-constructive"}, nil},
		{"InDepth", "Both sides had candid, in-depth and constructive communication.", []string{"cn.talks.candid-in-depth-constructive"},
			[]string{"us.talks.candid-substantive-constructive"}},
		{"Hyphen", "China adheres to the one China principle.", []string{"cn.taiwan.one-china-principle"}, []string{"us.taiwan.one-china-policy"}},
		{"Inflection", "The Secretary stressed responsibly managing the competition between our countries.", []string{"any.relations.manage-competition"}, nil},
		{"Spelling", "Both want to stabilize the relationship.", []string{"any.relations.stabilise"}, nil},
		{"Possessive", "Taiwan is at the very core of China’s core interests.", []string{"cn.taiwan.core-of-core", "cn.framing.core-interests"}, nil},
		{"USDots", "It was an informal contact at the request of the U.S. side.", []string{"any.format.informal-contact", "any.framing.at-request"}, nil},
		{"WholeWords", "The fencing team met in a small yardarm.", nil, []string{"us.trade.small-yard"}},
		{"Case", "DE-RISKING, NOT DECOUPLING.", []string{"us.trade.de-risking"}, nil},
		{"Accents", "the three Joint Communiques", nil, []string{"us.taiwan.foundations"}}, // one part is not enough
		{"Nothing", "The weather in Beijing was fine.", nil, []string{"us.taiwan.one-china-policy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchIDs(lib.Match(tt.in, 0))
			for _, w := range tt.want {
				if !hasString(got, w) {
					t.Errorf("Match(%q) = %v, want %s", tt.in, got, w)
				}
			}
			for _, w := range tt.not {
				if hasString(got, w) {
					t.Errorf("Match(%q) = %v, want no %s", tt.in, got, w)
				}
			}
		})
	}
}

func TestLibrary_MatchElements(t *testing.T) {
	lib := shippedLibrary(t)
	tests := []struct {
		name      string
		in        string
		elements  []string
		dropped   []string
		reordered bool
	}{
		{"Full", "The Secretary reaffirmed our one China policy, guided by the Taiwan Relations Act, the three Joint Communiqués, and the Six Assurances.",
			[]string{"one China policy", "Taiwan Relations Act", "three Joint Communiqués", "Six Assurances"}, nil, false},
		{"Dropped", "The U.S. one China policy, guided by the Taiwan Relations Act and the three Joint Communiques, has not changed.",
			[]string{"one China policy", "Taiwan Relations Act", "three Joint Communiqués"}, []string{"Six Assurances"}, false},
		{"Reordered", "Guided by the Six Assurances and the Taiwan Relations Act, we keep our one China policy.",
			[]string{"Six Assurances", "Taiwan Relations Act", "one China policy"}, []string{"three Joint Communiqués"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m *analytics.Match
			for _, x := range lib.Match(tt.in, 100) {
				if x.ID == "us.taiwan.foundations" {
					m = &x
				}
			}
			if m == nil {
				t.Fatalf("Match(%q) lacks us.taiwan.foundations", tt.in)
			}
			if !reflect.DeepEqual(m.Elements, tt.elements) || !reflect.DeepEqual(m.Dropped, tt.dropped) || m.Reordered != tt.reordered {
				t.Errorf("Match(%q) = elements %q dropped %q reordered %v, want %q %q %v", tt.in, m.Elements, m.Dropped, m.Reordered,
					tt.elements, tt.dropped, tt.reordered)
			}
			if got := tt.in[m.Span.Start-100 : m.Span.End-100]; got != m.Text || !strings.Contains(tt.in, got) {
				t.Errorf("Match(%q) span %v = %q, text %q", tt.in, m.Span, got, m.Text)
			}
		})
	}
}

func TestLibrary_MatchSpan(t *testing.T) {
	lib := shippedLibrary(t)
	in := "In a candid, substantive, and constructive meeting, they met."
	for _, m := range lib.Match(in, 7) {
		if m.ID != "us.talks.candid-substantive-constructive" {
			continue
		}
		if want := "candid, substantive, and constructive"; m.Text != want || m.Span.Start != 7+5 || m.Span.End != 7+5+len(want) {
			t.Errorf("Match(%q) = %q at %v, want %q at [12:%d]", in, m.Text, m.Span, want, 12+len(want))
		}
		return
	}
	t.Errorf("Match(%q) lacks the characterisation", in)
}

func TestParseFormulations_Diagnostics(t *testing.T) {
	in := `# test
formulation a.one
actor: USA
issue: taiwan
text: one China policy

formulation a.bad
issue: trade
kind: wrong
colour: blue
text: level playing field

formulation a.noissue
text: something

formulation a.parts
issue: taiwan
elements: A; B
min: 3

formulation a.one
issue: taiwan
text: duplicate
stray line
`
	lib, diags, err := analytics.ParseFormulations("t.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := matchIDs(lib.Match("level playing field and one China policy", 0)); !reflect.DeepEqual(got, []string{"a.one", "a.bad"}) {
		t.Errorf("Match = %v, want [a.one a.bad]", got)
	}
	var lines []int
	for _, d := range diags {
		lines = append(lines, d.Line)
	}
	if want := []int{9, 10, 13, 16, 21, 24}; !reflect.DeepEqual(lines, want) {
		t.Errorf("diagnostic lines = %v, want %v: %v", lines, want, diags)
	}
}

func TestLibrary_Merge(t *testing.T) {
	a, _, _ := analytics.ParseFormulations("a", strings.NewReader("formulation x\nissue: trade\ntext: level playing field\n"))
	b, _, _ := analytics.ParseFormulations("b", strings.NewReader("formulation x\nissue: trade\ntext: fair play\nformulation y\nissue: talks\ntext: candid\n"))
	m := a.Merge(b)
	if got := matchIDs(m.Match("candid fair play on a level playing field", 0)); !reflect.DeepEqual(got, []string{"x", "y"}) || len(m.Formulations) != 2 {
		t.Errorf("Merge: Match = %v with %d formulations, want [x y] with 2", got, len(m.Formulations))
	}
	if m.Get("x").Text != "fair play" {
		t.Errorf("Merge kept %q, want the later definition", m.Get("x").Text)
	}
}

func hasString(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
