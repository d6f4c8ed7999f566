package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-dev/dyad"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// binarySample is how much of an input the binary check looks at.
const binarySample = 8 << 10

// checkText rejects binary data and invalid UTF-8 and returns data as a
// string without its byte-order mark.
func checkText(name string, data []byte) (string, error) {
	off := 0
	if len(data) >= 3 && data[0] == utf8BOM[0] && data[1] == utf8BOM[1] && data[2] == utf8BOM[2] {
		data, off = data[3:], 3
	}
	sample := data[:min(len(data), binarySample)]
	ctl := 0
	for i, c := range sample {
		switch {
		case c == 0:
			return "", errorf(dyad.EINVALID, name, "binary data (NUL byte at offset %d); UTF-16 and binary files are not read", off+i)
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7f:
			ctl++
		}
	}
	if ctl*10 > len(sample) {
		return "", errorf(dyad.EINVALID, name, "binary data (%d control characters in the first %d bytes)", ctl, len(sample))
	}
	if i := invalidUTF8(data); i >= 0 {
		return "", errorf(dyad.EINVALID, name, "invalid UTF-8 at byte offset %d", off+i)
	}
	return string(data), nil
}

// invalidUTF8 returns the offset of the first byte of data that is not
// valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// cleanText normalises line ends to "\n", drops leading and trailing blank
// lines and trailing white space, and collapses runs of blank lines into
// one empty line. It also returns the number of leading lines it dropped.
// A line is blank when it holds only white space.
func cleanText(s string) (string, int) {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	dropped, blank := 0, false
	for line := range strings.SplitSeq(s, "\n") {
		if isBlank(line) {
			if b.Len() == 0 {
				dropped++
			} else {
				blank = true
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace), dropped
}

func isBlank(line string) bool {
	for _, r := range line {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// knownKeys are the header keys that make a leading block of "key: value"
// lines a header. Keys other than these go to Document.Meta.
var knownKeys = map[string]bool{
	"source": true, "publisher": true, "date": true, "kind": true, "side": true,
	"title": true, "completeness": true, "note": true, "lang": true,
}

// parseTxt turns plain text (checked, not yet cleaned) into a document,
// removing and applying its header block if it has one.
func parseTxt(name, s string) (*dyad.Document, error) {
	text, dropped := cleanText(s)
	d := &dyad.Document{Source: name, Format: FormatTxt, Text: text}
	end := strings.Index(text, "\n\n")
	if end < 0 {
		if _, ok := parseHeader(text); ok {
			return nil, errorf(dyad.EINVALID, name, "empty document (a header block and no text)")
		}
		return d, nil
	}
	fields, ok := parseHeader(text[:end])
	if !ok {
		return d, nil
	}
	d.Text = text[end+2:]
	for i, f := range fields {
		switch f.key {
		case "source":
			d.Source = f.value
			if src, note, ok := splitSource(f.value); ok {
				d.Source = src
				setMeta(d, "source_note", note)
			}
		case "title":
			d.Title = f.value
		case "publisher":
			d.Publisher = f.value
		case "kind":
			d.Kind = f.value
		case "side":
			d.Side = f.value
		case "lang":
			d.Lang = f.value
		case "date":
			t, ok := parseDate(f.value)
			if !ok {
				return nil, errorf(dyad.EINVALID, fmt.Sprintf("%s:%d", name, dropped+i+1),
					"bad date %q in header (want 2006-01-02, RFC 3339, \"January 2, 2006\" or \"2 January 2006\")", f.value)
			}
			d.Date = t
		default:
			setMeta(d, f.key, f.value)
		}
	}
	return d, nil
}

func setMeta(d *dyad.Document, k, v string) {
	if d.Meta == nil {
		d.Meta = make(map[string]string)
	}
	d.Meta[k] = v
}

type headerField struct{ key, value string }

// parseHeader parses block as a header: every line is "key: value" with a
// key of [a-z_-], and at least one key is known.
func parseHeader(block string) ([]headerField, bool) {
	var fields []headerField
	known := false
	for line := range strings.SplitSeq(block, "\n") {
		i := strings.IndexByte(line, ':')
		if i <= 0 {
			return nil, false
		}
		for j := 0; j < i; j++ {
			if c := line[j]; !('a' <= c && c <= 'z' || c == '_' || c == '-') {
				return nil, false
			}
		}
		rest := line[i+1:]
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil, false // "http://…" is not a header line
		}
		k := line[:i]
		known = known || knownKeys[k]
		fields = append(fields, headerField{k, strings.TrimSpace(rest)})
	}
	return fields, known
}

// splitSource splits a source written as "URL (comment)" into the URL and
// the comment.
func splitSource(v string) (src, note string, ok bool) {
	if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
		return "", "", false
	}
	i := strings.IndexAny(v, " \t")
	if i < 0 {
		return "", "", false
	}
	rest := strings.TrimSpace(v[i:])
	if rest == "" {
		return "", "", false
	}
	return v[:i], rest, true
}

// dayLayouts are the date layouts read as a calendar day.
var dayLayouts = []string{
	"2006-01-02",
	"January 2, 2006",
	"2 January 2006",
	"Jan 2, 2006",
	"2 Jan 2006",
	"January 2 2006",
	"2006/01/02",
}

// timeLayouts are the layouts that carry a time of day; the date is the
// calendar day in the time's own zone.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Monday, 2 Jan 2006 15:04:05 -0700",
}

// parseDate reads s as a day and returns its UTC midnight. A time of day in
// any zone gives the calendar day in that zone: the publisher's day.
func parseDate(s string) (time.Time, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dayLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return day(t), true
		}
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return day(t), true
		}
	}
	return time.Time{}, false
}

// day returns UTC midnight of t's calendar day in t's own location.
func day(t time.Time) time.Time {
	y, m, dd := t.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}

// detectLang returns "zh" when more than 30% of the letters of s are Han
// characters, else "en".
func detectLang(s string) string {
	letters, han := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				letters++
			}
		case unicode.Is(unicode.Han, r):
			letters++
			han++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters > 0 && han*10 > letters*3 {
		return "zh"
	}
	return "en"
}
