package record_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/analytics"
	"github.com/dyad-dev/dyad/internal/coding"
	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/sqlite"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// service opens a database with two stored documents: a statement that
// suspends a channel and gives its reason in its headline, and a readout of
// a meeting.
func service(t *testing.T) *record.Service {
	t.Helper()
	db := sqlite.NewDB(filepath.Join(t.TempDir(), "r.db"))
	if err := db.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	docs := sqlite.NewDocumentService(db)
	store := func(source, side, date, text string, sents []dyad.Span, evs ...dyad.Event) {
		d := &dyad.Document{Source: source, Side: side, Date: day(date), Text: text, Hash: source, Format: "txt", Lang: "en"}
		b := &dyad.Bundle{Doc: d}
		for i, sp := range sents {
			b.Sentences = append(b.Sentences, dyad.Sentence{Index: i, Span: sp})
		}
		for i := range evs {
			evs[i].Key = evs[i].ComputeKey()
		}
		b.Events = evs
		if _, err := docs.CreateDocument(t.Context(), b); err != nil {
			t.Fatal(err)
		}
	}
	head := "Measures in response to the provocation"
	item := "1. Suspending China-U.S. talks on climate change."
	text := head + "\n\n" + item
	itemSpan := dyad.Span{Start: len(head) + 2, End: len(text)}
	store("a.txt", "CHN", "2022-08-05", text, []dyad.Span{{Start: 0, End: len(head)}, itemSpan}, dyad.Event{
		Sentence: 1, Span: itemSpan, Verb: itemSpan, CAMEO: "040", Status: dyad.StatusSuspended, Object: "talks on climate change",
		Source: dyad.Actor{Code: "CHNGOV", Country: "CHN"}, Target: &dyad.Actor{Code: "USA", Country: "USA"},
		Date: day("2022-08-05"), DateEnd: day("2022-08-05"), DatePrecision: dyad.PrecisionDay, Quad: 1, Goldstein: 1,
	})
	meet := "Secretary Blinken met Foreign Minister Qin Gang in Beijing on Sunday."
	ms := dyad.Span{Start: 0, End: len(meet)}
	store("b.txt", "USA", "2023-06-19", meet, []dyad.Span{ms}, dyad.Event{
		Span: ms, Verb: dyad.Span{Start: 18, End: 21}, CAMEO: "042", Status: dyad.StatusOccurred, Location: "Beijing",
		Source: dyad.Actor{Code: "USAGOV", Country: "USA", Person: "Antony Blinken"}, Target: &dyad.Actor{Code: "CHNGOV", Country: "CHN", Person: "Qin Gang"},
		Date: day("2023-06-18"), DateEnd: day("2023-06-18"), DatePrecision: dyad.PrecisionDay, Quad: 1, Goldstein: 1.9,
	})

	s := &record.Service{DB: db}
	f, _ := dictionaries.FS.Open("dyad.channels.txt")
	s.Settings.Registry, _, _ = analytics.ParseChannels("dyad.channels.txt", f)
	f.Close()
	f, _ = dictionaries.FS.Open("dyad.index.txt")
	s.Settings.Weights, _, _ = analytics.ParseIndexConfig("dyad.index.txt", f)
	f.Close()
	f, _ = dictionaries.FS.Open("dyad.formulations.txt")
	s.Library, _, _ = analytics.ParseFormulations("dyad.formulations.txt", f)
	f.Close()
	var err error
	if s.Issues, _, err = coding.LoadIssues(dictionaries.FS, "dyad.issues.txt"); err != nil {
		t.Fatal(err)
	}
	if s.Codebook, err = coding.LoadCodebook(dictionaries.FS, "icews/cameo-codes.csv", "cameo-plover.txt"); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestService(t *testing.T) {
	s := service(t)
	ctx := t.Context()
	d := [2]string{"USA", "CHN"}
	lk := s.NewLookup(ctx)

	chs, err := s.Channels(ctx, d, time.Time{}, lk)
	if err != nil {
		t.Fatal(err)
	}
	var climate analytics.ChannelState
	for _, c := range chs {
		if c.Channel.ID == "usa-chn.climate" {
			climate = c
		}
	}
	if climate.State != analytics.ChannelSuspended || len(climate.Changes) != 1 || climate.Changes[0].Reason != "in response to the provocation" {
		t.Errorf("climate channel = %+v, want suspended with the headline's reason", climate)
	}

	ms, err := s.Meetings(ctx, d, time.Time{}, lk)
	if err != nil || len(ms) != 1 || ms[0].Place != "Beijing" {
		t.Fatalf("Meetings = %+v, %v", ms, err)
	}
	// A correction is applied, and still applied after recomputation.
	corr := &dyad.Correction{Kind: dyad.CorrectMeeting, Key: ms[0].Key, Field: "place", Value: "Tianjin", Author: "t"}
	if err := sqlite.NewCorrectionService(s.DB).CreateCorrection(ctx, corr); err != nil {
		t.Fatal(err)
	}
	if ms, _ = s.Meetings(ctx, d, time.Time{}, s.NewLookup(ctx)); ms[0].Place != "Tianjin" {
		t.Errorf("corrected place = %q", ms[0].Place)
	}
	// An event correction changes the index: the meeting cancelled counts
	// against the relationship.
	evs, _, _ := sqlite.NewEventService(s.DB).FindEvents(ctx, dyad.EventFilter{Dyad: &d})
	var key string
	for _, e := range evs {
		if e.CAMEO == "042" {
			key = e.Key
		}
	}
	if err := sqlite.NewCorrectionService(s.DB).CreateCorrection(ctx, &dyad.Correction{Kind: dyad.CorrectEvent, Key: key, Field: "status", Value: "cancelled", Author: "t"}); err != nil {
		t.Fatal(err)
	}
	idx, err := s.Index(ctx, d, analytics.Month, time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	last := idx.Series[0].Points[len(idx.Series[0].Points)-1]
	if last.Conflict == 0 || last.Cooperation != 0 {
		t.Errorf("index after cancelling the meeting = %+v, want conflict only", last)
	}

	b, err := s.Brief(ctx, d, day("2023-06-01"), day("2023-06-30"))
	if err != nil {
		t.Fatal(err)
	}
	var md strings.Builder
	if err := b.Markdown(&md); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Climate change talks") || !strings.Contains(md.String(), "in response to the provocation") {
		t.Errorf("brief lacks the suspended channel and its reason:\n%s", md.String())
	}
}
