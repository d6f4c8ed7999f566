package eval

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// A PETRSuite is a PETRARCH validation file (PETR.UnitTest.records.xml or
// the UD-PETRARCH PETR_Validate_records_*.xml): sentences with expected
// (source, target, CAMEO) events. Parse trees are ignored.
type PETRSuite struct {
	Path string
	// Dictionaries are the files named in the <Environment> block.
	Dictionaries Dictionaries
	Records      []PETRRecord
}

// A PETRRecord is one <Sentence>.
type PETRRecord struct {
	ID, Category string
	Date         time.Time
	Text         string
	// Events are the expected events as written: actor codes and the
	// CAMEO code.
	Events []Triple
	// Skip is why the record is not scored ("error: dateline",
	// "evaluate=false"), "" when it is.
	Skip string
}

// ReadPETR reads a PETRARCH validation file from r. The files are not
// well-formed XML (the UD-PETRARCH file nests comments, and comments hold
// "--"), so they are read by a tolerant scanner rather than encoding/xml:
// comments are dropped, then only <Environment>'s file names and each
// <Sentence>'s attributes, <EventCoding> attributes and <Text> are read.
// Parse trees are ignored.
func ReadPETR(r io.Reader, path string) (*PETRSuite, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("petr suite %s: %w", path, err)
	}
	src := string(stripComments(data))
	s := &PETRSuite{Path: path}
	if env, ok := element(src, "Environment"); ok {
		for _, f := range []struct {
			tag  string
			dest *[]string
		}{{"Verbfile", &s.Dictionaries.Verbs}, {"Actorfile", &s.Dictionaries.Actors}, {"Agentfile", &s.Dictionaries.Agents}} {
			if v, ok := element(env, f.tag); ok && strings.TrimSpace(v) != "" {
				*f.dest = append(*f.dest, strings.TrimSpace(v))
			}
		}
	}
	for rest := src; ; {
		i := openTag(rest, "Sentence")
		if i < 0 {
			break
		}
		rest = rest[i:]
		end := strings.IndexByte(rest, '>')
		if end < 0 {
			break
		}
		attrs := parseAttrs(rest[len("<Sentence"):end])
		body := rest[end+1:]
		if j := strings.Index(body, "</Sentence>"); j >= 0 {
			body = body[:j]
		}
		rest = rest[end+1+len(body):]
		rec := PETRRecord{ID: attrs["id"], Category: attrs["category"]}
		if dt, err := time.Parse("20060102", attrs["date"]); err == nil {
			rec.Date = dt
		}
		if strings.EqualFold(attrs["evaluate"], "false") {
			rec.Skip = "evaluate=false"
		}
		noEvents := false
		for b := body; ; {
			k := openTag(b, "EventCoding")
			if k < 0 {
				break
			}
			b = b[k:]
			e := strings.IndexByte(b, '>')
			if e < 0 {
				break
			}
			a := parseAttrs(strings.TrimSuffix(b[len("<EventCoding"):e], "/"))
			b = b[e+1:]
			if v := a["error"]; v != "" && rec.Skip == "" {
				rec.Skip = "error: " + v
			}
			if strings.EqualFold(a["noevents"], "true") {
				noEvents = true
			}
			if code := strings.TrimSpace(a["eventcode"]); code != "" {
				rec.Events = append(rec.Events, Triple{Source: unquote(a["sourcecode"]), Target: unquote(a["targetcode"]), Code: code})
			}
		}
		if t, ok := element(body, "Text"); ok {
			rec.Text = strings.Join(strings.Fields(html.UnescapeString(t)), " ")
		}
		if rec.Skip == "" && rec.Text == "" {
			rec.Skip = "no text"
		}
		if rec.Skip == "" && len(rec.Events) == 0 && !noEvents {
			rec.Skip = "no expected coding"
		}
		s.Records = append(s.Records, rec)
	}
	if len(s.Records) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "petr suite %s: no <Sentence> records", path)
	}
	return s, nil
}

// openTag returns the index of the first "<name" in s followed by a blank,
// '/' or '>', or -1.
func openTag(s, name string) int {
	off := 0
	for {
		i := strings.Index(s[off:], "<"+name)
		if i < 0 {
			return -1
		}
		i += off
		j := i + 1 + len(name)
		if j >= len(s) {
			return -1
		}
		switch s[j] {
		case ' ', '\t', '\n', '\r', '>', '/':
			return i
		}
		off = j
	}
}

// element returns the text between the first <name…> and </name> in s.
func element(s, name string) (string, bool) {
	i := openTag(s, name)
	if i < 0 {
		return "", false
	}
	e := strings.IndexByte(s[i:], '>')
	if e < 0 {
		return "", false
	}
	body := s[i+e+1:]
	j := strings.Index(body, "</"+name+">")
	if j < 0 {
		return "", false
	}
	return body[:j], true
}

// parseAttrs reads name="value" and name='value' pairs, with blanks allowed
// around '='; names are lower-cased. Malformed text is skipped.
func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		name := strings.ToLower(strings.TrimSpace(s[:eq]))
		s = strings.TrimLeft(s[eq+1:], " \t\r\n")
		if s == "" {
			return out
		}
		q := s[0]
		if q != '"' && q != '\'' {
			// an unquoted value runs to the next blank
			end := strings.IndexAny(s, " \t\r\n")
			if end < 0 {
				end = len(s)
			}
			out[name] = html.UnescapeString(s[:end])
			s = s[end:]
			continue
		}
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return out
		}
		out[name] = html.UnescapeString(s[1 : 1+end])
		s = s[end+2:]
	}
}

// unquote turns a PETRARCH "new actor" code ('"INJURY TOLL"', an actor
// text the coder was expected to report verbatim) into "", the code of an
// unknown actor; other codes are trimmed.
func unquote(code string) string {
	code = strings.TrimSpace(code)
	if strings.HasPrefix(code, `"`) {
		return ""
	}
	return code
}

// Run codes every scored record with c. Categories are the records'
// category attributes.
func (s *PETRSuite) Run(c Coder) *Report {
	t := newTally("petr", s.Path, []string{"triple", "root"}, []string{"passed"})
	for i := range s.Records {
		rec := &s.Records[i]
		if rec.Skip != "" {
			t.r.Skipped++
			continue
		}
		doc := &dyad.Document{Source: rec.ID, Text: rec.Text, Date: rec.Date, Lang: "en", Format: "txt"}
		evs := c.Code(doc)
		gold := make([]Triple, len(rec.Events))
		var goldRoots, roots []string
		for j, e := range rec.Events {
			gold[j] = Triple{NormalizeCountry(e.Source), NormalizeCountry(e.Target), root(e.Code)}
			goldRoots = append(goldRoots, root(e.Code))
		}
		found := make([]Triple, len(evs))
		for j := range evs {
			e := &evs[j]
			var tgt string
			if e.Target != nil {
				tgt = e.Target.Code
			}
			found[j] = Triple{NormalizeCountry(e.Source.Code), NormalizeCountry(tgt), e.Root()}
			roots = append(roots, e.Root())
		}
		tc := Compare(gold, found)
		t.record(rec.Category, tc, Compare(goldRoots, roots))
		if tc.Correct == tc.Expected && tc.Correct == tc.Found {
			t.count(rec.Category, "passed", 1)
		}
		_, missed, extra := Match(gold, found)
		t.diffs(rec.ID, rec.Category, rec.Text, Classify(missed, extra, len(evs) > 0))
	}
	return t.report()
}

// root returns the two-digit CAMEO root of code.
func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// stripComments returns data without its <!-- … --> comments; an
// unterminated comment runs to the end.
func stripComments(data []byte) []byte {
	out := make([]byte, 0, len(data))
	for {
		i := bytes.Index(data, []byte("<!--"))
		if i < 0 {
			return append(out, data...)
		}
		out = append(out, data[:i]...)
		j := bytes.Index(data[i+4:], []byte("-->"))
		if j < 0 {
			return out
		}
		data = data[i+4+j+3:]
	}
}
