package coding_test

import (
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/coding"
)

// engineVerbs is a verb dictionary in the block syntax that
// eval.ConvertTABARIVerbs writes, read with TABARI's meaning.
const engineVerbs = `
&TIETYPES
+MILITARY
+CULTURAL
&TIEPHRASE
+&TIETYPES_MEMOS
+MEMOS_ON_&TIETYPES
&CURRENCY
+DOLLAR
+YUM YENNYEN
+KRONER_
+PESO_$
--- RESTORE [064] ---
RESTORE [064]
--- VISIT [032] ---
VISIT_ {VISITS_ VISITED_} [032]
--- ACCUSE [112] ---
ACCUSE [112]
--- CONTRIBUT [070] ---
CONTRIBUT [070]
- * &CURRENCY [903]
- * DOLLAR [071]
--- WELCOME [041] ---
WELCOME [041]
- * &TIEPHRASE FROM [911]
- * &TIEPHRASE [912]
--- BARGAIN [031] ---
BARGAIN [031]
- * FOR_ASYLUM [174K]
- * ASYLUM [174L]
--- ACCORD [---] ---
ACCORD [---]
- IN_* [075]
- IN * [072]
--- MEET [031:032] ---
MEET [031:032]
- % * [044:045]
--- ATTEND [031!] ---
ATTEND [031!]
--- SAY [023?] ---
SAY {SAID SAYS SAYING} [023?]
--- PARADE [017] ---
PARADE [017]
- ANTI_ + * [111]
--- FOOTBALL [###] ---
FOOTBALL [###]
`

func engineCoder(t *testing.T, lines ...string) *coding.Coder {
	t.Helper()
	fsys := fstest.MapFS{"t.verbs": {Data: []byte(engineVerbs)}}
	v, diags, err := coding.LoadTABARIVerbs(fsys, "t.verbs")
	if err != nil || len(diags) > 0 {
		t.Fatalf("LoadTABARIVerbs = %v, %v", err, diags)
	}
	o := coding.NewTABARIOptions()
	o.MinWords = 4
	o.Lexicon = &coding.Lexicon{Nouns: []string{"GOATS", "SHEEP"}, Adjectives: []string{"AWFUL", "EVIL"}}
	for _, l := range lines {
		if err := o.ApplyTABARI(l); err != nil {
			t.Fatalf("ApplyTABARI(%q) = %v", l, err)
		}
	}
	c := *defaultCoder(t)
	c.Verbs = v
	c.Options = o
	return &c
}

// TestCode_TABARIEngine checks TABARI's rules for finding actors, reading
// patterns and choosing codes, each on a sentence of the kind its
// validation suite uses.
func TestCode_TABARIEngine(t *testing.T) {
	a := func(s, code string) m { return m{s, code, "", "", "dict"} }
	tests := []struct {
		name     string
		opts     []string
		sentence string
		ms       []m
		want     string
	}{
		{"source is the first actor of the sentence", nil,
			"Arnor with help from Bree accused Gondor of crimes on Monday.",
			[]m{a("Arnor", "ARN"), a("Bree", "BRE"), a("Gondor", "GON")}, "ARN/GON/112"},
		{"a subordinate code yields to the clause's next event", nil,
			"Arnor said on Monday that Gondor will restore ties with Rohan soon.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Rohan", "ROH")}, "ARN/ROH/064"},
		{"a later clause keeps the source", []string{"SET: CODE ALL"},
			"Arnor accused Gondor on Monday and will restore ties with Rohan soon.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Rohan", "ROH")}, "ARN/GON/112 ARN/ROH/064"},
		{"an actor after the conjunction is the new source", nil,
			"Arnor accused Gondor on Monday and Rohan will restore ties with Bree soon.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Rohan", "ROH"), a("Bree", "BRE")}, "ARN/GON/112 ROH/BRE/064"},
		{"no actor after the verb: the target is before it", nil,
			"Arnor told Gondor on Monday it is about to restore full diplomatic ties.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, "ARN/GON/064"},
		{"a pattern's target makes the source the first other actor", nil,
			"Gollum joined an anti- Gondor parade on Saturday.",
			[]m{a("Gollum", "HOB"), a("Gondor", "GON")}, "HOB/GON/111"},
		{"a verb after THE is a noun", nil,
			"Arnor is about the restore of full diplomatic ties with Gondor.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, ""},
		{"a capitalized verb inside the sentence is a noun", nil,
			"Arnor is about To Restore full diplomatic ties with Gondor.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, ""},
		{"synset member with a gap", nil,
			"Arnor will contribute a million yum yennyener to Gondor.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, "ARN/GON/903"},
		{"synset member ending in _ is whole", nil,
			"Arnor will contribute a million kroneren to Gondor.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, "ARN/GON/070"},
		{"synsets add no length: the plain pattern wins", nil,
			"Arnor will contribute a million dollars to Gondor.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, "ARN/GON/071"},
		{"synset member with $", nil,
			"Arnor will contribute a million peso Bree to Gondor.",
			[]m{a("Arnor", "ARN"), a("Bree", "BRE"), a("Gondor", "GON")}, "BRE/GON/903"},
		{"recursive synset", nil,
			"Calenardhon welcomed cultural memos from Bree on its role.",
			[]m{a("Calenardhon", "CAL"), a("Bree", "BRE")}, "CAL/BRE/911"},
		{"word joined by _ is whole, and codes may hold letters", nil,
			"Gollum will bargain foreign asylum in Gondor, AFP reported.",
			[]m{a("Gollum", "HOB"), a("Gondor", "GON")}, "HOB/GON/174L"},
		{"a short pattern word is a stem", nil,
			"Gollum was into accord with an anti- Gondor parade on Saturday.",
			[]m{a("Gollum", "HOB"), a("Gondor", "GON")}, "HOB/GON/072"},
		{"compound actor with adjectives and a determiner", nil,
			"Fornost and the evil awful Gondor will meet in secret soon.",
			[]m{a("Fornost", "FOR"), a("Gondor", "GON")}, "FOR/GON/044 GON/FOR/045"},
		{"neither … nor is a compound", nil,
			"Neither Galadriel nor Gollum joined an anti- Gondor parade on Saturday.",
			[]m{a("Galadriel", "ELF"), a("Gollum", "HOB"), a("Gondor", "GON")}, "ELF/GON/111 HOB/GON/111"},
		{"compound noun phrase ends no clause", nil,
			"Arnor accused sheep and evil goats of Gondor on Monday.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, "ARN/GON/112"},
		{"a conjunction between other words ends the clause", nil,
			"Arnor accused sheep and evil pigs of Gondor on Monday.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, ""},
		{"dominant code", []string{"SET: CODE ALL"},
			"Arnor accused Gondor on Monday and will attend talks with Rohan.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Rohan", "ROH")}, "ARN/ROH/031"},
		{"subordinate code yields", []string{"SET: CODE ALL"},
			"Arnor said Gondor will restore ties with Rohan soon.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Rohan", "ROH")}, "ARN/ROH/064"},
		{"discard verb drops the sentence", nil,
			"Arnor accused Gondor of cheating at football on Monday.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON")}, ""},
		{"discard actor drops the sentence", nil,
			"Arnor accused Gondor of helping the Nasgul on Monday.",
			[]m{a("Arnor", "ARN"), a("Gondor", "GON"), a("Nasgul", coding.DiscardCode)}, ""},
		{"coded compounds code one event per pair of codes", nil,
			"The Shire is about to restore full diplomatic ties with Lorien soon.",
			[]m{a("The Shire", "FRO/BIL/SAM"), a("Lorien", "ELR/GAL")},
			"FRO/ELR/064 FRO/GAL/064 BIL/ELR/064 BIL/GAL/064 SAM/ELR/064 SAM/GAL/064"},
		{"a coded compound pair with one code is dropped", nil,
			"Arnor accused Eriador and Gondor on Monday.",
			[]m{a("Arnor", "ARN"), a("Eriador and Gondor", "ARN/GON")}, "ARN/GON/112"},
		{"a comma that closed a removed clause opens no final one", nil,
			"Elrond, suspicious as ever of Mordor, accused Calimehtar of lying",
			[]m{a("Elrond", "ELF"), a("Mordor", "ORC"), a("Calimehtar", "CAL")}, "ELF/CAL/112"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := engineCoder(t, tt.opts...)
			got := triples(c.Code(input(t, tt.sentence, "", tt.ms, nil)))
			if got != tt.want {
				t.Errorf("Code(%q) = %q, want %q", tt.sentence, got, tt.want)
			}
		})
	}
}

// TestCode_TABARIForwarded checks FORWARD: a pronoun opening the first
// sentence stands for the actor forwarded from the previous record.
func TestCode_TABARIForwarded(t *testing.T) {
	c := engineCoder(t)
	in := input(t, "In a later statement it accused Gondor of many crimes.", "", []m{{"Gondor", "GON", "", "", "dict"}}, nil)
	if got := triples(c.Code(in)); got != "" {
		t.Errorf("Code without Forwarded = %q, want none", got)
	}
	c.Options.Forwarded = "FOR"
	if got := triples(c.Code(in)); got != "FOR/GON/112" {
		t.Errorf("Code with Forwarded FOR = %q, want FOR/GON/112", got)
	}
	in.Sentence.Index = 1
	if got := triples(c.Code(in)); got != "" {
		t.Errorf("Code of a second sentence = %q, want none (forwarding is for the first)", got)
	}
}

func TestForwardsTo(t *testing.T) {
	tests := []struct {
		format, prev, id string
		want             bool
	}{
		{"^^*****NNN*SSS", "FRWD-001-001", "FRWD-001-002", true},
		{"^^*****NNN*SSS", "FRWD-001-002", "FRWD-001-004", false},
		{"^^*****NNN*SSS", "FRWD-001-005", "FRWD-002-006", false},
		{"***NNNSSS", "REU312023", "REU312024", true},
		{"***NNNSSS", "REU312023", "REUxx2024", false},
		{"*****", "FRWD-001", "FRWD-002", false},
	}
	for _, tt := range tests {
		if got := coding.ForwardsTo(tt.format, tt.prev, tt.id); got != tt.want {
			t.Errorf("ForwardsTo(%q, %q, %q) = %v, want %v", tt.format, tt.prev, tt.id, got, tt.want)
		}
	}
}

func TestApplyTABARI_Forward(t *testing.T) {
	o := coding.NewTABARIOptions()
	for _, tt := range []struct{ line, want string }{
		{"FORWARD: ^^*****NNN*SSS", "^^*****NNN*SSS"},
		{"FORWARD: ^^*****NNN*SSS OFF", ""},
		{"FORWARD: ^^***NNN*SSS DOC", "^^***NNN*SSS"},
	} {
		if err := o.ApplyTABARI(tt.line); err != nil || o.Forward != tt.want {
			t.Errorf("ApplyTABARI(%q): Forward = %q, %v, want %q", tt.line, o.Forward, err, tt.want)
		}
	}
}

func TestForwardCode(t *testing.T) {
	tests := []struct {
		m    dyad.Mention
		want string
	}{
		{dyad.Mention{Actor: dyad.Actor{Code: "FORGOVPRS"}, Rule: "agent"}, "FOR"},
		{dyad.Mention{Actor: dyad.Actor{Code: "USAGOV", Country: "USA"}, Rule: "agent"}, "USA"},
		{dyad.Mention{Actor: dyad.Actor{Code: "MORORC"}, Rule: "dict"}, "MORORC"},
	}
	for _, tt := range tests {
		if got := coding.ForwardCode(&tt.m); got != tt.want {
			t.Errorf("ForwardCode(%q) = %q, want %q", tt.m.Code, got, tt.want)
		}
	}
}

// TestLoadTABARIVerbs_Diagnostics checks that TABARI's codes load and that
// a synset member naming no earlier synset is reported with its line.
func TestLoadTABARIVerbs_Diagnostics(t *testing.T) {
	src := "&A\n+&B_X\n# a comment\n--- HIT [###] ---\nHIT [###] ; a comment\n- * HARD [174K]\n"
	v, diags, err := coding.LoadTABARIVerbs(fstest.MapFS{"v": {Data: []byte(src)}}, "v")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || diags[0].Line != 2 {
		t.Errorf("LoadTABARIVerbs diagnostics = %v, want one on line 2", diags)
	}
	if v.Patterns() != 1 {
		t.Errorf("LoadTABARIVerbs patterns = %d, want 1", v.Patterns())
	}
	if _, diags, _ := coding.LoadVerbs(fstest.MapFS{"v": {Data: []byte(src)}}, "v"); len(diags) == 0 {
		t.Errorf("LoadVerbs of TABARI codes: no diagnostics, want the PETRARCH reader to reject them")
	}
}
