package eval_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/shared"
)

// realCoder builds the coder cmd/dyad builds for a suite: the shipped
// dictionaries, with the suite's own files replacing those of their kind.
func realCoder(t *testing.T, d eval.Dictionaries) (eval.Coder, []dyad.Diagnostic) {
	t.Helper()
	act, _, err := actors.Default(dictionaries.FS)
	if err != nil {
		t.Fatal(err)
	}
	cd, _, err := coding.Default(dictionaries.FS)
	if err != nil {
		t.Fatal(err)
	}
	var diags []dyad.Diagnostic
	fsys := os.DirFS(d.Dir)
	if len(d.Actors)+len(d.Agents) > 0 {
		l := actors.NewLoader()
		for _, n := range d.Actors {
			l.AddPhoenix(n, open(t, filepath.Join(d.Dir, n)))
		}
		for _, n := range d.Agents {
			l.AddAgents(n, open(t, filepath.Join(d.Dir, n)))
		}
		var ds dyad.DiagnosticList
		act, ds = l.Compile()
		diags = append(diags, ds...)
	}
	if len(d.Verbs) > 0 {
		var vfs fs.FS = fsys
		if d.VerbSyntax == "tabari" {
			m := fstest.MapFS{}
			for _, n := range d.Verbs {
				data, err := fs.ReadFile(fsys, n)
				if err != nil {
					t.Fatal(err)
				}
				m[n] = &fstest.MapFile{Data: eval.ConvertTABARIVerbs(data)}
			}
			vfs = m
		}
		v, ds, err := coding.LoadVerbs(vfs, d.Verbs...)
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, ds...)
		c := *cd
		c.Verbs = v
		cd = &c
	}
	an := &pipeline.Analyzer{Actors: act, Coder: cd, Dyad: [2]string{"USA", "CHN"}}
	return eval.CoderFunc(func(doc *dyad.Document) []dyad.Event { return an.Analyze(doc).Events }), diags
}

// checkReport asserts that r is well-formed and its scores are within
// sane bounds, and logs the figures. It does not assert accuracy targets.
func checkReport(t *testing.T, r *eval.Report, minRecords int, minF1 float64) {
	t.Helper()
	if r.Records < minRecords {
		t.Errorf("%s: %d records scored, want at least %d", r.Suite, r.Records, minRecords)
	}
	for _, s := range r.Scores {
		if s.Correct > s.Expected || s.Correct > s.Found || s.Correct < 0 {
			t.Errorf("%s %s: inconsistent counts %+v", r.Suite, s.Name, s.Counts)
		}
		t.Logf("%s %-7s expected %4d found %4d correct %4d  P %.3f R %.3f F1 %.3f", r.Suite, s.Name, s.Expected, s.Found, s.Correct, s.Precision(), s.Recall(), s.F1())
	}
	if f1 := r.Scores[0].F1(); f1 < minF1 {
		t.Errorf("%s: headline F1 %.3f below the sanity floor %.2f (the coder or the reader is broken)", r.Suite, f1, minF1)
	}
	var cats int
	for _, c := range r.Categories {
		cats += c.Records
	}
	if cats != r.Records {
		t.Errorf("%s: categories hold %d records, report %d", r.Suite, cats, r.Records)
	}
	for _, c := range r.Counters {
		t.Logf("%s %s %d", r.Suite, c.Name, c.N)
	}
	for i, e := range r.Errors {
		if i == 5 {
			break
		}
		t.Logf("%s error %-24s %4d", r.Suite, e.Class, e.N)
	}
}

func TestRealPLOVER(t *testing.T) {
	p := shared.Path(t, "peers/plover/PLOVER_GSR_CAMEO.dev.json")
	s, err := eval.ReadPLOVER(open(t, p), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 161 {
		t.Errorf("records = %d, want 161", len(s.Records))
	}
	c, _ := realCoder(t, eval.Dictionaries{})
	checkReport(t, s.Run(c), 161, 0.05)
}

func TestRealPETR(t *testing.T) {
	for _, rel := range []string{"peers/petrarch/PETR.UnitTest.records.xml", "peers/universalpetrarch/PETR_Validate_records_2_02.xml"} {
		t.Run(filepath.Base(rel), func(t *testing.T) {
			p := shared.Path(t, rel)
			s, err := eval.ReadPETR(open(t, p), p)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Dictionaries.Actors) == 0 || len(s.Dictionaries.Verbs) == 0 {
				t.Fatalf("no dictionaries read from <Environment>: %+v", s.Dictionaries)
			}
			s.Dictionaries.Dir = filepath.Dir(p)
			c, diags := realCoder(t, s.Dictionaries)
			t.Logf("%d dictionary diagnostics", len(diags))
			checkReport(t, s.Run(c), 250, 0.2)
		})
	}
}

func TestRealTABARI(t *testing.T) {
	p := shared.Path(t, "peers/tabari/Validate.project")
	s, err := eval.ReadTABARI(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
	if err != nil {
		t.Fatal(err)
	}
	s.Dictionaries.Dir = filepath.Dir(p)
	c, diags := realCoder(t, s.Dictionaries)
	t.Logf("%d dictionary diagnostics", len(diags))
	r := s.Run(c)
	checkReport(t, r, 400, 0.1)
	if r.Counter("passed") > r.Counter("checked") || r.Counter("checked") != r.Records {
		t.Errorf("passed %d checked %d records %d", r.Counter("passed"), r.Counter("checked"), r.Records)
	}
}

func TestRealDyad(t *testing.T) {
	s, err := eval.ReadDyad(os.DirFS("testdata/suites"), "testdata/suites")
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Records); n < 60 || n > 100 {
		t.Errorf("dyad suites hold %d sentences, want 60–100", n)
	}
	cats := map[string]int{}
	for _, r := range s.Records {
		cats[r.Category]++
	}
	for _, c := range []string{"status", "attribution", "two-sides", "titles", "dedup"} {
		if cats[c] == 0 {
			t.Errorf("no %s suite", c)
		}
	}
	c, _ := realCoder(t, eval.Dictionaries{})
	checkReport(t, s.Run(c), 60, 0.3)
}
