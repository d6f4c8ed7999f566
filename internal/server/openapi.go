package server

import (
	_ "embed"
	"net/http"
)

// openAPI is the OpenAPI 3 description of Routes, written by hand;
// TestOpenAPI checks that it names exactly the registered routes.
//
//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 description of the API, as JSON.
func OpenAPI() []byte { return append([]byte(nil), openAPI...) }

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	s.send(w, r, "application/json; charset=utf-8", openAPI)
}
