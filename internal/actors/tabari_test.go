package actors_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/actors"
)

// tabariProject is an actor file in TABARI's syntax with the features its
// validation suite tests: discard codes (also date-restricted), phrases
// with blanks, and <NOUN>/<ADJECTIVE> lists.
const tabariProject = `<NOUN>
SHEEP
POLITICAL_SCIENTISTS ;pas
</NOUN>
<ADJECTIVE>
EVIL
AWFUL
</ADJECTIVE>
GONDOR [GON]
ENT  [### <890101] [ENT]
NASGUL  [###]
PRINCE DOL_AMROTH  [--- <950630] [DOL]
ITHILEN [ITH]
ITHILEN TELEVISION  [ITHTV]
RADAGAST THE_BROWN  [RAD]
THE_SHIRE  [FRO/BIL/SAM]
AL_GORE  [AGR]
AL GORE  [TEN]
BARAD-DUR  [MOR]
`

func TestTag_TABARIProject(t *testing.T) {
	l := actors.NewLoader()
	l.Stems = true
	l.AddPhoenix("t.actors", strings.NewReader(tabariProject))
	d, diags := l.Compile()
	if len(diags) > 0 {
		t.Fatalf("Compile: %v", diags)
	}
	d = d.With(actors.Options{TABARIAgents: true})
	tests := []struct {
		name, date, sent, want string
	}{
		{"discard code", "1995-01-01", "The Nasgul attacked Gondor.", "Nasgul=###/dict Gondor=GON/dict"},
		{"date-restricted discard, after", "1995-01-01", "Ent crowds marched.", "Ent=ENT/dict"},
		{"date-restricted discard, before", "1988-01-01", "Ent crowds marched.", "Ent=###/dict"},
		{"gap in a phrase", "1999-08-09", "Ithilen warned the Prince of Dol_Amroth.", "Ithilen=ITH/dict Prince of Dol_Amroth=DOL/dict"},
		{"gap, null code on the date", "1995-01-01", "Ithilen warned the Prince of Dol Amroth.", "Ithilen=ITH/dict"},
		{"gap replaces the shorter actor", "1995-01-01", "He spoke on Ithilen state-run television.", "Ithilen state-run television=ITHTV/dict"},
		{"no gap across a comma", "1995-01-01", "Radagast, the Brown wizard, spoke.", ""},
		{"no phrase without its last part", "1995-01-01", "Radagast spoke.", ""},
		{"a hyphen in the text is a blank", "1995-01-01", "Ithilen warned the Al-Gore group.", "Ithilen=ITH/dict Al-Gore=AGR/dict"},
		{"the joined phrase beats the gapped one", "1995-01-01", "Ithilen warned Al Gore.", "Ithilen=ITH/dict Al Gore=AGR/dict"},
		{"a hyphen in the dictionary is a blank", "1995-01-01", "Barad-dur spoke.", "Barad-dur=MOR/dict"},
		{"coded compound keeps every code", "1995-01-01", "The Shire spoke.", "The Shire=FRO/BIL/SAM/dict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tagDoc(d, "", day(tt.date), tt.sent)[0], " ")
			if got != tt.want {
				t.Errorf("Tag(%q) on %s = %q, want %q", tt.sent, tt.date, got, tt.want)
			}
		})
	}
	if got, want := d.Nouns(), []string{"SCIENTISTS", "SHEEP"}; !slices.Equal(got, want) {
		t.Errorf("Nouns() = %q, want %q", got, want)
	}
	if got, want := d.Adjectives(), []string{"AWFUL", "EVIL"}; !slices.Equal(got, want) {
		t.Errorf("Adjectives() = %q, want %q", got, want)
	}
}

// TestAddPhoenix_DiscardOutsideTABARI checks that [###] is TABARI's alone:
// without Stems it is a bad code, reported, and the rest loads.
func TestAddPhoenix_DiscardOutsideTABARI(t *testing.T) {
	l := actors.NewLoader()
	l.AddPhoenix("t.actors", strings.NewReader("NASGUL  [###]\nGONDOR [GON] # a comment\n"))
	d, diags := l.Compile()
	if len(diags) != 1 || diags[0].Line != 1 {
		t.Errorf("Compile diagnostics = %v, want one on line 1", diags)
	}
	if got := strings.Join(tagDoc(d, "", day("1995-01-01"), "Gondor spoke.")[0], " "); got != "Gondor=GON/dict" {
		t.Errorf("Tag = %q, want Gondor=GON/dict", got)
	}
}

// TestAddPhoenix_CompoundCode checks TABARI's coded compounds ([GME/GMW],
// manual §6.5.1): kept whole for TABARI projects, the first code
// otherwise, and a bad part is reported while the rest loads.
func TestAddPhoenix_CompoundCode(t *testing.T) {
	const file = "EAST_AND_WEST_GERMANY [GME/GMW]\nNORTH_AND_SOUTH_KOREA [KON/kos]\nGONDOR [GON]\n"
	tests := []struct {
		name  string
		stems bool
		want  string
		lines []int
	}{
		{"TABARI project", true, "East and West Germany=GME/GMW/dict Gondor=GON/dict", []int{2}},
		{"Phoenix", false, "East and West Germany=GME/dict Gondor=GON/dict", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := actors.NewLoader()
			l.Stems = tt.stems
			l.AddPhoenix("t.actors", strings.NewReader(file))
			d, diags := l.Compile()
			var lines []int
			for _, dg := range diags {
				lines = append(lines, dg.Line)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("Compile diagnostics = %v, want lines %v", diags, tt.lines)
			}
			sent := "East and West Germany met Gondor."
			if got := strings.Join(tagDoc(d, "", day("1995-01-01"), sent)[0], " "); got != tt.want {
				t.Errorf("Tag(%q) = %q, want %q", sent, got, tt.want)
			}
		})
	}
}
