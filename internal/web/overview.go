package web

import (
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// Chart geometry, in SVG user units.
const (
	chartW, chartH         = 900, 520
	chartL, chartR, chartT = 56, 150, 20
	stateBottom            = 300      // the state score panel ends here
	flowTop, flowBottom    = 336, 456 // the cooperation/conflict panel
	scoreMax               = 9.0      // the state score runs from −9 to +9
)

// A chartBand is one background stripe of the state score.
type chartBand struct {
	Name    string
	Y, H    float64
	LabelY  float64
	Class   string
	Tooltip string
}

// A chartSeries is one direction's line and points.
type chartSeries struct {
	Name   string // "USA → CHN"
	Class  string // a or b, for colours
	Path   string // SVG path data
	Points []chartPoint
}

// A chartPoint is one period's value: a dot whose area grows with the
// number of events.
type chartPoint struct {
	X, Y, R float64
	Title   string
}

// A chartColumn is one period: a link over the whole height, so clicking
// anywhere above a period lists its events.
type chartColumn struct {
	X, W      float64
	LabelX    float64
	Label     string
	ShowLabel bool
	Href      string
	Title     string
	Events    int
}

// A bar is one period's cooperation (up) or conflict (down) in one
// direction.
type bar struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// A tick is a labelled value on the score axis.
type tick struct {
	Y, TextY float64
	Label    string
}

// A legendEntry names one direction's line.
type legendEntry struct {
	Name, Class             string
	X1, X2, Y, TextX, TextY float64
}

// chartView is the index chart, laid out.
type chartView struct {
	W, H, Left, Right, Top, Bottom float64
	Bands                          []chartBand
	Ticks                          []tick
	Series                         []chartSeries
	Columns                        []chartColumn
	Legend                         []legendEntry
	// The flows panel under the state score: both axes of the index,
	// cooperation up and conflict down from a zero line.
	Bars                          []bar
	FlowTop, FlowZero, FlowBottom float64
	FlowMax                       string
	ColumnH                       float64
	// Derived positions, so the template does no arithmetic.
	PlotW, PlotH, BandLabelX, TickX, XLabelY float64
}

// A periodRow is one period of the table beside the chart.
type periodRow struct {
	Label  string
	Href   string
	Cells  [2]analytics.Point
	Events int
}

type overviewView struct {
	Dyad     [2]string
	By       analytics.Granularity
	From, To string
	Chart    *chartView
	Rows     []periodRow
	Dirs     [2]string
	Total    int
	Meetings []analytics.Meeting
	Bands    []bandKey
}

// A bandKey names a band and its range, for the legend.
type bandKey struct {
	Name, Range, Class string
}

func (d *Dashboard) overview(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy, by := p.dyad(d.Dyad), p.by()
	from, to := p.date("from"), p.date("to")
	if p.err == nil && !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("The period ends (%s) before it starts (%s).", day(to), day(from))
	}
	if p.err != nil {
		return "", nil, p.err
	}
	idx, err := d.Record.Index(r.Context(), dy, by, from, to)
	if err != nil {
		return "", nil, err
	}
	v := overviewView{Dyad: dy, By: by, From: day(from), To: day(to),
		Dirs: [2]string{idx.Series[0].From + " → " + idx.Series[0].To, idx.Series[1].From + " → " + idx.Series[1].To}}
	for _, b := range analytics.Bands {
		v.Bands = append(v.Bands, bandKey{Name: b.Name, Range: fmt.Sprintf("%+.0f to %+.0f", b.From, b.To), Class: "band-" + b.Name})
	}
	v.Rows = periodRows(idx, dy, from, to)
	for _, row := range v.Rows {
		v.Total += row.Events
	}
	if len(v.Rows) > 0 {
		v.Chart = layoutChart(idx, v.Rows)
	}
	meetings, err := d.Record.Meetings(r.Context(), dy, time.Time{})
	if err != nil {
		return "", nil, err
	}
	for _, m := range meetings {
		if within(m.Start, from, to) {
			v.Meetings = append(v.Meetings, m)
		}
	}
	return "overview", v, nil
}

// within reports whether t falls in [from, to], a zero bound being open.
func within(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
}

// periodRows pairs the two directions' points by period label.
func periodRows(idx *analytics.Index, dy [2]string, from, to time.Time) []periodRow {
	byLabel := map[string]int{}
	var rows []periodRow
	for s, sr := range idx.Series {
		for _, pt := range sr.Points {
			i, ok := byLabel[pt.Label]
			if !ok {
				i = len(rows)
				byLabel[pt.Label] = i
				rows = append(rows, periodRow{Label: pt.Label,
					Href: "/period" + query("dyad", dy[0]+"-"+dy[1], "by", string(idx.By), "from", day(from), "to", day(to), "period", pt.Label)})
			}
			rows[i].Cells[s] = pt
			rows[i].Events += pt.Events
		}
	}
	return rows
}

func layoutChart(idx *analytics.Index, rows []periodRow) *chartView {
	c := &chartView{W: chartW, H: chartH, Left: chartL, Right: chartW - chartR, Top: chartT, Bottom: stateBottom,
		FlowTop: flowTop, FlowZero: (flowTop + flowBottom) / 2, FlowBottom: flowBottom, ColumnH: flowBottom - chartT}
	plotW, plotH := c.Right-c.Left, c.Bottom-c.Top
	c.PlotW, c.PlotH, c.BandLabelX, c.TickX, c.XLabelY = plotW, plotH, c.Right+6, c.Left-8, c.Bottom+18
	y := func(v float64) float64 {
		v = math.Max(-scoreMax, math.Min(scoreMax, v))
		return round1(c.Top + plotH*(scoreMax-v)/(2*scoreMax))
	}
	colW := plotW / float64(len(rows))
	x := func(i int) float64 { return round1(c.Left + colW*(float64(i)+0.5)) }
	for _, b := range analytics.Bands {
		top, bottom := y(b.To), y(b.From)
		c.Bands = append(c.Bands, chartBand{Name: b.Name, Y: top, H: round1(bottom - top), LabelY: round1((top+bottom)/2 + 4),
			Class: "band-" + b.Name, Tooltip: fmt.Sprintf("%s: %+.0f to %+.0f", b.Name, b.From, b.To)})
	}
	for v := -scoreMax; v <= scoreMax; v += 3 {
		c.Ticks = append(c.Ticks, tick{Y: y(v), TextY: y(v) + 4, Label: fmt.Sprintf("%+.0f", v)})
	}
	// At most about 10 period labels fit under the axis.
	every := max(1, (len(rows)+9)/10)
	for i, row := range rows {
		c.Columns = append(c.Columns, chartColumn{X: round1(c.Left + colW*float64(i)), W: round1(colW), LabelX: x(i),
			Label: row.Label, ShowLabel: i%every == 0, Href: row.Href, Events: row.Events,
			Title: fmt.Sprintf("%s: %d events. %s %+.1f (%s); %s %+.1f (%s). Select to list the events.", row.Label, row.Events,
				idx.Series[0].From+"→"+idx.Series[0].To, row.Cells[0].State, row.Cells[0].Band,
				idx.Series[1].From+"→"+idx.Series[1].To, row.Cells[1].State, row.Cells[1].Band)})
	}
	for s, sr := range idx.Series {
		cs := chartSeries{Name: sr.From + " → " + sr.To, Class: string(rune('a' + s))}
		var path strings.Builder
		for i, row := range rows {
			pt := row.Cells[s]
			px, py := x(i), y(pt.State)
			if i == 0 {
				fmt.Fprintf(&path, "M%.1f %.1f", px, py)
			} else {
				fmt.Fprintf(&path, " L%.1f %.1f", px, py)
			}
			if pt.Events > 0 {
				cs.Points = append(cs.Points, chartPoint{X: px, Y: py, R: round1(2.5 + 1.5*math.Sqrt(float64(pt.Events))),
					Title: fmt.Sprintf("%s %s: state %+.1f, %d events", cs.Name, row.Label, pt.State, pt.Events)})
			}
		}
		cs.Path = path.String()
		c.Series = append(c.Series, cs)
		ly := c.FlowBottom + 24 + 16*float64(s)
		c.Legend = append(c.Legend, legendEntry{Name: cs.Name, Class: cs.Class, X1: c.Left, X2: c.Left + 24, Y: ly, TextX: c.Left + 30, TextY: ly + 4})
	}
	layoutFlows(c, idx, rows, colW)
	return c
}

// layoutFlows draws each period's cooperation and conflict, per
// direction, scaled to the largest of all.
func layoutFlows(c *chartView, idx *analytics.Index, rows []periodRow, colW float64) {
	top := 0.0
	for _, row := range rows {
		for _, pt := range row.Cells {
			top = math.Max(top, math.Max(pt.Cooperation, pt.Conflict))
		}
	}
	if top == 0 {
		top = 1
	}
	c.FlowMax = fmt.Sprintf("%.0f", top)
	half := c.FlowZero - c.FlowTop
	w := round1(math.Max(1, colW*0.18))
	for i, row := range rows {
		for s, pt := range row.Cells {
			x := round1(c.Left + colW*(float64(i)+0.5) + (float64(s)-1)*w - 1 + 2*float64(s))
			name := idx.Series[s].From + " → " + idx.Series[s].To
			class := string(rune('a' + s))
			if pt.Cooperation > 0 {
				h := round1(half * pt.Cooperation / top)
				c.Bars = append(c.Bars, bar{X: x, Y: round1(c.FlowZero - h), W: w, H: h, Class: "coop flow-" + class,
					Title: fmt.Sprintf("%s %s: cooperation %.1f", name, row.Label, pt.Cooperation)})
			}
			if pt.Conflict > 0 {
				h := round1(half * pt.Conflict / top)
				c.Bars = append(c.Bars, bar{X: x, Y: c.FlowZero, W: w, H: h, Class: "conflict flow-" + class,
					Title: fmt.Sprintf("%s %s: conflict %.1f", name, row.Label, pt.Conflict)})
			}
		}
	}
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

// periodView lists the events behind one period of the index, with what
// each contributed.
type periodView struct {
	Dyad   [2]string
	By     analytics.Granularity
	Label  string
	Start  string
	End    string
	Back   string
	Series []periodSeries
}

type periodSeries struct {
	Name                  string
	State                 float64
	Band                  string
	Cooperation, Conflict float64
	Events                []eventRow
	Timeline              string
}

func (d *Dashboard) period(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy, by := p.dyad(d.Dyad), p.by()
	from, to := p.date("from"), p.date("to")
	label := p.str("period")
	if label == "" {
		p.fail("Which period? Give ?period=, e.g. 2023-06.")
	}
	if p.err != nil {
		return "", nil, p.err
	}
	idx, err := d.Record.Index(r.Context(), dy, by, from, to)
	if err != nil {
		return "", nil, err
	}
	lk := d.Record.Lookup(r.Context())
	v := periodView{Dyad: dy, By: by, Label: label,
		Back: "/" + query("dyad", dy[0]+"-"+dy[1], "by", string(by), "from", day(from), "to", day(to))}
	for _, sr := range idx.Series {
		for _, pt := range sr.Points {
			if pt.Label != label {
				continue
			}
			v.Start, v.End = day(pt.Start), day(pt.End)
			ps := periodSeries{Name: sr.From + " → " + sr.To, State: pt.State, Band: pt.Band,
				Cooperation: pt.Cooperation, Conflict: pt.Conflict,
				Timeline: "/timeline" + query("dyad", sr.From+"-"+sr.To, "from", day(pt.Start), "to", day(pt.End))}
			for _, c := range pt.Contributions {
				row := newEventRow(c.Event, lk)
				row.Value = c.Value
				ps.Events = append(ps.Events, row)
			}
			v.Series = append(v.Series, ps)
		}
	}
	if len(v.Series) == 0 {
		return "", nil, dyad.Errorf(dyad.ENOTFOUND, "No period %q in the index (labels look like 2023-06, 2023-Q2 or 2023-W25).", label)
	}
	return "period", v, nil
}
