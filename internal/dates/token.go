package dates

// A kind is the shape of a token.
type kind uint8

// Token kinds.
const (
	tWord   kind = iota + 1 // letters (and digits after a letter): "June", "Q3"
	tNum                    // digits: "19", "2023", "19th", "1990s"
	tDash                   // - ‐ ‑ ‒ – — ―
	tComma                  // ,
	tPeriod                 // .
	tSlash                  // /
	tApos                   // ' ‘ ’
	tOther                  // any other punctuation
)

// Token flags.
const (
	fCap    uint8 = 1 << iota // word starts with an ASCII capital
	fPlural                   // unit word in the plural ("days")
	fOrd                      // number with an ordinal suffix ("19th")
	fDecade                   // four-digit number with an "s" ("1990s")
	fBad                      // number that is no day or year: "2,000", "1.5", "5G", more than four digits
)

// A token is one word, number or punctuation mark of the span being
// scanned. start and end are absolute byte offsets into the text.
type token struct {
	start, end int32
	val        int16 // month, weekday, number value, unit or season
	kind       kind
	cls        class
	ndig       uint8 // digits of a tNum
	flag       uint8
}

// tokenize appends the tokens of text[start:end] to toks.
func tokenize(toks []token, text string, start, end int) []token {
	i := start
	for i < end {
		c := text[i]
		switch byteKind(c) {
		case bSpace:
			i++
		case bDigit:
			var t token
			t, i = number(text, i, end)
			toks = append(toks, t)
		case bLetter:
			var t token
			t, i = word(text, i, end)
			toks = append(toks, t)
		case bHigh:
			k, n := special(text, i, end)
			switch {
			case n == 0:
				var t token
				t, i = word(text, i, end)
				toks = append(toks, t)
			case k == 0: // a space
				i += n
			default:
				toks = append(toks, token{start: int32(i), end: int32(i + n), kind: k})
				i += n
			}
		default:
			k := tOther
			switch c {
			case '-':
				k = tDash
			case ',':
				k = tComma
			case '.':
				k = tPeriod
			case '/':
				k = tSlash
			case '\'', '`':
				k = tApos
			}
			toks = append(toks, token{start: int32(i), end: int32(i + 1), kind: k})
			i++
		}
	}
	return toks
}

// Byte kinds for the tokenizer.
const (
	bOther  uint8 = iota // ASCII punctuation and control characters
	bSpace               // ASCII white space
	bLetter              // ASCII letter
	bDigit               // ASCII digit
	bHigh                // a byte of a multi-byte UTF-8 sequence
)

// byteKind classifies one byte of text.
func byteKind(c byte) uint8 {
	switch {
	case c >= 0x80:
		return bHigh
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		return bLetter
	case '0' <= c && c <= '9':
		return bDigit
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		return bSpace
	}
	return bOther
}

func isASCIILetter(c byte) bool { c |= 0x20; return 'a' <= c && c <= 'z' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// special reports whether the non-ASCII sequence at text[i] is a space or
// punctuation mark, returning its kind (0 for a space) and byte length, or
// n == 0 when it is part of a word.
func special(text string, i, end int) (k kind, n int) {
	c := text[i]
	if c == 0xC2 && i+1 < end && text[i+1] == 0xA0 { // no-break space
		return 0, 2
	}
	if c != 0xE2 || i+2 >= end || text[i+1] != 0x80 {
		return 0, 0
	}
	switch d := text[i+2]; {
	case d <= 0x8B || d == 0xAF: // U+2000–U+200B spaces, U+202F narrow no-break space
		return 0, 3
	case d >= 0x90 && d <= 0x95: // hyphens and dashes
		return tDash, 3
	case d == 0x98 || d == 0x99: // single quotes
		return tApos, 3
	case d >= 0x9A && d <= 0xA7: // double quotes, bullets, ellipsis
		return tOther, 3
	}
	return 0, 0
}

// word scans a word starting at text[i]: ASCII letters and digits and
// non-ASCII bytes that are not spaces or punctuation.
func word(text string, i, end int) (token, int) {
	start := i
	high, upper := false, false
	var lb [maxWord]byte // the word in lower case, when it is short enough
	for i < end {
		c := text[i]
		bc := byteKind(c)
		if bc == bLetter || bc == bDigit {
			if n := i - start; n < maxWord {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
					upper = true
				}
				lb[n] = c
			}
			i++
			continue
		}
		if bc == bHigh {
			if _, n := special(text, i, end); n == 0 {
				high = true
				i++
				continue
			}
		}
		break
	}
	t := token{start: int32(start), end: int32(i), kind: tWord}
	if c := text[start]; 'A' <= c && c <= 'Z' {
		t.flag |= fCap
	}
	if n := i - start; !high && n <= maxWord {
		key := text[start:i]
		if upper {
			key = string(lb[:n]) // does not escape: no allocation
		}
		cls, v, plural := classify(key)
		t.cls, t.val = cls, v
		if plural {
			t.flag |= fPlural
		}
	}
	return t, i
}

// number scans a number starting at text[i]. Digit groups ("2,000"),
// decimals ("1.5") and other letter suffixes than ordinals and a decade "s"
// are kept in one token flagged fBad.
func number(text string, i, end int) (token, int) {
	t := token{start: int32(i), kind: tNum}
	v := 0
	for i < end && isDigit(text[i]) {
		if t.ndig < 255 {
			t.ndig++
		}
		if t.ndig <= 4 {
			v = v*10 + int(text[i]-'0')
		}
		i++
	}
	if t.ndig > 4 {
		t.flag |= fBad
	}
	t.val = int16(v)
	for i+1 < end && (text[i] == ',' || text[i] == '.') && isDigit(text[i+1]) {
		t.flag |= fBad
		i++
		for i < end && isDigit(text[i]) {
			i++
		}
	}
	if i < end && isASCIILetter(text[i]) {
		s := i
		for i < end && (isASCIILetter(text[i]) || isDigit(text[i])) {
			i++
		}
		switch suffix := text[s:i]; {
		case len(suffix) == 2 && isOrdinal(suffix[0]|0x20, suffix[1]|0x20):
			t.flag |= fOrd
		case len(suffix) == 1 && suffix[0]|0x20 == 's' && t.ndig == 4:
			t.flag |= fDecade
		default:
			t.flag |= fBad
		}
	}
	t.end = int32(i)
	return t, i
}

func isOrdinal(a, b byte) bool {
	switch {
	case a == 's' && b == 't', a == 'n' && b == 'd', a == 'r' && b == 'd', a == 't' && b == 'h':
		return true
	}
	return false
}
