package analytics_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// syntheticReports makes n reports over five years between two states:
// meetings of rotating officials, promises, suspensions and resumptions
// of channels, statements.
func syntheticReports(n int) []analytics.Report {
	start := day("2019-01-01")
	people := [][2]string{{"A One", "B One"}, {"A Two", "B Two"}, {"A Three", "B Three"}, {"A Four", "B Four"}}
	codes := []string{"040", "042", "043", "036", "057", "111", "063", "010"}
	statuses := []dyad.Status{dyad.StatusOccurred, dyad.StatusOccurred, dyad.StatusPlanned, dyad.StatusOccurred, dyad.StatusSuspended, dyad.StatusResumed, dyad.StatusPostponed, dyad.StatusOccurred}
	texts := []string{"They held climate talks.", "Talks on the Defense Policy Coordination Talks resumed.", "The two sides discussed trade.", "Officials met in the capital."}
	out := make([]analytics.Report, n)
	for i := range n {
		src, tgt := "USA", "CHN"
		if i%2 == 1 {
			src, tgt = tgt, src
		}
		pp := people[i%len(people)]
		d := start.AddDate(0, 0, (i*7)%1825)
		e := &dyad.Event{ID: int64(i + 1), Key: fmt.Sprint(i), DocID: int64(i/20 + 1), Date: d, DateEnd: d, DatePrecision: dyad.PrecisionDay,
			CAMEO: codes[i%len(codes)], Status: statuses[(i/3)%len(statuses)], Goldstein: float64(i%9) - 4, Quad: 1 + i%4,
			Source: dyad.Actor{Code: src + "GOV", Country: src, Person: pp[i%2], Level: dyad.LevelMinister},
			Target: &dyad.Actor{Code: tgt + "GOV", Country: tgt, Person: pp[(i+1)%2]}}
		out[i] = analytics.Report{Event: e, Text: texts[i%len(texts)]}
	}
	return out
}

// BenchmarkRecompute recomputes every analyst's object from 100,000
// events: meetings, channels, commitments and the weekly index.
func BenchmarkRecompute(b *testing.B) {
	reports := syntheticReports(100_000)
	events := make([]*dyad.Event, len(reports))
	for i, r := range reports {
		events[i] = r.Event
	}
	chs := shippedChannelsB(b)
	cfg := shippedConfig(b)
	asOf := day("2024-06-30")
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		ms := analytics.Meetings(reports, nil)
		t1 := time.Now()
		cs := analytics.ChannelStates(chs, reports, asOf)
		t2 := time.Now()
		cm := analytics.Commitments(reports, asOf)
		t3 := time.Now()
		analytics.ComputeIndex(events, [2]string{"USA", "CHN"}, analytics.Week, time.Time{}, time.Time{}, cfg)
		t4 := time.Now()
		b.ReportMetric(t1.Sub(t0).Seconds(), "meetings-s")
		b.ReportMetric(t2.Sub(t1).Seconds(), "channels-s")
		b.ReportMetric(t3.Sub(t2).Seconds(), "commitments-s")
		b.ReportMetric(t4.Sub(t3).Seconds(), "index-s")
		if len(ms) == 0 || len(cs) == 0 || len(cm) == 0 {
			b.Fatal("nothing computed")
		}
	}
}
