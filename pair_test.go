package dyad_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
)

func TestParsePair(t *testing.T) {
	tests := []struct {
		in   string
		want [2]string
		ok   bool
	}{
		{"USA-CHN", [2]string{"USA", "CHN"}, true},
		{"usa-chn", [2]string{"USA", "CHN"}, true},
		{"USA", [2]string{}, false},
		{"USA-USA", [2]string{}, false},
		{"US-CHN", [2]string{}, false},
		{"US1-CHN", [2]string{}, false},
		{"USA-CHN-JPN", [2]string{}, false},
	}
	for _, tt := range tests {
		if got, ok := dyad.ParsePair(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("ParsePair(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
