package sqlite_test

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestTokenService(t *testing.T) {
	db := MustOpenDB(t)
	s := sqlite.NewTokenService(db)
	ctx := t.Context()

	tok, secret, err := s.CreateToken(ctx, "alice")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, sqlite.TokenPrefix) || len(secret) != len(sqlite.TokenPrefix)+43 {
		t.Errorf("CreateToken secret = %q, want %s and 43 base64url characters", secret, sqlite.TokenPrefix)
	}
	if tok.ID == 0 || tok.Name != "alice" || !tok.CreatedAt.Equal(now) {
		t.Errorf("CreateToken = %+v, want an ID, alice, created %v", tok, now)
	}
	_, other, err := s.CreateToken(ctx, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if other == secret {
		t.Fatal("two tokens share a secret")
	}

	t.Run("StoredHashed", func(t *testing.T) {
		raw, err := sql.Open("sqlite", db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		var hashes []string
		rows, err := raw.QueryContext(ctx, `SELECT hash FROM api_tokens ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				t.Fatal(err)
			}
			hashes = append(hashes, h)
		}
		sum := sha256.Sum256([]byte(secret))
		if len(hashes) != 2 || hashes[0] != hex.EncodeToString(sum[:]) {
			t.Errorf("stored hashes %q, want the SHA-256 of each token first %x", hashes, sum)
		}
	})

	t.Run("Conflict", func(t *testing.T) {
		if _, _, err := s.CreateToken(ctx, "alice"); dyad.ErrorCode(err) != dyad.ECONFLICT {
			t.Errorf("CreateToken(alice) again = %v, want ECONFLICT", err)
		}
	})

	t.Run("BadNames", func(t *testing.T) {
		for _, name := range []string{"", "has space", "tab\t", strings.Repeat("x", 65), "é", "a/b"} {
			if _, _, err := s.CreateToken(ctx, name); dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("CreateToken(%q) = %v, want EINVALID", name, err)
			}
		}
	})

	t.Run("Authenticate", func(t *testing.T) {
		tests := []struct {
			name, token, want string
			ok                bool
		}{
			{"Good", secret, "alice", true},
			{"Other", other, "bob", true},
			{"Empty", "", "", false},
			{"NoPrefix", strings.TrimPrefix(secret, sqlite.TokenPrefix), "", false},
			{"Truncated", secret[:len(secret)-1], "", false},
			{"OneCharOff", secret[:len(secret)-1] + flip(secret[len(secret)-1]), "", false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				got, err := s.Authenticate(ctx, tt.token)
				if tt.ok && (err != nil || got != tt.want) {
					t.Errorf("Authenticate(%q) = %q, %v, want %q", tt.token, got, err, tt.want)
				}
				if !tt.ok && !errors.Is(err, sqlite.ErrBadToken) {
					t.Errorf("Authenticate(%q) = %q, %v, want ErrBadToken", tt.token, got, err)
				}
			})
		}
	})

	t.Run("LastUsed", func(t *testing.T) {
		toks, err := s.FindTokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(toks) != 2 || !toks[0].LastUsedAt.Equal(now) || toks[0].Name != "alice" {
			t.Errorf("FindTokens = %+v, want alice and bob, used at %v", toks, now)
		}
	})

	t.Run("Revoke", func(t *testing.T) {
		if err := s.RevokeToken(ctx, "alice"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Authenticate(ctx, secret); !errors.Is(err, sqlite.ErrBadToken) {
			t.Errorf("Authenticate(revoked) = %v, want ErrBadToken", err)
		}
		if err := s.RevokeToken(ctx, "alice"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Errorf("RevokeToken(alice) twice = %v, want ENOTFOUND", err)
		}
		if err := s.RevokeToken(ctx, "nobody"); dyad.ErrorCode(err) != dyad.ENOTFOUND {
			t.Errorf("RevokeToken(nobody) = %v, want ENOTFOUND", err)
		}
		// The name is free again; the revoked row stays on record.
		if _, _, err := s.CreateToken(ctx, "alice"); err != nil {
			t.Errorf("CreateToken(alice) after revoking = %v", err)
		}
		toks, err := s.FindTokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(toks) != 3 || toks[0].RevokedAt.IsZero() || !toks[2].RevokedAt.IsZero() {
			t.Errorf("FindTokens = %+v, want the revoked alice, bob and a new alice", toks)
		}
	})
}

func TestTokenService_TouchInterval(t *testing.T) {
	db := MustOpenDB(t)
	clock := now
	db.Now = func() time.Time { return clock }
	s := sqlite.NewTokenService(db)
	ctx := t.Context()
	_, secret, err := s.CreateToken(ctx, "carol")
	if err != nil {
		t.Fatal(err)
	}
	used := func() time.Time {
		toks, err := s.FindTokens(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return toks[0].LastUsedAt
	}
	steps := []struct {
		after time.Duration
		want  time.Time
	}{
		{0, now},
		{30 * time.Second, now}, // within the interval: not written
		{2 * time.Minute, now.Add(2 * time.Minute)}, // stale: written
	}
	for _, st := range steps {
		clock = now.Add(st.after)
		if _, err := s.Authenticate(ctx, secret); err != nil {
			t.Fatal(err)
		}
		if got := used(); !got.Equal(st.want) {
			t.Errorf("after %v LastUsedAt = %v, want %v", st.after, got, st.want)
		}
	}
}

func flip(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}
