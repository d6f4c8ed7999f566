package actors_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/actors"
)

// TestStems_Many checks that stems match the same way whether a node holds
// a few (tried one by one) or many (looked up by prefix): TABARI actor
// files put hundreds of one-word stems on the root.
func TestStems_Many(t *testing.T) {
	tests := []struct {
		name   string
		filler int // extra stems that match nothing in the sentence
		sent   string
		want   string
	}{
		{"Few", 0, "Rohirrim and Gondorians met in Osgiliath.", "Rohirrim=ROH/dict Gondorians=GON/dict Osgiliath=OSG/dict"},
		{"Many", 40, "Rohirrim and Gondorians met in Osgiliath.", "Rohirrim=ROH/dict Gondorians=GON/dict Osgiliath=OSG/dict"},
		{"ManyNoMatch", 40, "Nobody met anybody.", ""},
		{"ManyExactWord", 40, "Gondor met Rohan.", "Gondor=GON/dict Rohan=ROH/dict"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("GONDOR [GON]\nROH [ROH]\nOSGILIATH_ [OSG]\n")
			for i := range tt.filler {
				fmt.Fprintf(&b, "FILLER%c%c [F%02d]\n", 'A'+i%26, 'A'+i/26, i)
			}
			l := actors.NewLoader()
			l.Stems = true
			l.AddPhoenix("many.actors", strings.NewReader(b.String()))
			d, diags := l.Compile()
			if len(diags) > 0 {
				t.Fatalf("Compile: %v", diags)
			}
			got := strings.Join(tagDoc(d, "", day("1995-01-01"), tt.sent)[0], " ")
			if got != tt.want {
				t.Errorf("Tag(%q) with %d more stems = %q, want %q", tt.sent, tt.filler, got, tt.want)
			}
		})
	}
}
