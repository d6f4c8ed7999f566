package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// This file is 'dyad code's TABARI text I/O, for running dyad side by side
// with TABARI on the same records: records in TABARI's text format in,
// event lines in TABARI's output format out, and the dictionaries of a
// TABARI .project file.

// readTABARIDocs reads TABARI text records ("YYMMDD ID" then the text up
// to a blank line; /* … */ comments are dropped), to be made one document
// each by tabariDocs.doc, named by the record ID. over's date, side and
// language, when set, replace every record's.
func readTABARIDocs(text, name string, over ingest.Meta) (*tabariDocs, []dyad.Diagnostic, error) {
	td := &tabariDocs{over: over}
	diags := eval.ScanTABARIRecords(text, name, func(r eval.TABARIRecord) {
		if r.Text == "" {
			return
		}
		if td.n%tabariBlock == 0 {
			td.blocks = append(td.blocks, make([]tabariRec, 0, tabariBlock))
		}
		b := &td.blocks[len(td.blocks)-1]
		*b = append(*b, tabariRec{id: r.ID, text: r.Text, date: r.Date})
		td.n++
	})
	if td.n == 0 {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "%s: no TABARI records (a line \"YYMMDD ID\", the text, a blank line)", name)
	}
	return td, diags, nil
}

// tabariDocs are TABARI records read for 'dyad code', kept small (ID,
// text, date: a quarter of a dyad.Document) until each is coded: 200,000
// documents held at once cost more in memory and its page faults than
// making each when it is coded.
type tabariDocs struct {
	blocks [][]tabariRec // of tabariBlock records, the last one partly filled
	n      int
	over   ingest.Meta
}

// tabariBlock is how many records a block of tabariDocs holds.
const tabariBlock = 4096

type tabariRec struct {
	id, text string
	date     time.Time
}

// doc returns record i as a new document. It only reads td: workers call
// it at once.
func (td *tabariDocs) doc(i int) *dyad.Document {
	r := &td.blocks[i/tabariBlock][i%tabariBlock]
	over := td.over
	doc := &dyad.Document{Source: r.id, Text: r.text, Date: r.date, Side: over.Side, Lang: "en", Format: "txt",
		Kind: over.Kind, Publisher: over.Publisher, Title: over.Title}
	if !over.Date.IsZero() {
		doc.Date = over.Date
	}
	if over.Lang != "" {
		doc.Lang = over.Lang
	}
	return doc
}

// A tabariProject is what 'dyad code --project' takes from a TABARI
// .project file: its dictionaries, resolved against its folder, and the
// event labels of its options file (nil when it names none).
type tabariProject struct {
	Dictionaries eval.Dictionaries
	Labels       map[string]string
}

// readProject reads the TABARI .project file at path and the LABEL lines
// of the options file it names. An options file that cannot be read is a
// diagnostic: events are then labelled with the codebook's names.
func readProject(path string) (*tabariProject, []dyad.Diagnostic, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "--project %s: %v", path, unwrapPath(err))
	}
	defer f.Close()
	p, err := eval.ReadTABARIProject(f, path)
	if err != nil {
		return nil, nil, err
	}
	if p.Dictionaries.Empty() {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "--project %s names no <actorsfile>, <agentsfile> or <verbsfile>", path)
	}
	tp := &tabariProject{Dictionaries: p.Dictionaries}
	tp.Dictionaries.Dir = filepath.Dir(path)
	if p.Options == "" {
		return tp, nil, nil
	}
	opt := filepath.Join(tp.Dictionaries.Dir, p.Options)
	data, err := os.ReadFile(opt)
	if err != nil {
		return tp, []dyad.Diagnostic{{Source: path, Msg: "options file: " + err.Error() + "; events are labelled with CAMEO names"}}, nil
	}
	tp.Labels = tabariLabels(data)
	return tp, nil, nil
}

// tabariLabels reads the "LABEL: <code>=<text>" lines of a TABARI options
// file.
func tabariLabels(data []byte) map[string]string {
	labels := map[string]string{}
	for line := range bytes.Lines(data) {
		key, rest, ok := bytes.Cut(bytes.TrimSpace(line), []byte(":"))
		if !ok || !bytes.EqualFold(bytes.TrimSpace(key), []byte("LABEL")) {
			continue
		}
		code, text, ok := bytes.Cut(rest, []byte("="))
		if !ok {
			continue
		}
		labels[string(bytes.TrimSpace(code))] = string(bytes.TrimSpace(text))
	}
	return labels
}

// writeTABARIEvent writes ev as a line of TABARI's default event output
// with its MATCH field: date YYMMDD, source code, target code, event code,
// the label "(NAME)" (name is the project's label for the code, or the
// codebook's name) and the matched text, tab-separated. The date is the
// document's (TABARI's record date) or, without one, the event's; a
// missing code is "---", a code without a name is labelled "(*null*)",
// and the matched text is the verb phrase in upper case, each word
// followed by a blank, as TABARI writes it.
func writeTABARIEvent(w io.Writer, doc *dyad.Document, ev *dyad.Event, name string) error {
	_, err := w.Write(appendTABARIEvent(nil, doc, ev, name))
	return err
}

// appendTABARIEvent appends the line writeTABARIEvent writes to dst and
// returns the extended slice ('dyad code' keeps one buffer for every
// line).
func appendTABARIEvent(dst []byte, doc *dyad.Document, ev *dyad.Event, name string) []byte {
	date := doc.Date
	if date.IsZero() {
		date = ev.Date
	}
	if date.IsZero() {
		dst = append(dst, "000000"...)
	} else {
		dst = date.AppendFormat(dst, "060102")
	}
	tgt := "---"
	if ev.Target != nil && ev.Target.Code != "" {
		tgt = ev.Target.Code
	}
	if name == "" {
		name = "*null*"
	}
	dst = append(dst, '\t')
	dst = append(dst, orNone(ev.Source.Code)...)
	dst = append(dst, '\t')
	dst = append(dst, tgt...)
	dst = append(dst, '\t')
	dst = append(dst, ev.CAMEO...)
	dst = append(dst, "\t("...)
	dst = append(dst, name...)
	dst = append(dst, ")\t"...)
	if ev.Verb.Valid(len(doc.Text)) {
		dst = appendMatch(dst, doc.Text[ev.Verb.Start:ev.Verb.End])
	}
	return append(dst, '\n')
}

// appendMatch appends the words of s in upper case, each followed by a
// blank, as TABARI writes the matched text.
func appendMatch(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			// Unicode blanks and letters: the general case.
			for _, f := range strings.Fields(s) {
				dst = append(dst, strings.ToUpper(f)...)
				dst = append(dst, ' ')
			}
			return dst
		}
	}
	for i := 0; i < len(s); {
		for i < len(s) && asciiBlank(s[i]) {
			i++
		}
		if i == len(s) {
			break
		}
		for ; i < len(s) && !asciiBlank(s[i]); i++ {
			c := s[i]
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			dst = append(dst, c)
		}
		dst = append(dst, ' ')
	}
	return dst
}

// asciiBlank reports whether c separates words for strings.Fields.
func asciiBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func orNone(code string) string {
	if code == "" {
		return "---"
	}
	return code
}
