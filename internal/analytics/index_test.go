package analytics_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func shippedConfig(t testing.TB) *analytics.IndexConfig {
	t.Helper()
	f, err := dictionaries.FS.Open("dyad.index.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, diags, err := analytics.ParseIndexConfig("dyad.index.txt", f)
	if err != nil || len(diags) > 0 {
		t.Fatalf("shipped config: %v %v", err, diags)
	}
	return cfg
}

func ev(key, date, src, tgt string, lv dyad.Level, code string, g float64, st dyad.Status) *dyad.Event {
	return &dyad.Event{Key: key, Date: day(date), DateEnd: day(date), CAMEO: code, Goldstein: g, Status: st,
		Source: dyad.Actor{Code: src + "GOV", Country: src, Level: lv},
		Target: &dyad.Actor{Code: tgt + "GOV", Country: tgt}}
}

func TestParseIndexConfig(t *testing.T) {
	in := "level.leader = 4 # comment\nstatus.cancelled=-2\npersistence = 1.5\nlevel.emperor = 9\nscale = lots\nbaseline 3\nbaseline = -1\n"
	cfg, diags, err := analytics.ParseIndexConfig("my.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Level[dyad.LevelLeader] != 4 || cfg.Status[dyad.StatusCancelled] != -2 || cfg.Baseline != -1 {
		t.Errorf("ParseIndexConfig = %+v", cfg)
	}
	var lines []int
	for _, d := range diags {
		lines = append(lines, d.Line)
	}
	if fmt.Sprint(lines) != "[3 4 5 6]" {
		t.Errorf("diagnostics on lines %v, want [3 4 5 6]: %v", lines, diags)
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		date string
		by   analytics.Granularity
		want string
	}{
		{"2023-06-19", analytics.Month, "2023-06"},
		{"2023-06-19", analytics.Quarter, "2023-Q2"},
		{"2023-12-31", analytics.Quarter, "2023-Q4"},
		{"2023-06-19", analytics.Week, "2023-W25"},
		{"2024-12-30", analytics.Week, "2025-W01"}, // ISO week of the Monday
	}
	for _, tt := range tests {
		idx := analytics.ComputeIndex(nil, [2]string{"USA", "CHN"}, tt.by, day(tt.date), day(tt.date), shippedConfig(t))
		if got := idx.Series[0].Points[0].Label; got != tt.want {
			t.Errorf("Label(%s, %s) = %s, want %s", tt.date, tt.by, got, tt.want)
		}
	}
}

func TestComputeIndex(t *testing.T) {
	cfg := shippedConfig(t)
	events := []*dyad.Event{
		// June: a ministerial visit USA->CHN and its hosting CHN->USA.
		ev("visit", "2023-06-18", "USA", "CHN", dyad.LevelMinister, "042", 1.9, dyad.StatusOccurred),
		ev("host", "2023-06-18", "CHN", "USA", dyad.LevelLeader, "043", 2.8, dyad.StatusOccurred),
		// The same visit reported again (same key): counted once.
		ev("visit", "2023-06-18", "USA", "CHN", dyad.LevelMinister, "042", 1.9, dyad.StatusOccurred),
		// A third party: ignored.
		ev("jpn", "2023-06-20", "USA", "JPN", dyad.LevelLeader, "042", 1.9, dyad.StatusOccurred),
		// August: China cancels talks (a cooperative act, cancelled: conflict).
		ev("cancel", "2023-08-05", "CHN", "USA", dyad.LevelOther, "040", 1.0, dyad.StatusCancelled),
		// August: a planned visit counts half.
		ev("plan", "2023-08-20", "USA", "CHN", dyad.LevelOther, "042", 1.9, dyad.StatusPlanned),
	}
	idx := analytics.ComputeIndex(events, [2]string{"USA", "CHN"}, analytics.Month, time.Time{}, time.Time{}, cfg)
	us, cn := idx.Series[0], idx.Series[1]
	if len(us.Points) != 3 || us.Points[1].Label != "2023-07" || us.Points[1].Events != 0 {
		t.Fatalf("USA->CHN points = %+v, want June, an empty July and August", us.Points)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if got, want := us.Points[0].Cooperation, 1.9*1.5; !near(got, want) || us.Points[0].Events != 1 {
		t.Errorf("June USA->CHN cooperation = %v (%d events), want %v from one event", got, us.Points[0].Events, want)
	}
	if got, want := cn.Points[0].Cooperation, 2.8*3.0; !near(got, want) {
		t.Errorf("June CHN->USA cooperation = %v, want %v (leader weight)", got, want)
	}
	if got, want := cn.Points[2].Conflict, 1.0*0.5; !near(got, want) || cn.Points[2].Cooperation != 0 {
		t.Errorf("August CHN->USA conflict = %v, want %v from the cancelled talks", got, want)
	}
	if got, want := us.Points[2].Cooperation, 1.9*0.5*0.5; !near(got, want) {
		t.Errorf("August USA->CHN cooperation = %v, want %v (planned, other level)", got, want)
	}
	// The flow: July has no events and decays toward the baseline.
	j, jl := us.Points[0].Raw, us.Points[1].Raw
	if !near(jl, cfg.Baseline+cfg.Persistence*(j-cfg.Baseline)) {
		t.Errorf("July raw = %v, want decay of June's %v", jl, j)
	}
	for _, s := range idx.Series {
		for _, p := range s.Points {
			if p.State < -9 || p.State > 9 || p.Band != analytics.BandOf(p.State) {
				t.Errorf("%s: state %v band %s", p.Label, p.State, p.Band)
			}
			sum := 0.0
			for _, c := range p.Contributions {
				sum += c.Value
			}
			if !near(sum, p.Cooperation-p.Conflict) {
				t.Errorf("%s: contributions sum to %v, not cooperation-conflict %v", p.Label, sum, p.Cooperation-p.Conflict)
			}
		}
	}
	// Order of the input does not matter.
	rev := make([]*dyad.Event, len(events))
	for i, e := range events {
		rev[len(events)-1-i] = e
	}
	idx2 := analytics.ComputeIndex(rev, [2]string{"USA", "CHN"}, analytics.Month, time.Time{}, time.Time{}, cfg)
	if fmt.Sprint(idx2.Series[1].Points[2].Conflict, idx2.Series[0].Points[0].State) != fmt.Sprint(cn.Points[2].Conflict, us.Points[0].State) {
		t.Errorf("ComputeIndex depends on the order of events")
	}
}

func TestBandOf(t *testing.T) {
	tests := []struct {
		s    float64
		want string
	}{{-8.9, "confrontation"}, {-6, "tense"}, {-0.1, "discord"}, {0, "normal"}, {4, "good"}, {9, "friendly"}}
	for _, tt := range tests {
		if got := analytics.BandOf(tt.s); got != tt.want {
			t.Errorf("BandOf(%v) = %s, want %s", tt.s, got, tt.want)
		}
	}
}

// BenchmarkComputeIndex recomputes the index of 100,000 events by week.
func BenchmarkComputeIndex(b *testing.B) {
	cfg := shippedConfig(b)
	start := day("2019-01-01")
	levels := []dyad.Level{dyad.LevelLeader, dyad.LevelMinister, dyad.LevelOther}
	statuses := []dyad.Status{dyad.StatusOccurred, dyad.StatusPlanned, dyad.StatusCancelled}
	var events []*dyad.Event
	for i := range 100_000 {
		src, tgt := "USA", "CHN"
		if i%2 == 1 {
			src, tgt = tgt, src
		}
		e := ev(fmt.Sprint(i), start.AddDate(0, 0, i%1800).Format("2006-01-02"), src, tgt, levels[i%3], "042", float64(i%7)-3, statuses[i%3])
		events = append(events, e)
	}
	b.ResetTimer()
	for b.Loop() {
		analytics.ComputeIndex(events, [2]string{"USA", "CHN"}, analytics.Week, time.Time{}, time.Time{}, cfg)
	}
}
