package coding_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/coding"
)

func TestApplyTABARI(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		check func(o coding.Options) bool
	}{
		{"defaults", nil, func(o coding.Options) bool {
			return o.TABARI && o.MinWords == 8 && o.Comma.Min == 2 && o.Comma.Max == 10 && o.Comma.BMin > o.Comma.BMax && o.CodeBy == coding.CodeByClause
		}},
		{"minimum words", []string{"SET: MINIMUM WORDS = 4"}, func(o coding.Options) bool { return o.MinWords == 4 }},
		{"convert agents", []string{"SET: CONVERT AGENT = TRUE"}, func(o coding.Options) bool { return o.ConvertAgents }},
		{"convert agents off", []string{"SET: CONVERT AGENTS = TRUE", "SET: CONVERT AGENTS = F"}, func(o coding.Options) bool { return !o.ConvertAgents }},
		{"default", []string{"DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"}, func(o coding.Options) bool {
			return o.DefaultSource == "DEFSRC" && o.DefaultTarget == "DEFTAR" && o.SourcePrior && o.TargetAfter
		}},
		{"default without prior", []string{"DEFAULT: SOURCE [DEFSRC]  TARGET [DEFTAR] AFTER"}, func(o coding.Options) bool {
			return o.DefaultSource == "DEFSRC" && !o.SourcePrior && o.TargetAfter
		}},
		{"default off", []string{"DEFAULT: SOURCE [S] TARGET [T]", "DEFAULT: OFF"}, func(o coding.Options) bool {
			return o.DefaultSource == "" && o.DefaultTarget == ""
		}},
		{"comma limits", []string{"COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"}, func(o coding.Options) bool {
			return o.Comma == coding.CommaOptions{Min: 4, Max: 6, EMin: 3, EMax: 6, BMin: 3, BMax: 8}
		}},
		{"comma off", []string{"COMMA: OFF"}, func(o coding.Options) bool { return o.Comma.Off }},
		{"code by sentence", []string{"SET: CODE BY SENTENCE"}, func(o coding.Options) bool { return o.CodeBy == coding.CodeBySentence }},
		{"code all", []string{"SET: CODE ALL"}, func(o coding.Options) bool { return o.CodeBy == coding.CodeAll }},
		{"ignored commands", []string{"COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", "LABEL: 010=YIELD", "// SET: MINIMUM WORDS = 1", "", "SET: LABEL = TRUE"},
			func(o coding.Options) bool { return o == coding.NewTABARIOptions() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := coding.NewTABARIOptions()
			for _, l := range tt.lines {
				if err := o.ApplyTABARI(l); err != nil {
					t.Fatalf("ApplyTABARI(%q) = %v", l, err)
				}
			}
			if !tt.check(o) {
				t.Errorf("ApplyTABARI(%q) = %+v", tt.lines, o)
			}
		})
	}
}

func TestApplyTABARI_Errors(t *testing.T) {
	for _, l := range []string{
		"SET: MINIMUM WORDS = many",
		"SET: CONVERT AGENTS = maybe",
		"DEFAULT: SOURCE [X] SOMETIMES",
		"COMMA: MIN = 2 MAX",
		"COMMA: MIDDLE = 3",
	} {
		o := coding.NewTABARIOptions()
		err := o.ApplyTABARI(l)
		if dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("ApplyTABARI(%q) = %v, want EINVALID", l, err)
		}
	}
}

// ruleVerbs is a small verb dictionary in PETRARCH-1 block syntax.
const ruleVerbs = `
--- RESTORE [064] ---
RESTORE [064]
--- ACCUSE [112] ---
ACCUSE [112]
--- PROMISE [050] ---
PROMISE [050]
--- URGE [102] ---
URGE [102]
- * + TO_ASSIST [092]
--- SAY [010] ---
SAY {SAID SAYS SAYING} [010]
`

func ruleCoder(t *testing.T, opts coding.Options) *coding.Coder {
	t.Helper()
	fsys := fstest.MapFS{"t.verbs": {Data: []byte(ruleVerbs)}}
	v, diags, err := coding.LoadVerbs(fsys, "t.verbs")
	if err != nil || len(diags) > 0 {
		t.Fatalf("LoadVerbs = %v, %v", err, diags)
	}
	c := *defaultCoder(t)
	c.Verbs = v
	c.Options = opts
	return &c
}

func triples(evs []dyad.Event) string {
	var out []string
	for _, e := range evs {
		tgt := "---"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		out = append(out, e.Source.Code+"/"+tgt+"/"+e.CAMEO)
	}
	return strings.Join(out, " ")
}

func TestCode_TABARIRules(t *testing.T) {
	arn := func(s string) m { return m{s, "ARN", "", "", "dict"} }
	gon := func(s string) m { return m{s, "GON", "", "", "dict"} }
	cal := func(s string) m { return m{s, "CAL", "", "", "dict"} }
	with := func(lines ...string) coding.Options {
		o := coding.NewTABARIOptions()
		for _, l := range lines {
			if err := o.ApplyTABARI(l); err != nil {
				t.Fatalf("ApplyTABARI(%q) = %v", l, err)
			}
		}
		return o
	}
	tests := []struct {
		name     string
		opts     coding.Options
		sentence string
		ms       []m
		want     string
	}{
		{"too short", with(), "Arnor restored ties with Gondor.", []m{arn("Arnor"), gon("Gondor")}, ""},
		{"minimum lowered", with("SET: MINIMUM WORDS = 4"), "Arnor restored ties with Gondor.", []m{arn("Arnor"), gon("Gondor")}, "ARN/GON/064"},
		{"no target, no event", with(), "Arnor is about to restore full diplomatic ties with its old enemy soon.", []m{arn("Arnor")}, ""},
		{"default target", with("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"),
			"Arnor is about to restore full diplomatic ties with its old enemy soon.", []m{arn("Arnor")}, "ARN/DEFTAR/064"},
		{"default source prior", with("DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"),
			"The old enemy is about to restore full diplomatic ties with Gondor soon.", []m{gon("Gondor")}, "DEFSRC/GON/064"},
		{"greedy source without prior", with("DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR] AFTER"),
			"The old enemy is about to restore full diplomatic ties with Gondor and Arnor soon.", []m{gon("Gondor"), arn("Arnor")}, "GON/ARN/064"},
		{"terminal comma clause removed", with(),
			"Arnor is about to restore full diplomatic ties with its old enemy, Gondor officials said on Monday.",
			[]m{arn("Arnor"), gon("Gondor")}, ""},
		{"long terminal clause kept", with(),
			"Arnor is about to restore full diplomatic ties with its old enemy, the once great kingdom ruled for many long centuries from the white city of Gondor.",
			[]m{arn("Arnor"), gon("Gondor")}, "ARN/GON/064"},
		{"internal clause removed", with(),
			"Arnor accused, in a long speech on Monday, Gondor of many crimes against the free peoples of the north.",
			[]m{arn("Arnor"), gon("Gondor")}, "ARN/GON/112"},
		{"comma clause hides its actor", with(),
			"Arnor accused, in a long speech to Rohan on Monday, Gondor of many crimes against the free peoples of the north.",
			[]m{arn("Arnor"), {"Rohan", "ROH", "", "", "dict"}, gon("Gondor")}, "ARN/GON/112"},
		{"comma off: the target search crosses commas", with("COMMA: OFF"),
			"Arnor accused, in a long speech to Rohan on Monday, Gondor of many crimes against the free peoples of the north.",
			[]m{arn("Arnor"), {"Rohan", "ROH", "", "", "dict"}, gon("Gondor")}, "ARN/ROH/112"},
		{"a comma in a list delimits nothing", with(),
			"Arnor accused Gondor, Calenardhon and Rohan of many crimes against the north.",
			[]m{arn("Arnor"), gon("Gondor"), cal("Calenardhon"), {"Rohan", "ROH", "", "", "dict"}}, "ARN/GON/112 ARN/CAL/112 ARN/ROH/112"},
		{"pronoun stands for the first actor", with(),
			"Arnor urged Calenardhon on Monday to help and then it urged Gondor to assist them.",
			[]m{arn("Arnor"), cal("Calenardhon"), gon("Gondor")}, "ARN/CAL/102 ARN/GON/092"},
		{"first act of the clause only", with(),
			"Arnor accused Gondor on Monday of plotting to restore ties with Calenardhon soon.",
			[]m{arn("Arnor"), gon("Gondor"), cal("Calenardhon")}, "ARN/GON/112"},
		{"code all", with("SET: CODE ALL"),
			"Arnor accused Gondor on Monday of plotting to restore ties with Calenardhon soon.",
			[]m{arn("Arnor"), gon("Gondor"), cal("Calenardhon")}, "ARN/GON/112 ARN/CAL/064"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ruleCoder(t, tt.opts)
			got := triples(c.Code(input(t, tt.sentence, "", tt.ms, nil)))
			if got != tt.want {
				t.Errorf("Code(%q) = %q, want %q", tt.sentence, got, tt.want)
			}
		})
	}
}

// TestCode_TABARIOff checks that the zero Options keep dyad's own rules:
// a short sentence and an event with no target are coded.
func TestCode_TABARIOff(t *testing.T) {
	c := ruleCoder(t, coding.Options{})
	in := input(t, "Arnor restored ties.", "", []m{{"Arnor", "ARN", "", "", "dict"}}, nil)
	if got := triples(c.Code(in)); got != "ARN/---/064" {
		t.Errorf("Code(%q) = %q, want ARN/---/064", in.Text, got)
	}
}
