package export

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as json.Marshal writes it, byte for byte, without
// reflection: the API's event list writes thousands of records a second,
// and encoding/json spent more time on them than the store took to read
// them. A test compares the two with every field set and on arbitrary
// strings and numbers: a field added to Record must be added here too, and
// the test fails until it is.
func (r *Record) AppendJSON(b []byte) []byte {
	b = append(b, '{')
	if r.ID != 0 {
		b = append(b, `"id":`...)
		b = strconv.AppendInt(b, r.ID, 10)
		b = append(b, ',')
	}
	b = append(b, `"key":`...)
	b = appendString(b, r.Key)
	if r.DocID != 0 {
		b = append(b, `,"doc_id":`...)
		b = strconv.AppendInt(b, r.DocID, 10)
	}
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(r.Sentence), 10)
	b = append(b, `,"span":`...)
	b = appendPair(b, r.Span)
	b = append(b, `,"text":`...)
	b = appendString(b, r.Text)
	b = append(b, `,"verb":`...)
	b = appendPair(b, r.Verb)
	b = append(b, `,"source":`...)
	b = r.Source.appendJSON(b)
	b = append(b, `,"target":`...)
	if r.Target == nil {
		b = append(b, "null"...)
	} else {
		b = r.Target.appendJSON(b)
	}
	b = append(b, `,"cameo":`...)
	b = appendString(b, r.CAMEO)
	if r.CAMEOName != "" {
		b = append(b, `,"cameo_name":`...)
		b = appendString(b, r.CAMEOName)
	}
	b = append(b, `,"plover":`...)
	b = appendString(b, r.PLOVER)
	b = append(b, `,"mode":`...)
	b = appendString(b, r.Mode)
	if len(r.Context) > 0 {
		b = append(b, `,"context":`...)
		b = appendStrings(b, r.Context)
	}
	b = append(b, `,"quad":`...)
	b = strconv.AppendInt(b, int64(r.Quad), 10)
	b = append(b, `,"goldstein":`...)
	b = appendFloat(b, r.Goldstein)
	b = append(b, `,"status":`...)
	b = appendString(b, string(r.Status))
	b = append(b, `,"date":`...)
	b = appendString(b, r.Date)
	b = append(b, `,"date_end":`...)
	b = appendString(b, r.DateEnd)
	b = append(b, `,"date_precision":`...)
	b = appendString(b, string(r.DatePrecision))
	b = append(b, `,"date_from_doc":`...)
	b = strconv.AppendBool(b, r.DateFromDoc)
	b = append(b, `,"issues":`...)
	b = appendStrings(b, r.Issues)
	if r.Location != "" {
		b = append(b, `,"location":`...)
		b = appendString(b, r.Location)
	}
	if r.Object != "" {
		b = append(b, `,"object":`...)
		b = appendString(b, r.Object)
	}
	if r.Pattern != "" {
		b = append(b, `,"pattern":`...)
		b = appendString(b, r.Pattern)
	}
	if len(r.Sources) > 0 {
		b = append(b, `,"sources":[`...)
		for i := range r.Sources {
			if i > 0 {
				b = append(b, ',')
			}
			b = r.Sources[i].appendJSON(b)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (a *ActorRecord) appendJSON(b []byte) []byte {
	b = append(b, `{"text":`...)
	b = appendString(b, a.Text)
	b = append(b, `,"code":`...)
	b = appendString(b, a.Code)
	b = append(b, `,"country":`...)
	b = appendString(b, a.Country)
	if a.Person != "" {
		b = append(b, `,"person":`...)
		b = appendString(b, a.Person)
	}
	if a.Office != "" {
		b = append(b, `,"office":`...)
		b = appendString(b, a.Office)
	}
	if a.Level != "" {
		b = append(b, `,"level":`...)
		b = appendString(b, a.Level)
	}
	return append(b, '}')
}

func (s *SourceRecord) appendJSON(b []byte) []byte {
	b = append(b, `{"doc_id":`...)
	b = strconv.AppendInt(b, s.DocID, 10)
	if s.Document != "" {
		b = append(b, `,"document":`...)
		b = appendString(b, s.Document)
	}
	if s.Publisher != "" {
		b = append(b, `,"publisher":`...)
		b = appendString(b, s.Publisher)
	}
	if s.Side != "" {
		b = append(b, `,"side":`...)
		b = appendString(b, s.Side)
	}
	b = append(b, `,"sentence":`...)
	b = strconv.AppendInt(b, int64(s.Sentence), 10)
	b = append(b, `,"span":`...)
	b = appendPair(b, s.Span)
	return append(b, '}')
}

func appendPair(b []byte, p [2]int) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(p[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(p[1]), 10)
	return append(b, ']')
}

// appendStrings appends a list of strings; nil is null, as encoding/json
// writes a nil slice.
func appendStrings(b []byte, l []string) []byte {
	if l == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendFloat writes f as encoding/json does: the shortest decimal that
// reads back as f, in exponent form only below 1e-6 or from 1e21, with
// the exponent unpadded. NaN and infinities, which JSON cannot hold, are
// written as null (json.Marshal refuses them; Goldstein values never are).
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	if abs == 0 || (abs >= 1e-6 && abs < 1e21) {
		return strconv.AppendFloat(b, f, 'f', -1, 64)
	}
	start := len(b)
	b = strconv.AppendFloat(b, f, 'e', -1, 64)
	// strconv pads the exponent to two digits (1e-07); JSON writers don't.
	if n := len(b); n-start >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1]
		b = b[:n-1]
	}
	return b
}

const hexDigits = "0123456789abcdef"

// plain marks the ASCII bytes a JSON string holds as they are: not a
// control character, '"', '\\', or one of HTML's '<', '>' and '&'.
var plain = [utf8.RuneSelf]bool{
	' ': true, '!': true, '#': true, '$': true, '%': true, '\'': true, '(': true, ')': true, '*': true, '+': true,
	',': true, '-': true, '.': true, '/': true, ':': true, ';': true, '=': true, '?': true, '@': true, '[': true,
	']': true, '^': true, '_': true, '`': true, '{': true, '|': true, '}': true, '~': true, 0x7f: true,
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true,
	'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true, 'S': true, 'T': true,
	'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true,
	'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true,
	'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// appendString appends s as a JSON string the way json.Marshal does: ", \
// and control characters escaped (\n, \r, \t, \b, \f by name, the rest as
// \u00XX), <, > and & as \u003c, \u003e and \u0026 so that the JSON is
// safe inside HTML, U+2028 and U+2029 escaped for JavaScript, and each
// byte of invalid UTF-8 replaced by \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is pending, to be copied as is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
