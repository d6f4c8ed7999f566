package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/dyad-dev/dyad"
	"github.com/ledongthuc/pdf"
)

// PDF limits: a page tree deeper than maxPDFTreeDepth or with more than
// maxPDFNodes nodes is cut there (it guards against cycles, which the
// library does not detect).
const (
	maxPDFTreeDepth = 64
	maxPDFNodes     = 100000
)

// parsePDF extracts the plain text of a PDF, page by page, pages separated
// by blank lines. The PDF library panics on some malformed input; the
// panic is recovered and reported as a broken PDF.
func (r *Reader) parsePDF(name string, data []byte) (d *dyad.Document, err error) {
	defer func() {
		if x := recover(); x != nil {
			d, err = nil, errorf(dyad.EINVALID, name, "broken PDF: %v", x)
		}
	}()
	pr, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, wrapErr(dyad.EINVALID, name, err, "broken PDF: %v", err)
	}
	var pages []pdf.Value
	nodes := 0
	collectPages(pr.Trailer().Key("Root").Key("Pages"), 0, &nodes, &pages)

	var b strings.Builder
	limit := int(r.maxBytes())
	for i, p := range pages {
		text, err := pdf.Page{V: p}.GetPlainText(nil)
		if err != nil {
			return nil, wrapErr(dyad.EINVALID, name, err, "broken PDF: page %d: %v", i+1, err)
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		writePDFText(&b, text)
		if b.Len() > limit {
			return nil, errorf(dyad.ETOOLARGE, name, "PDF text is more than the limit of %d bytes", limit)
		}
	}
	d = &dyad.Document{Format: FormatPDF, Text: b.String()}
	info := pr.Trailer().Key("Info")
	d.Title = collapseSpace(strings.ToValidUTF8(info.Key("Title").Text(), "\uFFFD"))
	if t, ok := parsePDFDate(info.Key("CreationDate").Text()); ok {
		d.Date = t
	}
	if strings.TrimSpace(d.Text) == "" {
		return nil, errorf(dyad.EINVALID, name, "empty document: PDF has no extractable text (%d pages; scanned images are not read)", len(pages))
	}
	return d, nil
}

// collectPages appends the leaves of the page tree v to pages, in order.
func collectPages(v pdf.Value, depth int, nodes *int, pages *[]pdf.Value) {
	if depth > maxPDFTreeDepth || *nodes >= maxPDFNodes || v.IsNull() {
		return
	}
	*nodes++
	if v.Key("Type").Name() == "Page" || v.Key("Kids").IsNull() {
		*pages = append(*pages, v)
		return
	}
	kids := v.Key("Kids")
	for i := 0; i < kids.Len() && *nodes < maxPDFNodes; i++ {
		collectPages(kids.Index(i), depth+1, nodes, pages)
	}
}

// writePDFText writes page text, dropping control characters other than
// line breaks and tabs (font decoding leaves NULs and the like behind).
func writePDFText(b *strings.Builder, s string) {
	for _, c := range strings.ToValidUTF8(s, "\uFFFD") {
		if c == '\n' || c == '\t' || !unicode.IsControl(c) {
			b.WriteRune(c)
		}
	}
}

// parsePDFDate reads a PDF date "D:YYYYMMDDHHmmSS…" as a day.
func parsePDFDate(s string) (t time.Time, ok bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	if len(s) < 8 {
		return t, false
	}
	var y, m, dd int
	if _, err := fmt.Sscanf(s[:8], "%4d%2d%2d", &y, &m, &dd); err != nil || m < 1 || m > 12 || dd < 1 || dd > 31 {
		return t, false
	}
	return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC), true
}
