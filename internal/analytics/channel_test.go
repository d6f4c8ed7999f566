package analytics_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
)

func shippedChannels(t *testing.T) []analytics.Channel { return shippedChannelsB(t) }

func shippedChannelsB(t testing.TB) []analytics.Channel {
	t.Helper()
	f, err := dictionaries.FS.Open("dyad.channels.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chs, diags, err := analytics.ParseChannels("dyad.channels.txt", f)
	if err != nil || len(diags) > 0 {
		t.Fatalf("shipped registry: %v %v", err, diags)
	}
	return chs
}

func TestParseChannels(t *testing.T) {
	in := `channel a.b
dyad: USA-CHN
name: Test Talks
cadence: x

channel broken
name: No Dyad

channel c
dyad: USA
aliases: foo
oops
`
	chs, diags, err := analytics.ParseChannels("r.txt", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 1 || chs[0].ID != "a.b" {
		t.Errorf("channels = %+v, want a.b only", chs)
	}
	var lines []int
	for _, d := range diags {
		lines = append(lines, d.Line)
	}
	if fmt.Sprint(lines) != "[4 6 10 12 9]" {
		t.Errorf("diagnostic lines = %v: %v", lines, diags)
	}
}

func report(id int64, date, src, tgt, code string, st dyad.Status, object, text string) analytics.Report {
	e := &dyad.Event{ID: id, Key: fmt.Sprint("k", id), Date: day(date), CAMEO: code, Status: st, Object: object,
		Source: dyad.Actor{Code: src + "GOV", Country: src}}
	if tgt != "" {
		e.Target = &dyad.Actor{Code: tgt + "GOV", Country: tgt}
	}
	return analytics.Report{Event: e, Text: text}
}

func TestChannelStates(t *testing.T) {
	chs := shippedChannels(t)
	reports := []analytics.Report{
		report(1, "2021-09-10", "USA", "CHN", "040", dyad.StatusOccurred, "", "The two defense policy teams held Defense Policy Coordination Talks by video."),
		report(2, "2022-08-05", "CHN", "USA", "040", dyad.StatusCancelled, "Defense Policy Coordination Talks", "2. Canceling China-U.S. Defense Policy Coordination Talks (DPCT)."),
		report(3, "2022-08-05", "CHN", "USA", "040", dyad.StatusSuspended, "talks on climate change", "8. Suspending China-U.S. talks on climate change."),
		report(4, "2023-11-15", "USA", "CHN", "040", dyad.StatusPlanned, "", "The leaders agreed to resume the Defense Policy Coordination Talks."),
		report(5, "2024-01-09", "USA", "CHN", "040", dyad.StatusOccurred, "", "Officials held the Defense Policy Coordination Talks in Washington."),
		// One sentence naming two channels: no meeting credited to either.
		report(6, "2023-07-20", "USA", "CHN", "040", dyad.StatusOccurred, "", "They discussed climate talks and the AI dialogue."),
		// A third party: ignored.
		report(7, "2023-07-21", "USA", "JPN", "040", dyad.StatusOccurred, "", "Climate talks with Japan were held."),
	}
	get := func(states []analytics.ChannelState, id string) analytics.ChannelState {
		for _, s := range states {
			if s.Channel.ID == id {
				return s
			}
		}
		t.Fatalf("no channel %s", id)
		return analytics.ChannelState{}
	}
	tests := []struct {
		asOf, id, state, by string
		since               string
	}{
		{"2022-01-01", "usa-chn.dpct", analytics.ChannelActive, "", "2021-09-10"},
		{"2022-12-31", "usa-chn.dpct", analytics.ChannelSuspended, "CHNGOV", "2022-08-05"},
		{"2023-12-01", "usa-chn.dpct", analytics.ChannelSuspended, "CHNGOV", "2022-08-05"}, // agreed to resume is not resumed
		{"2024-02-01", "usa-chn.dpct", analytics.ChannelResumed, "", "2024-01-09"},
		{"2026-06-01", "usa-chn.dpct", analytics.ChannelDormant, "", "2026-01-09"},
		{"2023-12-01", "usa-chn.climate", analytics.ChannelSuspended, "CHNGOV", "2022-08-05"},
		{"2023-12-01", "usa-chn.ai", analytics.ChannelUnknown, "", "0001-01-01"},
		{"2023-12-01", "usa-chn.mmca", analytics.ChannelUnknown, "", "0001-01-01"},
	}
	for _, tt := range tests {
		st := get(analytics.ChannelStates(chs, reports, day(tt.asOf)), tt.id)
		if st.State != tt.state || st.By != tt.by || st.Since.Format("2006-01-02") != tt.since {
			t.Errorf("%s as of %s = %s by %q since %s, want %s by %q since %s", tt.id, tt.asOf, st.State, st.By, st.Since.Format("2006-01-02"), tt.state, tt.by, tt.since)
		}
	}
	st := get(analytics.ChannelStates(chs, reports, time.Time{}), "usa-chn.dpct")
	if len(st.Changes) != 4 || st.Changes[1].Report.Event.ID != 2 || st.Changes[1].State != analytics.ChannelSuspended {
		t.Errorf("dpct evidence = %+v, want 4 changes with the cancellation second", st.Changes)
	}
}
