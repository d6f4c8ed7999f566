package coding_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/text"
)

var (
	coderOnce sync.Once
	coder     *coding.Coder
	coderErr  error
	coderDiag dyad.DiagnosticList
)

func defaultCoder(tb testing.TB) *coding.Coder {
	tb.Helper()
	coderOnce.Do(func() { coder, coderDiag, coderErr = coding.Default(dictionaries.FS) })
	if coderErr != nil {
		tb.Fatalf("Default: %v", coderErr)
	}
	return coder
}

// m describes a mention by its text in the sentence: "Wang" or "Wang#2"
// for the second occurrence.
type m struct {
	text, code, country, person, rule string
}

type d struct {
	text       string
	start, end string // 2006-01-02
	prec       dyad.Precision
}

var docDate = time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)

// findNth returns the byte offset of the nth occurrence (1-based) of w in s.
func findNth(tb testing.TB, s, w string) int {
	tb.Helper()
	n := 1
	if i := strings.LastIndexByte(w, '#'); i > 0 {
		n = int(w[i+1] - '0')
		w = w[:i]
	}
	off := 0
	for k := 1; ; k++ {
		i := strings.Index(s[off:], w)
		if i < 0 {
			tb.Fatalf("%q not in %q", w, s)
		}
		if k == n {
			return off + i
		}
		off += i + len(w)
	}
}

func input(tb testing.TB, sentence, side string, ms []m, ds []d) coding.Input {
	tb.Helper()
	sp := dyad.Span{Start: 0, End: len(sentence)}
	tk := text.Tokenizer{KeepPunct: true}
	in := coding.Input{
		Text:     sentence,
		DocDate:  docDate,
		Sentence: dyad.Sentence{Index: 0, Span: sp},
		Tokens:   tk.Tokenize(sentence, sp),
		Dyad:     [2]string{"USA", "CHN"},
		Side:     side,
	}
	for _, x := range ms {
		st := findNth(tb, sentence, x.text)
		w := x.text
		if i := strings.LastIndexByte(w, '#'); i > 0 {
			w = w[:i]
		}
		rule := x.rule
		if rule == "" {
			rule = "dict"
		}
		in.Mentions = append(in.Mentions, dyad.Mention{Actor: dyad.Actor{Text: w, Code: x.code, Country: x.country,
			Person: x.person, Span: dyad.Span{Start: st, End: st + len(w)}}, Rule: rule})
	}
	sortMentions(in.Mentions)
	for _, x := range ds {
		st := findNth(tb, sentence, x.text)
		a, _ := time.Parse("2006-01-02", x.start)
		b, _ := time.Parse("2006-01-02", x.end)
		in.Dates = append(in.Dates, dyad.DateMention{Span: dyad.Span{Start: st, End: st + len(x.text)}, Start: a, End: b, Precision: x.prec})
	}
	return in
}

func sortMentions(ms []dyad.Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Span.Start < ms[j-1].Span.Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// Common actors.
var (
	blinken = func(t string) m { return m{t, "USAGOV", "USA", "Antony Blinken", "dict"} }
	wang    = func(t string) m { return m{t, "CHNGOV", "CHN", "Wang Yi", "dict"} }
	xi      = func(t string) m { return m{t, "CHNGOV", "CHN", "Xi Jinping", "dict"} }
	qin     = func(t string) m { return m{t, "CHNGOV", "CHN", "Qin Gang", "dict"} }
	austin  = func(t string) m { return m{t, "USAMIL", "USA", "Lloyd Austin", "dict"} }
	li      = func(t string) m { return m{t, "CHNMIL", "CHN", "Li Shangfu", "dict"} }
	usa     = func(t string) m { return m{t, "USA", "USA", "", "dict"} }
	chn     = func(t string) m { return m{t, "CHN", "CHN", "", "dict"} }
	usgov   = func(t string) m { return m{t, "USAGOV", "USA", "", "agent"} }
	cngov   = func(t string) m { return m{t, "CHNGOV", "CHN", "", "agent"} }
	beijing = func(t string) m { return m{t, "CHNGOV", "CHN", "", "metonym"} }
	wash    = func(t string) m { return m{t, "USAGOV", "USA", "", "metonym"} }
	jpn     = func(t string) m { return m{t, "JPN", "JPN", "", "dict"} }
	both    = func(t string) m { return m{t, "", "", "", "both"} }
)
