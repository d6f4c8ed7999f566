package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	out, stderr, err := runCmd(t, "", "token", "create", "--db", db, "--name", "alice")
	if err != nil {
		t.Fatalf("token create: %v\n%s", err, stderr)
	}
	secret := strings.TrimSpace(out)
	if !strings.HasPrefix(secret, "dyad_") || strings.Contains(secret, "\n") || !strings.Contains(stderr, "only this once") {
		t.Errorf("token create printed %q (stderr %q), want one dyad_ token and a warning", out, stderr)
	}
	tests := []struct {
		name string
		args []string
		ok   bool
		want string // in stdout
	}{
		{"Duplicate", []string{"token", "create", "--db", db, "--name", "alice"}, false, ""},
		{"NoName", []string{"token", "create", "--db", db}, false, ""},
		{"BadName", []string{"token", "create", "--db", db, "--name", "a b"}, false, ""},
		{"List", []string{"token", "list", "--db", db}, true, "alice"},
		{"ListNever", []string{"token", "list", "--db", db}, true, "never"},
		{"ListJSON", []string{"token", "list", "--db", db, "--format", "json"}, true, `"name": "alice"`},
		{"Revoke", []string{"token", "revoke", "--db", db, "alice"}, true, "revoked"},
		{"RevokeAgain", []string{"token", "revoke", "--db", db, "alice"}, false, ""},
		{"ListRevoked", []string{"token", "list", "--db", db}, true, "revoked 20"},
		{"Recreate", []string{"token", "create", "--db", db, "--name", "alice"}, true, "dyad_"},
		{"NoSubcommand", []string{"token"}, false, ""},
		{"UnknownSubcommand", []string{"token", "rotate"}, false, ""},
		{"ListNoDB", []string{"token", "list", "--db", filepath.Join(t.TempDir(), "none.db")}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, err := runCmd(t, "", tt.args...)
			if (err == nil) != tt.ok || !strings.Contains(out, tt.want) {
				t.Errorf("dyad %v = %v, stdout %q, stderr %q; want ok=%v and %q", tt.args, err, out, stderr, tt.ok, tt.want)
			}
			if strings.Contains(out+stderr, secret) {
				t.Errorf("dyad %v shows the token again", tt.args)
			}
		})
	}
}
