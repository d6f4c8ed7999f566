// Package server serves the dyad record over HTTP: a JSON API under
// /api/v1/ with its OpenAPI description, access logs, gzip, ETags and
// request limits. Reads are open unless configured otherwise; writes
// (background ingest jobs, corrections) need an API token. It speaks to the
// store through small interfaces it declares itself; cmd/dyad wires the
// concrete services into them.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
)

// Defaults for the Server's limits.
const (
	DefaultAddr            = "127.0.0.1:8080"
	DefaultMaxBodyBytes    = 1 << 20
	DefaultShutdownTimeout = 10 * time.Second
)

// EventFinder is the part of the event store the server reads.
type EventFinder interface {
	FindEventByID(ctx context.Context, id int64) (*dyad.Event, error)
	FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error)
}

// DocumentFinder is the part of the document store the server reads.
type DocumentFinder interface {
	FindDocumentByID(ctx context.Context, id int64) (*dyad.Document, error)
	FindDocuments(ctx context.Context, f dyad.DocumentFilter) ([]*dyad.Document, int, error)
	FindSentences(ctx context.Context, docID int64) ([]dyad.Sentence, error)
}

// Searcher runs full-text searches over stored sentences.
type Searcher interface {
	Search(ctx context.Context, query string, limit int) ([]dyad.Hit, error)
}

// Record computes the analyst's record: the record.Service seen from the
// server. A zero asOf, from or to means no limit.
type Record interface {
	Lookup(ctx context.Context) export.Lookup
	Meetings(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Meeting, error)
	Channels(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.ChannelState, error)
	Commitments(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Commitment, error)
	Positions(ctx context.Context, to time.Time) ([]analytics.Position, error)
	Compare(ctx context.Context, a, b *dyad.Document) (analytics.Comparison, error)
	Index(ctx context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error)
	Brief(ctx context.Context, d [2]string, from, to time.Time) (*brief.Brief, error)
}

// A Server serves the JSON API. Set its fields, then call Open and Run, or
// use Handler on its own.
type Server struct {
	Addr         string // listen address; DefaultAddr when empty
	MaxBodyBytes int64  // request body limit; DefaultMaxBodyBytes when 0
	// ShutdownTimeout bounds the graceful shutdown; DefaultShutdownTimeout when 0.
	ShutdownTimeout time.Duration

	// MaxUploadBytes is the body limit of POST /api/v1/documents, which
	// carries files; DefaultMaxUploadBytes when 0.
	MaxUploadBytes int64
	// ReadTokenRequired makes reads need an API token too; writes always
	// do. The OpenAPI document stays open.
	ReadTokenRequired bool

	Documents DocumentFinder
	Events    EventFinder
	Search    Searcher
	Record    Record
	// Tokens checks API tokens; without it every write is refused.
	Tokens Authenticator
	// Ingester runs ingest jobs, one at a time, in a worker that Run
	// starts and stops.
	Ingester    Ingester
	Corrections CorrectionStore
	Actors      ActorFinder
	Logger      *slog.Logger
	// Now stamps ingest jobs; time.Now when nil.
	Now func() time.Time
	// UI, when set, serves every path outside /api/ (the dashboard), behind
	// the same access log, body limit and gzip as the API.
	UI http.Handler

	ln  net.Listener
	srv *http.Server

	// bodies pools the event pages' JSON buffers (*[]byte): each is
	// about 60 KB, built and sent once per request.
	bodies   sync.Pool
	jobsOnce sync.Once
	jobs     *jobQueue
}

// Open listens on s.Addr. Use ":0" or "127.0.0.1:0" for a free port and
// read it back with URL.
func (s *Server) Open() error {
	if s.Logger == nil {
		return errors.New("server: no Logger")
	}
	addr := s.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return dyad.Errorf(dyad.EINVALID, "cannot listen on %s: %v", addr, err)
	}
	s.ln = ln
	s.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	return nil
}

// URL returns the base URL the server listens on, after Open.
func (s *Server) URL() string {
	if s.ln == nil {
		return ""
	}
	return "http://" + s.ln.Addr().String()
}

// Run serves until ctx is cancelled, then shuts down gracefully: it stops
// accepting connections and waits up to ShutdownTimeout for requests in
// flight. It returns nil after a clean shutdown.
//
// Run also runs the ingest worker, which takes queued jobs one at a time.
// When ctx is cancelled the running job is interrupted (what it stored so
// far stays) and Run waits for the worker before it returns.
func (s *Server) Run(ctx context.Context) error {
	if s.srv == nil {
		return errors.New("server: Run before Open")
	}
	jctx, stopJobs := context.WithCancel(ctx)
	var workers sync.WaitGroup
	workers.Go(func() { s.runJobs(jctx) })
	defer func() {
		stopJobs()
		workers.Wait()
	}()
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", s.ln.Addr(), err)
	case <-ctx.Done():
	}
	timeout := s.ShutdownTimeout
	if timeout == 0 {
		timeout = DefaultShutdownTimeout
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), timeout)
	defer cancel()
	serr := s.srv.Shutdown(sctx)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", s.ln.Addr(), err)
	}
	if serr != nil {
		return fmt.Errorf("shutdown %s: %w", s.ln.Addr(), serr)
	}
	return nil
}

// Close closes the listener and every connection at once; use it when Run
// was never called. Run's graceful shutdown needs no Close.
func (s *Server) Close() error {
	if s.srv == nil {
		return nil
	}
	err := s.srv.Close()
	if lerr := s.ln.Close(); lerr != nil && !errors.Is(lerr, net.ErrClosed) && err == nil {
		err = lerr
	}
	return err
}

func (s *Server) maxBody() int64 {
	if s.MaxBodyBytes > 0 {
		return s.MaxBodyBytes
	}
	return DefaultMaxBodyBytes
}
