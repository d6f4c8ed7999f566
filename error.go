package dyad

import (
	"errors"
	"fmt"
)

// Error codes, for machines: the server maps them to HTTP statuses and the
// CLI to messages.
const (
	EINVALID  = "invalid"
	ENOTFOUND = "not_found"
	ECONFLICT = "conflict"
	ETOOLARGE = "too_large"
	EINTERNAL = "internal"
)

// Error is an error a user may see: Message is written for them.
type Error struct {
	Code    string
	Message string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("dyad error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the *Error in err's chain, or
// "Internal error." for anything else.
func ErrorMessage(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Message
	}
	return "Internal error."
}

// A Diagnostic is a problem found in one place of the input that does not
// stop the work: a malformed dictionary line, a sentence that could not be
// coded, an unknown header field. Diagnostics are data, not log lines.
type Diagnostic struct {
	Source string `json:"source"`         // file, URL or document
	Line   int    `json:"line,omitempty"` // 1-based line, when known
	Span   *Span  `json:"span,omitempty"` // byte span in the document, when known
	Msg    string `json:"msg"`
}

// String formats d as "source:line: msg".
func (d Diagnostic) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", d.Source, d.Line, d.Msg)
	}
	return fmt.Sprintf("%s: %s", d.Source, d.Msg)
}

// DiagnosticList is a list of diagnostics that is also an error, in the
// manner of go/scanner.ErrorList.
type DiagnosticList []Diagnostic

// Error implements the error interface.
func (l DiagnosticList) Error() string {
	switch len(l) {
	case 0:
		return "no problems"
	case 1:
		return l[0].String()
	}
	return fmt.Sprintf("%s (and %d more problems)", l[0], len(l)-1)
}

// Err returns l as an error, or nil when it is empty.
func (l DiagnosticList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
