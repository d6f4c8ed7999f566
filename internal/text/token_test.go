package text_test

import (
	"slices"
	"testing"
	"unsafe"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/text"
)

// tok is a token as a test sees it: the original text, its Norm and kind.
type tok struct {
	Text string
	Norm string
	Kind dyad.TokenKind
}

func w(text, norm string) tok { return tok{text, norm, dyad.Word} }
func n(text string) tok       { return tok{text, text, dyad.Number} }
func p(text, norm string) tok { return tok{text, norm, dyad.Punct} }

// toks renders tokens of in as toks, failing when a span is out of bounds.
func toks(t *testing.T, in string, ts []dyad.Token) []tok {
	t.Helper()
	var out []tok
	for _, x := range ts {
		if !x.Span.Valid(len(in)) {
			t.Fatalf("token %+v of %q: span out of bounds", x, in)
		}
		out = append(out, tok{in[x.Span.Start:x.Span.End], x.Norm, x.Kind})
	}
	return out
}

func TestTokenizer_Tokenize(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		keepPunct bool
		want      []tok
	}{
		{"Empty", "", true, nil},
		{"Spaces", " \t\n\u00a0\u3000", true, nil},
		{"Words", "Xi met Biden", false, []tok{w("Xi", "XI"), w("met", "MET"), w("Biden", "BIDEN")}},
		{"US", "the U.S. side", false, []tok{w("the", "THE"), w("U.S.", "U.S."), w("side", "SIDE")}},
		{"USEndOfSentence", "with the U.S.", true, []tok{w("with", "WITH"), w("the", "THE"), w("U.S.", "U.S.")}},
		{"PRC", "P.R.C. officials", false, []tok{w("P.R.C.", "P.R.C."), w("officials", "OFFICIALS")}},
		{"LowerDotted", "e.g. at 10 a.m.", false, []tok{w("e.g.", "E.G."), w("at", "AT"), n("10"), w("a.m.", "A.M.")}},
		{"Initial", "Antony J. Blinken", true, []tok{w("Antony", "ANTONY"), w("J.", "J."), w("Blinken", "BLINKEN")}},
		{"GenPunct", "Gen. Li", true, []tok{w("Gen", "GEN"), p(".", "."), w("Li", "LI")}},
		{"GenNoPunct", "Gen. Li", false, []tok{w("Gen", "GEN"), w("Li", "LI")}},
		{"MultiLetterDotted", "Ph.D.", true, []tok{w("Ph", "PH"), p(".", "."), w("D.", "D.")}},
		{"USHyphen", "U.S.-China", true, []tok{w("U.S.", "U.S."), p("-", "-"), w("China", "CHINA")}},
		{"ChinaUS", "China-U.S. talks", true, []tok{w("China", "CHINA"), p("-", "-"), w("U.S.", "U.S."), w("talks", "TALKS")}},
		{"EnDash", "China–U.S.", true, []tok{w("China", "CHINA"), p("–", "-"), w("U.S.", "U.S.")}},
		{"EmDashNoPunct", "talks—again", false, []tok{w("talks", "TALKS"), w("again", "AGAIN")}},
		{"Hyphenated", "people-to-people", false, []tok{w("people", "PEOPLE"), w("to", "TO"), w("people", "PEOPLE")}},
		{"Possessive", "China's position", true, []tok{w("China", "CHINA"), w("'s", "'S"), w("position", "POSITION")}},
		{"PossessiveCurly", "China’s position", true, []tok{w("China", "CHINA"), w("’s", "'S"), w("position", "POSITION")}},
		{"PossessiveUpper", "XI'S VISIT", false, []tok{w("XI", "XI"), w("'S", "'S"), w("VISIT", "VISIT")}},
		{"PossessiveMultiWord", "Wang Yi's trip", false, []tok{w("Wang", "WANG"), w("Yi", "YI"), w("'s", "'S"), w("trip", "TRIP")}},
		{"PossessiveBeforePeriod", "Xi's.", true, []tok{w("Xi", "XI"), w("'s", "'S"), p(".", ".")}},
		{"InternalApostrophe", "O'Brien don't", false, []tok{w("O'Brien", "O'BRIEN"), w("don't", "DON'T")}},
		{"InternalApostropheCurly", "O’Brien", false, []tok{w("O’Brien", "O'BRIEN")}},
		{"ItsIsPossessiveForm", "It’s safe", false, []tok{w("It", "IT"), w("’s", "'S"), w("safe", "SAFE")}},
		{"Thousands", "1,000 troops", false, []tok{n("1,000"), w("troops", "TROOPS")}},
		{"Decimal", "3.5 percent", false, []tok{n("3.5"), w("percent", "PERCENT")}},
		{"Money", "$1,000.50", true, []tok{p("$", "$"), n("1,000.50")}},
		{"Percent", "3.5%", true, []tok{n("3.5"), p("%", "%")}},
		{"NumberRange", "June 18-19", true, []tok{w("June", "JUNE"), n("18"), p("-", "-"), n("19")}},
		{"NumberThenPeriod", "in 2023.", true, []tok{w("in", "IN"), n("2023"), p(".", ".")}},
		{"NumberThenComma", "19, 2023", true, []tok{n("19"), p(",", ","), n("2023")}},
		{"Ordinal", "the 5th round", false, []tok{w("the", "THE"), w("5th", "5TH"), w("round", "ROUND")}},
		{"AlnumWord", "G20 summit", false, []tok{w("G20", "G20"), w("summit", "SUMMIT")}},
		{"DecadePossessive", "1990's", false, []tok{n("1990"), w("'s", "'S")}},
		{"Han", "习近平", false, []tok{w("习", "习"), w("近", "近"), w("平", "平")}},
		{"HanPunct", "中美关系。", true, []tok{w("中", "中"), w("美", "美"), w("关", "关"), w("系", "系"), p("。", "。")}},
		{"HanAfterLatin", "Xi说", false, []tok{w("Xi", "XI"), w("说", "说")}},
		{"CurlyQuotes", "“Yes,” he said", true, []tok{p("“", "\""), w("Yes", "YES"), p(",", ","), p("”", "\""), w("he", "HE"), w("said", "SAID")}},
		{"QuotesNoPunct", "“Yes,” he said", false, []tok{w("Yes", "YES"), w("he", "HE"), w("said", "SAID")}},
		{"SpeakerLabel", "SECRETARY BLINKEN:", true, []tok{w("SECRETARY", "SECRETARY"), w("BLINKEN", "BLINKEN"), p(":", ":")}},
		{"Parens", "(PRC)", true, []tok{p("(", "("), w("PRC", "PRC"), p(")", ")")}},
		{"Accented", "Zürich Élysée", false, []tok{w("Zürich", "ZÜRICH"), w("Élysée", "ÉLYSÉE")}},
		{"CombiningMark", "cafe\u0301 talks", false, []tok{w("cafe\u0301", "CAFE\u0301"), w("talks", "TALKS")}},
		{"Cyrillic", "Москва", false, []tok{w("Москва", "МОСКВА")}},
		{"InvalidUTF8", "Xi\xffmet", true, []tok{w("Xi", "XI"), w("met", "MET")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk := text.Tokenizer{KeepPunct: tt.keepPunct}
			got := toks(t, tt.in, tk.Tokenize(tt.in, dyad.Span{Start: 0, End: len(tt.in)}))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizer_Span(t *testing.T) {
	const in = "Xi met Biden. Then Wang Yi spoke."
	tests := []struct {
		name string
		span dyad.Span
		want []tok
	}{
		{"Inner", dyad.Span{Start: 14, End: 32}, []tok{w("Then", "THEN"), w("Wang", "WANG"), w("Yi", "YI"), w("spoke", "SPOKE")}},
		{"CutsWord", dyad.Span{Start: 4, End: 9}, []tok{w("et", "ET"), w("Bi", "BI")}},
		{"Clamped", dyad.Span{Start: -5, End: 1000}, toks(t, in, (&text.Tokenizer{}).Tokenize(in, dyad.Span{Start: 0, End: len(in)}))},
		{"Reversed", dyad.Span{Start: 10, End: 5}, nil},
		{"PastEnd", dyad.Span{Start: 100, End: 200}, nil},
		{"Empty", dyad.Span{Start: 3, End: 3}, nil},
	}
	var tk text.Tokenizer
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := toks(t, in, tk.Tokenize(in, tt.span))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q, %v) = %q, want %q", in, tt.span, got, tt.want)
			}
		})
	}
}

// TestTokenizer_NormShares checks the documented promise that a Norm equal
// to the original shares its bytes, and that no memory is allocated then.
func TestTokenizer_NormShares(t *testing.T) {
	const in = "U.S. CHINA 1,000 O'BRIEN ÉLYSÉE 习 , \" XI'S"
	tk := text.Tokenizer{KeepPunct: true}
	ts := tk.Tokenize(in, dyad.Span{Start: 0, End: len(in)})
	if len(ts) == 0 {
		t.Fatalf("Tokenize(%q) = no tokens", in)
	}
	for _, x := range ts {
		orig := in[x.Span.Start:x.Span.End]
		if x.Norm != orig {
			t.Errorf("Tokenize(%q): token %q has Norm %q, want the original", in, orig, x.Norm)
			continue
		}
		if x.Norm != "'S" && unsafe.StringData(x.Norm) != unsafe.StringData(orig) {
			t.Errorf("Tokenize(%q): Norm of %q does not share the original's bytes", in, orig)
		}
	}
	buf := make([]dyad.Token, 0, 32)
	allocs := testing.AllocsPerRun(100, func() {
		buf = tk.AppendTokens(buf[:0], in, dyad.Span{Start: 0, End: len(in)})
	})
	if allocs != 0 {
		t.Errorf("AppendTokens(%q) allocates %v times, want 0", in, allocs)
	}
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"china", "CHINA"},
		{"O’Brien", "O'BRIEN"},
		{"‘quoted’", "'QUOTED'"},
		{"U.S.", "U.S."},
		{"zürich", "ZÜRICH"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := text.Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTokenizer_SentenceSpans tokenizes segmented sentences: every token lies
// in its sentence and the sentences together hold every word of the text.
func TestTokenizer_SentenceSpans(t *testing.T) {
	const in = "Secretary of State Antony J. Blinken met Wang Yi.  The U.S. side said so.\n\n中美双方同意。王毅会见了布林肯。"
	var seg text.Segmenter
	var tk text.Tokenizer
	var all []dyad.Token
	for _, s := range seg.Segment(in) {
		ts := tk.Tokenize(in, s.Span)
		for _, x := range ts {
			if !s.Span.Contains(x.Span) {
				t.Errorf("token %q at %v lies outside sentence %v", in[x.Span.Start:x.Span.End], x.Span, s.Span)
			}
		}
		all = append(all, ts...)
	}
	whole := tk.Tokenize(in, dyad.Span{Start: 0, End: len(in)})
	if !slices.Equal(all, whole) {
		t.Errorf("tokens by sentence = %v, want the tokens of the whole text %v", all, whole)
	}
}

// TestTokenizer_AppendTokensNorms checks that tokens written into a Norms
// reused across calls are those of AppendTokens, and that a Norm handed
// out stays as it was after later calls fill and replace the Norms' block.
func TestTokenizer_AppendTokensNorms(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"mixed case", "Secretary of State Antony Blinken met Wang Yi in Beijing on Monday."},
		{"already upper", "U.S. CHINA 1,000 O'BRIEN ÉLYSÉE"},
		{"non-ascii", "Zürich’s café and the ɐ of Dvořák; it’s O’Brien’s"},
		{"empty", ""},
	}
	tk := text.Tokenizer{KeepPunct: true}
	var norms text.Norms
	var kept [][]dyad.Token // every call's tokens, checked at the end
	var want [][]dyad.Token
	// Enough rounds to fill several of the Norms' blocks.
	for round := range 200 {
		for _, tt := range tests {
			span := dyad.Span{Start: 0, End: len(tt.in)}
			got := tk.AppendTokensNorms(nil, tt.in, span, &norms)
			exp := tk.AppendTokens(nil, tt.in, span)
			if !slices.Equal(got, exp) {
				t.Fatalf("%s, round %d: AppendTokensNorms(%q) = %v, want %v", tt.name, round, tt.in, got, exp)
			}
			kept, want = append(kept, got), append(want, exp)
		}
	}
	for i := range kept {
		if !slices.Equal(kept[i], want[i]) {
			t.Fatalf("call %d: tokens changed after later calls: %v, want %v", i, kept[i], want[i])
		}
	}
}

// TestTokenizer_AppendTokensNormsAllocs checks that a reused Norms serves
// many sentences with lower-case words from one allocation.
func TestTokenizer_AppendTokensNormsAllocs(t *testing.T) {
	const in = "The two sides agreed to continue discussions in Beijing."
	tk := text.Tokenizer{KeepPunct: true}
	var norms text.Norms
	buf := make([]dyad.Token, 0, 32)
	allocs := testing.AllocsPerRun(200, func() {
		buf = tk.AppendTokensNorms(buf[:0], in, dyad.Span{Start: 0, End: len(in)}, &norms)
	})
	// 200 calls of ~50 upper-cased bytes fill about three 4 KB blocks.
	if allocs >= 0.1 {
		t.Errorf("AppendTokensNorms(%q) allocates %v times a call, want < 0.1", in, allocs)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		buf = tk.AppendTokens(buf[:0], in, dyad.Span{Start: 0, End: len(in)})
	}); allocs != 1 {
		t.Errorf("AppendTokens(%q) allocates %v times, want 1", in, allocs)
	}
}
