// Package sqlite stores documents and events in an embedded SQLite database.
//
// It is the store of the dyad pipeline: DB opens and migrates the database,
// DocumentService stores a document together with everything derived from
// it (sentences, mentions, events, diagnostics) in one transaction and
// searches its sentences, and EventService queries the coded events.
//
// All SQL of dyad lives in this package. Exported service methods own their
// transaction; unexported helpers take a *Tx and compose.
//
// The schema is migration/*.sql, embedded and applied in name order by
// Open. Rows keep spans (byte offsets into documents.text), not copies of
// text; the one copy is the full-text index of sentences, which needs the
// words. Writes go through one connection, reads through a pool, and WAL
// lets both proceed at once; see DB.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dyad-dev/dyad"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver: no cgo, easy cross-compiling
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DefaultBusyTimeout is how long a connection waits for a lock held by
// another connection or process before it reports SQLITE_BUSY.
const DefaultBusyTimeout = 5 * time.Second

// MemoryDSN is the DSN of a private in-memory database.
const MemoryDSN = ":memory:"

// DB is a dyad database. Set its fields after NewDB and before Open.
//
// A file database has two handles: a pool of read-only connections and a
// single write connection. SQLite allows one writer at a time anyway;
// funnelling every write through one connection makes concurrent
// CreateDocument calls queue in database/sql instead of failing with
// SQLITE_BUSY, while WAL lets the read pool keep answering queries during
// a write. An in-memory database is private to its connection, so it has a
// single connection that serves both.
type DB struct {
	read  *sql.DB
	write *sql.DB
	stmts *statements     // prepared on the write handle
	reads *readStatements // prepared on the read handle, by SQL text

	verMu   sync.Mutex
	verConn *sql.Conn // a read connection kept for DataVersion

	// DSN is the database file path, or MemoryDSN.
	DSN string

	// BusyTimeout is how long to wait for a lock held elsewhere.
	BusyTimeout time.Duration

	// MaxReadStatements bounds how many distinct read queries stay
	// prepared.
	MaxReadStatements int

	// Now returns the current time; it stamps Document.IngestedAt. Tests
	// replace it for deterministic output.
	Now func() time.Time
}

// NewDB returns a DB for the database at dsn, a file path or ":memory:".
func NewDB(dsn string) *DB {
	return &DB{
		DSN:               dsn,
		BusyTimeout:       DefaultBusyTimeout,
		MaxReadStatements: DefaultMaxReadStatements,
		Now:               time.Now,
	}
}

// Open opens the database, configures its connections and applies any
// migrations not yet applied. A database migrated by a newer dyad is an
// error.
func (db *DB) Open() (err error) {
	if db.DSN == "" {
		return dyad.Errorf(dyad.EINVALID, "Database path required.")
	}
	if strings.ContainsRune(db.DSN, '?') {
		return dyad.Errorf(dyad.EINVALID, "Database path %q must not contain '?'.", db.DSN)
	}
	defer func() {
		if err != nil {
			db.closeHandles()
		}
	}()

	busy := fmt.Sprintf("busy_timeout(%d)", db.BusyTimeout.Milliseconds())
	if db.DSN == MemoryDSN {
		// One connection: every new connection to ":memory:" would be a
		// new, empty database.
		h, err := sql.Open("sqlite", MemoryDSN+"?"+pragmas(busy, "foreign_keys(1)"))
		if err != nil {
			return fmt.Errorf("open %s: %w", db.DSN, err)
		}
		h.SetMaxOpenConns(1)
		h.SetConnMaxLifetime(0)
		h.SetConnMaxIdleTime(0)
		db.read, db.write = h, h
	} else {
		if err := os.MkdirAll(filepath.Dir(db.DSN), 0o755); err != nil {
			return fmt.Errorf("open %s: %w", db.DSN, err)
		}
		// The pragmas are part of the DSN so that they apply to every
		// connection the pools open, not just the first:
		//   - journal_mode(wal): readers do not block the writer nor the
		//     writer readers, so searches keep working during ingestion;
		//   - synchronous(normal): in WAL mode a commit survives an
		//     application crash without an fsync per transaction (only a
		//     power loss may lose the last commits), which ingestion speed
		//     needs;
		//   - foreign_keys(1): SQLite leaves foreign keys off by default;
		//     we rely on them for ON DELETE CASCADE and to refuse dangling
		//     references, so they must be on for each connection.
		//   - busy_timeout: wait for a lock held by another process (a CLI
		//     ingest while the server runs) instead of failing at once.
		w, err := sql.Open("sqlite", db.DSN+"?"+pragmas(busy, "foreign_keys(1)", "journal_mode(wal)", "synchronous(normal)")+
			// BEGIN IMMEDIATE takes the write lock when the transaction
			// starts, so a transaction that reads before it writes never
			// has to upgrade its lock and fail with SQLITE_BUSY when
			// another process writes at the same time.
			"&_txlock=immediate")
		if err != nil {
			return fmt.Errorf("open %s: %w", db.DSN, err)
		}
		// One write connection: see the DB comment.
		w.SetMaxOpenConns(1)
		w.SetConnMaxLifetime(0)
		w.SetConnMaxIdleTime(0)
		db.write = w

		r, err := sql.Open("sqlite", db.DSN+"?"+pragmas(busy, "foreign_keys(1)", "journal_mode(wal)", "query_only(1)"))
		if err != nil {
			return fmt.Errorf("open %s: %w", db.DSN, err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		db.read = r
	}

	ctx := context.Background()
	if err := db.migrate(ctx); err != nil {
		return fmt.Errorf("migrate %s: %w", db.DSN, err)
	}
	if db.stmts, err = prepareStatements(ctx, db.write); err != nil {
		return fmt.Errorf("open %s: %w", db.DSN, err)
	}
	db.reads = newReadStatements(db.read, db.MaxReadStatements)
	return nil
}

func pragmas(ps ...string) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString("_pragma=")
		b.WriteString(p)
	}
	return b.String()
}

// Close closes the database.
func (db *DB) Close() error {
	return db.closeHandles()
}

func (db *DB) closeHandles() error {
	var errs []error
	db.verMu.Lock()
	if db.verConn != nil {
		errs = append(errs, db.verConn.Close())
		db.verConn = nil
	}
	db.verMu.Unlock()
	if db.stmts != nil {
		errs = append(errs, db.stmts.close())
		db.stmts = nil
	}
	if db.reads != nil {
		errs = append(errs, db.reads.close())
		db.reads = nil
	}
	if db.write != nil {
		errs = append(errs, db.write.Close())
	}
	if db.read != nil && db.read != db.write {
		errs = append(errs, db.read.Close())
	}
	db.read, db.write = nil, nil
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close %s: %w", db.DSN, err)
	}
	return nil
}

// migrate applies, in name order, each embedded migration not yet recorded
// in the migrations table, each in its own transaction.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(names)

	// A database that has a migration this binary does not know was
	// written by a newer dyad; writing to it could corrupt it.
	applied, err := db.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, a := range applied {
		if !slices.Contains(names, "migration/"+a) {
			return dyad.Errorf(dyad.EINVALID, "Database %s has a newer schema (migration %s) than this dyad knows; upgrade dyad.", db.DSN, a)
		}
	}

	for _, name := range names {
		if err := db.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) appliedMigrations(ctx context.Context) ([]string, error) {
	rows, err := db.write.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

func (db *DB) migrateFile(ctx context.Context, name string) error {
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()

	// Checked inside the (immediate) transaction so that two processes
	// opening a new database at once do not both apply it.
	base := filepath.Base(name)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, base).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, base); err != nil {
		return err
	}
	return tx.Commit()
}

// IntegrityCheck runs SQLite's integrity and foreign-key checks and the
// full-text index's own check, and returns an error listing every problem
// found.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	var problems []string

	rows, err := db.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: %w", err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}

	rows, err = db.read.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return fmt.Errorf("foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d: dangling reference to %s (foreign key %d)", table, rowid.Int64, parent, fkid))
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}

	// The FTS5 check compares the index with its content. It is phrased
	// as an INSERT, so it runs on the write handle.
	if _, err := db.write.ExecContext(ctx, `INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		problems = append(problems, fmt.Sprintf("sentences_fts: %v", err))
	}
	var orphans int
	if err := db.read.QueryRowContext(ctx, `
		SELECT (SELECT COUNT(*) FROM sentences_fts f WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = f.rowid))
		     + (SELECT COUNT(*) FROM sentences s WHERE NOT EXISTS (SELECT 1 FROM sentences_fts f WHERE f.rowid = s.id))`).Scan(&orphans); err != nil {
		return fmt.Errorf("full-text check: %w", err)
	}
	if orphans > 0 {
		problems = append(problems, fmt.Sprintf("sentences_fts: %d rows out of step with sentences", orphans))
	}

	if len(problems) > 0 {
		return fmt.Errorf("database %s: %d integrity problems: %s", db.DSN, len(problems), strings.Join(problems, "; "))
	}
	return nil
}

// Tx is a transaction on a DB. It carries the time the transaction began,
// from DB.Now, so that every row it stamps has the same time.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
}

// BeginTx starts a transaction. Read-only transactions (opts.ReadOnly) use
// the read pool; others the single write connection.
func (db *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	if db.write == nil {
		return nil, fmt.Errorf("database %s is not open", db.DSN)
	}
	h := db.write
	if opts != nil && opts.ReadOnly {
		h = db.read
	}
	tx, err := h.BeginTx(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("begin: %w", err)
	}
	return &Tx{Tx: tx, db: db, now: db.Now().UTC().Truncate(time.Second)}, nil
}

func (db *DB) beginRead(ctx context.Context) (*Tx, error) {
	return db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
}

// prepareRead returns the cached read statements of queries, in order, a
// nil entry for each the cache has no room for and for "". Call it before
// beginning the read transaction that uses them (see readStatements).
func (db *DB) prepareRead(ctx context.Context, queries ...string) ([]*sql.Stmt, error) {
	out := make([]*sql.Stmt, len(queries))
	if db.reads == nil {
		return out, nil // not open: the query says so
	}
	for i, q := range queries {
		if q == "" {
			continue
		}
		st, err := db.reads.get(ctx, q)
		if err != nil {
			return nil, err
		}
		out[i] = st
	}
	return out, nil
}

// dateLayout is how days are stored.
const dateLayout = "2006-01-02"

// formatDate returns t's UTC day as stored, or nil for the zero time.
func formatDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(dateLayout)
}

// parseDate parses a stored day; NULL is the zero time.
func parseDate(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	return t, nil
}

// spanOrNil returns the span columns of an optional span.
func spanOrNil(s *dyad.Span) (any, any) {
	if s == nil {
		return nil, nil
	}
	return s.Start, s.End
}

// spanFrom rebuilds an optional span from nullable columns.
func spanFrom(start, end sql.NullInt64) *dyad.Span {
	if !start.Valid || !end.Valid {
		return nil
	}
	return &dyad.Span{Start: int(start.Int64), End: int(end.Int64)}
}

// likeEscape escapes the LIKE wildcards in s, for use with ESCAPE '\'.
func likeEscape(s string) string {
	if !strings.ContainsAny(s, `\%_`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '%' || c == '_' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
