// Package chart draws the relations index: a one-line sparkline for the
// terminal and a standalone SVG chart. It knows nothing of events or
// storage, only of series of labelled values.
package chart

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// A Line is one labelled series of values, one per period.
type Line struct {
	Name   string
	Color  string // CSS color
	Values []float64
}

// A Band is a named range of values drawn as a background stripe.
type Band struct {
	Name     string
	From, To float64
	Color    string
}

// sparks are the eight block heights of a sparkline, lowest first.
var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline renders values between lo and hi as one line of block
// characters, one per value; values outside are clamped.
func Sparkline(values []float64, lo, hi float64) string {
	var b strings.Builder
	for _, v := range values {
		f := (v - lo) / (hi - lo)
		i := int(math.Round(f * float64(len(sparks)-1)))
		b.WriteRune(sparks[max(0, min(len(sparks)-1, i))])
	}
	return b.String()
}

// SVG writes a line chart of lines over the labels, with the value axis
// from lo to hi and bands as background stripes. The output is a complete
// SVG document; every text is escaped.
func SVG(w io.Writer, title string, labels []string, lines []Line, bands []Band, lo, hi float64) error {
	const (
		width, height       = 760, 360
		left, right, top, b = 60, 130, 40, 50
	)
	plotW, plotH := float64(width-left-right), float64(height-top-b)
	y := func(v float64) float64 { return float64(top) + plotH*(hi-math.Max(lo, math.Min(hi, v)))/(hi-lo) }
	x := func(i int) float64 {
		if len(labels) <= 1 {
			return float64(left) + plotW/2
		}
		return float64(left) + plotW*float64(i)/float64(len(labels)-1)
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11">`+"\n", width, height, width, height)
	fmt.Fprintf(&s, `<title>%s</title>`+"\n", html.EscapeString(title))
	fmt.Fprintf(&s, `<text x="%d" y="22" font-size="14" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	for _, bd := range bands {
		y0, y1 := y(bd.To), y(bd.From)
		fmt.Fprintf(&s, `<rect x="%d" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", left, y0, plotW, y1-y0, html.EscapeString(bd.Color))
		fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" fill="#555">%s</text>`+"\n", float64(left)+plotW+6, (y0+y1)/2+4, html.EscapeString(bd.Name))
	}
	fmt.Fprintf(&s, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#888"/>`+"\n", left, y(0), float64(left)+plotW, y(0))
	for v := lo; v <= hi; v += (hi - lo) / 6 {
		fmt.Fprintf(&s, `<text x="%d" y="%.1f" text-anchor="end" fill="#555">%g</text>`+"\n", left-6, y(v)+4, math.Round(v*10)/10)
	}
	step := max(1, len(labels)/12)
	for i, l := range labels {
		if i%step == 0 || i == len(labels)-1 {
			fmt.Fprintf(&s, `<text x="%.1f" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", x(i), height-b+18, html.EscapeString(l))
		}
	}
	for li, ln := range lines {
		var pts []string
		for i, v := range ln.Values {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
		}
		fmt.Fprintf(&s, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", html.EscapeString(ln.Color), strings.Join(pts, " "))
		for i, v := range ln.Values {
			fmt.Fprintf(&s, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"><title>%s %s: %.2f</title></circle>`+"\n",
				x(i), y(v), html.EscapeString(ln.Color), html.EscapeString(ln.Name), html.EscapeString(labels[i]), v)
		}
		fmt.Fprintf(&s, `<text x="%d" y="%d" fill="%s">%s</text>`+"\n", left+li*200, height-12, html.EscapeString(ln.Color), html.EscapeString("— "+ln.Name))
	}
	s.WriteString("</svg>\n")
	_, err := io.WriteString(w, s.String())
	return err
}
