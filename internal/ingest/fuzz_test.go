package ingest_test

import (
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/ingest"
)

// FuzzParse checks that Parse never panics, that every error is a
// user-facing error naming the input, and that every document it returns
// keeps the invariants of checkDoc.
func FuzzParse(f *testing.F) {
	f.Add("a.txt", []byte("date: 2023-06-19\nside: US\n\nText."))
	f.Add("a.txt", []byte("\ufeff\r\n\r\nx\r\r\r\ry"))
	f.Add("a.html", []byte("<title>t</title><article><p>a</p></article>"))
	f.Add("a.rss", []byte(rssFeed))
	f.Add("a.atom", []byte(atomFeed))
	f.Add("a.pdf", buildPDF("T", []string{"One", "Two"}, []string{"Three"}))
	f.Add("noext", []byte("<?xml version='1.0'?><feed><entry><title>x</title></entry></feed>"))
	f.Add("a.md", []byte("title: x\nfoo: bar\n\n# Heading"))
	r := ingest.NewReader()
	r.MaxDepth = 16
	r.MaxBytes = 1 << 20
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if name == "" {
			name = "x"
		}
		docs, err := r.Parse(name, data, ingest.Meta{})
		if err != nil {
			code := dyad.ErrorCode(err)
			if code != dyad.EINVALID && code != dyad.ETOOLARGE {
				t.Fatalf("Parse(%q) error code %q: %v", name, code, err)
			}
			if msg := dyad.ErrorMessage(err); !strings.HasPrefix(msg, "ingest: "+name) {
				t.Fatalf("Parse(%q) error does not name the input: %q", name, msg)
			}
			return
		}
		if len(docs) == 0 {
			t.Fatalf("Parse(%q) = no documents and no error", name)
		}
		for _, d := range docs {
			checkDoc(t, d)
		}
	})
}
