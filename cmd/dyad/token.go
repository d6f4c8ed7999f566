package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

// TokenCommand manages the API tokens that the server's write endpoints
// need: create, list, revoke.
type TokenCommand struct {
	Env    *Env
	DB     string
	Name   string
	Format string
}

const tokenUsage = `Usage: dyad token create --name NAME [--db PATH]
       dyad token list [--db PATH] [--format table|json]
       dyad token revoke [--db PATH] NAME

API tokens let 'dyad serve' accept writes (ingest, corrections): clients
send "Authorization: Bearer TOKEN". A token is printed once, when created;
the database keeps only its SHA-256. Its name is recorded as the author of
the corrections made with it.
`

// Run dispatches to the token subcommand.
func (c *TokenCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(c.Env.Stderr, tokenUsage)
		return dyad.Errorf(dyad.EINVALID, "token needs a subcommand: create, list or revoke")
	}
	switch args[0] {
	case "create":
		return c.create(ctx, args[1:])
	case "list":
		return c.list(ctx, args[1:])
	case "revoke":
		return c.revoke(ctx, args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(c.Env.Stdout, tokenUsage)
		return nil
	}
	fmt.Fprint(c.Env.Stderr, tokenUsage)
	return dyad.Errorf(dyad.EINVALID, "unknown token subcommand %q: want create, list or revoke", args[0])
}

func (c *TokenCommand) create(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "token create", "--name NAME [flags]",
		"Creates an API token and prints it on standard output, once: store it\n"+
			"now, the database keeps only its hash. NAME (letters, digits, '.', '_',\n"+
			"'@', '-') is recorded as the author of corrections made with it.")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Name, "name", "", "the token's `name`, e.g. the analyst's login")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.Name == "" || fs.NArg() > 0 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "token create needs --name NAME and no arguments")
	}
	db, err := openDB(c.DB, true) // a server may start on a database that has no documents yet
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	t, secret, err := sqlite.NewTokenService(db).CreateToken(ctx, c.Name)
	if err != nil {
		return err
	}
	fmt.Fprintln(c.Env.Stdout, secret)
	fmt.Fprintf(c.Env.Stderr, "dyad: token %q created; it is shown only this once\n", t.Name)
	return nil
}

func (c *TokenCommand) list(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "token list", "[flags]", "Lists the API tokens, revoked ones too, oldest first (never the tokens themselves).")
	dbFlag(fs, c.Env, &c.DB)
	fs.StringVar(&c.Format, "format", "table", "output `format`: table or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.Format != "table" && c.Format != "json" {
		return dyad.Errorf(dyad.EINVALID, "invalid --format %q: want table or json", c.Format)
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	ts, err := sqlite.NewTokenService(db).FindTokens(ctx)
	if err != nil {
		return err
	}
	if c.Format == "json" {
		if ts == nil {
			ts = []*sqlite.APIToken{}
		}
		enc := json.NewEncoder(c.Env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ts)
	}
	tw := tabwriter.NewWriter(c.Env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tCREATED\tLAST USED\tSTATUS")
	for _, t := range ts {
		used, status := "never", "active"
		if !t.LastUsedAt.IsZero() {
			used = t.LastUsedAt.Format("2006-01-02 15:04")
		}
		if !t.RevokedAt.IsZero() {
			status = "revoked " + t.RevokedAt.Format("2006-01-02 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", t.Name, t.CreatedAt.Format("2006-01-02 15:04"), used, status)
	}
	return tw.Flush()
}

func (c *TokenCommand) revoke(ctx context.Context, args []string) (err error) {
	fs := newFlagSet(c.Env, "token revoke", "[flags] NAME", "Revokes the token named NAME: it no longer authenticates. The name stays on record.")
	dbFlag(fs, c.Env, &c.DB)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return dyad.Errorf(dyad.EINVALID, "token revoke needs one NAME, got %d arguments", fs.NArg())
	}
	db, err := openDB(c.DB, false)
	if err != nil {
		return err
	}
	defer closeDB(db, &err)
	if err := sqlite.NewTokenService(db).RevokeToken(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(c.Env.Stdout, "token %q revoked\n", fs.Arg(0))
	return nil
}
