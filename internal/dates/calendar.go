package dates

import (
	"time"

	"github.com/dyad-dev/dyad"
)

// date returns UTC midnight of y-m-d (normalized as time.Date does).
func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// toDays returns the days since 1970-01-01 of t's calendar day in t's
// location.
func toDays(t time.Time) int64 {
	y, m, d := t.Date()
	return date(y, m, d).Unix() / 86400
}

// fromDays returns UTC midnight of the day days after 1970-01-01.
func fromDays(days int64) time.Time { return time.Unix(days*86400, 0).UTC() }

func daysIn(y int, m time.Month) int { return date(y, m+1, 0).Day() }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

// addMonths adds n months to t, clamping the day to the target month's
// length (March 31 - 1 month = February 28).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := date(y, m+time.Month(n), 1)
	return date(first.Year(), first.Month(), min(d, daysIn(first.Year(), first.Month())))
}

func monthIv(y int, m time.Month) (time.Time, time.Time) { return date(y, m, 1), date(y, m+1, 0) }

func yearIv(y int) (time.Time, time.Time) { return date(y, 1, 1), date(y, 12, 31) }

// weekStart returns the Monday of t's ISO week.
func weekStart(t time.Time) time.Time {
	return addDays(t, -((int(t.Weekday()) + 6) % 7))
}

// seasonIv returns the meteorological season se starting in year y; winter
// y runs from December y to the end of February y+1.
func seasonIv(y, se int) (time.Time, time.Time) {
	first := time.Month(3 + 3*se)
	return date(y, first, 1), date(y, first+3, 0)
}

// seasonStartYear returns the year in which the season se that is current
// (or nearest, for "this …") in ref's year starts.
func seasonThisYear(ref time.Time, se int) int {
	if se == sWinter && ref.Month() <= time.February {
		return ref.Year() - 1
	}
	return ref.Year()
}

func quarterIv(y, q int) (time.Time, time.Time) {
	first := time.Month(3*q - 2)
	return date(y, first, 1), date(y, first+3, 0)
}

// shift moves t by n units. Months and years clamp the day of month; hours
// move by whole days.
func shift(t time.Time, u, n int) time.Time {
	switch u {
	case uHour:
		return addDays(t, n/24)
	case uDay:
		return addDays(t, n)
	case uWeek:
		return addDays(t, 7*n)
	case uMonth:
		return addMonths(t, n)
	}
	return addMonths(t, 12*n)
}

// unitIv returns the calendar unit u (a day for hours and days, the ISO
// week, the month, the year) that contains t, with its precision.
func unitIv(t time.Time, u int) (time.Time, time.Time, dyad.Precision) {
	switch u {
	case uWeek:
		s := weekStart(t)
		return s, addDays(s, 6), dyad.PrecisionWeek
	case uMonth:
		s, e := monthIv(t.Year(), t.Month())
		return s, e, dyad.PrecisionMonth
	case uYear:
		s, e := yearIv(t.Year())
		return s, e, dyad.PrecisionYear
	}
	return t, t, dyad.PrecisionDay
}

// unitPrecision is the precision of an exact window of units ("the past two
// weeks").
func unitPrecision(u int) dyad.Precision {
	switch u {
	case uWeek:
		return dyad.PrecisionWeek
	case uMonth:
		return dyad.PrecisionMonth
	case uYear:
		return dyad.PrecisionYear
	}
	return dyad.PrecisionDay
}

// vaguePrecision is the precision of a vague count of units ("days after",
// "several weeks later").
func vaguePrecision(u int) dyad.Precision {
	switch u {
	case uDay:
		return dyad.PrecisionWeek
	case uWeek, uMonth:
		return dyad.PrecisionMonth
	case uYear:
		return dyad.PrecisionYear
	}
	return dyad.PrecisionDay
}

// vagueRange is the count a bare plural unit stands for ("days later",
// "in recent weeks").
func vagueRange(u int) (lo, hi int) {
	switch u {
	case uHour:
		return 1, 24
	case uDay:
		return 1, 10
	case uWeek:
		return 1, 8
	case uMonth:
		return 1, 11
	}
	return 1, 10
}

// part returns third p (0 early, 1 mid, 2 late) of the interval [s, e] for
// unit u: days 1–10, 11–20, 21–end of a month; January–April, May–August,
// September–December of a year; Monday–Wednesday, Tuesday–Thursday,
// Thursday–Sunday of a week; the first, second or third month of a season.
func part(s, e time.Time, u, p int) (time.Time, time.Time) {
	switch u {
	case uMonth:
		switch p {
		case 0:
			return s, addDays(s, 9)
		case 1:
			return addDays(s, 10), addDays(s, 19)
		}
		return addDays(s, 20), e
	case uYear:
		return addMonths(s, 4*p), addDays(addMonths(s, 4*p+4), -1)
	case uWeek:
		switch p {
		case 0:
			return s, addDays(s, 2)
		case 1:
			return addDays(s, 1), addDays(s, 3)
		}
		return addDays(s, 3), e
	}
	// season: one of its three months
	ms := addMonths(s, p)
	return ms, addDays(addMonths(ms, 1), -1)
}
