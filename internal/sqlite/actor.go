package sqlite

import (
	"context"
	"fmt"
	"strings"
)

// An ActorCount is an actor code seen in stored events and the number of
// events it takes part in, as source or target.
type ActorCount struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// ActorFilter selects actor codes. Prefix, when set, keeps the codes that
// start with it (case-insensitive); Limit caps the result (0: no cap).
type ActorFilter struct {
	Prefix *string
	Limit  int
}

// ActorService queries the actors of stored events.
type ActorService struct {
	db *DB
}

// NewActorService returns a service for the actors of db's events.
func NewActorService(db *DB) *ActorService { return &ActorService{db: db} }

// FindActors returns the actor codes of stored events, the most frequent
// first (ties by code), each with the number of events it is the source or
// target of. An event with the same code on both sides counts once.
func (s *ActorService) FindActors(ctx context.Context, f ActorFilter) ([]ActorCount, error) {
	var srcWhere, tgtWhere string
	var args []any
	if f.Prefix != nil && *f.Prefix != "" {
		srcWhere = ` AND source_code LIKE ? ESCAPE '\'`
		tgtWhere = ` AND target_code LIKE ? ESCAPE '\'`
		p := likeEscape(strings.ToUpper(*f.Prefix)) + "%"
		args = append(args, p, p)
	}
	// UNION, not UNION ALL: an (event, code) pair counts once.
	q := `SELECT code, COUNT(*) AS n FROM (
		SELECT id, source_code AS code FROM events WHERE source_code <> ''` + srcWhere + `
		UNION
		SELECT id, target_code AS code FROM events WHERE target_code IS NOT NULL AND target_code <> ''` + tgtWhere + `
	) GROUP BY code ORDER BY n DESC, code`
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := s.db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("find actors: %w", err)
	}
	defer rows.Close()
	var out []ActorCount
	for rows.Next() {
		var a ActorCount
		if err := rows.Scan(&a.Code, &a.Count); err != nil {
			return nil, fmt.Errorf("find actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
