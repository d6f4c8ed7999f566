package dates_test

import (
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/dates"
)

// FuzzFind checks the invariants of Find on arbitrary text: no panic;
// spans in bounds, non-empty, inside the requested span, ordered and
// non-overlapping; Start <= End at UTC midnight; Open implies End == ref.
func FuzzFind(f *testing.F) {
	seeds := []string{
		"Blinken met Xi on June 19, 2023.",
		"June 18–19, 2023 and since at least August 2022",
		"last November, next February, early February, mid-February",
		"Five months later, days after, the next day, the following week",
		"2023-06-19 6/19/2023 19/6/2023 2023/06/19 1/2/3/4",
		"Dec. 30-Jan. 2 Feb 29 February 30 June 31",
		"since since since 2018 since at least",
		"the end of the the end of last year the first quarter of next year",
		"in the 1990s 2021–22 2,000 troops 1.5 5G 19th 99999",
		"Monday, June 19 this past Sunday this coming Monday",
		"will meet in two weeks in a few days a couple of days later",
		"Summer Davos fall 2023 the fall of the summer of 2022",
		"Q3 2023 first-quarter last quarter the fourth quarter",
		"\xe2\x80\x93\xe2\x80\x99\xc2\xa0\xe2\x80",
		"Mar-a-Lago May the",
	}
	for _, s := range seeds {
		f.Add(s, 0, len(s), int64(0), int64(0))
		f.Add(s, 3, len(s)-2, int64(-40), int64(5))
	}
	var r dates.Resolver
	base := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, start, end int, refDays, anchorDays int64) {
		ref := base.AddDate(0, 0, int(refDays%100000))
		var anchor time.Time
		if anchorDays != 0 {
			anchor = base.AddDate(0, 0, int(anchorDays%100000))
		}
		if refDays == 1 {
			ref = time.Time{}
		}
		ms := r.Find(text, dyad.Span{Start: start, End: end}, ref, anchor)
		lo, hi := max(start, 0), min(end, len(text))
		prev := lo
		for i, m := range ms {
			if !m.Span.Valid(len(text)) {
				t.Fatalf("Find(%q)[%d]: invalid span %v", text, i, m.Span)
			}
			if m.Span.Start < prev || m.Span.End > hi {
				t.Fatalf("Find(%q)[%d]: span %v out of order or outside %d:%d (prev end %d)", text, i, m.Span, lo, hi, prev)
			}
			prev = m.Span.End
			if m.End.Before(m.Start) {
				t.Fatalf("Find(%q)[%d] %q: Start %v after End %v", text, i, text[m.Span.Start:m.Span.End], m.Start, m.End)
			}
			for _, d := range []time.Time{m.Start, m.End} {
				if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
					t.Fatalf("Find(%q)[%d]: date %v not UTC midnight", text, i, d)
				}
			}
			if m.Open && !m.End.Equal(ref) {
				t.Fatalf("Find(%q)[%d] %q: open but End %v != ref %v", text, i, text[m.Span.Start:m.Span.End], m.End, ref)
			}
			if m.Precision == "" {
				t.Fatalf("Find(%q)[%d]: no precision", text, i)
			}
			if ref.IsZero() && (m.Relative || m.Open) {
				t.Fatalf("Find(%q)[%d]: relative mention %q with zero ref", text, i, text[m.Span.Start:m.Span.End])
			}
		}
	})
}
