package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"github.com/dyad-dev/dyad"
)

func levelOf(status int) slog.Level {
	if status >= 500 {
		return slog.LevelError
	}
	return slog.LevelInfo
}

func errNoRoute(path string) error {
	return dyad.Errorf(dyad.ENOTFOUND, "No endpoint at %s.", path)
}

func errMethod(method string) error {
	return &statusError{status: http.StatusMethodNotAllowed, code: "method_not_allowed",
		msg: fmt.Sprintf("Method %s not allowed here.", method)}
}

func errTooLarge(limit int64) error {
	return dyad.Errorf(dyad.ETOOLARGE, "Request body too large (limit %d bytes).", limit)
}

// statusError is an HTTP condition with no dyad code (405).
type statusError struct {
	status int
	code   string
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// errorBody is the JSON of every error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// statusOf maps dyad error codes to HTTP statuses.
func statusOf(code string) int {
	switch code {
	case dyad.EINVALID:
		return http.StatusBadRequest
	case dyad.ENOTFOUND:
		return http.StatusNotFound
	case dyad.ECONFLICT:
		return http.StatusConflict
	case dyad.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// error writes err as a JSON error. Errors that are not *dyad.Error are
// internal: logged with their detail, shown as "Internal error.".
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error) {
	var body errorBody
	var status int
	var se *statusError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &se):
		status, body.Error.Code, body.Error.Message = se.status, se.code, se.msg
	case errors.As(err, &mbe):
		err = errTooLarge(mbe.Limit)
		fallthrough
	default:
		code := dyad.ErrorCode(err)
		status, body.Error.Code, body.Error.Message = statusOf(code), code, dyad.ErrorMessage(err)
		if code == dyad.EINTERNAL {
			s.Logger.LogAttrs(r.Context(), slog.LevelError, "internal error",
				slog.String(logMethod, r.Method), slog.String(logPath, r.URL.Path), slog.String(logError, err.Error()))
		}
	}
	buf, merr := json.Marshal(body)
	if merr != nil {
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(buf, '\n')) // a failed write is the client gone
}

// json writes v as a 200 JSON response with an ETag, or a 304 when the
// request's If-None-Match already names it.
func (s *Server) json(w http.ResponseWriter, r *http.Request, v any) {
	buf, err := json.Marshal(v)
	if err != nil {
		s.error(w, r, fmt.Errorf("encode response: %w", err))
		return
	}
	s.send(w, r, "application/json; charset=utf-8", append(buf, '\n'))
}

// send writes body with its ETag, or 304 Not Modified.
func (s *Server) send(w http.ResponseWriter, r *http.Request, contentType string, body []byte) {
	sum := sha256.Sum256(body)
	// Weak: the same entity is sent gzipped or not.
	etag := `W/"` + hex.EncodeToString(sum[:16]) + `"`
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if matchETag(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", contentType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body) // a failed write is the client gone
}

// matchETag reports whether an If-None-Match header names etag (weak
// comparison) or is "*".
func matchETag(header, etag string) bool {
	if header == "" {
		return false
	}
	bare := strings.TrimPrefix(etag, "W/")
	for part := range strings.SplitSeq(header, ",") {
		p := strings.TrimSpace(part)
		if p == "*" || strings.TrimPrefix(p, "W/") == bare {
			return true
		}
	}
	return false
}
