package analytics

import (
	"math"
	"sort"
	"time"

	"github.com/dyad-dev/dyad"
)

// Granularity is the length of an index period.
type Granularity string

// Granularities.
const (
	Week    Granularity = "week"
	Month   Granularity = "month"
	Quarter Granularity = "quarter"
)

// periodStart returns the first day of the period of g containing t.
// Weeks start on Monday (ISO 8601).
func periodStart(t time.Time, g Granularity) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch g {
	case Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday = 0
		return t.AddDate(0, 0, -wd)
	case Quarter:
		return time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
}

func nextPeriod(t time.Time, g Granularity) time.Time {
	switch g {
	case Week:
		return t.AddDate(0, 0, 7)
	case Quarter:
		return t.AddDate(0, 3, 0)
	default:
		return t.AddDate(0, 1, 0)
	}
}

// Label names the period starting at start: "2023-06", "2023-Q2",
// "2023-W25".
func Label(start time.Time, g Granularity) string {
	switch g {
	case Week:
		y, w := start.ISOWeek()
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") + "-W" + two(w)
	case Quarter:
		return start.Format("2006") + "-Q" + string(rune('1'+(int(start.Month())-1)/3))
	default:
		return start.Format("2006-01")
	}
}

func two(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// A Contribution is one event's part in a period's value.
type Contribution struct {
	Event        *dyad.Event `json:"event"`
	LevelWeight  float64     `json:"level_weight"` // from the highest level of its actors
	StatusFactor float64     `json:"status_factor"`
	Value        float64     `json:"value"` // Goldstein × level weight × status factor
}

// A Point is the index for one direction and period.
type Point struct {
	Label       string    `json:"label"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`         // End is the last day of the period
	Cooperation float64   `json:"cooperation"` // sum of positive values
	Conflict    float64   `json:"conflict"`    // sum of |negative values|
	Events      int       `json:"events"`
	Raw         float64   `json:"raw"`   // the flow before bounding
	State       float64   `json:"state"` // bounded state score, −9 … +9
	Band        string    `json:"band"`
	// Contributions lists the events behind the point, largest |value|
	// first.
	Contributions []Contribution `json:"contributions"`
}

// A Series is the index for one direction, source state to target state.
type Series struct {
	From   string  `json:"from"`
	To     string  `json:"to"`
	Points []Point `json:"points"`
}

// An Index is the relations index of a dyad: one series per direction.
type Index struct {
	Dyad [2]string   `json:"dyad"`
	By   Granularity `json:"by"`
	// Series[0] is Dyad[0] -> Dyad[1], Series[1] the reverse.
	Series [2]Series `json:"series"`
}

// A PeriodRow is one period of one direction of an index, flattened for
// tables and JSON: the direction, the period and its figures, and the IDs
// of the events behind it.
type PeriodRow struct {
	Period      string  `json:"period"`
	From        string  `json:"from"`
	To          string  `json:"to"`
	Start       string  `json:"start"` // YYYY-MM-DD
	End         string  `json:"end"`
	Events      int     `json:"events"`
	Cooperation float64 `json:"cooperation"`
	Conflict    float64 `json:"conflict"`
	State       float64 `json:"state"`
	Band        string  `json:"band"`
	EventIDs    []int64 `json:"event_ids"`
	// Point is the row's point, for its contributions.
	Point *Point `json:"-"`
}

// Rows returns the index's points as rows, the first direction's periods
// first; nil for an index with no points.
func (idx *Index) Rows() []PeriodRow {
	var rows []PeriodRow
	for i := range idx.Series {
		sr := &idx.Series[i]
		for j := range sr.Points {
			p := &sr.Points[j]
			r := PeriodRow{Period: p.Label, From: sr.From, To: sr.To,
				Start: p.Start.Format("2006-01-02"), End: p.End.Format("2006-01-02"),
				Events: p.Events, Cooperation: p.Cooperation, Conflict: p.Conflict,
				State: p.State, Band: p.Band, EventIDs: make([]int64, 0, len(p.Contributions)), Point: p}
			for _, c := range p.Contributions {
				r.EventIDs = append(r.EventIDs, c.Event.ID)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// Bands name ranges of the state score, after the Tsinghua index.
var Bands = []struct {
	Name     string
	From, To float64
}{
	{"confrontation", -9, -6}, {"tense", -6, -3}, {"discord", -3, 0},
	{"normal", 0, 3}, {"good", 3, 6}, {"friendly", 6, 9},
}

// BandOf returns the band of a state score.
func BandOf(s float64) string {
	for _, b := range Bands {
		if s < b.To {
			return b.Name
		}
	}
	return Bands[len(Bands)-1].Name
}

// levelRank orders levels from the top, to find an event's highest.
var levelRank = map[dyad.Level]int{
	dyad.LevelLeader: 0, dyad.LevelSenior: 1, dyad.LevelMinister: 2, dyad.LevelMilitary: 3,
	dyad.LevelDeputy: 4, dyad.LevelOfficial: 5, dyad.LevelOther: 6,
}

func highest(ev *dyad.Event) dyad.Level {
	lv := ev.Source.Level
	if ev.Target != nil && levelRank[ev.Target.Level] < levelRank[lv] {
		lv = ev.Target.Level
	}
	return lv
}

// ComputeIndex computes the index of the dyad d from events, for the
// periods of granularity by from the period containing from to the one
// containing to (zero: the first and last event). Each event counts once;
// events not between the two states are ignored. The result is the same
// for the same events whatever their order.
func ComputeIndex(events []*dyad.Event, d [2]string, by Granularity, from, to time.Time, cfg *IndexConfig) *Index {
	idx := &Index{Dyad: d, By: by}
	idx.Series[0] = Series{From: d[0], To: d[1]}
	idx.Series[1] = Series{From: d[1], To: d[0]}

	var mine []*dyad.Event
	seen := map[string]bool{}
	for _, ev := range events {
		if ev.Target == nil {
			continue
		}
		dir := direction(ev, d)
		if dir < 0 {
			continue
		}
		key := ev.Key
		if key == "" {
			key = ev.ComputeKey()
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		mine = append(mine, ev)
	}
	if len(mine) == 0 && (from.IsZero() || to.IsZero()) {
		return idx
	}
	sort.SliceStable(mine, func(i, j int) bool {
		if !mine[i].Date.Equal(mine[j].Date) {
			return mine[i].Date.Before(mine[j].Date)
		}
		return mine[i].Key < mine[j].Key
	})
	if from.IsZero() {
		from = mine[0].Date
	}
	if to.IsZero() {
		to = mine[len(mine)-1].Date
	}
	first, last := periodStart(from, by), periodStart(to, by)

	// Bucket events by period and direction once: O(events + periods).
	type bucket struct {
		start time.Time
		dir   int
	}
	buckets := map[bucket][]*dyad.Event{}
	for _, ev := range mine {
		b := bucket{periodStart(ev.Date, by), direction(ev, d)}
		buckets[b] = append(buckets[b], ev)
	}
	for dir := range 2 {
		raw := cfg.Baseline
		for p := first; !p.After(last); p = nextPeriod(p, by) {
			end := nextPeriod(p, by)
			pt := Point{Label: Label(p, by), Start: p, End: end.AddDate(0, 0, -1)}
			for _, ev := range buckets[bucket{p, dir}] {
				c := Contribution{Event: ev, LevelWeight: cfg.Level[highest(ev)], StatusFactor: cfg.Status[ev.Status]}
				c.Value = ev.Goldstein * c.LevelWeight * c.StatusFactor
				if c.Value > 0 {
					pt.Cooperation += c.Value
				} else {
					pt.Conflict -= c.Value
				}
				pt.Events++
				pt.Contributions = append(pt.Contributions, c)
			}
			sort.SliceStable(pt.Contributions, func(i, j int) bool {
				return math.Abs(pt.Contributions[i].Value) > math.Abs(pt.Contributions[j].Value)
			})
			raw = cfg.Baseline + cfg.Persistence*(raw-cfg.Baseline) + cfg.Scale*(pt.Cooperation-pt.Conflict)
			pt.Raw = raw
			pt.State = 9 * math.Tanh(raw/9)
			pt.Band = BandOf(pt.State)
			idx.Series[dir].Points = append(idx.Series[dir].Points, pt)
		}
	}
	return idx
}

// direction returns 0 for d[0] -> d[1], 1 for the reverse, -1 otherwise.
func direction(ev *dyad.Event, d [2]string) int {
	s, t := ev.Source.Country, ev.Target.Country
	switch {
	case s == d[0] && t == d[1]:
		return 0
	case s == d[1] && t == d[0]:
		return 1
	}
	return -1
}
