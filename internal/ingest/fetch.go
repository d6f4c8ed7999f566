package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/dyad-dev/dyad"
)

// redirectError stops a fetch at a redirect the Reader does not follow.
type redirectError struct {
	target  string
	tooMany int // the limit, when there were too many redirects
}

func (e *redirectError) Error() string {
	if e.tooMany > 0 {
		return fmt.Sprintf("more than %d redirects (last to %s)", e.tooMany, e.target)
	}
	return fmt.Sprintf("redirect to %s, which is not an http or https URL", e.target)
}

// Fetch downloads the http or https URL rawURL and parses it as Parse does.
// The Content-Type header decides the format (HTML, PDF, RSS/Atom, plain
// text), with sniffing when it is missing or generic. The documents' Source
// is the final URL after redirects, unless over says otherwise.
//
// Other URL schemes are a *dyad.Error with code EINVALID; a body larger than
// MaxBytes is ETOOLARGE; a 404 or 410 status is ENOTFOUND and any other
// non-2xx status EINVALID. Errors caused by ctx keep ctx's error in their
// chain.
func (r *Reader) Fetch(ctx context.Context, rawURL string, over Meta) ([]*dyad.Document, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, errorf(dyad.EINVALID, rawURL, "bad URL: %v", unwrapURL(err))
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, errorf(dyad.EINVALID, rawURL, "unsupported URL scheme %q: only http and https URLs are fetched", u.Scheme)
	}
	if u.Host == "" {
		return nil, errorf(dyad.EINVALID, rawURL, "URL has no host")
	}
	if r.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, errorf(dyad.EINVALID, rawURL, "bad URL: %v", err)
	}
	req.Header.Set("User-Agent", "dyad-ingest/1")
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/pdf, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5")

	resp, err := r.client().Do(req)
	if err != nil {
		return nil, r.fetchError(ctx, rawURL, err)
	}
	defer resp.Body.Close() // read-only: a close error loses nothing

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		code := dyad.EINVALID
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			code = dyad.ENOTFOUND
		}
		return nil, errorf(code, rawURL, "HTTP status %s", resp.Status)
	}
	max := r.maxBytes()
	if resp.ContentLength > max {
		return nil, tooLarge(rawURL, resp.ContentLength, max)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, r.fetchError(ctx, rawURL, err)
	}
	if int64(len(data)) > max {
		return nil, errorf(dyad.ETOOLARGE, rawURL, "response is more than the limit of %d bytes", max)
	}

	final := rawURL
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	format := formatOf(resp.Header.Get("Content-Type"), final, data)
	if over.Source == "" {
		over.Source = final
	}
	docs, err := r.parseAs(rawURL, format, data, over)
	if err != nil {
		return nil, err
	}
	return docs, nil
}

// formatOf picks the format of a response from its Content-Type, falling
// back to the URL's extension and sniffing.
func formatOf(contentType, rawURL string, data []byte) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = ""
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		if sniff(data) == FormatPDF {
			return FormatPDF
		}
		return FormatHTML
	case "application/pdf", "application/x-pdf":
		return FormatPDF
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return formatFeed
	case "application/xml", "text/xml":
		if s := sniff(data); s == FormatHTML {
			return FormatHTML
		}
		return formatFeed
	case "text/plain":
		if s := sniff(data); s == FormatPDF {
			return FormatPDF
		}
		return FormatTxt
	}
	name := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		name = u.Path
	}
	if path.Ext(name) != "" {
		return detectFormat(name, data)
	}
	return sniff(data)
}

// client returns the HTTP client of r, with the redirect policy.
func (r *Reader) client() *http.Client {
	if r.Client != nil {
		if r.Client.CheckRedirect != nil {
			return r.Client
		}
		c := *r.Client
		c.CheckRedirect = r.checkRedirect
		return &c
	}
	return &http.Client{Timeout: r.Timeout, CheckRedirect: r.checkRedirect}
}

// checkRedirect follows at most MaxRedirects redirects, only to http and
// https URLs.
func (r *Reader) checkRedirect(req *http.Request, via []*http.Request) error {
	if s := strings.ToLower(req.URL.Scheme); s != "http" && s != "https" {
		return &redirectError{target: req.URL.String()}
	}
	limit := r.MaxRedirects
	if limit < 0 {
		limit = 0
	}
	if len(via) > limit {
		return &redirectError{target: req.URL.String(), tooMany: max(limit, 1)}
	}
	return nil
}

// fetchError turns an error of a request into a user-facing error naming
// the URL.
func (r *Reader) fetchError(ctx context.Context, rawURL string, err error) error {
	var re *redirectError
	switch {
	case errors.As(err, &re):
		if re.tooMany > 0 && r.MaxRedirects <= 0 {
			return wrapErr(dyad.EINVALID, rawURL, err, "redirect to %s not followed (redirects are off)", re.target)
		}
		return wrapErr(dyad.EINVALID, rawURL, err, "%s", re.Error())
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || isTimeout(err):
		return wrapErr(dyad.EINVALID, rawURL, err, "timed out after %v", r.Timeout)
	case ctx.Err() != nil:
		return wrapErr(dyad.EINVALID, rawURL, ctx.Err(), "fetch stopped: %v", ctx.Err())
	}
	return wrapErr(dyad.EINVALID, rawURL, err, "fetch: %v", unwrapURL(err))
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// unwrapURL drops the *url.Error wrapper, whose URL the message names
// already.
func unwrapURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
