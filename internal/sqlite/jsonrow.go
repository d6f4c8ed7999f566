package sqlite

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonRow reads, in order, the values of a JSON array that SQLite's
// json_array wrote: strings, integers, null and nested arrays.
//
// Why: the driver pays several calls into SQLite (each taking the
// connection's mutex) and an allocation for every column of every row,
// which for an event's 40-odd columns costs more than the query itself. A
// query that packs a row's columns into one json_array column is read with
// one call and one allocation, and its strings are slices of that one
// string (unless they hold escapes, which are rare in dyad's data).
//
// Reals are not read here: SQLite writes them with 15 significant digits,
// which does not keep every bit of a float64; select them as columns.
//
// Errors are sticky: after the first, every read returns a zero value and
// err says what went wrong.
type jsonRow struct {
	s   string
	i   int
	err error
}

func (r *jsonRow) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("json row at byte %d: %s", r.i, fmt.Sprintf(format, args...))
	}
}

// sep skips the separator before a value, if any.
func (r *jsonRow) sep() {
	for r.i < len(r.s) && (r.s[r.i] == ',' || r.s[r.i] == ' ') {
		r.i++
	}
}

// begin reads the '[' that opens an array.
func (r *jsonRow) begin() {
	if r.err != nil {
		return
	}
	r.sep()
	if r.i >= len(r.s) || r.s[r.i] != '[' {
		r.fail("want [")
		return
	}
	r.i++
}

// more reports whether the current array has another value; at its end it
// reads the closing ']' and returns false.
func (r *jsonRow) more() bool {
	if r.err != nil {
		return false
	}
	r.sep()
	if r.i >= len(r.s) {
		r.fail("unterminated array")
		return false
	}
	if r.s[r.i] == ']' {
		r.i++
		return false
	}
	return true
}

// end reads the ']' that closes an array.
func (r *jsonRow) end() {
	if r.more() {
		r.fail("want ]")
	}
}

// null reads a null if one is next, and reports whether it did.
func (r *jsonRow) null() bool {
	if r.err != nil {
		return false
	}
	r.sep()
	if strings.HasPrefix(r.s[r.i:], "null") {
		r.i += len("null")
		return true
	}
	return false
}

// text reads a string, or null as "".
func (r *jsonRow) text() string {
	s, _ := r.nullText()
	return s
}

// nullText reads a string, or null (ok false).
func (r *jsonRow) nullText() (s string, ok bool) {
	if r.err != nil || r.null() {
		return "", false
	}
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		r.fail("want a string")
		return "", false
	}
	start := r.i + 1
	escaped := false
	for j := start; j < len(r.s); j++ {
		switch r.s[j] {
		case '\\':
			escaped = true
			j++ // the escaped byte cannot end the string
		case '"':
			r.i = j + 1
			if !escaped {
				return r.s[start:j], true
			}
			out, err := unescape(r.s[start:j])
			if err != nil {
				r.fail("string: %v", err)
				return "", false
			}
			return out, true
		}
	}
	r.fail("unterminated string")
	return "", false
}

// unescape decodes the escapes of a JSON string's contents. Other bytes,
// invalid UTF-8 included, are kept as they are: SQLite copies a TEXT
// value's bytes into JSON and escapes only '"', '\\' and control
// characters, and the stored value must come back unchanged (the standard
// decoder would replace invalid UTF-8).
func unescape(s string) (string, error) {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		if i+1 >= len(s) {
			return "", fmt.Errorf("escape at end")
		}
		i++
		switch s[i] {
		case '"', '\\', '/':
			b = append(b, s[i])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(s, i+1)
			if !ok {
				return "", fmt.Errorf("bad \\u escape")
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(s, i+3); ok && i+2 < len(s) && s[i+1] == '\\' && s[i+2] == 'u' {
					if pair := utf16.DecodeRune(r, r2); pair != utf8.RuneError {
						r = pair
						i += 6
					}
				}
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", fmt.Errorf("bad escape \\%c", s[i])
		}
	}
	return string(b), nil
}

// hex4 reads the four hex digits at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i < 0 || i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// int reads an integer, or null as 0.
func (r *jsonRow) int() int64 {
	n, _ := r.nullInt()
	return n
}

// nullInt reads an integer, or null (ok false).
func (r *jsonRow) nullInt() (n int64, ok bool) {
	if r.err != nil || r.null() {
		return 0, false
	}
	j := r.i
	if j < len(r.s) && r.s[j] == '-' {
		j++
	}
	for j < len(r.s) && r.s[j] >= '0' && r.s[j] <= '9' {
		j++
	}
	n, err := strconv.ParseInt(r.s[r.i:j], 10, 64)
	if err != nil {
		r.fail("want an integer")
		return 0, false
	}
	r.i = j
	return n, true
}

// done checks that the whole input was read and returns the first error.
func (r *jsonRow) done() error {
	if r.err == nil && r.i != len(r.s) {
		r.fail("trailing data")
	}
	return r.err
}
