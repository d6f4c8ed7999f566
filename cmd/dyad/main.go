// Command dyad turns the documents describing a relationship between two
// states (readouts, transcripts, statements, news) into a structured,
// auditable record of coded events, stored in an embedded SQLite database.
//
// Run `dyad help` for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/dyad-dev/dyad"
)

func main() {
	// SIGTERM too: it is what service managers send to 'dyad serve'.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	err := run(ctx, os.Args[1:], &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv})
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(0)
	case errors.Is(err, errPartial):
		// The command already reported what failed.
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "dyad:", message(err))
		os.Exit(1)
	}
}

// errPartial says that a command did its work but some inputs failed; the
// failures were already printed.
var errPartial = errors.New("some inputs failed")

// message returns what the user sees for err: the message of a *dyad.Error,
// or the error text for anything else (the CLI user is the operator, so
// internal details are useful to them).
func message(err error) string {
	var e *dyad.Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// Env is what a command may touch of the outside world. Tests build one
// with buffers.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
}

const usage = `dyad turns diplomatic documents into a structured, auditable record of events.

Usage:

	dyad <command> [flags] [arguments]

Commands:

	demo      ingest the shipped example documents and show what was found
	ingest    read files, folders, URLs and feeds into the database
	code      code one document (or TABARI records) without a database; print events
	events    list stored events, filtered
	search    full-text search over stored sentences
	docs      list stored documents
	stats     counts of what the database holds
	export    write events as GDELT, ICEWS, PLOVER JSON, CSV or JSON Lines
	channels  the dyad's dialogue channels and their state as of a date, with evidence
	correct   store an analyst's correction to an event, meeting, channel or commitment
	corrections  list the corrections: who changed what, when and why
	brief     the analyst's brief for a period, every statement footnoted (md, html)
	meetings  meetings with participants, format, lifecycle and both sides' readouts
	commitments  what each side promised, by when, and whether it was kept
	positions each side's statements per issue: reiteration, variation, new language, omissions
	compare   two accounts of one encounter side by side (issues, characterisation, framing)
	index     the relations index per direction and period, with --explain and --svg
	eval      score the coder on a gold-standard suite (plover, petr, tabari, dyad)
	dict      check dictionary files; explain how a sentence is coded
	serve     serve the JSON API (/api/v1/) on a loopback address
	token     create, list and revoke the API tokens that server writes need
	version   print the version

Run 'dyad <command> -h' for a command's flags.

The database is ./dyad.db unless --db or the DYAD_DB environment variable
says otherwise.
`

func run(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "demo":
		return (&DemoCommand{Env: env}).Run(ctx, rest)
	case "ingest":
		return (&IngestCommand{Env: env}).Run(ctx, rest)
	case "code":
		return (&CodeCommand{Env: env}).Run(ctx, rest)
	case "events":
		return (&EventsCommand{Env: env}).Run(ctx, rest)
	case "search":
		return (&SearchCommand{Env: env}).Run(ctx, rest)
	case "docs":
		return (&DocsCommand{Env: env}).Run(ctx, rest)
	case "stats":
		return (&StatsCommand{Env: env}).Run(ctx, rest)
	case "export":
		return (&ExportCommand{Env: env}).Run(ctx, rest)
	case "correct":
		return (&CorrectCommand{Env: env}).Run(ctx, rest)
	case "corrections":
		return (&CorrectionsCommand{Env: env}).Run(ctx, rest)
	case "brief":
		return (&BriefCommand{Env: env}).Run(ctx, rest)
	case "meetings":
		return (&MeetingsCommand{Env: env}).Run(ctx, rest)
	case "commitments":
		return (&CommitmentsCommand{Env: env}).Run(ctx, rest)
	case "channels":
		return (&ChannelsCommand{Env: env}).Run(ctx, rest)
	case "positions":
		return (&PositionsCommand{Env: env}).Run(ctx, rest)
	case "compare":
		return (&CompareCommand{Env: env}).Run(ctx, rest)
	case "index":
		return (&IndexCommand{Env: env}).Run(ctx, rest)
	case "eval":
		return (&EvalCommand{Env: env}).Run(ctx, rest)
	case "dict":
		return (&DictCommand{Env: env}).Run(ctx, rest)
	case "serve":
		return (&ServeCommand{Env: env}).Run(ctx, rest)
	case "token":
		return (&TokenCommand{Env: env}).Run(ctx, rest)
	case "version":
		fmt.Fprintln(env.Stdout, "dyad", version)
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(env.Stdout, usage)
		return nil
	default:
		fmt.Fprint(env.Stderr, usage)
		return fmt.Errorf("unknown command %q", cmd)
	}
}

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"
