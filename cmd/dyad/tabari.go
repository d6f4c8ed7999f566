package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// This file is 'dyad code's TABARI text I/O, for running dyad side by side
// with TABARI on the same records: records in TABARI's text format in,
// event lines in TABARI's output format out, and the dictionaries of a
// TABARI .project file.

// readTABARIDocs reads TABARI text records ("YYMMDD ID" then the text up
// to a blank line; /* … */ comments are dropped) as one document each,
// named by the record ID. over's date, side and language, when set,
// replace every record's.
func readTABARIDocs(data []byte, name string, over ingest.Meta) ([]*dyad.Document, []dyad.Diagnostic, error) {
	recs, diags, err := eval.ReadTABARIRecords(bytes.NewReader(data), name)
	if err != nil {
		return nil, nil, err
	}
	docs := make([]*dyad.Document, 0, len(recs))
	for _, r := range recs {
		if r.Text == "" {
			continue
		}
		doc := &dyad.Document{Source: r.ID, Text: r.Text, Date: r.Date, Side: over.Side, Lang: "en", Format: "txt",
			Kind: over.Kind, Publisher: over.Publisher, Title: over.Title}
		if !over.Date.IsZero() {
			doc.Date = over.Date
		}
		if over.Lang != "" {
			doc.Lang = over.Lang
		}
		docs = append(docs, doc)
	}
	if len(docs) == 0 {
		return nil, nil, dyad.Errorf(dyad.EINVALID, "%s: no TABARI records (a line \"YYMMDD ID\", the text, a blank line)", name)
	}
	return docs, diags, nil
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
	date := doc.Date
	if date.IsZero() {
		date = ev.Date
	}
	d := "000000"
	if !date.IsZero() {
		d = date.Format("060102")
	}
	tgt := "---"
	if ev.Target != nil && ev.Target.Code != "" {
		tgt = ev.Target.Code
	}
	if name == "" {
		name = "*null*"
	}
	var match strings.Builder
	if ev.Verb.Valid(len(doc.Text)) {
		for _, f := range strings.Fields(doc.Text[ev.Verb.Start:ev.Verb.End]) {
			match.WriteString(strings.ToUpper(f))
			match.WriteByte(' ')
		}
	}
	_, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t(%s)\t%s\n", d, orNone(ev.Source.Code), tgt, ev.CAMEO, name, match.String())
	return err
}

func orNone(code string) string {
	if code == "" {
		return "---"
	}
	return code
}
