package eval_test

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
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

// TestReadTABARIRecords_Blanks checks that a record's lines are joined
// into words separated by single blanks, Unicode blanks included.
func TestReadTABARIRecords_Blanks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"OneLine", "Arnor  praised\tGondor.", "Arnor praised Gondor."},
		{"Lines", "  Arnor praised \n\tGondor on\r\n Monday. ", "Arnor praised Gondor on Monday."},
		{"UnicodeBlanks", "Arnor\u00a0praised\u2003Gondor", "Arnor praised Gondor"},
		{"Comment", "Arnor praised Gondor /* { ARN / GON / 041 } */", "Arnor praised Gondor"},
		{"Joined", "Arnor praised Gondor.", "Arnor praised Gondor."},
		{"TrailingBlank", "Arnor praised Gondor. ", "Arnor praised Gondor."},
		{"Unicode", "Arnor praised Gondoré.", "Arnor praised Gondoré."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, _, err := eval.ReadTABARIRecords(strings.NewReader("950101 X-01\n"+tt.in+"\n\n"), "x")
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 1 || recs[0].Text != tt.want {
				t.Errorf("ReadTABARIRecords(%q) = %+v, want one record with text %q", tt.in, recs, tt.want)
			}
		})
	}
}

// TestScanTABARIRecords checks that ScanTABARIRecords passes the records
// ReadTABARIRecords returns, in order, whatever the line ends and
// comments.
func TestScanTABARIRecords(t *testing.T) {
	mini, err := os.ReadFile("testdata/tabari/mini.text")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
	}{
		{"Mini", string(mini)},
		{"CRLF", "950101 A-01\r\nArnor praised Gondor.\r\n\r\n950102 A-02\r\nGondor  thanked\r\n Arnor.\r\n"},
		{"NoFinalNewline", "950101 A-01\nArnor praised Gondor."},
		{"CommentBlock", "950101 A-01\nArnor praised /* { ARN / GON / 041 }\n{ OPTION: X } */\n\n# between\n950102 A-02\nOne.\n"},
		{"Empty", ""},
		{"NoHeader", "Arnor praised Gondor.\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantDiags, err := eval.ReadTABARIRecords(strings.NewReader(tt.in), "x")
			if err != nil {
				t.Fatal(err)
			}
			var got []eval.TABARIRecord
			diags := eval.ScanTABARIRecords(tt.in, "x", func(r eval.TABARIRecord) { got = append(got, r) })
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(diags, wantDiags) {
				t.Errorf("ScanTABARIRecords(%q) = %+v, %v, want %+v, %v", tt.in, got, diags, want, wantDiags)
			}
		})
	}
	recs, _, _ := eval.ReadTABARIRecords(strings.NewReader(tests[1].in), "x")
	if len(recs) != 2 || recs[1].Text != "Gondor thanked Arnor." || recs[1].Line != 4 {
		t.Errorf("ReadTABARIRecords(CRLF) = %+v, want a second record on line 4, \"Gondor thanked Arnor.\"", recs)
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

func TestConvertTABARIVerbs_Endings(t *testing.T) {
	in := "DEPART_ [032]\nDEPLORE_ [122]\nBAN= [191]\nBREAK_ [1717]\n{ BROKE_ }\nRESTOR [064]\nBURN DOWN [222]\n"
	got := string(eval.ConvertTABARIVerbs([]byte(in)))
	want := "--- DEPART [032] ---\nDEPART_ {DEPARTS DEPARTED DEPARTES DEPARTEN DEPARTING} [032]\n" +
		"--- DEPLORE [122] ---\nDEPLORE_ {DEPLORS DEPLORED DEPLORES DEPLOREN DEPLORING} [122]\n" +
		"--- BAN [191] ---\nBAN_ {} [191]\n" +
		"--- BREAK [1717] ---\nBREAK_ {BROKE_ BREAKS BREAKED BREAKES BREAKEN BREAKING} [1717]\n" +
		"--- RESTOR [064] ---\nRESTOR [064]\n" +
		"--- BURN DOWN [222] ---\nBURN DOWN [222]\n\n"
	if got != want {
		t.Errorf("ConvertTABARIVerbs(%q) =\n%s\nwant\n%s", in, got, want)
	}
}

// TestConvertTABARIVerbs_Hyphens checks TABARI's hyphens in dictionary
// words (connectors, written '_') and its <TIME> section (only discard
// phrases are kept, as verbs).
func TestConvertTABARIVerbs_Hyphens(t *testing.T) {
	in := "<TIME>\nKAN_WA_MA_KAN [###]\nLAST_WEEK [-7]\n</TIME>\nPARADE [017] ;pas 4-26-03\n- ANTI- + *  [111] ; 9-May-05\nCEASE-FIRE [---]\n"
	got := string(eval.ConvertTABARIVerbs([]byte(in)))
	want := "--- KAN_WA_MA_KAN [###] ---\nKAN_WA_MA_KAN [###]\n" +
		"--- PARADE [017] ---\nPARADE [017] ;pas 4-26-03\n" +
		"- ANTI_ + *  [111] ; 9-May-05\n" +
		"--- CEASE_FIRE [---] ---\nCEASE_FIRE [---]\n\n"
	if got != want {
		t.Errorf("ConvertTABARIVerbs(%q) =\n%s\nwant\n%s", in, got, want)
	}
}

// optionCoder records the options each record is coded under.
type optionCoder struct {
	seen map[string]string
}

func (c *optionCoder) Code(doc *dyad.Document) []dyad.Event { return c.CodeTABARI(doc, nil) }

func (c *optionCoder) CodeTABARI(doc *dyad.Document, options []string) []dyad.Event {
	c.seen[doc.Source] = strings.Join(options, "; ")
	return nil
}

// TestTABARISuite_Options checks that OPTION fields change the options of
// the records after theirs, in file order, including a field that the
// comment's end closes.
func TestTABARISuite_Options(t *testing.T) {
	text := "950101 A-01\nFirst record.\n/* {---} */\n\n" +
		"950101 OPT-01\nSwitch.\n/* { OPTION: SET: CODE ALL }\n{ OPTION:  DEFAULT: OFF } */\n\n" +
		"950101 A-02\nSecond record.\n/* {---}\n{ OPTION: COMMA: OFF } */\n\n" +
		"950101 OPT-02\nSwitch again.\n/* { OPTION: SET: MINIMUM WORDS = 4  */\n\n" +
		"950101 A-03\nThird record.\n/* {---} */\n"
	fsys := fstest.MapFS{
		"t.project": {Data: []byte("<textfile> t.text\n<optionsfile> t.options\n<verbsfile> t.verbs\n")},
		"t.text":    {Data: []byte(text)},
	}
	s, err := eval.ReadTABARI(fsys, "t.project", "t.project")
	if err != nil {
		t.Fatal(err)
	}
	if s.Dictionaries.Options != "t.options" {
		t.Errorf("Dictionaries.Options = %q, want t.options", s.Dictionaries.Options)
	}
	c := &optionCoder{seen: map[string]string{}}
	rep := s.Run(c)
	want := map[string]string{
		"A-01": "",
		"A-02": "SET: CODE ALL; DEFAULT: OFF",
		"A-03": "SET: CODE ALL; DEFAULT: OFF; COMMA: OFF; SET: MINIMUM WORDS = 4",
	}
	if !reflect.DeepEqual(c.seen, want) {
		t.Errorf("options seen = %q, want %q", c.seen, want)
	}
	if rep.Counter("checked") != 3 || rep.Counter("passed") != 3 {
		t.Errorf("checked %d passed %d, want 3, 3", rep.Counter("checked"), rep.Counter("passed"))
	}
}
