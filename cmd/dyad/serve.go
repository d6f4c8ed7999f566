package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/server"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// ServeCommand serves the JSON API over one database.
type ServeCommand struct {
	Env  *Env
	DB   string
	Addr string
	// Ready, when set, is called with the server's URL once it listens
	// (tests use it with --addr 127.0.0.1:0).
	Ready func(url string)
}

// Run parses args and serves until ctx is cancelled (SIGINT).
func (c *ServeCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "serve", "[flags]",
		"Serves the JSON API under /api/v1/ (described at /api/v1/openapi.json)\n"+
			"until interrupted. It binds to loopback unless --addr says otherwise.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Addr, "addr", server.DefaultAddr, "listen `address` (host:port)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "serve takes no arguments (got %q); use flags", fs.Args())
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{})
	if err != nil {
		return err
	}
	defer done(&err)
	ds := sqlite.NewDocumentService(svc.DB)
	s := &server.Server{
		Addr:      c.Addr,
		Documents: ds,
		Events:    sqlite.NewEventService(svc.DB),
		Search:    ds,
		Record:    recordAdapter{svc},
		Logger:    slog.New(slog.NewJSONHandler(c.Env.Stderr, nil)),
	}
	d, err := parseDyad(DefaultDyad)
	if err != nil {
		return err
	}
	if s.UI, err = newDashboard(svc, d, nil, s.Logger); err != nil {
		return err
	}
	if err := s.Open(); err != nil {
		return err
	}
	s.Logger.Info("listening", "url", s.URL(), "db", c.DB)
	if c.Ready != nil {
		c.Ready(s.URL())
	}
	return s.Run(ctx)
}

// recordAdapter gives the server the record service, one lookup per call.
type recordAdapter struct{ svc *record.Service }

func (a recordAdapter) Lookup(ctx context.Context) export.Lookup { return a.svc.NewLookup(ctx) }

func (a recordAdapter) Meetings(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Meeting, error) {
	return a.svc.Meetings(ctx, d, asOf, a.svc.NewLookup(ctx))
}

func (a recordAdapter) Channels(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.ChannelState, error) {
	return a.svc.Channels(ctx, d, asOf, a.svc.NewLookup(ctx))
}

func (a recordAdapter) Commitments(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Commitment, error) {
	return a.svc.Commitments(ctx, d, asOf, a.svc.NewLookup(ctx))
}

func (a recordAdapter) Positions(ctx context.Context, to time.Time) ([]analytics.Position, error) {
	return a.svc.Positions(ctx, to)
}

func (a recordAdapter) Compare(ctx context.Context, x, y *dyad.Document) (analytics.Comparison, error) {
	return a.svc.Compare(ctx, x, y)
}

func (a recordAdapter) Index(ctx context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error) {
	return a.svc.Index(ctx, d, by, from, to)
}

func (a recordAdapter) Brief(ctx context.Context, d [2]string, from, to time.Time) (*brief.Brief, error) {
	return a.svc.Brief(ctx, d, from, to)
}
