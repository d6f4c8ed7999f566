package ingest_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// buildPDF assembles a small valid PDF: one page per element of pages, each
// page one text object whose lines are shown with Tj and T*, a Helvetica
// font and an Info dictionary with title and a creation date.
func buildPDF(title string, pages ...[]string) []byte {
	var objs []string // objs[i] is object i+1
	add := func(s string) int {
		objs = append(objs, s)
		return len(objs)
	}
	catalog := add("") // filled in below
	pagesObj := add("")
	font := add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	var kids []string
	for _, lines := range pages {
		var c strings.Builder
		c.WriteString("BT /F1 12 Tf 14 TL 72 720 Td\n")
		for i, l := range lines {
			if i > 0 {
				c.WriteString("T*\n")
			}
			l = strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(l)
			fmt.Fprintf(&c, "(%s) Tj\n", l)
		}
		c.WriteString("ET")
		content := add(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", c.Len(), c.String()))
		page := add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>",
			pagesObj, content, font))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	objs[catalog-1] = fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesObj)
	objs[pagesObj-1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	info := add(fmt.Sprintf("<< /Title (%s) /CreationDate (D:20230619120000Z) >>", title))

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, catalog, info, xref)
	return b.Bytes()
}

func TestParse_PDF(t *testing.T) {
	data := buildPDF("Joint Readout",
		[]string{"Readout of the Meeting", "The two sides met in Beijing."},
		[]string{"They agreed to continue talks."})
	docs, err := ingest.NewReader().Parse("examples/readout.pdf", data, ingest.Meta{Side: "US"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(docs) != 1 {
		t.Fatalf("Parse returned %d documents, want 1", len(docs))
	}
	d := docs[0]
	want := "Readout of the Meeting\nThe two sides met in Beijing.\n\nThey agreed to continue talks."
	if d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
	if d.Format != "pdf" || d.Title != "Joint Readout" || d.Side != "USA" || d.Lang != "en" ||
		!d.Date.Equal(time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)) || d.Source != "examples/readout.pdf" {
		t.Errorf("doc = %+v", d)
	}
}

func TestParse_PDFSniffed(t *testing.T) {
	data := buildPDF("T", []string{"Sniffed by content."})
	docs, err := ingest.NewReader().Parse("download", data, ingest.Meta{})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if docs[0].Format != "pdf" || docs[0].Text != "Sniffed by content." {
		t.Errorf("doc = %+v, text %q", docs[0], docs[0].Text)
	}
}

func TestParse_BrokenPDF(t *testing.T) {
	good := buildPDF("T", []string{"Some text here."})
	tests := []struct {
		name string
		data []byte
	}{
		{"Truncated", good[:len(good)/2]},
		{"HeaderOnly", []byte("%PDF-1.4\n")},
		{"Garbage", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0xff, 0x00, '(', '<'}, 300)...)},
		{"BadXref", bytes.Replace(good, []byte("xref\n0 "), []byte("xref\nX "), 1)},
		{"NoText", buildPDF("T", []string{})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ingest.NewReader().Parse("examples/x.pdf", tt.data, ingest.Meta{})
			if err == nil {
				t.Fatalf("Parse(%s) = %d docs, want error", tt.name, len(docs))
			}
			if dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("ErrorCode = %q, want %q (%v)", dyad.ErrorCode(err), dyad.EINVALID, err)
			}
			if msg := dyad.ErrorMessage(err); !strings.HasPrefix(msg, "ingest: examples/x.pdf: ") {
				t.Errorf("message %q does not name the input", msg)
			}
		})
	}
}
