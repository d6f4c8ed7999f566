package coding_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/coding"
)

func TestCodebook(t *testing.T) {
	cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
	if err != nil {
		t.Fatalf("LoadCodebook: %v", err)
	}
	tests := []struct {
		code      string
		goldstein float64
		quad      int
		plover    string
		mode      string
	}{
		{"042", 1.9, 1, "CONSULT", "visit"},
		{"043", 2.8, 1, "CONSULT", "host"},
		{"041", 1, 1, "CONSULT", "phone"},
		{"057", 8.0, 1, "SUPPORT", ""},
		{"163", -8.0, 3, "SANCTION", "discontinue"},
		{"010", 0, 1, "", ""},
		{"020", 3, 1, "", ""},
		{"036", 4, 1, "AGREE", ""},
		{"062", 7.4, 2, "COOPERATE", ""},
		{"100", -5, 3, "REQUEST", ""},
		{"111", -2, 3, "ACCUSE", "disapprove"},
		{"125", -5, 3, "REJECT", "meet"},
		{"164", -6.5, 3, "SANCTION", "withdraw"},
		{"141", -6.5, 4, "PROTEST", "demo"},
		{"190", -10, 4, "ASSAULT", ""},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := cb.Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if c.Goldstein != tt.goldstein || c.Quad != tt.quad || c.PLOVER != tt.plover || c.Mode != tt.mode {
				t.Errorf("Lookup(%q) = %+v, want goldstein %v quad %d plover %q mode %q", tt.code, c, tt.goldstein, tt.quad, tt.plover, tt.mode)
			}
		})
	}
	if _, ok := cb.Lookup("999"); ok {
		t.Errorf("Lookup(999) found a code")
	}
	if cb.Len() < 300 {
		t.Errorf("Len() = %d, want >= 300", cb.Len())
	}
}

const testVerbs = `# test dictionary
&TALKNOUN
+TALK
+CONSULTATION
+VIDEO_LINK_

--- MEET_TEST [040:040] ---
MEET {MEETS MET MEETING}
+MEET_WITH {+MET_WITH +MEETS_WITH}
VISIT [042]
WIRE_+TAP
- * BY &TALKNOUN [041]
- SKIPPED_* [125]
- * &TALKNOUN WITH + [046:046]
- $ * + IN_^ [044]
- * STRAY_BRACKET [04
- * NO_VERB_MARKER_HERE_ * * [040]
- NOTHING [040]
- * &UNDEFINED [040]

--- BAD_HEADER [04x] ---
--- HOLD_TEST ---
HOLD {HOLDS HELD HOLDING}
- * &TALKNOUN [040]
~ a (a b MEET) SAY = a b 010
`

func TestLoadVerbs(t *testing.T) {
	fsys := fstest.MapFS{"t.txt": {Data: []byte(testVerbs)}}
	v, diags, err := coding.LoadVerbs(fsys, "t.txt")
	if err != nil {
		t.Fatalf("LoadVerbs: %v", err)
	}
	wantLines := []int{16, 17, 18, 19, 21, 25}
	var gotLines []int
	for _, d := range diags {
		gotLines = append(gotLines, d.Line)
		if d.Source != "t.txt" {
			t.Errorf("diagnostic source = %q, want t.txt", d.Source)
		}
	}
	if !equalInts(gotLines, wantLines) {
		t.Errorf("LoadVerbs diagnostics at lines %v, want %v:\n%v", gotLines, wantLines, diags)
	}
	if v.Patterns() != 5 {
		t.Errorf("Patterns() = %d, want 5", v.Patterns())
	}
	for _, w := range []string{"MEET", "MEETS", "MET", "MEETING", "VISIT", "VISITS", "VISITED", "VISITING", "TAP", "TAPS", "TAPPED", "HOLD", "HELD"} {
		if !v.HasForm(w) {
			t.Errorf("HasForm(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"MEETED", "HOLDED", "WIRE"} {
		if v.HasForm(w) {
			t.Errorf("HasForm(%q) = true, want false", w)
		}
	}
	// The patterns code.
	cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
	if err != nil {
		t.Fatal(err)
	}
	c := &coding.Coder{Verbs: v, Codebook: cb}
	tests := []struct {
		name, text string
		ms         []m
		want       []string
	}{
		{"synset plural after verb", "Blinken held consultations.", []m{blinken("Blinken")}, nil},
		{"synset with target", "Blinken met talks with Wang.", []m{blinken("Blinken"), wang("Wang")}, []string{"CHNGOV>USAGOV 046 occurred", "USAGOV>CHNGOV 046 occurred"}},
		{"consecutive words before verb", "Blinken skipped meeting Wang.", []m{blinken("Blinken"), wang("Wang")}, []string{"USAGOV>CHNGOV 125 occurred"}},
		{"synset phrase", "Blinken met Wang by video link.", []m{blinken("Blinken"), wang("Wang")}, []string{"USAGOV>CHNGOV 041 occurred"}},
		{"skip actor", "Blinken met Wang in Jakarta.", []m{blinken("Blinken"), wang("Wang"), jpn("Jakarta")}, []string{"USAGOV>CHNGOV 044 occurred"}},
		{"verb own code", "Blinken visits Japan.", []m{blinken("Blinken"), jpn("Japan")}, []string{"USAGOV>JPN 042 occurred"}},
		{"block default pair", "Blinken meets Japan.", []m{blinken("Blinken"), jpn("Japan")}, []string{"JPN>USAGOV 040 occurred", "USAGOV>JPN 040 occurred"}},
		{"multi-word verb", "Blinken met with Japan.", []m{blinken("Blinken"), jpn("Japan")}, []string{"JPN>USAGOV 040 occurred", "USAGOV>JPN 040 occurred"}},
		{"null block", "Blinken holds Japan.", []m{blinken("Blinken"), jpn("Japan")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(c.Code(input(t, tt.text, "", tt.ms, nil)))
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Code(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLoadShipped(t *testing.T) {
	v, diags, err := coding.LoadVerbs(dictionaries.FS, coding.PhoenixVerbs)
	if err != nil {
		t.Fatalf("LoadVerbs(phoenix): %v", err)
	}
	// The upstream file has a handful of malformed lines; they are
	// reported and skipped, the rest loads.
	t.Logf("phoenix: %d patterns, %d verb heads, %d diagnostics", v.Patterns(), v.Forms(), len(diags))
	if len(diags) > 20 || v.Patterns() < 10000 {
		t.Errorf("phoenix: %d diagnostics, %d patterns", len(diags), v.Patterns())
	}
	_, diags, err = coding.LoadVerbs(dictionaries.FS, coding.DyadVerbs)
	if err != nil || len(diags) != 0 {
		t.Errorf("LoadVerbs(dyad.verbs.txt) = %v, %v; want no diagnostics", diags, err)
	}
	is, diags, err := coding.LoadIssues(dictionaries.FS, coding.DyadIssues)
	if err != nil || len(diags) != 0 {
		t.Fatalf("LoadIssues = %v, %v", diags, err)
	}
	for _, want := range []string{"taiwan", "trade", "technology", "ukraine", "military", "climate", "narcotics", "human-rights",
		"south-china-sea", "korea", "detained-citizens", "people-to-people", "law-enforcement", "airspace", "ai"} {
		found := false
		for _, n := range is.Names() {
			found = found || n == want
		}
		if !found {
			t.Errorf("issue %q missing from %v", want, is.Names())
		}
	}
	_, diags, err = coding.Default(dictionaries.FS)
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	for _, d := range diags {
		if !strings.HasPrefix(d.Source, "phoenix/") {
			t.Errorf("diagnostic in our own files: %v", d)
		}
	}
}

func TestIssues(t *testing.T) {
	fsys := fstest.MapFS{"i.txt": {Data: []byte("issue taiwan\nterms: Taiwan Strait; one-China\nissue trade\nterms: tariff; semiconductor*\nbogus line\nplace CHN: Beijing\n")}}
	is, diags, err := coding.LoadIssues(fsys, "i.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 1 || diags[0].Line != 5 {
		t.Errorf("LoadIssues diagnostics = %v, want one at line 5", diags)
	}
	tests := []struct {
		in   string
		want string
	}{
		{"They discussed the one China policy and tariffs.", "taiwan,trade"},
		{"Peace across the Taiwan Strait matters.", "taiwan"},
		{"Semiconductors were raised.", "trade"},
		{"Taiwan alone is not a term here.", ""},
	}
	for _, tt := range tests {
		in := input(t, tt.in, "", nil, nil)
		if got := strings.Join(is.Tag(in.Tokens), ","); got != tt.want {
			t.Errorf("Tag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var _ = dyad.StatusOccurred

// tabariVerbs is a verb file as eval.ConvertTABARIVerbs writes TABARI's
// flat syntax: stems, exact words ending in '_', blank-separated
// multi-word verbs and {a | b} alternation.
const tabariVerbs = `--- RESTOR [064] ---
RESTOR [064]
--- ACT_ [---] ---
ACT_ [---]
--- BURN DOWN [222] ---
BURN DOWN [222]
--- DEMAND [100] ---
DEMAND [100]
- * FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT }_NOW [172]
--- SAY [023] ---
SAY {SAID SAYS}
`

func TestLoadVerbsTABARI(t *testing.T) {
	fsys := fstest.MapFS{"t.verbs": {Data: []byte(tabariVerbs)}}
	v, diags, err := coding.LoadVerbs(fsys, "t.verbs")
	if err != nil {
		t.Fatalf("LoadVerbs: %v", err)
	}
	if len(diags) != 0 {
		t.Errorf("LoadVerbs diagnostics = %v, want none", diags)
	}
	if v.Patterns() != 2 {
		t.Errorf("Patterns() = %d, want 2 (one per alternative)", v.Patterns())
	}
	cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
	if err != nil {
		t.Fatal(err)
	}
	c := &coding.Coder{Verbs: v, Codebook: cb}
	tests := []struct {
		name, text string
		ms         []m
		want       []string
	}{
		{"stem matches a longer word", "Japan will restore ties with China.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 064 planned"}},
		{"stem matches its inflections", "Japan restored ties with China.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 064 occurred"}},
		{"exact word is not a stem", "Japan acted against China.", []m{jpn("Japan"), chn("China")}, nil},
		{"multi-word verb with blanks", "Japan burned down the embassy of China.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 222 occurred"}},
		{"first alternative", "Japan demanded for economic sanctions now against China.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 172 occurred"}},
		{"second alternative", "Japan demanded for total boycott now against China.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 172 occurred"}},
		{"saying coded 02 yields to another event", "Japan restored ties with China, an official said.", []m{jpn("Japan"), chn("China")}, []string{"JPN>CHN 064 occurred"}},
		{"saying alone is kept", "Japan said the ties were good.", []m{jpn("Japan")}, []string{"JPN>- 023 occurred"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(c.Code(input(t, tt.text, "", tt.ms, nil)))
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Code(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestLoadVerbsStemsNeedTABARIConvention(t *testing.T) {
	// Without any verb ending in '_', roots are not stems: PETRARCH-1
	// files generate regular forms only.
	fsys := fstest.MapFS{"p.txt": {Data: []byte("--- RESTOR [064] ---\nRESTOR [064]\n")}}
	v, _, err := coding.LoadVerbs(fsys, "p.txt")
	if err != nil {
		t.Fatalf("LoadVerbs: %v", err)
	}
	cb, err := coding.LoadCodebook(dictionaries.FS, coding.CAMEOCodes, coding.PLOVERMap)
	if err != nil {
		t.Fatal(err)
	}
	c := &coding.Coder{Verbs: v, Codebook: cb}
	text := "Japan will restore ties with China."
	if got := summarize(c.Code(input(t, text, "", []m{jpn("Japan"), chn("China")}, nil))); len(got) != 0 {
		t.Errorf("Code(%q) = %v, want none", text, got)
	}
}
