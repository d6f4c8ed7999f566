package dates

import (
	"math"
	"time"

	"github.com/dyad-dev/dyad"
)

// Resolver finds and resolves date expressions. The zero value is ready to
// use; a Resolver holds no state and may be used from several goroutines.
type Resolver struct{}

// Find returns the date expressions in text[s.Start:s.End] (s is usually
// one sentence), in order of position, non-overlapping, with spans into
// text (absolute offsets).
//
// ref is the document date (UTC midnight). anchor is the most recent
// explicit date mentioned before this sentence in the document (zero: use
// ref); relative expressions such as "five months later" or "days after"
// are resolved from the anchor, or from an earlier date in the same span.
// Tense cues in the span decide the direction of bare weekdays, months,
// seasons and days of the month; see the package documentation.
//
// With a zero ref only expressions that need no reference date are
// returned.
func (r *Resolver) Find(text string, s dyad.Span, ref, anchor time.Time) []dyad.DateMention {
	start, end := max(s.Start, 0), min(s.End, len(text))
	if start >= end || end > math.MaxInt32 {
		return nil
	}
	var buf [128]token
	sc := scanner{text: text, toks: tokenize(buf[:0], text, start, end), trigAt: -1, lastNext: -1}
	if len(sc.toks) == 0 {
		return nil
	}
	if ref.IsZero() {
		sc.noRef = true
	} else {
		sc.refD = toDays(ref)
	}
	sc.anchorD = sc.refD
	if !anchor.IsZero() {
		sc.anchorD = toDays(anchor)
	}
	sc.future = futureCue(sc.toks)
	return sc.run()
}

// A scanner holds the tokens of one span and the state of matching them.
type scanner struct {
	text string // the document text the tokens' offsets point into
	toks []token
	// refD and anchorD are the reference and anchor dates as days since
	// 1970-01-01. They are kept as integers, not time.Time, because a
	// time.Time holds a pointer and would make escape analysis move the
	// token buffer to the heap.
	refD, anchorD int64
	noRef         bool // ref is zero: drop what needs it
	future        bool // the span has a future cue
	past          bool // forced backward resolution (inside "since")
	trigAt        int  // token index treated as preceded by a date preposition
	lastNext      int  // token index right after the last mention, or -1
}

// refT returns the reference date.
func (s *scanner) refT() time.Time { return fromDays(s.refD) }

// anchorT returns the anchor date.
func (s *scanner) anchorT() time.Time { return fromDays(s.anchorD) }

// res is a resolved date expression before it gets its span.
type res struct {
	start, end time.Time
	prec       dyad.Precision
	rel, open  bool
}

// run tries the matchers at each token and collects the mentions.
func (s *scanner) run() []dyad.DateMention {
	var out []dyad.DateMention
	for i := 0; i < len(s.toks); {
		if !canStart(s.toks[i]) {
			i++
			continue
		}
		var r res
		var last int
		ok := false
		if s.toks[i].cls == kSince {
			r, last, ok = s.since(i)
		}
		if !ok {
			r, last, ok = s.match(i)
		}
		if ok && (s.noRef && (r.rel || r.open) || r.end.Before(r.start)) {
			ok = false
		}
		if !ok {
			i++
			continue
		}
		out = append(out, dyad.DateMention{
			Span:      dyad.Span{Start: int(s.toks[i].start), End: int(s.toks[last].end)},
			Start:     r.start,
			End:       r.end,
			Precision: r.prec,
			Open:      r.open,
			Relative:  r.rel,
		})
		if !r.open {
			s.anchorD = toDays(r.start)
		}
		i = last + 1
		s.lastNext = i
	}
	return out
}

// fwd reports whether bare expressions resolve forward from ref.
func (s *scanner) fwd() bool { return s.future && !s.past }

// futureCue reports whether the tokens contain a cue that the span speaks
// of the future: will, would, shall, 'll, won't, upcoming, forthcoming,
// scheduled, "to be held", "plans/expected/set/going … to", or "next"
// before a unit, weekday, month, season, weekend or quarter and not after
// "the" ("next week", but not "next steps" or "the next day").
func futureCue(toks []token) bool {
	cls := func(i int) class {
		if i >= 0 && i < len(toks) {
			return toks[i].cls
		}
		return cNone
	}
	for i := range toks {
		switch toks[i].cls {
		case kWill:
			return true
		case kLl:
			if i > 0 && toks[i-1].kind == tApos {
				return true
			}
		case kWon:
			if i+2 < len(toks) && toks[i+1].kind == tApos && toks[i+2].cls == kT {
				return true
			}
		case kPlan:
			if cls(i+1) == kTo {
				return true
			}
		case kHeld:
			if cls(i-1) == kBe && cls(i-2) == kTo {
				return true
			}
		case kNext:
			switch cls(i + 1) {
			case cUnit, cWeekday, cMonth, cSeason, kWeekend, kQuarter:
				if cls(i-1) != kThe {
					return true
				}
			}
		}
	}
	return false
}

// tok returns token i, or a zero token when i is out of range.
func (s *scanner) tok(i int) token {
	if i >= 0 && i < len(s.toks) {
		return s.toks[i]
	}
	return token{}
}

func (s *scanner) cls(i int) class { return s.tok(i).cls }

func (s *scanner) kind(i int) kind { return s.tok(i).kind }

// adj reports whether tokens i and i+1 touch (no space between them).
func (s *scanner) adj(i int) bool {
	return i >= 0 && i+1 < len(s.toks) && s.toks[i].end == s.toks[i+1].start
}

// trig reports whether token i is preceded by a word that makes a bare
// month, season or year a date: in, since, by, until, till, through, of,
// before, after, during, from, between, around; or "and", "or", "to" right
// after another date ("in May and June", "from 2018 to 2020").
func (s *scanner) trig(i int) bool {
	if i == s.trigAt {
		return true
	}
	switch s.cls(i - 1) {
	case kIn, kSince, kBy, kUntil, kOf, kBefore, kAfter, kDuring, kFrom, kBetween, kAround:
		return true
	case kAnd, kOr, kTo:
		return s.lastNext == i-1
	}
	return false
}

// dayNum returns the value of token i when it can be a day of the month:
// one or two digits, 1–31, possibly with an ordinal suffix.
func (s *scanner) dayNum(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != tNum || t.ndig > 2 || t.flag&(fBad|fDecade) != 0 || t.val < 1 || t.val > 31 {
		return 0, false
	}
	return int(t.val), true
}

// yearNum returns the value of token i when it can be a year: four plain
// digits, 1800–2199.
func (s *scanner) yearNum(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != tNum || t.ndig != 4 || t.flag != 0 || t.val < 1800 || t.val > 2199 {
		return 0, false
	}
	return int(t.val), true
}

// monthAt returns the month of token i when it is a capitalised month name
// (abbreviations only when abbr is set), and the index of its last token
// (an abbreviation's period).
func (s *scanner) monthAt(i int, abbr bool) (time.Month, int, bool) {
	t := s.tok(i)
	if t.flag&fCap == 0 {
		return 0, 0, false
	}
	switch t.cls {
	case cMonth:
		return time.Month(t.val), i, true
	case cMonthAbbr:
		if !abbr {
			return 0, 0, false
		}
		if s.kind(i+1) == tPeriod && s.adj(i) {
			return time.Month(t.val), i + 1, true
		}
		return time.Month(t.val), i, true
	}
	return 0, 0, false
}

// canStart reports whether a matcher may start at t; it lets run skip
// most words without a call.
func canStart(t token) bool {
	if t.kind == tNum {
		return true
	}
	switch t.cls {
	case cNone, kAt, kLeast, kBy, kUntil, kOf, kBefore, kAfter, kDuring, kFrom,
		kBetween, kAround, kAgo, kEnd, kStart, kMiddle, kWeekend, kQuarter,
		kFollowing, kPrevious, kSame, kAnd, kOr, kTo, kNow, kPartOfDay, kWill,
		kBe, kHeld, kPlan, kLl, kWon, kT, kFunc:
		return false
	}
	return true
}

// match tries the matchers that can start at token i. It returns the
// resolved expression and the index of its last token.
func (s *scanner) match(i int) (res, int, bool) {
	t := s.toks[i]
	if t.kind == tNum {
		return s.numeric(i)
	}
	if t.kind != tWord {
		return res{}, 0, false
	}
	switch t.cls {
	case cMonth, cMonthAbbr:
		return s.month(i)
	case cWeekday:
		return s.weekday(i)
	case kToday, kTonight:
		return s.today(i, 0)
	case kYesterday:
		return s.today(i, -1)
	case kTomorrow:
		return s.today(i, 1)
	case kThe:
		return s.the(i)
	case kEarly, kMid, kLate:
		return s.part(i)
	case kEarlier, kLater:
		return s.earlierLater(i)
	case kLast, kNext, kThis, kPast, kComing:
		return s.relative(i)
	case cNum, cArticle, cSeveral, cFew, cCouple:
		return s.counted(i)
	case cUnit:
		return s.barePlural(i)
	case cSeason:
		return s.season(i)
	case cQcode:
		return s.qcode(i)
	case cOrd:
		return s.ordQuarter(i)
	case kRecent:
		return s.recent(i)
	case kIn:
		return s.in(i)
	}
	return res{}, 0, false
}
