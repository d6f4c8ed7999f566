package actors_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/actors"
	"github.com/dyad-dev/dyad/internal/text"
)

func TestTagDetails(t *testing.T) {
	d, _ := loadFixtures(t, false)
	tests := []struct {
		name, side, date, sent string
		want                   dyad.Mention
	}{
		{
			name: "office named by the title",
			date: "2023-06-19",
			sent: "He met Secretary of State Antony J. Blinken.",
			want: dyad.Mention{Actor: dyad.Actor{Text: "Secretary of State Antony J. Blinken", Code: "USAGOV", Country: "USA",
				Person: "Antony Blinken", Office: "Secretary of State", Level: dyad.LevelMinister, Span: dyad.Span{Start: 7, End: 43}},
				Rule: "dict", Entry: "person Antony Blinken"},
		},
		{
			name: "highest level office on the date",
			date: "2023-06-19",
			sent: "Wang Yi spoke.",
			want: dyad.Mention{Actor: dyad.Actor{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi",
				Office: "Director of the Office of the Central Foreign Affairs Commission", Level: dyad.LevelSenior,
				Span: dyad.Span{Start: 0, End: 7}}, Rule: "dict", Entry: "person Wang Yi"},
		},
		{
			name: "title prefers its office",
			date: "2023-08-01",
			sent: "Foreign Minister Wang Yi spoke.",
			want: dyad.Mention{Actor: dyad.Actor{Text: "Foreign Minister Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi",
				Office: "Foreign Minister", Level: dyad.LevelMinister, Span: dyad.Span{Start: 0, End: 24}}, Rule: "dict", Entry: "person Wang Yi"},
		},
		{
			name: "title alone names the office entry",
			side: "CHN",
			date: "2023-06-19",
			sent: "The Foreign Minister spoke.",
			want: dyad.Mention{Actor: dyad.Actor{Text: "Foreign Minister", Code: "CHNGOV", Country: "CHN", Person: "Qin Gang",
				Office: "Foreign Minister", Level: dyad.LevelMinister, Span: dyad.Span{Start: 4, End: 20}}, Rule: "office", Entry: "office chn.fm"},
		},
		{
			name: "agent entry names both parts",
			date: "2023-06-19",
			sent: "Chinese officials spoke.",
			want: dyad.Mention{Actor: dyad.Actor{Text: "Chinese officials", Code: "CHNGOV", Country: "CHN",
				Span: dyad.Span{Start: 0, End: 17}}, Rule: "agent", Entry: "CHINA + OFFICIAL"},
		},
	}
	tk := text.Tokenizer{KeepPunct: true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := tk.Tokenize(tt.sent, dyad.Span{Start: 0, End: len(tt.sent)})
			got := d.Doc(tt.side).Tag(3, tt.sent, toks, day(tt.date))
			tt.want.Sentence = 3
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("Tag(%q) = %+v, want [%+v]", tt.sent, got, tt.want)
			}
		})
	}
}

func TestStems(t *testing.T) {
	tests := []struct {
		stems bool
		sent  string
		want  []string
	}{
		// AMERICA has no trailing '_' but its regular plural is generated.
		{false, "PLA and PLAN, plans, Americas.", []string{"PLA=CHNMIL/dict", "Americas=USA/dict"}},
		// A short stem still does not match a lower-case word.
		{true, "PLA and PLAN, plans, Americas.", []string{"PLA=CHNMIL/dict", "PLAN=CHNMIL/dict", "Americas=USA/dict"}},
	}
	for _, tt := range tests {
		t.Run(tt.sent, func(t *testing.T) {
			d, diags := loadFixtures(t, tt.stems)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			got := tagDoc(d, "", day("2023-06-19"), tt.sent)[0]
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tag(%q) with Stems=%v = %q, want %q", tt.sent, tt.stems, got, tt.want)
			}
		})
	}
}

func TestDiagnostics(t *testing.T) {
	tests := []struct {
		file   string
		dyad   bool
		want   []string // "line: message fragment"
		loaded []string // sentences that must still tag
	}{
		{
			file: "bad.actors.txt",
			want: []string{
				"3: missing ']'",
				"4: unparseable date \"20231340\"",
				"5: unparseable date restriction \"2023\"",
				"6: unparseable date \"1999x\"",
				"8: bad code \"aaa\"",
			},
			loaded: []string{"Good One and Good Two=GOOD_ONE=AAA GOOD_TWO=CCC"},
		},
		{
			file: "bad.dyad.txt",
			dyad: true,
			want: []string{
				"7: unparseable date \"2021-13-01\"",
				"7: holder \"Nobody Known\" has no person block",
				"8: unknown key \"colour\"",
				"14: bad country \"usa\"",
				"16: bad actor code \"BAD-CODE\"",
				"19: expected \"key: value\"",
				"20: key \"country\" outside a block",
				"25: unknown rule \"mystery\"",
			},
			loaded: []string{"The Test Secretary and Good Actor=office test.one=USAGOV actor XYZ=XYZ"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			l := actors.NewLoader()
			if tt.dyad {
				l.AddDyad(tt.file, r)
			} else {
				l.AddPhoenix(tt.file, r)
			}
			d, diags := l.Compile()
			var got []string
			for _, dg := range diags {
				if dg.Source != tt.file {
					t.Errorf("diagnostic source %q, want %q", dg.Source, tt.file)
				}
				got = append(got, dg.String())
			}
			if len(got) != len(tt.want) {
				t.Errorf("Compile() diagnostics = %q, want %d like %q", got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				line, frag, _ := strings.Cut(w, ": ")
				if i >= len(got) || !strings.HasPrefix(got[i], tt.file+":"+line+": ") || !strings.Contains(got[i], frag) {
					t.Errorf("diagnostic %d = %q, want line %s with %q", i, at(got, i), line, frag)
				}
			}
			// The rest loads.
			for _, l := range tt.loaded {
				sent, want, _ := strings.Cut(l, "=")
				var gotE []string
				tk := text.Tokenizer{KeepPunct: true}
				for _, m := range d.Doc("USA").Tag(0, sent, tk.Tokenize(sent, dyad.Span{Start: 0, End: len(sent)}), day("2020-06-01")) {
					gotE = append(gotE, m.Entry+"="+m.Code)
				}
				if strings.Join(gotE, " ") != want {
					t.Errorf("Tag(%q) entries = %q, want %q", sent, strings.Join(gotE, " "), want)
				}
			}
		})
	}
}

func at(xs []string, i int) string {
	if i < len(xs) {
		return xs[i]
	}
	return "<none>"
}

func TestDefaultExtraFiles(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	fsys := fstest.MapFS{
		"phoenix/Phoenix.Countries.actors.txt":     {Data: read("phoenix.actors.txt")},
		"phoenix/Phoenix.International.actors.txt": {Data: []byte("# empty\n")},
		"phoenix/Phoenix.MilNonState.actors.txt":   {Data: []byte("")},
		"phoenix/Phoenix.agents.txt":               {Data: read("agents.txt")},
		"dyad.actors.txt":                          {Data: []byte("# header only\n")},
		"user/people.txt":                          {Data: read("dyad.actors.txt")},
		"user/more.agents.txt":                     {Data: []byte("NEGOTIATOR [~GOV]\n")},
		"user/extra.txt":                           {Data: read("latin1.actors.txt")},
	}
	d, diags, err := actors.Default(fsys, "user/people.txt", "user/more.agents.txt", "user/extra.txt")
	if err != nil || len(diags) > 0 {
		t.Fatalf("Default() = %v, %v", diags, err)
	}
	got := tagDoc(d, "", day("2023-06-19"), "Qin Gang met Chinese negotiators in Ivory Coast.")[0]
	want := []string{"Qin Gang=CHNGOV/dict/Qin Gang", "Chinese negotiators=CHNGOV/agent", "Ivory Coast=CIV/dict"}
	if !slices.Equal(got, want) {
		t.Errorf("Tag() = %q, want %q", got, want)
	}
	if _, _, err := actors.Default(fsys, "user/missing.txt"); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("Default(missing) error = %v, want code %s", err, dyad.EINVALID)
	}
	delete(fsys, "phoenix/Phoenix.agents.txt")
	if _, _, err := actors.Default(fsys); err == nil {
		t.Errorf("Default() without the agents file: no error")
	}
}
