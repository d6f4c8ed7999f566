package eval_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/eval"
)

func TestReadTABARIProject(t *testing.T) {
	f, err := os.Open("testdata/tabari/mini.project")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := eval.ReadTABARIProject(f, "mini.project")
	if err != nil {
		t.Fatal(err)
	}
	if p.Text != "mini.text" || !reflect.DeepEqual(p.Dictionaries.Verbs, []string{"mini.verbs"}) || p.Dictionaries.VerbSyntax != "tabari" {
		t.Errorf("ReadTABARIProject = %+v", p)
	}
}

// TestReadTABARIRecords reads past the FINAL record, which only ends a
// validation suite.
func TestReadTABARIRecords(t *testing.T) {
	f, err := os.Open("testdata/tabari/mini.text")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, _, err := eval.ReadTABARIRecords(f, "mini.text")
	if err != nil {
		t.Fatal(err)
	}
	s, err := eval.ReadTABARI(os.DirFS("testdata/tabari"), "mini.project", "mini.project")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) <= len(s.Records) || recs[0].ID != "DEMO-01" || recs[0].Text != s.Records[0].Text {
		t.Errorf("ReadTABARIRecords read %d records (first %+v), want more than the suite's %d", len(recs), recs[0], len(s.Records))
	}
}

func TestConvertTABARIVerbsLines(t *testing.T) {
	in := "<SYNSETS>\n&TIES\n+TIES\n</SYNSETS>\nRESTORE [064]\n- * &TIES [065]\nBREAK [161]\n{ BROKE_ }\n- * OFF [162]\n"
	out, lines := eval.ConvertTABARIVerbsLines([]byte(in))
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != len(lines) {
		t.Fatalf("%d lines, %d line numbers", len(got), len(lines))
	}
	want := []int{2, 3, 5, 5, 6, 7, 7, 9, 10}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("ConvertTABARIVerbsLines lines = %v, want %v for %q", lines, want, got)
	}
	if string(out) != string(eval.ConvertTABARIVerbs([]byte(in))) {
		t.Error("ConvertTABARIVerbsLines and ConvertTABARIVerbs differ")
	}
}
