package sqlite_test

import (
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func TestCorrectionService(t *testing.T) {
	db := MustOpenDB(t)
	s := sqlite.NewCorrectionService(db)
	ctx := t.Context()
	good := []dyad.Correction{
		{Kind: dyad.CorrectMeeting, Key: "m1", Field: "state", Value: "cancelled", Note: "the Chinese readout says it did not take place", Author: "analyst"},
		{Kind: dyad.CorrectChannel, Key: "usa-chn.dtl", Field: "state", Value: "suspended", Author: "analyst"},
		{Kind: dyad.CorrectMeeting, Key: "m1", Field: "state", Value: "held", Author: "editor"},
	}
	for i := range good {
		if err := s.CreateCorrection(ctx, &good[i]); err != nil {
			t.Fatalf("CreateCorrection(%+v) = %v", good[i], err)
		}
		if good[i].ID == 0 || good[i].CreatedAt.IsZero() {
			t.Errorf("correction %d: no ID or time set", i)
		}
	}
	bad := []dyad.Correction{
		{Kind: dyad.CorrectMeeting, Key: "m1", Field: "participants", Value: "x", Author: "a"},
		{Kind: "document", Key: "d", Field: "state", Value: "x", Author: "a"},
		{Kind: dyad.CorrectChannel, Key: "", Field: "state", Value: "x", Author: "a"},
		{Kind: dyad.CorrectChannel, Key: "k", Field: "state", Value: "x"},
	}
	for _, c := range bad {
		if err := s.CreateCorrection(ctx, &c); dyad.ErrorCode(err) != dyad.EINVALID {
			t.Errorf("CreateCorrection(%+v) = %v, want EINVALID", c, err)
		}
	}
	ms, err := s.FindCorrections(ctx, dyad.CorrectMeeting)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 || ms[0].Value != "cancelled" || ms[1].Value != "held" || ms[0].Note == "" {
		t.Errorf("FindCorrections(meeting) = %+v, want both meeting corrections oldest first", ms)
	}
	all, err := s.FindCorrections(ctx, "")
	if err != nil || len(all) != 3 {
		t.Errorf("FindCorrections(all) = %d, %v", len(all), err)
	}
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}
