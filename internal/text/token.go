package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

// A Tokenizer splits text into tokens. The zero value is ready to use.
type Tokenizer struct {
	// KeepPunct reports punctuation marks as tokens of kind dyad.Punct.
	KeepPunct bool
}

// Tokenize returns the tokens of text within the span s, in order.
func (t *Tokenizer) Tokenize(text string, s dyad.Span) []dyad.Token {
	return t.AppendTokens(nil, text, s)
}

// AppendTokens appends the tokens of text within s to dst and returns the
// extended slice, so callers on a hot path can reuse one buffer.
func (t *Tokenizer) AppendTokens(dst []dyad.Token, text string, s dyad.Span) []dyad.Token {
	// arena holds the upper-cased Norms of this call, so that they cost one
	// allocation per call instead of one per word. A strings.Builder only
	// appends, so a Norm sliced from it never changes.
	arena := Norms{oneCall: true}
	return t.AppendTokensNorms(dst, text, s, &arena)
}

// normsChunk is the size of the blocks a Norms allocates: one serves the
// lower-case words of a few dozen sentences.
const normsChunk = 4096

// Norms holds the upper-cased forms (Token.Norm) that a Tokenizer writes
// for words not already in that form. A worker that tokenizes many texts
// in turn keeps one Norms and passes it to AppendTokensNorms, so the Norms
// of many sentences share one allocation. A Norm handed out is never
// overwritten: a full block is left to the garbage collector and a new
// one begun, so tokens stay valid after later calls. The zero value is
// ready to use; a Norms must not be copied after first use or used by
// several goroutines at once.
type Norms struct {
	b strings.Builder
	// oneCall marks the Norms of a single AppendTokens call: its one block
	// is sized to the span.
	oneCall bool
}

// reserve makes room for the Norm of w, rest being the bytes left in the
// span, starting a new block when the current one cannot take it.
func (a *Norms) reserve(w string, ascii bool, rest int) {
	if a.oneCall {
		if a.b.Cap() == 0 {
			a.b.Grow(rest)
		}
		return
	}
	n := len(w)
	if !ascii {
		n += n / 2 // upper case may take more bytes ("ɐ" → "Ɐ")
	}
	if a.b.Cap()-a.b.Len() >= n {
		return
	}
	a.b = strings.Builder{}
	a.b.Grow(max(n, normsChunk))
}

// AppendTokensNorms is AppendTokens writing the Norms it builds into
// norms, which callers reuse across calls.
func (t *Tokenizer) AppendTokensNorms(dst []dyad.Token, text string, s dyad.Span, norms *Norms) []dyad.Token {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	arena := norms
	i := s.Start
	for i < s.End {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				i++
			case isASCIIAlnum(c):
				dst, i = t.word(dst, text, i, s.End, arena)
			default:
				if t.KeepPunct {
					dst = append(dst, dyad.Token{Span: dyad.Span{Start: i, End: i + 1}, Norm: text[i : i+1], Kind: dyad.Punct})
				}
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case r == utf8.RuneError && n <= 1:
			i++ // invalid byte: skip, it cannot start a token
		case unicode.Is(unicode.Han, r):
			dst = append(dst, dyad.Token{Span: dyad.Span{Start: i, End: i + n}, Norm: text[i : i+n], Kind: dyad.Word})
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst, i = t.word(dst, text, i, s.End, arena)
		case unicode.IsSpace(r):
			i += n
		default:
			if t.KeepPunct {
				dst = append(dst, dyad.Token{Span: dyad.Span{Start: i, End: i + n}, Norm: foldPunct(text[i:i+n], r), Kind: dyad.Punct})
			}
			i += n
		}
	}
	return dst
}

// word scans a word or number starting at i and appends it (and a split-off
// possessive) to dst. It returns the position after what it consumed.
func (t *Tokenizer) word(dst []dyad.Token, text string, i, end int, arena *Norms) ([]dyad.Token, int) {
	start := i
	kind := dyad.Number
	segLen := 0     // letters in the current '.'-separated segment
	singles := true // every segment so far is one letter
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		switch {
		case r >= utf8.RuneSelf && unicode.Is(unicode.Han, r):
			goto done
		case r < utf8.RuneSelf && isASCIIDigit(byte(r)):
			segLen++
			i += n
		case r < utf8.RuneSelf && isASCIILetter(byte(r)), r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)):
			kind = dyad.Word
			segLen++
			i += n
		case r >= utf8.RuneSelf && unicode.IsDigit(r):
			segLen++
			i += n
		case r == ',' && kind == dyad.Number && i+1 < end && isASCIIDigit(text[i+1]):
			i++
		case r == '.' && kind == dyad.Number && i+1 < end && isASCIIDigit(text[i+1]):
			i++
		case r == '.' && kind == dyad.Word:
			if segLen != 1 {
				singles = false
			}
			if !singles {
				goto done
			}
			if i+1 < end && isLetterAt(text, i+1, end) && nextSegmentIsSingle(text, i+1, end) {
				segLen = 0
				i++
				continue
			}
			// A trailing period after single-letter segments belongs to the
			// abbreviation: "U.S.", "J.".
			i++
			goto done
		case r == '\'' || r == '’':
			// Possessive 's or internal apostrophe.
			j := i + n
			if j < end && (text[j] == 's' || text[j] == 'S') && (j+1 >= end || !isLetterAt(text, j+1, end)) {
				goto done
			}
			if j < end && isLetterAt(text, j, end) && kind == dyad.Word {
				i = j
				continue
			}
			goto done
		default:
			goto done
		}
	}
done:
	dst = append(dst, dyad.Token{Span: dyad.Span{Start: start, End: i}, Norm: normIn(arena, text[start:i], end-start), Kind: kind})
	// Split off a possessive.
	if i < end && (text[i] == '\'' || strings.HasPrefix(text[i:end], "’")) {
		n := 1
		if text[i] != '\'' {
			n = len("’")
		}
		j := i + n
		if j < end && (text[j] == 's' || text[j] == 'S') && (j+1 >= end || !isLetterAt(text, j+1, end)) {
			dst = append(dst, dyad.Token{Span: dyad.Span{Start: i, End: j + 1}, Norm: "'S", Kind: dyad.Word})
			i = j + 1
		}
	}
	return dst, i
}

// nextSegmentIsSingle reports whether the segment starting at i is a single
// letter followed by a period: the "S." of "U.S.".
func nextSegmentIsSingle(text string, i, end int) bool {
	_, n := utf8.DecodeRuneInString(text[i:end])
	return i+n < end && text[i+n] == '.'
}

func isLetterAt(text string, i, end int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return isASCIILetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) && !unicode.Is(unicode.Han, r)
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isASCIIDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || isASCIIDigit(c) }

// norm returns the upper-case form of a word, sharing w's bytes when it is
// already in that form.
func norm(w string) string {
	clean, ascii := normState(w)
	if clean || !ascii && isNormForm(w) {
		return w
	}
	var b strings.Builder
	b.Grow(len(w))
	writeNorm(&b, w, ascii)
	return b.String()
}

// normIn is norm writing into arena instead of allocating per word. The
// Norms of one AppendTokens call reserve rest bytes, the text left in the
// span, when the first word needs it: upper-casing ASCII keeps the length,
// so one allocation usually serves the whole call.
func normIn(arena *Norms, w string, rest int) string {
	clean, ascii := normState(w)
	if clean || !ascii && isNormForm(w) {
		return w
	}
	arena.reserve(w, ascii, rest)
	b := &arena.b
	start := b.Len()
	writeNorm(b, w, ascii)
	return b.String()[start:]
}

// normState reports whether w is ASCII without lower-case letters (clean),
// and whether it is ASCII at all.
func normState(w string) (clean, ascii bool) {
	clean = true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		if 'a' <= c && c <= 'z' {
			clean = false
		}
	}
	return clean, true
}

// writeNorm writes the upper-case form of w to b, folding typographic
// apostrophes; ascii says w is all ASCII, which a byte loop handles.
func writeNorm(b *strings.Builder, w string, ascii bool) {
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case 'a' <= c && c <= 'z':
				c -= 'a' - 'A'
			case c == '`':
				c = '\''
			}
			b.WriteByte(c)
		}
		return
	}
	for _, r := range w {
		switch r {
		case '’', '‘', '`':
			r = '\''
		default:
			r = unicode.ToUpper(r)
		}
		b.WriteRune(r)
	}
}

// isNormForm reports whether w is already upper case with ASCII apostrophes,
// so that norm can share its bytes (non-ASCII words such as "ÉLYSÉE").
func isNormForm(w string) bool {
	for _, r := range w {
		switch {
		case r == '’' || r == '‘' || r == '`' || r == utf8.RuneError:
			return false
		case unicode.ToUpper(r) != r:
			return false
		}
	}
	return true
}

// Norm returns the dictionary form of a single word as the Tokenizer would
// produce it: upper case, typographic apostrophes folded.
func Norm(w string) string { return norm(w) }

func foldPunct(s string, r rune) string {
	switch r {
	case '’', '‘':
		return "'"
	case '“', '”', '„', '«', '»':
		return "\""
	case '–', '—', '‒', '―':
		return "-"
	}
	return s
}
