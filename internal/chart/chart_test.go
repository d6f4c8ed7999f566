package chart_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad/internal/chart"
)

func TestSparkline(t *testing.T) {
	tests := []struct {
		in   []float64
		want string
	}{
		{nil, ""},
		{[]float64{-9, 0, 9}, "▁▅█"},
		{[]float64{-20, 20}, "▁█"}, // clamped
	}
	for _, tt := range tests {
		if got := chart.Sparkline(tt.in, -9, 9); got != tt.want {
			t.Errorf("Sparkline(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSVG(t *testing.T) {
	var buf bytes.Buffer
	err := chart.SVG(&buf, "USA <-> CHN & co", []string{"2023-06", "2023-07"},
		[]chart.Line{{Name: "USA→CHN", Color: "#1f77b4", Values: []float64{1, -2}}, {Name: "CHN→USA", Color: "#d62728", Values: []float64{0.5, 3}}},
		[]chart.Band{{Name: "normal", From: 0, To: 3, Color: "#eef"}}, -9, 9)
	if err != nil {
		t.Fatal(err)
	}
	// Well-formed XML, title escaped, two polylines.
	dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	lines := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("SVG is not well-formed XML: %v", err)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "polyline" {
			lines++
		}
	}
	if lines != 2 {
		t.Errorf("SVG has %d polylines, want 2", lines)
	}
	if !strings.Contains(buf.String(), "USA &lt;-&gt; CHN &amp; co") {
		t.Errorf("title not escaped")
	}
}
