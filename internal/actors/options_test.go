package actors_test

import (
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/actors"
)

// tabariDict is a TABARI-style project: fictional actors (codes that are
// no ISO state) and agents.
func tabariDict(t *testing.T, o actors.Options) *actors.Dictionary {
	t.Helper()
	l := actors.NewLoader()
	l.Stems = true
	l.AddPhoenix("t.actors", strings.NewReader("BREE [BRE]\nROMENDACIL [BRE]\nARNOR [ARN]\nGONDOR [GON]\nITHILEN [ITH]\nOSGILIATH [OSG]\nMOUSE= [MUS]\nWHITE_HOUSE [USAGOV]\n"))
	l.AddAgents("t.agents", strings.NewReader("PRIME_MINISTER_ [~GOV]\nPRESIDENT_ [~GOVPRS]\nAMBASSADOR_ [~GOV]\n"+
		"HUMAN_RIGHTS_ACTIVISTS_ [NGM~]\nSECURITY_OFFICIALS_ [~GOV]\nGUERRILLA [~REB]\n"))
	d, diags := l.Compile()
	if len(diags) > 0 {
		t.Fatalf("Compile: %v", diags)
	}
	return d.With(o)
}

func TestTag_TABARIAgents(t *testing.T) {
	tabari := actors.Options{TABARIAgents: true}
	tests := []struct {
		name string
		opts actors.Options
		sent string
		want string
	}{
		{"actor agent name", tabari, "Bree Prime Minister Romendacil arrived.", "Bree Prime Minister Romendacil=BREGOV/agent"},
		{"possessive agent", tabari, "Gondor's president arrived.", "Gondor's president=GONGOVPRS/agent"},
		{"agent before actor", tabari, "President Romendacil arrived.", "President Romendacil=BREGOVPRS/agent"},
		{"agent of a list", tabari, "The ambassadors of Arnor, Osgiliath and Gondor arrived.",
			"ambassadors of Arnor=ARNGOV/agent Osgiliath=OSG/dict Gondor=GON/dict"},
		{"prefix agent in", tabari, "Human rights activists in Arnor protested.", "Human rights activists in Arnor=NGMARN/agent"},
		{"former", tabari, "Former security officials in White House protested.", "security officials in White House=USAGOVELI/agent"},
		{"former between", tabari, "Arnor former security officials protested.", "Arnor former security officials=ARNELI/agent"},
		{"equals: no endings", tabari, "Mouse and mouses met.", "Mouse=MUS/dict"},
		{"default: no agent on a non-state", actors.Options{}, "Ithilen president arrived.", "Ithilen=ITH/dict"},
		{"agent on a non-state", tabari, "Ithilen president arrived.", "Ithilen president=ITHGOVPRS/agent"},
		{"agent alone", tabari, "Guerrillas attacked.", ""},
		{"convert agents", actors.Options{TABARIAgents: true, ConvertAgents: true}, "Guerrillas attacked.", "Guerrillas=~REB/agent"},
		{"convert prefix agent", actors.Options{ConvertAgents: true}, "Human rights activists protested.", "Human rights activists=NGM~/agent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tagDoc(tabariDict(t, tt.opts), "", day("1995-01-01"), tt.sent)[0], " ")
			if got != tt.want {
				t.Errorf("Tag(%q) = %q, want %q", tt.sent, got, tt.want)
			}
		})
	}
}

func TestDictionary_With(t *testing.T) {
	d := tabariDict(t, actors.Options{})
	w := d.With(actors.Options{ConvertAgents: true})
	if d.Options() != (actors.Options{}) || w.Options() != (actors.Options{ConvertAgents: true}) {
		t.Errorf("With changed the original or lost the options: %+v, %+v", d.Options(), w.Options())
	}
}
