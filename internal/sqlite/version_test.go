package sqlite_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestDB_DataVersion(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	version := func(db *sqlite.DB) int64 {
		t.Helper()
		v, ok, err := db.DataVersion(ctx)
		if err != nil || !ok {
			t.Fatalf("DataVersion() = %d, %v, %v", v, ok, err)
		}
		return v
	}
	v1 := version(db)
	if v2 := version(db); v2 != v1 {
		t.Errorf("no commit: DataVersion %d then %d", v1, v2)
	}
	// A commit through this process's writer changes it.
	if _, err := sqlite.NewDocumentService(db).CreateDocument(ctx, newBundle("a.txt", "Blinken met Wang Yi.")); err != nil {
		t.Fatal(err)
	}
	v3 := version(db)
	if v3 == v1 {
		t.Errorf("after a document was stored: DataVersion still %d", v3)
	}
	// So does a commit by another handle on the same file, as another
	// process's would.
	other := mustOpenDSN(t, db.DSN)
	c := &dyad.Correction{Kind: dyad.CorrectMeeting, Key: "k", Field: "place", Value: "Beijing", Author: "t"}
	if err := sqlite.NewCorrectionService(other).CreateCorrection(ctx, c); err != nil {
		t.Fatal(err)
	}
	if v4 := version(db); v4 == v3 {
		t.Errorf("after another handle's commit: DataVersion still %d", v4)
	}

	mem := mustOpenDSN(t, sqlite.MemoryDSN)
	if _, ok, err := mem.DataVersion(ctx); ok || err != nil {
		t.Errorf("in-memory DataVersion: ok %v, err %v; want not ok, no error", ok, err)
	}
}
