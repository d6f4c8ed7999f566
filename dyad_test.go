package dyad_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
)

func TestNormalizeSide(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US", "USA"}, {"u.s.", "USA"}, {" USA ", "USA"}, {"United States", "USA"},
		{"CN", "CHN"}, {"PRC", "CHN"}, {"china", "CHN"},
		{"", ""}, {"none", ""}, {"twn", "TWN"},
	}
	for _, tt := range tests {
		if got := dyad.NormalizeSide(tt.in); got != tt.want {
			t.Errorf("NormalizeSide(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOutcome_String(t *testing.T) {
	tests := []struct {
		o    dyad.Outcome
		want string
	}{
		{dyad.Unchanged, "unchanged"}, {dyad.Created, "created"}, {dyad.NewVersion, "new_version"}, {dyad.Outcome(9), "unknown"},
	}
	for _, tt := range tests {
		if got := tt.o.String(); got != tt.want {
			t.Errorf("Outcome(%d).String() = %q, want %q", int(tt.o), got, tt.want)
		}
	}
}

func TestEvent_ComputeKey(t *testing.T) {
	day := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	base := dyad.Event{
		Source: dyad.Actor{Text: "Blinken", Code: "USAGOV", Country: "USA", Person: "Antony Blinken"},
		Target: &dyad.Actor{Text: "Wang Yi", Code: "CHNGOV", Country: "CHN", Person: "Wang Yi"},
		CAMEO:  "042", Status: dyad.StatusOccurred, Date: day, DateEnd: day,
	}
	same := base
	same.Source.Text = "the Secretary of State" // another way of naming the same person
	same.Span = dyad.Span{Start: 100, End: 200} // reported elsewhere
	if base.ComputeKey() != same.ComputeKey() {
		t.Errorf("ComputeKey differs for the same act reported differently")
	}
	changes := map[string]func(e *dyad.Event){
		"status": func(e *dyad.Event) { e.Status = dyad.StatusPostponed },
		"code":   func(e *dyad.Event) { e.CAMEO = "057" },
		"object": func(e *dyad.Event) { e.Object = "Theater Commanders Talk" },
		"date":   func(e *dyad.Event) { e.Date = day.AddDate(0, 0, 1) },
		"target": func(e *dyad.Event) { e.Target = nil },
		"person": func(e *dyad.Event) { e.Source.Person = "Qin Gang" },
	}
	for _, name := range []string{"status", "code", "object", "date", "target", "person"} {
		e := base
		tgt := *base.Target
		e.Target = &tgt
		changes[name](&e)
		if e.ComputeKey() == base.ComputeKey() {
			t.Errorf("ComputeKey ignores a change of %s", name)
		}
	}
	visit := base
	visit.CAMEO = "040" // the other side's readout says "met"
	if visit.ComputeKey() != base.ComputeKey() {
		t.Errorf("ComputeKey differs between 042 and 040 reports of one meeting")
	}
	if k := base.ComputeKey(); len(k) != 24 {
		t.Errorf("ComputeKey() = %q, want 24 hex digits", k)
	}
}

func TestErrorCode(t *testing.T) {
	e := dyad.Errorf(dyad.ENOTFOUND, "document %d not found", 7)
	wrapped := fmt.Errorf("find: %w", e)
	tests := []struct {
		err     error
		code    string
		message string
	}{
		{nil, "", ""},
		{e, dyad.ENOTFOUND, "document 7 not found"},
		{wrapped, dyad.ENOTFOUND, "document 7 not found"},
		{errors.New("disk on fire"), dyad.EINTERNAL, "Internal error."},
	}
	for _, tt := range tests {
		if got := dyad.ErrorCode(tt.err); got != tt.code {
			t.Errorf("ErrorCode(%v) = %q, want %q", tt.err, got, tt.code)
		}
		if got := dyad.ErrorMessage(tt.err); got != tt.message {
			t.Errorf("ErrorMessage(%v) = %q, want %q", tt.err, got, tt.message)
		}
	}
}

func TestDiagnosticList(t *testing.T) {
	var l dyad.DiagnosticList
	if l.Err() != nil {
		t.Fatal("empty list is an error")
	}
	l = append(l, dyad.Diagnostic{Source: "a.txt", Line: 3, Msg: "bad code"}, dyad.Diagnostic{Source: "a.txt", Msg: "x"})
	if got, want := l.Err().Error(), "a.txt:3: bad code (and 1 more problems)"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDocument_Slice(t *testing.T) {
	d := &dyad.Document{Text: "Blinken met Wang."}
	tests := []struct {
		s    dyad.Span
		want string
	}{
		{dyad.Span{Start: 0, End: 7}, "Blinken"}, {dyad.Span{Start: 12, End: 16}, "Wang"},
		{dyad.Span{Start: -1, End: 3}, ""}, {dyad.Span{Start: 5, End: 99}, ""}, {dyad.Span{Start: 5, End: 2}, ""},
	}
	for _, tt := range tests {
		if got := d.Slice(tt.s); got != tt.want {
			t.Errorf("Slice(%v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestEvent_FrameCAMEO(t *testing.T) {
	tests := []struct {
		code   string
		status dyad.Status
		want   string
	}{
		{"042", dyad.StatusOccurred, "042"},
		{"042", dyad.StatusDeclined, "125"},
		{"111", dyad.StatusDeclined, "12"},
		{"040", dyad.StatusCancelled, "164"},
		{"063", dyad.StatusSuspended, "16"},
		{"043", dyad.StatusPlanned, "036"},
		{"061", dyad.StatusProposed, "03"},
		{"036", dyad.StatusPlanned, "036"},
		{"040", dyad.StatusPostponed, "040"},
		{"190", dyad.StatusPlanned, "138"},  // "have sworn to fight"
		{"195", dyad.StatusProposed, "195"}, // only a planned use of force threatens
		{"163", dyad.StatusPlanned, "163"},  // "would prohibit all aid" is the sanction
		{"1721", dyad.StatusOccurred, "1721"},
		{"190", dyad.StatusHypothetical, ""}, // "could attack": speculation is not a threat
		{"040", dyad.StatusHypothetical, ""},
		{"131", dyad.StatusHypothetical, "131"}, // "will withdraw its force unless …"
		{"036", dyad.StatusHypothetical, "036"},
		{"057", dyad.StatusNegated, ""},
		{"040", dyad.StatusResumed, "040"},
	}
	for _, tt := range tests {
		e := dyad.Event{CAMEO: tt.code, Status: tt.status}
		if got := e.FrameCAMEO(); got != tt.want {
			t.Errorf("Event{%s, %s}.FrameCAMEO() = %q, want %q", tt.code, tt.status, got, tt.want)
		}
	}
}
