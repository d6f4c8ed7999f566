package analytics_test

import (
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

func TestCommitments(t *testing.T) {
	withDate := func(r analytics.Report, start, end string) analytics.Report {
		e := *r.Event
		e.Date, e.DateEnd = day(start), day(end)
		sp := dyad.Span{Start: 0, End: 4}
		e.DateSpan = &sp
		e.Sources = []dyad.EventSource{{DocID: 1, DocDate: day("2023-06-19")}}
		r.Event = &e
		return r
	}
	reports := []analytics.Report{
		// June: a reciprocal visit promised "at a mutually convenient time"
		// (no date: the horizon applies), and its hosting (same promise).
		report(1, "2023-06-19", "CHN", "USA", "042", dyad.StatusPlanned, "", "Qin Gang agreed to visit Washington at a mutually convenient time."),
		report(2, "2023-06-19", "USA", "CHN", "043", dyad.StatusPlanned, "", "The Secretary invited Qin Gang to visit Washington."),
		// A same-day meeting is the occasion, not the fulfilment.
		report(3, "2023-06-19", "USA", "CHN", "040", dyad.StatusOccurred, "", "Blinken met Qin Gang."),
		// Climate talks promised for this fall (stated deadline).
		withDate(report(4, "2023-09-01", "USA", "CHN", "040", dyad.StatusPlanned, "talks on climate change", "The two sides will hold talks on climate change this fall."), "2023-09-01", "2023-11-30"),
		// The visit happens in October (a different person: still the act).
		report(5, "2023-10-26", "CHN", "USA", "042", dyad.StatusOccurred, "", "Wang Yi visited Washington."),
		// Cooperation promised, then suspended: withdrawn.
		report(6, "2023-07-01", "CHN", "USA", "063", dyad.StatusPlanned, "counternarcotics cooperation", "China will restore counternarcotics cooperation."),
		report(7, "2023-08-01", "CHN", "USA", "063", dyad.StatusSuspended, "counternarcotics cooperation", "China suspended counternarcotics cooperation."),
		// An expressed intent to meet (036, occurred) is a promise kept by
		// a meeting, not by another statement of intent.
		report(8, "2023-02-03", "CHN", "USA", "036", dyad.StatusOccurred, "", "China will keep communicating with the U.S. side."),
		report(9, "2023-03-01", "CHN", "USA", "036", dyad.StatusOccurred, "", "China said it was willing to talk."),
	}
	tests := []struct {
		asOf      string
		promiseID int64
		status    string
		resolved  int64
	}{
		{"2023-07-01", 1, analytics.CommitmentPending, 0},
		{"2023-12-31", 1, analytics.CommitmentFulfilled, 5},
		{"2023-10-01", 4, analytics.CommitmentPending, 0},
		{"2023-12-31", 4, analytics.CommitmentOverdue, 0},
		{"2025-12-31", 4, analytics.CommitmentLapsed, 0},
		{"2023-12-31", 6, analytics.CommitmentWithdrawn, 7},
		{"2023-12-31", 8, analytics.CommitmentFulfilled, 3}, // the June meeting
		{"2023-04-01", 8, analytics.CommitmentPending, 0},
	}
	for _, tt := range tests {
		cs := analytics.Commitments(reports, day(tt.asOf))
		var got *analytics.Commitment
		for i := range cs {
			if cs[i].Promise.Event.ID == tt.promiseID {
				got = &cs[i]
			}
		}
		if got == nil {
			t.Errorf("as of %s: no commitment from event %d", tt.asOf, tt.promiseID)
			continue
		}
		var res int64
		if got.Resolution != nil {
			res = got.Resolution.Event.ID
		}
		if got.Status != tt.status || res != tt.resolved {
			t.Errorf("commitment %d as of %s = %s (by %d), want %s (by %d)", tt.promiseID, tt.asOf, got.Status, res, tt.status, tt.resolved)
		}
	}
	cs := analytics.Commitments(reports, time.Time{})
	if len(cs) != 5 {
		t.Errorf("Commitments = %d, want 5 (the visit and its hosting are one promise)", len(cs))
	}
	for _, c := range cs {
		if c.Promise.Event.ID == 4 && (!c.Stated || !c.Deadline.Equal(day("2023-11-30"))) {
			t.Errorf("climate talks deadline = %s (stated %v), want 2023-11-30 stated", c.Deadline, c.Stated)
		}
		if c.Promise.Event.ID == 1 && (c.Stated || !c.Deadline.Equal(day("2024-06-19"))) {
			t.Errorf("visit deadline = %s (stated %v), want the horizon 2024-06-19", c.Deadline, c.Stated)
		}
	}
}
