package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/correction"
)

// DefaultMaxUploadBytes is the body limit of POST /api/v1/documents, which
// carries whole files: 32 MiB.
const DefaultMaxUploadBytes = 32 << 20

// Paths with a rule of their own.
const (
	openAPIPath   = "/api/v1/openapi.json"
	documentsPath = "/api/v1/documents"
	ingestsPath   = "/api/v1/ingests"
)

// maxMetaBytes bounds the "meta" and "url" fields of a multipart upload.
const maxMetaBytes = 64 << 10

// CorrectionStore stores and lists analysts' corrections.
// internal/sqlite's CorrectionService satisfies it.
type CorrectionStore interface {
	CreateCorrection(ctx context.Context, c *dyad.Correction) error
	FindCorrections(ctx context.Context, kind string) ([]dyad.Correction, error)
}

// An ActorCount is an actor code of stored events, its name when known,
// and the number of events it is the source or target of.
type ActorCount struct {
	Code  string `json:"code"`
	Name  string `json:"name,omitempty"`
	Count int    `json:"count"`
}

// ActorFinder lists the actors of stored events, the most frequent first;
// prefix ("" for all) keeps the codes that start with it.
type ActorFinder interface {
	FindActors(ctx context.Context, prefix string, limit int) ([]ActorCount, error)
}

func (s *Server) maxUpload() int64 {
	if s.MaxUploadBytes > 0 {
		return s.MaxUploadBytes
	}
	return DefaultMaxUploadBytes
}

// limitBodies applies MaxUploadBytes to uploads and MaxBodyBytes (through
// limitBody) to every other request.
func (s *Server) limitBodies(next http.Handler) http.Handler {
	small := s.limitBody(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != documentsPath {
			small.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > s.maxUpload() {
			s.error(w, r, errTooLarge(s.maxUpload()))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.maxUpload())
		next.ServeHTTP(w, r)
	})
}

func errUnavailable(what string) error {
	return &statusError{status: http.StatusServiceUnavailable, code: "unavailable", msg: what + " is not available on this server."}
}

func errMediaType(ct, want string) error {
	return &statusError{status: http.StatusUnsupportedMediaType, code: "unsupported_media_type",
		msg: fmt.Sprintf("Content-Type %q is not accepted here: send %s.", ct, want)}
}

// mediaType returns the media type of the request's Content-Type, "" when
// there is none.
func mediaType(r *http.Request) (string, map[string]string) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ct, nil
	}
	return mt, params
}

// decodeJSON reads one JSON object from body into v. Unknown fields,
// trailing data and an empty body are EINVALID; a body over the limit
// keeps its *http.MaxBytesError, which the error writer turns into a 413.
func decodeJSON(body io.Reader, v any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe):
			return err
		case errors.Is(err, io.EOF):
			return dyad.Errorf(dyad.EINVALID, "The request body is empty: want a JSON object.")
		}
		return dyad.Errorf(dyad.EINVALID, "Malformed JSON body: %s.", strings.TrimPrefix(err.Error(), "json: "))
	}
	var extra json.RawMessage
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return dyad.Errorf(dyad.EINVALID, "Malformed JSON body: data after the object.")
	}
	return nil
}

// readJSONRequest checks the Content-Type of a JSON request and decodes it.
func readJSONRequest(r *http.Request, v any) error {
	if mt, _ := mediaType(r); mt != "" && mt != "application/json" {
		return errMediaType(mt, "application/json")
	}
	return decodeJSON(r.Body, v)
}

// created writes v as JSON with a status other than 200 (201, 202) and no
// ETag: it describes a resource just made, not a cacheable read.
func (s *Server) created(w http.ResponseWriter, r *http.Request, status int, location string, v any) {
	buf, err := json.Marshal(v)
	if err != nil {
		s.error(w, r, fmt.Errorf("encode response: %w", err))
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if location != "" {
		h.Set("Location", location)
	}
	w.WriteHeader(status)
	_, _ = w.Write(append(buf, '\n')) // a failed write is the client gone
}

// metaJSON is the "meta" object of an ingest request.
type metaJSON struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Kind      string `json:"kind"`
	Side      string `json:"side"`
	Lang      string `json:"lang"`
	Date      string `json:"date"` // YYYY-MM-DD
}

func (m *metaJSON) meta() (Meta, error) {
	out := Meta{Title: strings.TrimSpace(m.Title), Publisher: strings.TrimSpace(m.Publisher), Kind: strings.TrimSpace(m.Kind),
		Side: dyad.NormalizeSide(m.Side), Lang: strings.TrimSpace(m.Lang)}
	if d := strings.TrimSpace(m.Date); d != "" {
		t, err := time.Parse("2006-01-02", d)
		if err != nil {
			return Meta{}, dyad.Errorf(dyad.EINVALID, "Invalid meta.date %q: want YYYY-MM-DD.", m.Date)
		}
		out.Date = t
	}
	return out, nil
}

// ingestJSON is the JSON body of POST /api/v1/documents.
type ingestJSON struct {
	URL    string   `json:"url"`
	Text   string   `json:"text"`
	Source string   `json:"source"`
	Meta   metaJSON `json:"meta"`
}

// checkURL accepts absolute http and https URLs.
func checkURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return dyad.Errorf(dyad.EINVALID, "Invalid url %q: want an absolute http or https URL.", raw)
	}
	return nil
}

func readIngestJSON(r *http.Request) ([]Input, error) {
	var req ingestJSON
	if err := decodeJSON(r.Body, &req); err != nil {
		return nil, err
	}
	meta, err := req.Meta.meta()
	if err != nil {
		return nil, err
	}
	req.URL, req.Source = strings.TrimSpace(req.URL), strings.TrimSpace(req.Source)
	switch {
	case req.URL != "" && req.Text != "":
		return nil, dyad.Errorf(dyad.EINVALID, "Send url or text, not both.")
	case req.URL != "":
		if req.Source != "" {
			return nil, dyad.Errorf(dyad.EINVALID, "source goes with text; a fetched document's source is its URL.")
		}
		if err := checkURL(req.URL); err != nil {
			return nil, err
		}
		return []Input{{Name: req.URL, URL: req.URL, Meta: meta}}, nil
	case strings.TrimSpace(req.Text) != "":
		// Without a source, the text's hash names it: two posted texts
		// must not pass for versions of one source.
		name := req.Source
		if name == "" {
			sum := sha256.Sum256([]byte(req.Text))
			name = "text-" + hex.EncodeToString(sum[:6]) + ".txt"
		}
		meta.Source = req.Source
		return []Input{{Name: name, Data: []byte(req.Text), Text: true, Meta: meta}}, nil
	}
	return nil, dyad.Errorf(dyad.EINVALID, "Send a url or a non-empty text.")
}

// readUpload reads a multipart upload: one or more "file" parts, optional
// "url" parts and an optional "meta" part (a JSON object applied to every
// input).
func readUpload(r *http.Request) ([]Input, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, dyad.Errorf(dyad.EINVALID, "Malformed multipart body: %v.", err)
	}
	var inputs []Input
	var meta Meta
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, uploadError(err)
		}
		switch part.FormName() {
		case "file":
			data, err := io.ReadAll(part)
			if err != nil {
				return nil, uploadError(err)
			}
			name := part.FileName() // already reduced to its base name
			if name == "" || name == "." || name == "/" {
				name = "upload-" + strconv.Itoa(len(inputs)+1)
			}
			inputs = append(inputs, Input{Name: name, Data: data})
		case "url":
			b, err := io.ReadAll(io.LimitReader(part, maxMetaBytes))
			if err != nil {
				return nil, uploadError(err)
			}
			u := strings.TrimSpace(string(b))
			if err := checkURL(u); err != nil {
				return nil, err
			}
			inputs = append(inputs, Input{Name: u, URL: u})
		case "meta":
			var m metaJSON
			if err := decodeJSON(io.LimitReader(part, maxMetaBytes), &m); err != nil {
				return nil, err
			}
			if meta, err = m.meta(); err != nil {
				return nil, err
			}
		default:
			return nil, dyad.Errorf(dyad.EINVALID, "Unknown form field %q: want file, url or meta.", part.FormName())
		}
	}
	if len(inputs) == 0 {
		return nil, dyad.Errorf(dyad.EINVALID, "The upload has no file (form field \"file\") and no url.")
	}
	for i := range inputs {
		inputs[i].Meta = meta
	}
	return inputs, nil
}

// uploadError keeps a body-limit error (413) and calls anything else a
// malformed body.
func uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return dyad.Errorf(dyad.EINVALID, "Malformed multipart body: %v.", err)
}

// handleDocumentsPost queues an ingest job: 202 with the job, and its
// address in Location.
func (s *Server) handleDocumentsPost(w http.ResponseWriter, r *http.Request) {
	if s.Ingester == nil {
		s.error(w, r, errUnavailable("Ingest"))
		return
	}
	var inputs []Input
	var err error
	switch mt, _ := mediaType(r); mt {
	case "multipart/form-data":
		inputs, err = readUpload(r)
	case "application/json", "":
		inputs, err = readIngestJSON(r)
	default:
		err = errMediaType(mt, "application/json or multipart/form-data")
	}
	if err != nil {
		s.error(w, r, err)
		return
	}
	j, err := s.jobList().add(inputs, authorOf(r.Context()), s.now())
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.created(w, r, http.StatusAccepted, ingestsPath+"/"+strconv.FormatInt(j.ID, 10), j)
}

func (s *Server) handleIngests(w http.ResponseWriter, r *http.Request) {
	s.json(w, r, map[string]any{"ingests": s.jobList().list()})
}

func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	q := &query{r: r}
	id := q.parseID("ingest id", r.PathValue("id"))
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	j, ok := s.jobList().find(id)
	if !ok {
		s.error(w, r, dyad.Errorf(dyad.ENOTFOUND, "Ingest %d not found (the server keeps the last %d).", id, MaxJobs))
		return
	}
	s.json(w, r, j)
}

// correctionJSON is the body of POST /api/v1/corrections. The author is
// the token's name and the time is the server's: neither is in the body.
type correctionJSON struct {
	Kind  string `json:"kind"`
	Key   string `json:"key"`
	Field string `json:"field"`
	Value string `json:"value"`
	Note  string `json:"note"`
}

func (s *Server) handleCorrectionsPost(w http.ResponseWriter, r *http.Request) {
	if s.Corrections == nil {
		s.error(w, r, errUnavailable("Correction"))
		return
	}
	var req correctionJSON
	if err := readJSONRequest(r, &req); err != nil {
		s.error(w, r, err)
		return
	}
	c := &dyad.Correction{Kind: strings.TrimSpace(req.Kind), Key: strings.TrimSpace(req.Key), Field: strings.TrimSpace(req.Field),
		Value: strings.TrimSpace(req.Value), Note: strings.TrimSpace(req.Note), Author: authorOf(r.Context())}
	if err := correction.Check(c); err != nil {
		s.error(w, r, err)
		return
	}
	if err := s.Corrections.CreateCorrection(r.Context(), c); err != nil {
		s.error(w, r, err)
		return
	}
	s.created(w, r, http.StatusCreated, "", c)
}

func (s *Server) handleCorrections(w http.ResponseWriter, r *http.Request) {
	if s.Corrections == nil {
		s.error(w, r, errUnavailable("Correction"))
		return
	}
	q := &query{r: r}
	kind := q.str("kind")
	if _, ok := dyad.CorrectionFields[kind]; kind != "" && !ok {
		q.fail("Invalid kind %q: want %s.", kind, strings.Join(correction.Kinds(), ", "))
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	cs, err := s.Corrections.FindCorrections(r.Context(), kind)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"corrections": nonNil(cs)})
}

func (s *Server) handleActors(w http.ResponseWriter, r *http.Request) {
	if s.Actors == nil {
		s.error(w, r, errUnavailable("The actor list"))
		return
	}
	q := &query{r: r}
	prefix := strings.ToUpper(q.str("q"))
	limit := q.int("limit", DefaultLimit, MaxLimit)
	if limit == 0 {
		limit = DefaultLimit
	}
	if len(prefix) > 32 || !codeChars(prefix) {
		q.fail("Invalid q %q: want the start of an actor code (letters and digits).", q.str("q"))
	}
	if q.err != nil {
		s.error(w, r, q.err)
		return
	}
	as, err := s.Actors.FindActors(r.Context(), prefix, limit)
	if err != nil {
		s.error(w, r, err)
		return
	}
	s.json(w, r, map[string]any{"actors": nonNil(as)})
}

func codeChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
