package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/dyad-dev/dyad"
)

// Authenticator checks API tokens. Authenticate returns the name of the
// token, which the server records as the author of what is written with
// it. An unknown or revoked token is an error with a code other than
// dyad.EINTERNAL (the server answers 401 whatever it says); an internal
// error is a 500. internal/sqlite's TokenService satisfies it.
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (name string, err error)
}

// The two 401s: one for a request without a token, one for every bad
// token, whether malformed, unknown or revoked, so that a caller learns
// nothing about which.
var (
	errNoToken = &statusError{status: http.StatusUnauthorized, code: "unauthorized",
		msg: "This endpoint needs an API token: send Authorization: Bearer TOKEN (create one with 'dyad token create')."}
	errBadToken = &statusError{status: http.StatusUnauthorized, code: "unauthorized",
		msg: "Invalid API token."}
)

// authorKey is the context key of the authenticated token's name.
type authorKey struct{}

// authorOf returns the name of the token that authenticated the request,
// or "" when the route needs none.
func authorOf(ctx context.Context) string {
	name, _ := ctx.Value(authorKey{}).(string)
	return name
}

// needsToken reports whether a route needs a token: every write, and
// every read when ReadTokenRequired is set, except the OpenAPI document,
// which describes how to authenticate.
func (s *Server) needsToken(rt Route) bool {
	if rt.Method != http.MethodGet && rt.Method != http.MethodHead {
		return true
	}
	return s.ReadTokenRequired && rt.Pattern != openAPIPath
}

// guard returns the route's handler, behind token authentication when
// the route needs it.
func (s *Server) guard(rt Route) http.HandlerFunc {
	if !s.needsToken(rt) {
		return rt.handler
	}
	return func(w http.ResponseWriter, r *http.Request) {
		name, err := s.authenticate(r)
		if err != nil {
			if err == errNoToken || err == errBadToken {
				w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
			}
			s.error(w, r, err)
			return
		}
		rt.handler(w, r.WithContext(context.WithValue(r.Context(), authorKey{}, name)))
	}
}

// authenticate checks the request's bearer token. The token itself never
// reaches a log or an error message.
func (s *Server) authenticate(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", errNoToken
	}
	scheme, token, ok := strings.Cut(h, " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || s.Tokens == nil {
		return "", errBadToken
	}
	name, err := s.Tokens.Authenticate(r.Context(), token)
	switch {
	case err == nil && name != "":
		return name, nil
	case err != nil && dyad.ErrorCode(err) == dyad.EINTERNAL:
		return "", err
	}
	return "", errBadToken
}
