package correction_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/correction"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name                    string
		kind, key, field, value string
		ok                      bool
	}{
		{"MeetingPlace", "meeting", "m1", "place", "Tianjin", true},
		{"ChannelSince", "channel", "usa-chn.dtl", "since", "2023-06-19", true},
		{"CommitmentStatus", "commitment", "k", "status", "withdrawn", true},
		{"EventStatus", "event", "k", "status", "postponed", true},
		{"EventDate", "event", "k", "date", "2024-02-30", false},
		{"BadEventStatus", "event", "k", "status", "maybe", false},
		{"BadSince", "channel", "usa-chn.dtl", "since", "June", false},
		{"BadDeadline", "commitment", "k", "deadline", "", false},
		{"UnknownKind", "document", "k", "state", "x", false},
		{"UnknownField", "meeting", "m1", "participants", "x", false},
		{"EmptyKey", "meeting", " ", "place", "x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &dyad.Correction{Kind: tt.kind, Key: tt.key, Field: tt.field, Value: tt.value}
			err := correction.Check(c)
			if tt.ok && err != nil {
				t.Errorf("Check(%+v) = %v, want nil", c, err)
			}
			if !tt.ok && dyad.ErrorCode(err) != dyad.EINVALID {
				t.Errorf("Check(%+v) = %v, want EINVALID", c, err)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	got := correction.Kinds()
	if len(got) != len(dyad.CorrectionFields) {
		t.Fatalf("Kinds() = %v, want every kind of dyad.CorrectionFields", got)
	}
	for _, k := range got {
		if _, ok := dyad.CorrectionFields[k]; !ok {
			t.Errorf("Kinds() has %q, not a kind of dyad.CorrectionFields", k)
		}
	}
}
