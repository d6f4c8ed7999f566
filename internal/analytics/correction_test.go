package analytics_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

func TestApplyEventCorrections(t *testing.T) {
	r := report(1, "2023-06-19", "USA", "CHN", "040", dyad.StatusOccurred, "", "They met.")
	orig := r.Event
	cs := []dyad.Correction{
		{Kind: dyad.CorrectEvent, Key: orig.Key, Field: "status", Value: "cancelled"},
		{Kind: dyad.CorrectEvent, Key: orig.Key, Field: "target", Value: "TWNGOV"},
		{Kind: dyad.CorrectEvent, Key: orig.Key, Field: "status", Value: "postponed"}, // the latest wins
		{Kind: dyad.CorrectEvent, Key: "other", Field: "status", Value: "negated"},
	}
	out := analytics.ApplyEventCorrections([]*dyad.Event{orig}, cs)
	if out[0] == orig || out[0].Status != dyad.StatusPostponed || out[0].Target.Code != "TWNGOV" || out[0].Target.Country != "TWN" {
		t.Errorf("corrected = %+v", out[0])
	}
	if orig.Status != dyad.StatusOccurred || orig.Target.Code != "CHNGOV" {
		t.Errorf("the original event was changed: %+v", orig)
	}
	if got := analytics.ApplyEventCorrections([]*dyad.Event{orig}, nil); got[0] != orig {
		t.Error("no corrections should return the events as they are")
	}
}
