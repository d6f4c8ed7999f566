package dates_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/dates"
)

func findAll(text string, ref time.Time) []dyad.DateMention {
	var r dates.Resolver
	return r.Find(text, dyad.Span{Start: 0, End: len(text)}, ref, time.Time{})
}

// TestResolver_FindRoundTrip formats random dates in every absolute style
// and checks that Find returns exactly that day with a span over the whole
// date.
func TestResolver_FindRoundTrip(t *testing.T) {
	layouts := []string{
		"January 2, 2006", "2 January 2006", "Jan. 2, 2006", "Jan 2, 2006",
		"2006-01-02", "1/2/2006", "Monday, January 2, 2006", "JANUARY 2, 2006",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	ref := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 500 {
		d := start.AddDate(0, 0, rng.IntN(200*365))
		for _, l := range layouts {
			if l == "Jan. 2, 2006" && d.Month() == time.May {
				continue // "May." is no abbreviation
			}
			s := d.Format(l)
			if l == "JANUARY 2, 2006" {
				s = d.Format("January") // upper-cased below
				s = upper(s) + d.Format(" 2, 2006")
			}
			text := "They met on " + s + " in Beijing."
			got := findAll(text, ref)
			if len(got) != 1 || !got[0].Start.Equal(d) || !got[0].End.Equal(d) || got[0].Precision != dyad.PrecisionDay || got[0].Relative ||
				text[got[0].Span.Start:got[0].Span.End] != s {
				t.Fatalf("Find(%q, ref=%s) = %q, want %q=%s", text, ref.Format(time.DateOnly), formatAll(text, got), s, d.Format(time.DateOnly))
			}
		}
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestResolver_FindWeekdayWindows checks the weekday rules for every
// reference weekday across a year end: a bare weekday lies in the seven days
// up to ref (from ref with a future cue), "last" in the seven days before
// ref, "next" in the seven days after, "this" in ref's Monday–Sunday week.
func TestResolver_FindWeekdayWindows(t *testing.T) {
	first := time.Date(2023, 12, 25, 0, 0, 0, 0, time.UTC)
	for i := range 14 {
		ref := first.AddDate(0, 0, i)
		monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			cases := []struct {
				text     string
				from, to time.Time
			}{
				{"They met on " + wd.String() + ".", ref.AddDate(0, 0, -6), ref},
				{"They will meet on " + wd.String() + ".", ref, ref.AddDate(0, 0, 6)},
				{"They met last " + wd.String() + ".", ref.AddDate(0, 0, -7), ref.AddDate(0, 0, -1)},
				{"They meet next " + wd.String() + ".", ref.AddDate(0, 0, 1), ref.AddDate(0, 0, 7)},
				{"They meet this " + wd.String() + ".", monday, monday.AddDate(0, 0, 6)},
			}
			for _, c := range cases {
				got := findAll(c.text, ref)
				if len(got) != 1 || got[0].Start.Weekday() != wd || !got[0].Start.Equal(got[0].End) ||
					got[0].Start.Before(c.from) || got[0].Start.After(c.to) {
					t.Errorf("Find(%q, ref=%s %s) = %q, want a %s in %s..%s", c.text, ref.Format(time.DateOnly), ref.Weekday(),
						formatAll(c.text, got), wd, c.from.Format(time.DateOnly), c.to.Format(time.DateOnly))
				}
			}
		}
	}
}

// TestResolver_FindMonthWindows checks last/next/this/in for every pair of
// reference month and named month.
func TestResolver_FindMonthWindows(t *testing.T) {
	for rm := time.January; rm <= time.December; rm++ {
		ref := time.Date(2023, rm, 15, 0, 0, 0, 0, time.UTC)
		refIdx := 2023*12 + int(rm) - 1
		for m := time.January; m <= time.December; m++ {
			cases := []struct {
				text   string
				lo, hi int // allowed months relative to ref's
			}{
				{"They met last " + m.String() + ".", -12, -1},
				{"They meet next " + m.String() + ".", 1, 12},
				{"They met in " + m.String() + ".", -11, 0},
				{"They will meet in " + m.String() + ".", 0, 11},
			}
			for _, c := range cases {
				got := findAll(c.text, ref)
				if len(got) != 1 || got[0].Start.Month() != m || got[0].Start.Day() != 1 || got[0].Precision != dyad.PrecisionMonth {
					t.Errorf("Find(%q, ref=%s) = %q, want the month %s", c.text, ref.Format(time.DateOnly), formatAll(c.text, got), m)
					continue
				}
				d := got[0].Start.Year()*12 + int(got[0].Start.Month()) - 1 - refIdx
				if d < c.lo || d > c.hi {
					t.Errorf("Find(%q, ref=%s) = %q, %d months from ref, want %d..%d", c.text, ref.Format(time.DateOnly), formatAll(c.text, got), d, c.lo, c.hi)
				}
			}
			this := "They met this " + m.String() + "."
			if got := findAll(this, ref); len(got) != 1 || got[0].Start.Year() != 2023 || got[0].Start.Month() != m {
				t.Errorf("Find(%q, ref=%s) = %q, want %s 2023", this, ref.Format(time.DateOnly), formatAll(this, got), m)
			}
		}
	}
}
