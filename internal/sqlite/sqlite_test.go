package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"

	_ "modernc.org/sqlite"
)

// now is the clock of every test database.
var now = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

// MustOpenDB returns a new, migrated database in a temporary directory,
// closed when the test ends.
func MustOpenDB(tb testing.TB) *sqlite.DB {
	tb.Helper()
	return mustOpenDSN(tb, filepath.Join(tb.TempDir(), "dyad.db"))
}

func mustOpenDSN(tb testing.TB, dsn string) *sqlite.DB {
	tb.Helper()
	db := sqlite.NewDB(dsn)
	db.Now = func() time.Time { return now }
	if err := db.Open(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

func TestDB_Open(t *testing.T) {
	t.Run("Memory", func(t *testing.T) {
		db := mustOpenDSN(t, sqlite.MemoryDSN)
		docs := sqlite.NewDocumentService(db)
		if _, err := docs.CreateDocument(t.Context(), newBundle("mem", "Blinken met Wang Yi.")); err != nil {
			t.Fatal(err)
		}
		if err := db.IntegrityCheck(t.Context()); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("EmptyDSN", func(t *testing.T) {
		if err := sqlite.NewDB("").Open(); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Fatalf("Open() = %v, want EINVALID", err)
		}
	})

	t.Run("ReopenIsIdempotent", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "dyad.db")
		db := sqlite.NewDB(path)
		if err := db.Open(); err != nil {
			t.Fatal(err)
		}
		b := newBundle("a.txt", "Blinken met Wang Yi in Beijing.")
		if _, err := sqlite.NewDocumentService(db).CreateDocument(t.Context(), b); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		for range 2 {
			db := sqlite.NewDB(path)
			if err := db.Open(); err != nil {
				t.Fatalf("reopen: %v", err)
			}
			if got, want := countRows(t, path, "migrations"), migrationFiles(t); got != want {
				t.Errorf("migrations rows = %d, want one per migration file (%d)", got, want)
			}
			if _, n, err := sqlite.NewDocumentService(db).FindDocuments(t.Context(), dyad.DocumentFilter{}); err != nil || n != 1 {
				t.Errorf("FindDocuments() after reopen = %d, %v; want 1 document", n, err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
		}
	})

	t.Run("NewerSchema", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "dyad.db")
		db := sqlite.NewDB(path)
		if err := db.Open(); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		exec(t, path, `INSERT INTO migrations (name) VALUES ('9999_future.sql')`)
		db = sqlite.NewDB(path)
		err := db.Open()
		if err == nil {
			db.Close()
			t.Fatal("Open() of a newer schema = nil, want error")
		}
		if !strings.Contains(err.Error(), "9999_future.sql") {
			t.Errorf("Open() = %v, want it to name the unknown migration", err)
		}
	})
}

func TestDB_IntegrityCheck(t *testing.T) {
	db := MustOpenDB(t)
	if _, err := sqlite.NewDocumentService(db).CreateDocument(t.Context(), newBundle("a.txt", "Blinken met Wang Yi.")); err != nil {
		t.Fatal(err)
	}
	if err := db.IntegrityCheck(t.Context()); err != nil {
		t.Fatalf("IntegrityCheck() = %v, want nil", err)
	}
	// A dangling reference made behind the store's back is reported.
	exec(t, db.DSN, `PRAGMA foreign_keys = OFF; INSERT INTO mentions (doc_id, sentence, start, end) VALUES (999, 0, 0, 1)`)
	err := db.IntegrityCheck(t.Context())
	if err == nil || !strings.Contains(err.Error(), "mentions") {
		t.Fatalf("IntegrityCheck() = %v, want a problem in mentions", err)
	}
}

// Another process holding the write lock neither blocks reads (WAL) nor
// makes a write fail at once (busy_timeout): the write waits for the lock.
func TestDB_ReadsDuringWrite(t *testing.T) {
	db := MustOpenDB(t)
	docs := sqlite.NewDocumentService(db)
	ctx := t.Context()
	if _, err := docs.CreateDocument(ctx, newBundle("a.txt", "Blinken met Wang Yi.")); err != nil {
		t.Fatal(err)
	}

	other, err := sql.Open("sqlite", db.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE; INSERT INTO migrations (name) VALUES ('write-lock-held')`); err != nil {
		t.Fatal(err)
	}

	if _, n, err := docs.FindDocuments(ctx, dyad.DocumentFilter{}); err != nil || n != 1 {
		t.Errorf("FindDocuments() while another connection writes = %d, %v; want 1 document", n, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := docs.CreateDocument(ctx, newBundle("b.txt", "Biden met Xi Jinping."))
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("CreateDocument() while the lock is held returned %v, want it to wait", err)
	case <-time.After(100 * time.Millisecond):
	}
	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("CreateDocument() after the lock was released = %v", err)
	}
}

// exec runs statements on the database file at path through a connection
// of its own, as another process would.
func exec(tb testing.TB, path, query string) {
	tb.Helper()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer h.Close()
	if _, err := h.ExecContext(context.Background(), query); err != nil {
		tb.Fatalf("exec %q: %v", query, err)
	}
}

// countRows counts the rows of a table in the database file at path.
func countRows(tb testing.TB, path, table string) int {
	tb.Helper()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer h.Close()
	var n int
	if err := h.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	return n
}

// migrationFiles counts the embedded migration files, so tests need not
// change when one is added.
func migrationFiles(t *testing.T) int {
	t.Helper()
	es, err := os.ReadDir("migration")
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}
