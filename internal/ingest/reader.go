package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// Defaults applied by NewReader.
const (
	// DefaultMaxBytes is the largest input file or HTTP response read: 16 MiB.
	DefaultMaxBytes = 16 << 20
	// DefaultTimeout bounds one URL fetch, body included.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxRedirects is the number of redirects a fetch follows.
	DefaultMaxRedirects = 5
	// DefaultMaxDepth caps HTML element nesting; deeper elements are
	// flattened into their ancestor at the cap.
	DefaultMaxDepth = 256
)

// Formats of documents, as stored in dyad.Document.Format.
const (
	FormatTxt  = "txt"
	FormatHTML = "html"
	FormatPDF  = "pdf"
	FormatRSS  = "rss"
	FormatAtom = "atom"
)

// formatFeed is the detected format of an XML feed before its root element
// says whether it is RSS or Atom.
const formatFeed = "feed"

// Meta holds document fields given on the command line; non-zero fields
// override the header block and page metadata.
//
// For a feed, Source is not applied to items (each has its own link) but
// names items that have no link; Title is not applied to items either.
// Walk over a directory ignores Source.
type Meta struct {
	Source, Title, Publisher, Kind, Side, Lang string
	Date                                       time.Time
}

// Reader reads documents. Its zero value is not ready to use: NewReader
// sets the defaults, and cmd may change the exported fields before use.
// A Reader is safe for concurrent use once its fields are set.
type Reader struct {
	// MaxBytes is the largest input file or HTTP response body. Larger
	// inputs are a *dyad.Error with code ETOOLARGE.
	MaxBytes int64
	// Timeout bounds one URL fetch, including reading the body.
	Timeout time.Duration
	// MaxRedirects is the number of redirects a fetch follows.
	MaxRedirects int
	// Client fetches URLs. When nil, Fetch uses a client that follows at
	// most MaxRedirects redirects, only to http and https URLs. A client
	// without a CheckRedirect gets that policy too.
	Client *http.Client
	// MaxDepth caps HTML element nesting.
	MaxDepth int
}

// NewReader returns a Reader with the Default* settings.
func NewReader() *Reader {
	return &Reader{
		MaxBytes:     DefaultMaxBytes,
		Timeout:      DefaultTimeout,
		MaxRedirects: DefaultMaxRedirects,
		MaxDepth:     DefaultMaxDepth,
	}
}

// Item is the result for one input of a walk.
type Item struct {
	Name string
	Docs []*dyad.Document
	Err  error
}

// Parse turns the bytes of one input named name into documents (a feed
// yields one per item).
//
// The format comes from the extension of name and from the content: data
// starting with "%PDF-" is a PDF; .txt, .text and .md are plain text;
// .html, .htm and .xhtml are HTML; .xml, .rss and .atom are feeds; any other
// extension is sniffed (PDF, then XML with an <rss>, <feed> or <rdf:RDF>
// root, then HTML, else plain text).
func (r *Reader) Parse(name string, data []byte, over Meta) ([]*dyad.Document, error) {
	if int64(len(data)) > r.maxBytes() {
		return nil, tooLarge(name, int64(len(data)), r.maxBytes())
	}
	return r.parseAs(name, detectFormat(name, data), data, over)
}

// ReadFile reads the file name of fsys and parses it as Parse does. The
// documents' Source is name unless the header block or over says otherwise.
func (r *Reader) ReadFile(fsys fs.FS, name string, over Meta) ([]*dyad.Document, error) {
	data, err := r.readAll(fsys, name)
	if err != nil {
		return nil, err
	}
	return r.Parse(name, data, over)
}

func (r *Reader) readAll(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, wrapErr(dyad.ENOTFOUND, name, err, "no such file")
		}
		return nil, wrapErr(dyad.EINVALID, name, err, "open: %v", unwrapPath(err))
	}
	defer f.Close() // read-only: a close error loses nothing

	st, err := f.Stat()
	if err != nil {
		return nil, wrapErr(dyad.EINVALID, name, err, "stat: %v", unwrapPath(err))
	}
	if st.IsDir() {
		return nil, errorf(dyad.EINVALID, name, "is a directory")
	}
	max := r.maxBytes()
	if st.Size() > max {
		return nil, tooLarge(name, st.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, wrapErr(dyad.EINVALID, name, err, "read: %v", unwrapPath(err))
	}
	if int64(len(data)) > max {
		return nil, tooLarge(name, int64(len(data)), max)
	}
	return data, nil
}

// Walk reads every regular file under root of fsys (recursively, in lexical
// order, skipping hidden files and directories whose names start with "."),
// one file at a time, and yields one Item per file. It never holds more than
// one file's bytes. An error on one file is that file's Item.Err and does
// not stop the walk. If root is a file, Walk yields that file alone.
//
// When root is a directory, over.Source is ignored: each file is its own
// source.
func (r *Reader) Walk(fsys fs.FS, root string, over Meta) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		st, err := fs.Stat(fsys, root)
		if err != nil {
			code := dyad.EINVALID
			if errors.Is(err, fs.ErrNotExist) {
				code = dyad.ENOTFOUND
			}
			yield(Item{Name: root, Err: wrapErr(code, root, err, "%v", unwrapPath(err))})
			return
		}
		if !st.IsDir() {
			docs, err := r.ReadFile(fsys, root, over)
			yield(Item{Name: root, Docs: docs, Err: err})
			return
		}
		over.Source = ""
		// WalkDir's own error is never returned: every problem is reported
		// through the callback and yielded.
		_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if !yield(Item{Name: p, Err: wrapErr(dyad.EINVALID, p, err, "%v", unwrapPath(err))}) {
					return fs.SkipAll
				}
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p != root && hidden(d.Name()) {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() {
				return nil
			}
			docs, err := r.ReadFile(fsys, p, over)
			if !yield(Item{Name: p, Docs: docs, Err: err}) {
				return fs.SkipAll
			}
			return nil
		})
	}
}

func hidden(name string) bool {
	return len(name) > 1 && name[0] == '.' && name != ".."
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return r.MaxBytes
}

func (r *Reader) maxDepth() int {
	if r.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return r.MaxDepth
}

// detectFormat picks the format of data named name: txt, html, pdf or feed.
func detectFormat(name string, data []byte) string {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return FormatPDF
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text", ".md":
		return FormatTxt
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".pdf":
		return FormatPDF
	case ".xml", ".rss", ".atom":
		return formatFeed
	}
	return sniff(data)
}

// sniff guesses the format of data from its first bytes.
func sniff(data []byte) string {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return FormatPDF
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 || head[0] != '<' {
		return FormatTxt
	}
	switch root := xmlRoot(head); root {
	case "rss", "feed", "rdf":
		return formatFeed
	case "html":
		return FormatHTML
	case "":
		// Not XML: an HTML fragment or text that starts with "<".
	default:
		if bytes.HasPrefix(head, []byte("<?xml")) {
			return formatFeed // reported as "neither RSS nor Atom"
		}
	}
	if looksHTML(head) {
		return FormatHTML
	}
	return FormatTxt
}

// xmlRoot returns the lower-cased local name of the first element in head,
// skipping an XML declaration, comments, processing instructions and a
// doctype, or "" when head does not start like markup.
func xmlRoot(head []byte) string {
	for len(head) > 0 {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(head, []byte("<?")):
			i := bytes.Index(head, []byte("?>"))
			if i < 0 {
				return ""
			}
			head = head[i+2:]
		case bytes.HasPrefix(head, []byte("<!--")):
			i := bytes.Index(head, []byte("-->"))
			if i < 0 {
				return ""
			}
			head = head[i+3:]
		case bytes.HasPrefix(head, []byte("<!")):
			if len(head) >= 14 && strings.EqualFold(string(head[2:9]), "doctype") &&
				strings.EqualFold(strings.TrimSpace(string(head[9:14])), "html") {
				return "html"
			}
			i := bytes.IndexByte(head, '>')
			if i < 0 {
				return ""
			}
			head = head[i+1:]
		case len(head) > 1 && head[0] == '<':
			j := 1
			for j < len(head) && isNameByte(head[j]) {
				j++
			}
			n := strings.ToLower(string(head[1:j]))
			if k := strings.LastIndexByte(n, ':'); k >= 0 {
				n = n[k+1:]
			}
			return n
		default:
			return ""
		}
	}
	return ""
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == ':' || c == '-' || c == '_' || c == '.'
}

// htmlStartTags are tags that make a document starting with "<" HTML.
var htmlStartTags = map[string]bool{
	"html": true, "head": true, "body": true, "meta": true, "title": true,
	"div": true, "p": true, "article": true, "main": true, "section": true,
	"h1": true, "h2": true, "h3": true, "table": true, "span": true, "a": true,
	"script": true, "style": true, "link": true, "header": true, "nav": true,
	"ul": true, "ol": true, "br": true, "b": true, "i": true, "em": true, "strong": true,
}

func looksHTML(head []byte) bool {
	if bytes.HasPrefix(head, []byte("<!--")) {
		return true
	}
	return htmlStartTags[xmlRoot(head)]
}

// parseAs parses data of the given format.
func (r *Reader) parseAs(name, format string, data []byte, over Meta) ([]*dyad.Document, error) {
	switch format {
	case FormatPDF:
		d, err := r.parsePDF(name, data)
		if err != nil {
			return nil, err
		}
		return r.finish(name, d, over)
	case formatFeed:
		return r.parseFeed(name, data, over)
	case FormatHTML:
		s, err := checkText(name, data)
		if err != nil {
			return nil, err
		}
		d := r.extractHTML(s, false)
		d.Source = name
		return r.finish(name, d, over)
	default:
		s, err := checkText(name, data)
		if err != nil {
			return nil, err
		}
		d, err := parseTxt(name, s)
		if err != nil {
			return nil, err
		}
		return r.finish(name, d, over)
	}
}

// finish applies over, normalises the text and fills the derived fields.
func (r *Reader) finish(name string, d *dyad.Document, over Meta) ([]*dyad.Document, error) {
	if err := finishDoc(name, d, over, true); err != nil {
		return nil, err
	}
	return []*dyad.Document{d}, nil
}

// finishDoc normalises d.Text, applies over and fills Hash, Side and Lang.
func finishDoc(name string, d *dyad.Document, over Meta, overTitle bool) error {
	text, _ := cleanText(d.Text)
	if text == "" {
		return errorf(dyad.EINVALID, name, "empty document")
	}
	d.Text = text
	if over.Source != "" {
		d.Source = over.Source
	}
	if over.Title != "" && overTitle {
		d.Title = over.Title
	}
	if over.Publisher != "" {
		d.Publisher = over.Publisher
	}
	if !over.Date.IsZero() {
		d.Date = day(over.Date)
	}
	if over.Kind != "" {
		d.Kind = over.Kind
	}
	if over.Side != "" {
		d.Side = over.Side
	}
	if over.Lang != "" {
		d.Lang = over.Lang
	}
	d.Side = dyad.NormalizeSide(d.Side)
	if d.Lang == "" {
		d.Lang = detectLang(d.Text)
	}
	if d.Source == "" {
		d.Source = name
	}
	sum := sha256.Sum256([]byte(d.Text))
	d.Hash = hex.EncodeToString(sum[:])
	return nil
}

// errorf returns a user-facing error about input name:
// "ingest: <name>: <problem>".
func errorf(code, name, format string, args ...any) *dyad.Error {
	e := dyad.Errorf(code, format, args...)
	e.Message = "ingest: " + name + ": " + e.Message
	return e
}

func tooLarge(name string, size, max int64) *dyad.Error {
	return errorf(dyad.ETOOLARGE, name, "%d bytes is more than the limit of %d bytes", size, max)
}

// inputError is a user-facing *dyad.Error that also keeps its cause, so
// callers can still test errors.Is(err, context.Canceled) and the like.
type inputError struct {
	user  *dyad.Error
	cause error
}

func (e *inputError) Error() string   { return e.user.Message }
func (e *inputError) Unwrap() []error { return []error{e.user, e.cause} }

func wrapErr(code, name string, cause error, format string, args ...any) error {
	return &inputError{user: errorf(code, name, format, args...), cause: cause}
}

// unwrapPath drops the *fs.PathError wrapper, whose path the message names
// already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
