package eval_test

import (
	"math"
	"reflect"
	"testing"

	"github.com/dyad-dev/dyad/internal/eval"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		name                string
		expected, found     []string
		correct             int
		wantMissed, wantExt []string
	}{
		{"Empty", nil, nil, 0, nil, nil},
		{"NothingFound", []string{"a", "b"}, nil, 0, []string{"a", "b"}, nil},
		{"NothingExpected", nil, []string{"a"}, 0, nil, []string{"a"}},
		{"Exact", []string{"a", "b"}, []string{"b", "a"}, 2, nil, nil},
		{"DuplicateFoundCountsOnce", []string{"a"}, []string{"a", "a"}, 1, nil, []string{"a"}},
		{"DuplicateExpected", []string{"a", "a", "b"}, []string{"a"}, 1, []string{"a", "b"}, nil},
		{"Mixed", []string{"a", "b", "c"}, []string{"c", "d", "a", "e"}, 2, []string{"b"}, []string{"d", "e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, missed, extra := eval.Match(tt.expected, tt.found)
			if n != tt.correct || !reflect.DeepEqual(missed, tt.wantMissed) || !reflect.DeepEqual(extra, tt.wantExt) {
				t.Errorf("Match(%q, %q) = %d, %q, %q, want %d, %q, %q", tt.expected, tt.found, n, missed, extra, tt.correct, tt.wantMissed, tt.wantExt)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		name    string
		c       eval.Counts
		p, r, f float64
	}{
		{"Zero", eval.Counts{}, 0, 0, 0},
		{"Perfect", eval.Counts{Expected: 4, Found: 4, Correct: 4}, 1, 1, 1},
		{"Half", eval.Counts{Expected: 4, Found: 2, Correct: 2}, 1, 0.5, 2.0 / 3},
		{"NoneCorrect", eval.Counts{Expected: 3, Found: 5}, 0, 0, 0},
		{"NothingFound", eval.Counts{Expected: 3}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
				t.Errorf("%+v: P/R/F1 = %v/%v/%v, want %v/%v/%v", tt.c, p, r, f, tt.p, tt.r, tt.f)
			}
		})
	}
	var sum eval.Counts
	sum.Add(eval.Counts{Expected: 1, Found: 2, Correct: 1})
	sum.Add(eval.Counts{Expected: 3, Found: 1, Correct: 1})
	if want := (eval.Counts{Expected: 4, Found: 3, Correct: 2}); sum != want {
		t.Errorf("Add = %+v, want %+v", sum, want)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompare_Distinct(t *testing.T) {
	got := eval.Compare([]string{"x", "y"}, eval.Distinct([]string{"x", "x", "z", "x"}))
	if want := (eval.Counts{Expected: 2, Found: 2, Correct: 1}); got != want {
		t.Errorf("Compare = %+v, want %+v", got, want)
	}
}

func TestClassify(t *testing.T) {
	tr := func(s, g, c string) eval.Triple { return eval.Triple{Source: s, Target: g, Code: c} }
	tests := []struct {
		name          string
		missed, extra []eval.Triple
		foundAny      bool
		want          []string
	}{
		{"NothingCoded", []eval.Triple{tr("A", "B", "04")}, nil, false, []string{eval.ClassMissedNone}},
		{"Missed", []eval.Triple{tr("A", "B", "04")}, nil, true, []string{eval.ClassMissed}},
		{"WrongSource", []eval.Triple{tr("A", "B", "04")}, []eval.Triple{tr("C", "B", "04")}, true, []string{eval.ClassWrongSource}},
		{"WrongTarget", []eval.Triple{tr("A", "B", "04")}, []eval.Triple{tr("A", "", "04")}, true, []string{eval.ClassWrongTarget}},
		{"WrongCode", []eval.Triple{tr("A", "B", "04")}, []eval.Triple{tr("A", "B", "11")}, true, []string{eval.ClassWrongCode}},
		{"Reversed", []eval.Triple{tr("A", "B", "04")}, []eval.Triple{tr("B", "A", "04")}, true, []string{eval.ClassWrongDir}},
		{"WrongActors", []eval.Triple{tr("A", "B", "04")}, []eval.Triple{tr("C", "D", "04")}, true, []string{eval.ClassWrongActors}},
		{"Spurious", nil, []eval.Triple{tr("A", "B", "04")}, true, []string{eval.ClassSpurious}},
		{
			"NearBeatsFar",
			[]eval.Triple{tr("A", "B", "04"), tr("A", "C", "04")},
			[]eval.Triple{tr("X", "Y", "04"), tr("A", "B", "11"), tr("Q", "R", "19")},
			true,
			[]string{eval.ClassWrongCode, eval.ClassWrongActors, eval.ClassSpurious},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range eval.Classify(tt.missed, tt.extra, tt.foundAny) {
				got = append(got, d.Class)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Classify(%v, %v) = %q, want %q", tt.missed, tt.extra, got, tt.want)
			}
		})
	}
}

func TestTriple_String(t *testing.T) {
	if got, want := (eval.Triple{Source: "USA", Code: "04"}).String(), "USA/-/04"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestPLOVERType_NormalizeCountry(t *testing.T) {
	types := map[string]string{"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "agree": "AGREE"}
	for in, want := range types {
		if got := eval.PLOVERType(in); got != want {
			t.Errorf("PLOVERType(%q) = %q, want %q", in, got, want)
		}
	}
	countries := map[string]string{"JAP": "JPN", "ITLGOV": "ITA", "VTN": "VNM", "usagov": "USA", "": "", "---GOV": "---"}
	for in, want := range countries {
		if got := eval.NormalizeCountry(in); got != want {
			t.Errorf("NormalizeCountry(%q) = %q, want %q", in, got, want)
		}
	}
}
