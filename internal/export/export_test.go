package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/export"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from current output")

// lookup is a fake of the writers' Lookup with one document.
type lookup struct{ doc *dyad.Document }

func (l lookup) Document(id int64) *dyad.Document {
	if id == l.doc.ID {
		return l.doc
	}
	return nil
}

func (l lookup) CodeName(code string) string {
	return map[string]string{"042": "Make a visit", "043": "Host a visit", "040": "Consult"}[code]
}

func fixture() ([]*dyad.Event, lookup) {
	text := "Blinken visited Beijing on June 18.\n\n1. Canceling China-U.S.\tTheater Commanders Talk."
	day := time.Date(2023, 6, 18, 0, 0, 0, 0, time.UTC)
	doc := &dyad.Document{ID: 7, Source: "https://example.org/r", Publisher: "Example Ministry", Side: "USA", Text: text, Date: day.AddDate(0, 0, 1)}
	src := []dyad.EventSource{{DocID: 7, Sentence: 0, Span: dyad.Span{Start: 0, End: 35}, Publisher: "Example Ministry", Side: "USA"}}
	events := []*dyad.Event{
		{ID: 1, Key: "k1", DocID: 7, Sentence: 0, Span: dyad.Span{Start: 0, End: 35}, Verb: dyad.Span{Start: 8, End: 15},
			Source: dyad.Actor{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken", Office: "Secretary of State", Level: dyad.LevelMinister},
			Target: &dyad.Actor{Text: "Beijing", Code: "CHNGOV", Country: "CHN"},
			CAMEO:  "042", PLOVER: "CONSULT", Mode: "visit", Quad: 1, Goldstein: 1.9, Status: dyad.StatusOccurred,
			Date: day, DateEnd: day, DatePrecision: dyad.PrecisionDay, Location: "Beijing", Sources: src},
		{ID: 2, Key: "k2", DocID: 7, Sentence: 1, Span: dyad.Span{Start: 37, End: 85}, Verb: dyad.Span{Start: 40, End: 84},
			Source: dyad.Actor{Text: "CHN", Code: "CHNGOV", Country: "CHN"},
			Target: &dyad.Actor{Text: "U.S.", Code: "USA", Country: "USA"},
			CAMEO:  "040", PLOVER: "CONSULT", Mode: "meet", Quad: 1, Goldstein: 1, Status: dyad.StatusCancelled,
			Date: day, DateEnd: day, DatePrecision: dyad.PrecisionDay, DateFromDoc: true, Issues: []string{"military"},
			Object:  "Theater Commanders Talk",
			Sources: []dyad.EventSource{{DocID: 7, Sentence: 1, Span: dyad.Span{Start: 37, End: 85}}}},
	}
	return events, lookup{doc}
}

func TestWrite_Golden(t *testing.T) {
	events, lk := fixture()
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := export.Write(&buf, format, events, lk); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("Write(%s) =\n%s\nwant\n%s", format, got, want)
			}
		})
	}
}

func TestWrite_Shapes(t *testing.T) {
	events, lk := fixture()
	var buf bytes.Buffer

	if err := export.Write(&buf, "gdelt", events, lk); err != nil {
		t.Fatal(err)
	}
	for _, row := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		cols := strings.Split(row, "\t")
		if len(cols) != len(export.GDELTHeader) {
			t.Errorf("gdelt row has %d columns, want %d (a tab in the text must not leak): %q", len(cols), len(export.GDELTHeader), row)
		}
	}

	buf.Reset()
	if err := export.Write(&buf, "icews", events, lk); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(rows) != 3 || rows[0] != strings.Join(export.ICEWSHeader, "\t") {
		t.Errorf("icews output has %d rows or a wrong header: %q", len(rows), rows[0])
	}

	buf.Reset()
	if err := export.Write(&buf, "csv", events, lk); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || len(recs[1]) != len(export.CSVHeader) {
		t.Errorf("csv: %d records of %d fields, want 3 of %d", len(recs), len(recs[1]), len(export.CSVHeader))
	}

	buf.Reset()
	if err := export.Write(&buf, "plover", events, lk); err != nil {
		t.Fatal(err)
	}
	var pl []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &pl); err != nil || len(pl) != 2 || pl[1]["status"] != "cancelled" {
		t.Errorf("plover = %v, %v", pl, err)
	}

	if err := export.Write(&buf, "xls", events, lk); dyad.ErrorCode(err) != dyad.EINVALID {
		t.Errorf("Write(xls) = %v, want EINVALID", err)
	}
}

func TestNewRecord_TextFromSpan(t *testing.T) {
	events, lk := fixture()
	r := export.NewRecord(events[1], "", lk)
	if r.Text != "1. Canceling China-U.S.\tTheater Commanders Talk." {
		t.Errorf("Text = %q", r.Text)
	}
	if len(r.Sources) != 1 || r.Sources[0].Document != "https://example.org/r" || r.Sources[0].Publisher != "Example Ministry" {
		t.Errorf("Sources = %+v, want the document and its publisher filled from the lookup", r.Sources)
	}
	r = export.NewRecord(events[0], "short", nil) // a span past the text: no text, no panic
	if r.Text != "" || r.Issues == nil {
		t.Errorf("NewRecord with a short text = %q, issues %v", r.Text, r.Issues)
	}
}

// frames is a lookup that knows PLOVER types, so the PLOVER export writes
// events by their frame.
type frames struct{ lookup }

func (frames) PLOVERType(code string) (string, string, bool) {
	t, ok := map[string]string{"164": "SANCTION", "125": "REJECT"}[code]
	return t, "withdraw", ok
}

func TestWritePLOVER_Frames(t *testing.T) {
	events, lk := fixture()
	neg := *events[0]
	neg.Status = dyad.StatusNegated
	var buf bytes.Buffer
	if err := export.Write(&buf, "plover", append(events, &neg), frames{lk}); err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 {
		t.Fatalf("plover export = %d events, want 2 (the negated act left out)", len(out))
	}
	if out[0]["event_type"] != "CONSULT" || out[1]["event_type"] != "SANCTION" || out[1]["status"] != "cancelled" {
		t.Errorf("types = %v, %v; want CONSULT for the visit and SANCTION for the cancelled talk", out[0]["event_type"], out[1]["event_type"])
	}
}
