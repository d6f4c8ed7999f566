package eval

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// A TABARISuite is a TABARI validation project: a .project file naming the
// dictionaries and a text file of records whose comment blocks hold the
// expected events.
type TABARISuite struct {
	Path         string
	Dictionaries Dictionaries
	Text         string // the text file named by the project
	Records      []TABARIRecord
	// Diagnostics are validation fields that could not be read.
	Diagnostics []dyad.Diagnostic

	each func(TABARIRecord) // when set, takes the records instead of Records
}

// A TABARIRecord is one record of the text file.
type TABARIRecord struct {
	ID   string
	Line int // of the record's first line
	Date time.Time
	Text string
	// Events are the expected { SRC / TGT / CODE } events, as written;
	// empty with Skip "" means no event is expected ({---} or {###}).
	Events []Triple
	// Skip is why the record is not scored: "not checked" ({+++}),
	// "complex" (-{…}), "option" (only OPTION fields), "no validation".
	Skip string
	// Options are the record's { OPTION: … } fields, the text after
	// "OPTION:", in order: they change the options of the records after
	// it.
	Options []string
}

// A TABARICoder codes a record of a TABARI suite under the options the
// OPTION fields of the suite have set so far: options holds their text in
// file order, to be applied over the project's .options file. Run uses it
// instead of Code when the Coder has it.
type TABARICoder interface {
	Coder
	CodeTABARI(doc *dyad.Document, options []string) []dyad.Event
}

// TABARI validation records after the one whose ID starts with this are
// not part of the standard suite (the manual, §10.1).
const tabariFinal = "FINAL"

// A TABARIProject is what a TABARI .project file names: its dictionaries
// (relative to the project's folder; Dir is left empty) and its text file.
type TABARIProject struct {
	Dictionaries Dictionaries
	Text         string // the <textfile>, "" when none is named
	Options      string // the <optionsfile>, "" when none is named
}

// ReadTABARIProject reads a TABARI .project file: the <actorsfile>,
// <agentsfile>, <verbsfile>, <textfile> and <optionsfile> lines; the others
// are ignored.
// path names the file in errors.
func ReadTABARIProject(r io.Reader, path string) (*TABARIProject, error) {
	p := &TABARIProject{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		key, rest, ok := strings.Cut(line, ">")
		if !ok || !strings.HasPrefix(key, "<") {
			continue
		}
		vals := strings.Fields(rest)
		if len(vals) == 0 {
			continue
		}
		switch strings.ToLower(key[1:]) {
		case "actorsfile":
			p.Dictionaries.Actors = append(p.Dictionaries.Actors, vals[0])
		case "verbsfile":
			p.Dictionaries.Verbs = append(p.Dictionaries.Verbs, vals[0])
			p.Dictionaries.VerbSyntax = "tabari"
		case "agentsfile":
			p.Dictionaries.Agents = append(p.Dictionaries.Agents, vals[0])
		case "textfile":
			p.Text = vals[0]
		case "optionsfile":
			p.Options = vals[0]
			p.Dictionaries.Options = vals[0]
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("tabari project %s: %w", path, err)
	}
	return p, nil
}

// ReadTABARI reads the project file name from fsys and the text file it
// names. path is what reports call the suite.
func ReadTABARI(fsys fs.FS, name, path string) (*TABARISuite, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "tabari project %s: %v", path, err)
	}
	defer f.Close()
	p, err := ReadTABARIProject(f, path)
	if err != nil {
		return nil, err
	}
	s := &TABARISuite{Path: path, Dictionaries: p.Dictionaries, Text: p.Text}
	if s.Text == "" {
		return nil, dyad.Errorf(dyad.EINVALID, "tabari project %s: no <textfile>", path)
	}
	tf, err := fsys.Open(s.Text)
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "tabari project %s: text file: %v", path, err)
	}
	defer tf.Close()
	if err := s.readText(tf, true); err != nil {
		return nil, fmt.Errorf("tabari text %s: %w", s.Text, err)
	}
	return s, nil
}

// ReadTABARIRecords reads every record of a TABARI text file (the same
// syntax as a validation suite's text, without stopping at a FINAL
// record). name is the file's name in diagnostics, which report validation
// fields that could not be read.
func ReadTABARIRecords(r io.Reader, name string) ([]TABARIRecord, []dyad.Diagnostic, error) {
	s := &TABARISuite{Path: name, Text: name}
	if err := s.readText(r, false); err != nil {
		return nil, nil, fmt.Errorf("tabari text %s: %w", name, err)
	}
	return s.Records, s.Diagnostics, nil
}

// ScanTABARIRecords reads the records of text, a TABARI text file, as
// ReadTABARIRecords does, passing each to each in file order instead of
// gathering them in a slice (a file of 200,000 records spent a tenth of
// its reading in growing that slice). The records' texts share memory
// with text (substrings of it). The diagnostics are ReadTABARIRecords'.
func ScanTABARIRecords(text, name string, each func(TABARIRecord)) []dyad.Diagnostic {
	s := &TABARISuite{Path: name, Text: name, each: each}
	s.readTextString(text, false)
	return s.Diagnostics
}

// readText reads the records: a header line "YYMMDD ID …", text lines,
// then an optional comment block /* … */ holding the validation fields.
// Blank lines end a record; '#' lines between records are comments. With
// stopFinal, reading stops after the record whose ID starts with FINAL.
func (s *TABARISuite) readText(r io.Reader, stopFinal bool) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.readTextString(string(data), stopFinal)
	return nil
}

// readTextString is readText on the whole text. The records' IDs and
// texts are substrings of text where they can be (a record of one line,
// already blank-separated), so reading allocates little per record.
func (s *TABARISuite) readTextString(text string, stopFinal bool) {
	var (
		rec     TABARIRecord
		inRec   bool
		body    []string
		comment strings.Builder
		inCmt   bool
		n       int
	)
	finish := func() bool {
		if !inRec {
			return false
		}
		rec.Text = joinWords(body)
		s.fields(&rec, comment.String())
		if s.each != nil {
			s.each(rec)
		} else {
			s.Records = append(s.Records, rec)
		}
		final := stopFinal && strings.HasPrefix(rec.ID, tabariFinal)
		rec, inRec, body, inCmt = TABARIRecord{}, false, body[:0], false
		comment.Reset()
		return final
	}
	for len(text) > 0 {
		// The next line, without its "\n" or "\r\n" (as bufio.ScanLines).
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		n++
		switch {
		case inCmt:
			if before, _, ok := strings.Cut(line, "*/"); ok {
				comment.WriteString(before)
				if finish() {
					return
				}
				continue
			}
			comment.WriteString(line)
			comment.WriteByte('\n')
		case inRec:
			if strings.TrimSpace(line) == "" {
				if finish() {
					return
				}
				continue
			}
			if before, after, ok := strings.Cut(line, "/*"); ok {
				body = append(body, before)
				if c, _, ok := strings.Cut(after, "*/"); ok {
					comment.WriteString(c)
					if finish() {
						return
					}
					continue
				}
				comment.WriteString(after)
				comment.WriteByte('\n')
				inCmt = true
				continue
			}
			body = append(body, line)
		default:
			date, id, ok := tabariHeader(line)
			if ok {
				rec, inRec = TABARIRecord{ID: id, Line: n, Date: date}, true
			}
		}
	}
	finish()
}

// joinWords returns the words of lines, each separated from the next by
// one blank, in one allocation (strings.Fields on the joined lines, without
// building them).
func joinWords(lines []string) string {
	if len(lines) == 1 && isJoined(lines[0]) {
		return lines[0] // most records: one line, already so
	}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range lines {
		if !isASCII(l) {
			// Unicode blanks (U+00A0, U+2003 …) separate words too.
			for _, w := range strings.Fields(l) {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(w)
			}
			continue
		}
		for i := 0; i < len(l); {
			for i < len(l) && asciiSpace(l[i]) {
				i++
			}
			j := i
			for j < len(l) && !asciiSpace(l[j]) {
				j++
			}
			if j > i {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(l[i:j])
			}
			i = j
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String()
}

// isJoined reports whether s is ASCII words each separated from the
// next by one blank ' ', with no blank before the first or after the
// last: what joinWords makes of it.
func isJoined(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c != ' ' && asciiSpace(c)) || (c == ' ' && s[i-1] == ' ') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// tabariHeader parses a record's first line: six digits YYMMDD (years
// 00–30 are 2000–2030), blanks, the record ID.
func tabariHeader(line string) (time.Time, string, bool) {
	f := strings.Fields(line)
	if len(f) < 2 || len(f[0]) != 6 || len(line) < 6 || line[0] < '0' || line[0] > '9' {
		return time.Time{}, "", false
	}
	for _, c := range []byte(f[0]) {
		if c < '0' || c > '9' {
			return time.Time{}, "", false
		}
	}
	d, err := time.Parse("060102", f[0])
	if err != nil {
		return time.Time{}, "", false
	}
	if d.Year() > 2030 {
		d = d.AddDate(-100, 0, 0)
	}
	return d, f[1], true
}

// fields reads the validation fields of rec's comment block.
func (s *TABARISuite) fields(rec *TABARIRecord, c string) {
	var nFields, options int
	for {
		i := strings.IndexByte(c, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(c[i:], '}')
		if j < 0 {
			// "{ OPTION: SET: MINIMUM WORDS = 4 */": the comment's end
			// closes the field.
			j = len(c) - i
			c += " "
		}
		complex := i > 0 && c[i-1] == '-'
		f := strings.TrimSpace(c[i+1 : i+j])
		c = c[i+j+1:]
		if f == "" {
			continue // "{}" in prose
		}
		nFields++
		squeezed := strings.Join(strings.Fields(f), "")
		switch {
		case complex:
			rec.Skip = "complex"
		case strings.HasPrefix(strings.ToUpper(f), "OPTION"):
			options++
			if _, o, ok := strings.Cut(f, ":"); ok {
				rec.Options = append(rec.Options, strings.Join(strings.Fields(o), " "))
			}
		case squeezed == "+++":
			if rec.Skip == "" {
				rec.Skip = "not checked"
			}
		case squeezed == "---", squeezed == "###":
			// No event expected: Events stays empty.
		default:
			parts := strings.Split(f, "/")
			if len(parts) != 3 {
				s.Diagnostics = append(s.Diagnostics, dyad.Diagnostic{Source: s.Text, Line: rec.Line, Msg: fmt.Sprintf("record %s: unreadable validation field {%s}", rec.ID, f)})
				if rec.Skip == "" {
					rec.Skip = "unreadable"
				}
				continue
			}
			rec.Events = append(rec.Events, Triple{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), strings.TrimSpace(parts[2])})
		}
	}
	switch {
	case rec.Skip != "":
	case nFields == 0:
		rec.Skip = "no validation"
	case nFields == options:
		rec.Skip = "option"
	}
}

// Run codes every checked record with c. A record passes when the
// multiset of (source code, target code, event code) found equals the
// expected one. Categories are the record IDs up to the first '-'.
func (s *TABARISuite) Run(c Coder) *Report {
	t := newTally("tabari", s.Path, []string{"triple", "code"}, []string{"passed", "checked"})
	t.r.Diagnostics = append(t.r.Diagnostics, s.Diagnostics...)
	tc, _ := c.(TABARICoder)
	var opts []string
	for i := range s.Records {
		rec := &s.Records[i]
		if rec.Skip != "" {
			t.r.Skipped++
			opts = append(opts, rec.Options...)
			continue
		}
		cat, _, _ := strings.Cut(rec.ID, "-")
		doc := &dyad.Document{Source: rec.ID, Text: rec.Text, Date: rec.Date, Lang: "en", Format: "txt"}
		var evs []dyad.Event
		if tc != nil {
			evs = tc.CodeTABARI(doc, opts[:len(opts):len(opts)])
		} else {
			evs = c.Code(doc)
		}
		// A record's own OPTION fields apply from the next record on.
		opts = append(opts, rec.Options...)
		found := make([]Triple, len(evs))
		var codes, goldCodes []string
		for j := range evs {
			e := &evs[j]
			found[j] = Triple{orNone(e.Source.Code), "---", e.CAMEO}
			if e.Target != nil {
				found[j].Target = orNone(e.Target.Code)
			}
			codes = append(codes, e.CAMEO)
		}
		for _, g := range rec.Events {
			goldCodes = append(goldCodes, g.Code)
		}
		cmp := Compare(rec.Events, found)
		t.record(cat, cmp, Compare(goldCodes, codes))
		t.count(cat, "checked", 1)
		if cmp.Correct == cmp.Expected && cmp.Correct == cmp.Found {
			t.count(cat, "passed", 1)
		}
		_, missed, extra := Match(rec.Events, found)
		t.diffs(rec.ID, cat, rec.Text, Classify(missed, extra, len(evs) > 0))
	}
	return t.report()
}

func orNone(code string) string {
	if code == "" {
		return "---"
	}
	return code
}

// ConvertTABARIVerbs rewrites a TABARI verb dictionary into the
// PETRARCH-1 block syntax that coding.LoadVerbs reads. TABARI lists verbs
// flat ("ABANDON [345]", its patterns below it, an optional "{ FORMS }"
// line of irregular forms); PETRARCH-1 groups them in blocks ("---
// ABANDON [345] ---"). Each TABARI verb becomes a block of its own; the
// <SYNSETS> tags are dropped (their synsets are kept) and of the <TIME>
// section, which sets date shifts rather than events, only the phrases
// with the discard code [###] are kept, as verbs with it.
func ConvertTABARIVerbs(data []byte) []byte {
	out, _ := ConvertTABARIVerbsLines(data)
	return out
}

// ConvertTABARIVerbsLines converts as ConvertTABARIVerbs does and also
// returns, for each line of the result, the 1-based line of data it came
// from (lines[i] for result line i+1), so diagnostics about the converted
// text can name the line the user wrote.
func ConvertTABARIVerbsLines(data []byte) ([]byte, []int) {
	var b strings.Builder
	var from []int
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	inTime := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		t := strings.TrimSpace(line)
		up := strings.ToUpper(t)
		switch {
		case up == "<TIME>":
			inTime = true
			continue
		case up == "</TIME>":
			inTime = false
			continue
		case inTime:
			// A time phrase with the discard code discards the sentence
			// as a verb with it does: keep it as one.
			head, _, _ := strings.Cut(t, ";")
			if word, code, ok := strings.Cut(head, "["); ok && strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(code), "]")) == "###" {
				word = strings.TrimSpace(word)
				fmt.Fprintf(&b, "--- %s [###] ---\n%s [###]\n", word, word)
				from = append(from, i+1, i+1)
			}
			continue
		case up == "<SYNSETS>", up == "</SYNSETS>", strings.HasPrefix(t, "~~"):
			continue
		}
		if t != "" && t[0] == '-' {
			// A pattern line: TABARI reads a hyphen in a word as '_'.
			line = tabariHyphens(line)
		}
		if t == "" || t[0] < 'A' || t[0] > 'Z' {
			b.WriteString(line)
			b.WriteByte('\n')
			from = append(from, i+1)
			continue
		}
		// A verb line: WORD [code] ;comment, perhaps followed by a line
		// of forms.
		head, comment, _ := strings.Cut(tabariHyphens(t), ";")
		word, code, ok := strings.Cut(head, "[")
		word = strings.TrimSpace(word)
		if !ok {
			b.WriteString(line)
			b.WriteByte('\n')
			from = append(from, i+1)
			continue
		}
		code = "[" + strings.TrimSpace(code)
		verbLine := i + 1
		forms := ""
		if i+1 < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i+1]), "{") {
			forms = " " + strings.TrimSpace(lines[i+1])
			i++
		}
		word, forms = tabariForms(word, forms)
		fmt.Fprintf(&b, "--- %s %s ---\n%s%s %s", strings.Trim(word, "_"), code, word, forms, code)
		if comment != "" {
			b.WriteString(" ;" + comment)
		}
		b.WriteByte('\n')
		from = append(from, verbLine, verbLine)
	}
	return []byte(b.String()), from
}

// tabariEndings are the regular verb endings TABARI adds to a verb,
// literally, even to one that ends in '_' (its manual, §5.2.3).
var tabariEndings = []string{"S", "ED", "ES", "EN", "ING"}

// tabariForms returns the verb word and the " {FORMS}" list to write for
// a TABARI verb and its irregular forms line (" { … }" or ""): a
// single-word verb that ends in '_' lists its irregular forms and the
// regular endings TABARI adds (after a final E, which the endings
// replace); one that ends in '=' takes no endings and
// is written with '_'. Stems and multi-word verbs are left as they are.
func tabariForms(word, forms string) (string, string) {
	noEnd := strings.HasSuffix(word, "=")
	if strings.ContainsAny(word, " +") || !noEnd && !strings.HasSuffix(word, "_") {
		return word, forms
	}
	root := strings.TrimRight(word, "_=")
	if root == "" || strings.Contains(root, "_") {
		return word, forms
	}
	list := strings.Fields(strings.Trim(strings.TrimSpace(forms), "{}"))
	if !noEnd {
		stem := root
		if n := len(root); root[n-1] == 'E' {
			stem = root[:n-1] // DEPLORE: DEPLORES, DEPLORED, DEPLORING
		}
		for _, e := range tabariEndings {
			if f := stem + e; !slices.Contains(list, f) {
				list = append(list, f)
			}
		}
	}
	return root + "_", " {" + strings.Join(list, " ") + "}"
}

// tabariHyphens returns a dictionary line with each hyphen that follows a
// letter or digit, before any ';' comment, written as '_': TABARI reads
// dictionary hyphens as connectors and blanks out those of the text
// (its manual, §5.2), so "ANTI- + *" matches "anti- Gondor".
func tabariHyphens(line string) string {
	end := strings.IndexByte(line, ';')
	if end < 0 {
		end = len(line)
	}
	b := []byte(line)
	changed := false
	for i := 1; i < end; i++ {
		if c := b[i-1]; b[i] == '-' && (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			b[i] = '_'
			changed = true
		}
	}
	if !changed {
		return line
	}
	return string(b)
}
