package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/brief"
	"github.com/dyad-dev/dyad/internal/export"
	"github.com/dyad-dev/dyad/internal/ingest"
	"github.com/dyad-dev/dyad/internal/pipeline"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/server"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// ServeCommand serves the JSON API over one database.
type ServeCommand struct {
	Env  *Env
	DB   string
	Addr string
	// ReadTokenRequired makes reads need an API token too.
	ReadTokenRequired bool
	Dyad              string
	Dicts             stringList
	Workers           int
	// Ready, when set, is called with the server's URL once it listens
	// (tests use it with --addr 127.0.0.1:0).
	Ready func(url string)
}

// Run parses args and serves until ctx is cancelled (SIGINT).
func (c *ServeCommand) Run(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "serve", "[flags]",
		"Serves the JSON API under /api/v1/ (described at /api/v1/openapi.json)\n"+
			"until interrupted. It binds to loopback unless --addr says otherwise.\n"+
			"Reads are open; writes (POST /api/v1/documents, /api/v1/corrections)\n"+
			"need a token from 'dyad token create'. Documents posted are ingested in\n"+
			"the background, one job at a time, as 'dyad ingest' does. Every other path\n"+
			"is the dashboard: open the URL it prints in a browser.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Addr, "addr", server.DefaultAddr, "listen `address` (host:port)")
	fs.BoolVar(&c.ReadTokenRequired, "read-token-required", false, "reads need an API token too")
	fs.StringVar(&c.Dyad, "dyad", DefaultDyad, "the pair of states the dashboard shows and ingest jobs code, `A-B`")
	fs.Var(&c.Dicts, "dict", "extra dictionary `file` for ingest jobs (repeatable, as for ingest)")
	fs.IntVar(&c.Workers, "workers", runtime.NumCPU(), "documents analyzed at once by an ingest job")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return dyad.Errorf(dyad.EINVALID, "serve takes no arguments (got %q); use flags", fs.Args())
	}
	jobDyad, err := parseDyad(c.Dyad)
	if err != nil {
		return err
	}
	svc, done, err := openService(c.Env, c.DB, &settingsFlags{})
	if err != nil {
		return err
	}
	defer done(&err)
	ds := sqlite.NewDocumentService(svc.DB)
	// One memo for the API and the dashboard: a page and its JSON compute
	// the meetings once per database version.
	rec := recordAdapter{svc: svc, memo: record.NewMemo(svc.DB.DataVersion, memoSize)}
	s := &server.Server{
		Addr:      c.Addr,
		Documents: ds,
		Events:    sqlite.NewEventService(svc.DB),
		Search:    ds,
		Record:    rec,
		Logger:    slog.New(slog.NewJSONHandler(c.Env.Stderr, nil)),
	}
	// The write side: tokens, background ingest, corrections, actors.
	s.ReadTokenRequired = c.ReadTokenRequired
	s.Tokens = sqlite.NewTokenService(svc.DB)
	s.Ingester = &serveIngester{logger: s.Logger, db: svc.DB, dyad: jobDyad, dicts: c.Dicts, workers: c.Workers, reader: ingest.NewReader()}
	s.Corrections = sqlite.NewCorrectionService(svc.DB)
	s.Actors = actorFinder{as: sqlite.NewActorService(svc.DB), names: newActorNames(dictionaries.FS)}
	// The dashboard reads without a token, so it is off when reads need one.
	if c.ReadTokenRequired {
		s.Logger.Info("dashboard off: reads need an API token (--read-token-required)")
	} else if s.UI, err = newDashboard(svc, rec, jobDyad, serverJobs{s}, s.Logger); err != nil {
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

// memoSize bounds the record results the server keeps: a few dyads and
// periods of each page.
const memoSize = 128

// recordAdapter gives the server and the dashboard the record service:
// one lookup per call, and results kept while the database is unchanged.
type recordAdapter struct {
	svc  *record.Service
	memo *record.Memo
}

func (a recordAdapter) Lookup(ctx context.Context) export.Lookup { return a.svc.NewLookup(ctx) }

// memoized runs compute through the memo under key, typed.
func memoized[T any](ctx context.Context, a recordAdapter, key string, compute func(context.Context) (T, error)) (T, error) {
	v, err := a.memo.Do(ctx, key, func(ctx context.Context) (any, error) { return compute(ctx) })
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}

func (a recordAdapter) Meetings(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Meeting, error) {
	return memoized(ctx, a, fmt.Sprint("meetings", d, asOf), func(ctx context.Context) ([]analytics.Meeting, error) {
		return a.svc.Meetings(ctx, d, asOf, a.svc.NewLookup(ctx))
	})
}

func (a recordAdapter) Channels(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.ChannelState, error) {
	return memoized(ctx, a, fmt.Sprint("channels", d, asOf), func(ctx context.Context) ([]analytics.ChannelState, error) {
		return a.svc.Channels(ctx, d, asOf, a.svc.NewLookup(ctx))
	})
}

func (a recordAdapter) Commitments(ctx context.Context, d [2]string, asOf time.Time) ([]analytics.Commitment, error) {
	return memoized(ctx, a, fmt.Sprint("commitments", d, asOf), func(ctx context.Context) ([]analytics.Commitment, error) {
		return a.svc.Commitments(ctx, d, asOf, a.svc.NewLookup(ctx))
	})
}

func (a recordAdapter) Positions(ctx context.Context, to time.Time) ([]analytics.Position, error) {
	return memoized(ctx, a, fmt.Sprint("positions", to), func(ctx context.Context) ([]analytics.Position, error) {
		return a.svc.Positions(ctx, to)
	})
}

func (a recordAdapter) Compare(ctx context.Context, x, y *dyad.Document) (analytics.Comparison, error) {
	return memoized(ctx, a, fmt.Sprint("compare", x.ID, y.ID), func(ctx context.Context) (analytics.Comparison, error) {
		return a.svc.Compare(ctx, x, y)
	})
}

func (a recordAdapter) Index(ctx context.Context, d [2]string, by analytics.Granularity, from, to time.Time) (*analytics.Index, error) {
	return memoized(ctx, a, fmt.Sprint("index", d, by, from, to), func(ctx context.Context) (*analytics.Index, error) {
		return a.svc.Index(ctx, d, by, from, to)
	})
}

func (a recordAdapter) Brief(ctx context.Context, d [2]string, from, to time.Time) (*brief.Brief, error) {
	return memoized(ctx, a, fmt.Sprint("brief", d, from, to), func(ctx context.Context) (*brief.Brief, error) {
		return a.svc.Brief(ctx, d, from, to)
	})
}

// serveIngester runs the server's ingest jobs with the pipeline of
// 'dyad ingest': internal/ingest reads, internal/pipeline analyzes and
// stores. The dictionaries are compiled on the first job, so the server
// starts at once.
type serveIngester struct {
	logger  *slog.Logger
	db      *sqlite.DB
	dyad    [2]string
	dicts   []string
	workers int
	reader  *ingest.Reader

	mu sync.Mutex
	an *pipeline.Analyzer
}

func (g *serveIngester) analyzer() (*pipeline.Analyzer, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.an == nil {
		k, err := loadKnowledge(g.dicts)
		if err != nil {
			return nil, err
		}
		// Problems in the user's dictionaries go to the server's log (the
		// access log writes there from other goroutines).
		for _, d := range k.Diagnostics {
			g.logger.Warn("dictionary", "problem", d.String())
		}
		g.an = newAnalyzer(k, g.dyad)
	}
	return g.an, nil
}

// Ingest reads, analyzes and stores each input in turn. An input that
// cannot be read, or a document of it that cannot be stored, is reported
// through progress and the next goes on.
func (g *serveIngester) Ingest(ctx context.Context, inputs []server.Input, progress func(server.InputResult)) error {
	an, err := g.analyzer()
	if err != nil {
		return err
	}
	p := &pipeline.Pipeline{Analyzer: an, Store: sqlite.NewDocumentService(g.db), Workers: g.workers}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		docs, err := g.read(ctx, in)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			progress(server.InputResult{Input: in.Name, Err: err})
			continue
		}
		sum, err := p.Run(ctx, func(yield func(pipeline.Item) bool) {
			yield(pipeline.Item{Name: in.Name, Docs: docs})
		})
		if err != nil {
			return err
		}
		res := server.InputResult{Input: in.Name}
		for _, d := range docs {
			if d.ID != 0 {
				res.Documents = append(res.Documents, d.ID)
			}
		}
		if len(sum.Failures) > 0 {
			errs := make([]error, len(sum.Failures))
			for i, f := range sum.Failures {
				errs[i] = f.Err
			}
			res.Err = errors.Join(errs...)
			if len(errs) == 1 {
				res.Err = errs[0]
			}
		}
		progress(res)
	}
	return nil
}

// read turns one input into documents: a URL is fetched, posted text is
// read as plain text, an upload's format is detected from its name and
// bytes (binary and invalid UTF-8 are refused by the reader).
func (g *serveIngester) read(ctx context.Context, in server.Input) ([]*dyad.Document, error) {
	m := in.Meta
	over := ingest.Meta{Source: m.Source, Title: m.Title, Publisher: m.Publisher, Kind: m.Kind, Side: m.Side, Lang: m.Lang, Date: m.Date}
	switch {
	case in.URL != "":
		return g.reader.Fetch(ctx, in.URL, over)
	case in.Text && m.Source != "":
		// The name only picks the format here: the source is over's.
		return g.reader.Parse("text.txt", in.Data, over)
	}
	return g.reader.Parse(in.Name, in.Data, over)
}

// actorFinder gives the server the actor codes of stored events, named.
type actorFinder struct {
	as    *sqlite.ActorService
	names *actorNames
}

func (a actorFinder) FindActors(ctx context.Context, prefix string, limit int) ([]server.ActorCount, error) {
	f := sqlite.ActorFilter{Limit: limit}
	if prefix != "" {
		f.Prefix = &prefix
	}
	as, err := a.as.FindActors(ctx, f)
	if err != nil {
		return nil, err
	}
	out := make([]server.ActorCount, len(as))
	for i, x := range as {
		out[i] = server.ActorCount{Code: x.Code, Name: a.names.name(x.Code), Count: x.Count}
	}
	return out, nil
}

// actorSectors names the CAMEO actor sector codes that follow a country
// code ("USAGOV", "CHNMIL").
var actorSectors = map[string]string{
	"GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
	"LEG": "legislature", "SPY": "intelligence", "ELI": "elites", "PTY": "party",
	"OPP": "opposition", "REB": "rebels", "MED": "media", "BUS": "business",
	"EDU": "education", "CVL": "civilians", "LAB": "labor", "REL": "religious",
	"REF": "refugees", "HLH": "health", "AGR": "agriculture", "ENV": "environment",
	"DEV": "development", "HRI": "human rights", "CRM": "criminals", "NGO": "non-governmental organizations",
	"IGO": "intergovernmental organizations",
}

// actorNames names actor codes: the country from the Phoenix country
// dictionary ("CHINA_  [CHN]" -> "China") and the sectors from
// actorSectors. Codes with a part it does not know have no name.
type actorNames struct {
	countries map[string]string
}

// newActorNames reads the country names of the shipped Phoenix country
// dictionary; without it, actors simply have no names.
func newActorNames(fsys fs.FS) *actorNames {
	n := &actorNames{countries: map[string]string{}}
	f, err := fsys.Open("phoenix/Phoenix.Countries.actors.txt")
	if err != nil {
		return n // names are a convenience; the codes are what matters
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		// A country entry starts the line: NAME_ then [CODE] alone.
		if line == "" || line[0] < 'A' || line[0] > 'Z' {
			continue
		}
		name, code, ok := strings.Cut(line, "[")
		code, ok2 := strings.CutSuffix(strings.TrimSpace(code), "]")
		if !ok || !ok2 || len(code) != 3 || !strings.HasSuffix(strings.TrimSpace(name), "_") {
			continue
		}
		if _, seen := n.countries[code]; !seen {
			n.countries[code] = titleWords(strings.Trim(strings.TrimSpace(name), "_"))
		}
	}
	// A scan error leaves the names read so far.
	return n
}

// titleWords turns "UNITED_STATES_OF_AMERICA" into "United States of America".
func titleWords(s string) string {
	words := strings.Split(strings.ToLower(s), "_")
	for i, w := range words {
		if w == "" || (i > 0 && (w == "of" || w == "and" || w == "the")) {
			continue
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// name returns "China: government, military" for CHNGOVMIL, "Taiwan" for
// TWN, or "" when a part of the code is unknown.
func (n *actorNames) name(code string) string {
	if len(code) < 3 || len(code)%3 != 0 {
		return ""
	}
	country := n.countries[code[:3]]
	if country == "" {
		return ""
	}
	var sectors []string
	for i := 3; i < len(code); i += 3 {
		s := actorSectors[code[i:i+3]]
		if s == "" {
			return ""
		}
		sectors = append(sectors, s)
	}
	if len(sectors) == 0 {
		return country
	}
	return country + ": " + strings.Join(sectors, ", ")
}
