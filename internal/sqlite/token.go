package sqlite

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// TokenPrefix starts every API token, so that a token pasted into the
// wrong place (a log, a chat, a repository) is recognisable as one.
const TokenPrefix = "dyad_"

// tokenBytes is the entropy of a token: 32 random bytes, 43 characters of
// unpadded base64url after the prefix.
const tokenBytes = 32

// DefaultTouchInterval is how stale a token's last_used_at may get before
// Authenticate writes it again: one write per token per minute at most,
// not one per request, so authenticated reads do not queue behind an
// ingest on the single write connection.
const DefaultTouchInterval = time.Minute

// An APIToken is a stored API token: its name and dates, never the token.
type APIToken struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	CreatedAt  time.Time `json:"created_at"`
	LastUsedAt time.Time `json:"last_used_at,omitzero"`
	RevokedAt  time.Time `json:"revoked_at,omitzero"`
}

// TokenService creates, lists, revokes and checks API tokens.
type TokenService struct {
	db *DB
	// Rand is the source of token bytes; crypto/rand unless a test
	// replaces it.
	Rand io.Reader
	// TouchInterval is how often last_used_at is refreshed.
	TouchInterval time.Duration
}

// NewTokenService returns a service for the API tokens of db.
func NewTokenService(db *DB) *TokenService {
	return &TokenService{db: db, Rand: rand.Reader, TouchInterval: DefaultTouchInterval}
}

// ValidTokenName reports whether name may name a token: 1 to 64 ASCII
// letters, digits and "._@-". The name is the author of the corrections
// made with the token, so it must read well in a table.
func ValidTokenName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '@' || c == '-') {
			return false
		}
	}
	return true
}

// hashToken returns the stored form of a token: hex SHA-256. A token has
// 256 random bits, so a plain hash (no salt, no slow KDF) is enough: there
// is nothing to guess.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateToken creates a token named name and returns it with its secret,
// which is shown once and stored only as a hash. A name already used by a
// token not revoked is ECONFLICT; an invalid name EINVALID.
func (s *TokenService) CreateToken(ctx context.Context, name string) (*APIToken, string, error) {
	if !ValidTokenName(name) {
		return nil, "", dyad.Errorf(dyad.EINVALID, "Invalid token name %q: want 1 to 64 letters, digits, '.', '_', '@' or '-'.", name)
	}
	buf := make([]byte, tokenBytes)
	if _, err := io.ReadFull(s.Rand, buf); err != nil {
		return nil, "", fmt.Errorf("token %s: random bytes: %w", name, err)
	}
	secret := TokenPrefix + base64.RawURLEncoding.EncodeToString(buf)

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, "", err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM api_tokens WHERE name = ? AND revoked_at IS NULL`, name).Scan(&n); err != nil {
		return nil, "", fmt.Errorf("token %s: %w", name, err)
	}
	if n > 0 {
		return nil, "", dyad.Errorf(dyad.ECONFLICT, "A token named %q exists; revoke it first or choose another name.", name)
	}
	t := &APIToken{Name: name, CreatedAt: tx.now}
	res, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (name, hash, created_at) VALUES (?, ?, ?)`,
		name, hashToken(secret), t.CreatedAt.Format(time.RFC3339))
	if err != nil {
		return nil, "", fmt.Errorf("insert token %s: %w", name, err)
	}
	if t.ID, err = res.LastInsertId(); err != nil {
		return nil, "", err
	}
	if err := tx.Commit(); err != nil {
		return nil, "", fmt.Errorf("token %s: commit: %w", name, err)
	}
	return t, secret, nil
}

// FindTokens returns every token, revoked ones too, oldest first.
func (s *TokenService) FindTokens(ctx context.Context) ([]*APIToken, error) {
	rows, err := s.db.read.QueryContext(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("find tokens: %w", err)
	}
	defer rows.Close()
	var out []*APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

func scanToken(row interface{ Scan(...any) error }) (*APIToken, error) {
	var t APIToken
	var created string
	var used, revoked sql.NullString
	if err := row.Scan(&t.ID, &t.Name, &created, &used, &revoked); err != nil {
		return nil, err
	}
	var err error
	if t.CreatedAt, err = time.Parse(time.RFC3339, created); err != nil {
		return nil, fmt.Errorf("token %s: created_at %q: %w", t.Name, created, err)
	}
	if used.Valid {
		if t.LastUsedAt, err = time.Parse(time.RFC3339, used.String); err != nil {
			return nil, fmt.Errorf("token %s: last_used_at %q: %w", t.Name, used.String, err)
		}
	}
	if revoked.Valid {
		if t.RevokedAt, err = time.Parse(time.RFC3339, revoked.String); err != nil {
			return nil, fmt.Errorf("token %s: revoked_at %q: %w", t.Name, revoked.String, err)
		}
	}
	return &t, nil
}

// RevokeToken revokes the token named name; it no longer authenticates.
// No token of that name (or only revoked ones) is ENOTFOUND.
func (s *TokenService) RevokeToken(ctx context.Context, name string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL`,
		tx.now.Format(time.RFC3339), name)
	if err != nil {
		return fmt.Errorf("revoke token %s: %w", name, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return dyad.Errorf(dyad.ENOTFOUND, "No token named %q (or it is revoked already).", name)
	}
	return tx.Commit()
}

// ErrBadToken is what Authenticate returns for a token that is malformed,
// unknown or revoked, without saying which.
var ErrBadToken = dyad.Errorf(dyad.ENOTFOUND, "Invalid API token.")

// Authenticate returns the name of the live token whose secret is token,
// and notes that it was used. A malformed, unknown or revoked token is
// ErrBadToken. The token is looked up by its hash, so the comparison
// leaks nothing about the stored hashes through timing.
func (s *TokenService) Authenticate(ctx context.Context, token string) (string, error) {
	if !strings.HasPrefix(token, TokenPrefix) || len(token) != len(TokenPrefix)+base64.RawURLEncoding.EncodedLen(tokenBytes) {
		return "", ErrBadToken
	}
	row := s.db.read.QueryRowContext(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE hash = ?`, hashToken(token))
	t, err := scanToken(row)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", ErrBadToken
	case err != nil:
		return "", fmt.Errorf("authenticate: %w", err)
	case !t.RevokedAt.IsZero():
		return "", ErrBadToken
	}
	now := s.db.Now().UTC().Truncate(time.Second)
	if now.Sub(t.LastUsedAt) >= s.TouchInterval {
		if _, err := s.db.write.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, now.Format(time.RFC3339), t.ID); err != nil {
			return "", fmt.Errorf("token %s: last used: %w", t.Name, err)
		}
	}
	return t.Name, nil
}
