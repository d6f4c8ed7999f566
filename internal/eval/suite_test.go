package eval_test

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/eval"
)

// fakeCoder returns canned events by document text prefix and records the
// documents it was given.
type fakeCoder struct {
	events map[string][]dyad.Event
	docs   []*dyad.Document
}

func (f *fakeCoder) Code(doc *dyad.Document) []dyad.Event {
	f.docs = append(f.docs, doc)
	for prefix, evs := range f.events {
		if strings.HasPrefix(doc.Text, prefix) {
			return evs
		}
	}
	return nil
}

func ev(src, tgt, cameo, plover string) dyad.Event {
	e := dyad.Event{Source: dyad.Actor{Code: src}, CAMEO: cameo, PLOVER: plover, Status: dyad.StatusOccurred}
	if tgt != "" {
		e.Target = &dyad.Actor{Code: tgt}
	}
	return e
}

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestReadPLOVER(t *testing.T) {
	s, err := eval.ReadPLOVER(open(t, "testdata/plover.json"), "plover.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []eval.PLOVERRecord{
		{ID: "T-AGREE-0001", Date: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), Text: "Atlantis and Lemuria agreed to cooperate.", Type: "AGREE", Sources: []string{"ATL", "LEM"}},
		{ID: "T-DEMAND-0002", Date: time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC), Text: "Atlantis demanded that Japan withdraw.", Type: "REQUEST", Sources: []string{"ATL"}, Targets: []string{"JPN"}},
		{ID: "T-FIGHT-0003", Date: time.Date(2002, 3, 4, 0, 0, 0, 0, time.UTC), Text: "Lemurian troops clashed with rebels.", Type: "ASSAULT", Sources: []string{"LEM"}},
	}
	if !reflect.DeepEqual(s.Records, want) {
		t.Errorf("ReadPLOVER records = %+v, want %+v", s.Records, want)
	}
	if _, err := eval.ReadPLOVER(strings.NewReader("{"), "bad"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("ReadPLOVER(bad) error = %v, want EINVALID", err)
	}
}

func TestPLOVERSuite_Run(t *testing.T) {
	s, err := eval.ReadPLOVER(open(t, "testdata/plover.json"), "plover.json")
	if err != nil {
		t.Fatal(err)
	}
	c := &fakeCoder{events: map[string][]dyad.Event{
		// both directions of the compound, plus a statement (untyped)
		"Atlantis and": {ev("ATLGOV", "LEM", "036", "AGREE"), ev("LEM", "ATL", "036", "AGREE"), ev("ATL", "", "010", "")},
		// right type, wrong target; and a spurious type
		"Atlantis demanded": {ev("ATL", "CHN", "100", "REQUEST"), ev("ATL", "JPN", "111", "ACCUSE")},
	}}
	r := s.Run(c)
	if r.Records != 3 || r.Suite != "plover" {
		t.Fatalf("Run: records %d suite %q", r.Records, r.Suite)
	}
	if got := c.docs[1]; got.Lang != "en" || !got.Date.Equal(time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("document = %+v, want Lang en and the record's date", got)
	}
	typ, _ := r.Score("type")
	if want := (eval.Counts{Expected: 3, Found: 3, Correct: 2}); typ != want {
		t.Errorf("type = %+v, want %+v", typ, want)
	}
	tri, _ := r.Score("triple")
	// gold: ATL/LEM, LEM/ATL, ATL/JPN, LEM/-; found: ATL/LEM, LEM/ATL, ATL/CHN(REQUEST), ATL/JPN(ACCUSE)
	if want := (eval.Counts{Expected: 4, Found: 4, Correct: 2}); tri != want {
		t.Errorf("triple = %+v, want %+v", tri, want)
	}
	if r.Counter("untyped") != 1 || r.Counter("spurious") != 1 {
		t.Errorf("untyped %d spurious %d, want 1 and 1", r.Counter("untyped"), r.Counter("spurious"))
	}
	conf := map[[2]string]int{}
	for _, c := range r.Confusion {
		conf[[2]string{c.Expected, c.Found}] = c.N
	}
	if want := map[[2]string]int{{"AGREE", "AGREE"}: 1, {"REQUEST", "REQUEST"}: 1, {"ASSAULT", "-"}: 1}; !reflect.DeepEqual(conf, want) {
		t.Errorf("confusion = %v, want %v", conf, want)
	}
}

func TestReadPETR(t *testing.T) {
	s, err := eval.ReadPETR(open(t, "testdata/petr.xml"), "testdata/petr.xml")
	if err != nil {
		t.Fatal(err)
	}
	wantDicts := eval.Dictionaries{Verbs: []string{"mini.verbs.txt"}, Actors: []string{"mini.actors.txt"}, Agents: []string{"mini.agents.txt"}}
	if !reflect.DeepEqual(s.Dictionaries, wantDicts) {
		t.Errorf("Dictionaries = %+v, want %+v", s.Dictionaries, wantDicts)
	}
	if len(s.Records) != 4 {
		t.Fatalf("records = %d, want 4", len(s.Records))
	}
	r0 := s.Records[0]
	if r0.ID != "DEMO-01" || r0.Category != "DEMO" || r0.Text != "Atlantis is about to restore ties with Lemuria & others." || r0.Date.Format("20060102") != "19950101" {
		t.Errorf("record 0 = %+v", r0)
	}
	wantEv := []eval.Triple{{Source: "ATLGOV", Target: "LEM", Code: "064"}, {Source: "", Target: "ATL", Code: "033"}}
	if !reflect.DeepEqual(r0.Events, wantEv) {
		t.Errorf("events = %v, want %v", r0.Events, wantEv)
	}
	skips := []string{s.Records[0].Skip, s.Records[1].Skip, s.Records[2].Skip, s.Records[3].Skip}
	if want := []string{"", "", "error: dateline", "evaluate=false"}; !reflect.DeepEqual(skips, want) {
		t.Errorf("skips = %q, want %q", skips, want)
	}

	c := &fakeCoder{events: map[string][]dyad.Event{
		"Atlantis": {ev("ATLMIL", "LEM", "061", ""), ev("LEM", "ATL", "033", "")},
	}}
	rep := s.Run(c)
	if rep.Records != 2 || rep.Skipped != 2 {
		t.Errorf("records %d skipped %d, want 2 and 2", rep.Records, rep.Skipped)
	}
	root, _ := rep.Score("root")
	tri, _ := rep.Score("triple")
	if want := (eval.Counts{Expected: 2, Found: 2, Correct: 2}); root != want {
		t.Errorf("root = %+v, want %+v", root, want)
	}
	if want := (eval.Counts{Expected: 2, Found: 2, Correct: 1}); tri != want {
		t.Errorf("triple = %+v, want %+v", tri, want)
	}
	if rep.Counter("passed") != 1 { // NULL-01 passes: nothing expected, nothing found
		t.Errorf("passed = %d, want 1", rep.Counter("passed"))
	}
}

func TestReadTABARI(t *testing.T) {
	s, err := eval.ReadTABARI(os.DirFS("testdata/tabari"), "mini.project", "mini.project")
	if err != nil {
		t.Fatal(err)
	}
	if s.Text != "mini.text" || !reflect.DeepEqual(s.Dictionaries.Verbs, []string{"mini.verbs"}) || s.Dictionaries.VerbSyntax != "tabari" {
		t.Errorf("project = %+v", s)
	}
	type rec struct {
		id, skip string
		n        int
	}
	var got []rec
	for _, r := range s.Records {
		got = append(got, rec{r.ID, r.Skip, len(r.Events)})
	}
	want := []rec{{"DEMO-01", "", 2}, {"DEMO-02", "", 0}, {"SKIP-01", "not checked", 0}, {"CPLX-01", "complex", 0}, {"OPT-01", "option", 0}, {"DISC-01", "", 0}, {"FINAL-01", "no validation", 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("records = %v, want %v", got, want)
	}
	if d := s.Records[0]; d.Text != "Atlantis restored ties with Lemuria on Monday." || d.Date.Format("2006-01-02") != "1995-01-01" || d.Events[1] != (eval.Triple{Source: "LEM", Target: "ATL", Code: "064"}) {
		t.Errorf("DEMO-01 = %+v", d)
	}
	if d := s.Records[5].Date.Year(); d != 2001 {
		t.Errorf("DISC-01 year = %d, want 2001", d)
	}

	c := &fakeCoder{events: map[string][]dyad.Event{
		"Atlantis": {ev("ATL", "LEM", "064", ""), ev("LEM", "ATL", "064", "")},
	}}
	rep := s.Run(c)
	if rep.Counter("checked") != 3 || rep.Counter("passed") != 3 || rep.Skipped != 4 {
		t.Errorf("checked %d passed %d skipped %d, want 3, 3, 4", rep.Counter("checked"), rep.Counter("passed"), rep.Skipped)
	}
}

func TestConvertTABARIVerbs(t *testing.T) {
	data, err := os.ReadFile("testdata/tabari/mini.verbs")
	if err != nil {
		t.Fatal(err)
	}
	got := string(eval.ConvertTABARIVerbs(data))
	want := "&TIES\n+TIES\n+RELATIONS\n" +
		"--- RESTORE [064] ---\nRESTORE [064] ;pas 1 Jan 2000\n- * &TIES  [065]\n" +
		"--- BREAK [161] ---\nBREAK { BROKE_ BROKEN_ } [161]\n- * OFF  [162]\n\n"
	if got != want {
		t.Errorf("ConvertTABARIVerbs = %q, want %q", got, want)
	}
}

func TestReadDyad(t *testing.T) {
	s, err := eval.ReadDyad(os.DirFS("testdata/dyad"), "testdata/dyad")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Records) != 3 || s.Records[0].Category != "alpha" || s.Records[0].Side != "USA" {
		t.Fatalf("records = %+v", s.Records)
	}
	day := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	blinken := dyad.Event{
		Source: dyad.Actor{Code: "USAGOV", Country: "USA", Person: "Antony Blinken"},
		Target: &dyad.Actor{Code: "CHNGOV", Country: "CHN"}, CAMEO: "042", Status: dyad.StatusOccurred, Date: day,
	}
	declined := dyad.Event{Source: dyad.Actor{Code: "CHN"}, Target: &dyad.Actor{Code: "USA"}, CAMEO: "041", Status: dyad.StatusDeclined, Date: day}
	c := &fakeCoder{events: map[string][]dyad.Event{
		"Blinken":         {blinken},
		"One report":      {declined},
		"Another report.": {declined}, // the same event again: one after collapsing by Key
	}}
	rep := s.Run(c)
	if rep.Records != 2 {
		t.Errorf("records = %d, want 2 (a record and a group)", rep.Records)
	}
	for _, name := range []string{"triple", "status", "person", "code"} {
		got, _ := rep.Score(name)
		if got.Correct != got.Expected || got.Correct != got.Found || got.Expected == 0 {
			t.Errorf("%s = %+v, want all correct", name, got)
		}
	}

	// A wrong status is still a triple match, and counts against status.
	declined.Status = dyad.StatusOccurred
	c.events["One report"] = []dyad.Event{declined}
	c.events["Another report."] = nil
	rep = s.Run(c)
	st, _ := rep.Score("status")
	tri, _ := rep.Score("triple")
	if st.Correct != 1 || st.Expected != 2 || tri.Correct != 2 {
		t.Errorf("status %+v triple %+v, want 1/2 statuses and 2 triples correct", st, tri)
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Class != "wrong status" {
		t.Errorf("errors = %+v, want one wrong status", rep.Errors)
	}
}

func TestReadDyadFile_Invalid(t *testing.T) {
	tests := []struct{ name, in string }{
		{"BadJSON", `{"id": `},
		{"UnknownField", `{"id":"x","date":"2023-01-01","text":"t","expect":[],"extra":1}`},
		{"BadDate", `{"id":"x","date":"01/01/2023","text":"t","expect":[]}`},
		{"BadStatus", `{"id":"x","date":"2023-01-01","text":"t","expect":[{"source":"USA","target":"CHN","cameo":"04","status":"maybe"}]}`},
		{"NoText", `{"id":"x","date":"2023-01-01","expect":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := eval.ReadDyadFile(strings.NewReader(tt.in), "x.jsonl"); dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("ReadDyadFile(%q) error = %v, want EINVALID", tt.in, err)
			}
		})
	}
}

func TestReport_JSONAndText(t *testing.T) {
	s, err := eval.ReadPETR(open(t, "testdata/petr.xml"), "petr.xml")
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Run(&fakeCoder{})
	data, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("report JSON does not parse: %v\n%s", err, data)
	}
	for _, k := range []string{"suite", "records", "expected", "found", "correct", "precision", "recall", "f1", "root_f1", "triple_f1", "passed", "categories", "error_classes", "mismatches"} {
		if _, ok := m[k]; !ok {
			t.Errorf("report JSON lacks %q: %s", k, data)
		}
	}
	if !bytes.HasPrefix(data, []byte(`{"suite":"petr"`)) {
		t.Errorf("report JSON does not start with the suite: %.60s", data)
	}
	var b strings.Builder
	if err := rep.WriteText(&b, 5); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"suite petr", "records 2 scored, 2 skipped", "triple", "missed: nothing coded", "DEMO"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("WriteText lacks %q:\n%s", want, b.String())
		}
	}
}
