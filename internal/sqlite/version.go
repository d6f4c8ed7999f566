package sqlite

import (
	"context"
	"fmt"
)

// DataVersion returns a number that changes whenever a commit to the
// database is made by any other connection: this process's writer, or
// another process such as a `dyad ingest` running beside the server. Two
// equal numbers mean nothing was committed between the calls, so results
// computed from the first read are still current (SQLite's PRAGMA
// data_version, asked on one read connection kept for the purpose).
//
// ok is false for an in-memory database, whose single connection is also
// its writer: there, nothing can be told apart and callers must not cache.
func (db *DB) DataVersion(ctx context.Context) (v int64, ok bool, err error) {
	if db.DSN == MemoryDSN {
		return 0, false, nil
	}
	db.verMu.Lock()
	defer db.verMu.Unlock()
	if db.read == nil {
		return 0, false, fmt.Errorf("database %s is not open", db.DSN)
	}
	if db.verConn == nil {
		c, err := db.read.Conn(ctx)
		if err != nil {
			return 0, false, fmt.Errorf("data version: %w", err)
		}
		db.verConn = c
	}
	if err := db.verConn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return 0, false, fmt.Errorf("data version: %w", err)
	}
	return v, true, nil
}
