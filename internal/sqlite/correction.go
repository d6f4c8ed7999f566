package sqlite

import (
	"context"
	"fmt"
	"time"

	"github.com/dyad-dev/dyad"
)

// CorrectionService stores analysts' corrections.
type CorrectionService struct {
	db *DB
}

// NewCorrectionService returns a service for corrections in db.
func NewCorrectionService(db *DB) *CorrectionService { return &CorrectionService{db: db} }

// CreateCorrection stores c, setting its ID and CreatedAt. A kind or field
// that cannot be corrected, an empty key or an empty author is EINVALID.
func (s *CorrectionService) CreateCorrection(ctx context.Context, c *dyad.Correction) error {
	if !dyad.ValidCorrectionField(c.Kind, c.Field) {
		return dyad.Errorf(dyad.EINVALID, "cannot correct %q of a %q (fields: %v)", c.Field, c.Kind, dyad.CorrectionFields[c.Kind])
	}
	if c.Key == "" || c.Author == "" {
		return dyad.Errorf(dyad.EINVALID, "a correction needs the key of what it corrects and an author")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	c.CreatedAt = tx.now
	res, err := tx.ExecContext(ctx, `INSERT INTO corrections (kind, key, field, value, note, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		c.Kind, c.Key, c.Field, c.Value, c.Note, c.Author, c.CreatedAt.Format(time.RFC3339))
	if err != nil {
		return fmt.Errorf("insert correction: %w", err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return tx.Commit()
}

// FindCorrections returns the corrections of one kind ("" for all), oldest
// first, so that applying them in order lets the latest win.
func (s *CorrectionService) FindCorrections(ctx context.Context, kind string) ([]dyad.Correction, error) {
	q := `SELECT id, kind, key, field, value, note, author, created_at FROM corrections`
	var args []any
	if kind != "" {
		q += ` WHERE kind = ?`
		args = append(args, kind)
	}
	q += ` ORDER BY id`
	rows, err := s.db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find corrections: %w", err)
	}
	defer rows.Close()
	var out []dyad.Correction
	for rows.Next() {
		var c dyad.Correction
		var at string
		if err := rows.Scan(&c.ID, &c.Kind, &c.Key, &c.Field, &c.Value, &c.Note, &c.Author, &at); err != nil {
			return nil, err
		}
		c.CreatedAt, _ = time.Parse(time.RFC3339, at) // written by CreateCorrection in this format
		out = append(out, c)
	}
	return out, rows.Err()
}
