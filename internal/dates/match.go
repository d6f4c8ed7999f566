package dates

import (
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// The matchers below each start at token i and return the resolved
// expression and the index of its last token, or ok == false.

func dayRes(d time.Time, rel bool) res {
	return res{start: d, end: d, prec: dyad.PrecisionDay, rel: rel}
}

func monthRes(y int, m time.Month, rel bool) res {
	s, e := monthIv(y, m)
	return res{start: s, end: e, prec: dyad.PrecisionMonth, rel: rel}
}

// unit returns the unit of token i when it is a unit word, and whether it
// is plural.
func (s *scanner) unit(i int) (u int, plural, ok bool) {
	t := s.tok(i)
	if t.cls != cUnit {
		return 0, false, false
	}
	return int(t.val), t.flag&fPlural != 0, true
}

// calUnit returns the unit of token i when it is "week", "month" or "year"
// in the singular.
func (s *scanner) calUnit(i int) (int, bool) {
	u, plural, ok := s.unit(i)
	if !ok || plural || u == uDay || u == uHour {
		return 0, false
	}
	return u, true
}

// delta is the step of last/this/next.
func delta(dir class) int {
	switch dir {
	case kLast, kPast, kPrevious:
		return -1
	case kNext, kComing, kFollowing:
		return 1
	}
	return 0
}

// today matches today, tonight, yesterday and tomorrow.
func (s *scanner) today(i, d int) (res, int, bool) {
	return dayRes(addDays(s.refT(), d), true), i, true
}

// since matches "since [at least] DATE": open from DATE to ref. It is
// called from run, not match, so that match is not recursive (recursion
// would make the token buffer escape to the heap).
func (s *scanner) since(i int) (res, int, bool) {
	j := i + 1
	if s.cls(j) == kAt && s.cls(j+1) == kLeast {
		j += 2
	}
	if j >= len(s.toks) || s.noRef {
		return res{}, 0, false
	}
	trigAt, past := s.trigAt, s.past
	s.trigAt, s.past = j, true
	r, last, ok := s.match(j)
	s.trigAt, s.past = trigAt, past
	if !ok || r.open || r.start.After(s.refT()) {
		return res{}, 0, false
	}
	return res{start: r.start, end: s.refT(), prec: r.prec, rel: r.rel, open: true}, last, true
}

// numeric matches expressions that start with a number: ISO and US dates,
// "19 June 2023", counts ("3 days ago"), decades and years.
func (s *scanner) numeric(i int) (res, int, bool) {
	t := s.toks[i]
	if t.flag&fBad != 0 {
		return res{}, 0, false
	}
	if r, last, ok := s.numericDate(i); ok {
		return r, last, true
	}
	if r, last, ok := s.dayMonth(i, -1); ok {
		return r, last, true
	}
	if r, last, ok := s.counted(i); ok {
		return r, last, true
	}
	if t.flag&fDecade != 0 && t.val%10 == 0 && t.val >= 1800 && t.val <= 2190 && s.trig(i) {
		return decade(int(t.val)), i, true
	}
	y, ok := s.yearNum(i)
	if !ok || !s.trig(i) {
		return res{}, 0, false
	}
	last, y2 := i, y
	if s.kind(i+1) == tDash {
		if v, ok := s.yearNum(i + 2); ok && v > y {
			last, y2 = i+2, v
		} else if t2 := s.tok(i + 2); t2.kind == tNum && t2.ndig == 2 && t2.flag == 0 && y/100*100+int(t2.val) > y {
			last, y2 = i+2, y/100*100+int(t2.val)
		}
	}
	if i != s.trigAt && !s.yearFollows(last+1) { // after "since" a noun starts the clause
		return res{}, 0, false
	}
	st, _ := yearIv(y)
	_, en := yearIv(y2)
	return res{start: st, end: en, prec: dyad.PrecisionYear}, last, true
}

func decade(y int) res {
	st, _ := yearIv(y)
	_, en := yearIv(y + 9)
	return res{start: st, end: en, prec: dyad.PrecisionYear}
}

// yearFollows reports whether token k may follow a bare year: the end, a
// punctuation mark, a capitalised word or a function word, but not a
// number or a lower-case word that may be a noun ("2000 cases").
func (s *scanner) yearFollows(k int) bool {
	t := s.tok(k)
	switch t.kind {
	case tNum:
		return false
	case tWord:
		if t.flag&fCap != 0 {
			return true
		}
		switch t.cls {
		case cNone, cUnit, cNum, cSeveral, cFew, cCouple, cOrd:
			return false
		}
	}
	return true
}

// numericDate matches 2023-06-19, 2023/06/19 and the US 6/19/2023 (or
// 19/6/2023 when the first number cannot be a month), written without
// spaces.
func (s *scanner) numericDate(i int) (res, int, bool) {
	a, sep, b, sep2, c := s.tok(i), s.tok(i+1), s.tok(i+2), s.tok(i+3), s.tok(i+4)
	if sep.kind != sep2.kind || (sep.kind != tDash && sep.kind != tSlash) ||
		b.kind != tNum || c.kind != tNum || a.flag|b.flag|c.flag != 0 ||
		!s.adj(i) || !s.adj(i+1) || !s.adj(i+2) || !s.adj(i+3) || b.ndig > 2 {
		return res{}, 0, false
	}
	if s.kind(i+5) == sep.kind && s.adj(i+4) { // 1/2/3/4: no date
		return res{}, 0, false
	}
	var y, m, d int
	switch {
	case a.ndig == 4 && c.ndig <= 2:
		y, m, d = int(a.val), int(b.val), int(c.val)
	case sep.kind == tSlash && a.ndig <= 2 && (c.ndig == 4 || c.ndig == 2):
		y, m, d = int(c.val), int(a.val), int(b.val)
		if c.ndig == 2 {
			y += 2000
		}
		if m > 12 {
			m, d = d, m
		}
	default:
		return res{}, 0, false
	}
	if y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return res{}, 0, false
	}
	return dayRes(date(y, time.Month(m), d), false), i + 4, true
}

// dayMonth matches "19 June [2023]", "18-19 June 2023", "19th June". wd is
// a weekday that precedes the expression, or -1.
func (s *scanner) dayMonth(i, wd int) (res, int, bool) {
	d, ok := s.dayNum(i)
	if !ok {
		return res{}, 0, false
	}
	j, d2 := i+1, d
	if s.kind(j) == tDash {
		if v, ok := s.dayNum(j + 1); ok {
			j, d2 = j+2, v
		}
	}
	m, last, ok := s.monthAt(j, true)
	if !ok {
		return res{}, 0, false
	}
	y := 0
	if v, ok := s.yearNum(last + 1); ok {
		y, last = v, last+1
	} else if v, ok := s.yearNum(last + 2); ok && s.kind(last+1) == tComma {
		y, last = v, last+2
	}
	r, ok := s.resolveMD(m, d, m, d2, y, wd)
	return r, last, ok
}

// monthDay matches "June 19", "Jan. 5", "June 18-19", "June 30-July 2",
// "[from] June 18 to 20", "[between] June 30 and July 2", each with an
// optional year ("June 19, 2023"). wd is a weekday that
// precedes the expression, or -1.
func (s *scanner) monthDay(i, wd int) (res, int, bool) {
	m, j, ok := s.monthAt(i, true)
	if !ok {
		return res{}, 0, false
	}
	d, ok := s.dayNum(j + 1)
	if !ok {
		return res{}, 0, false
	}
	last, m2, d2 := j+1, m, d
	c, pc := s.cls(last+1), s.cls(i-1)
	if s.kind(last+1) == tDash || (c == kTo || c == kUntil) && pc == kFrom || c == kAnd && pc == kBetween {
		if v, ok := s.dayNum(last + 2); ok && (s.kind(last+1) == tDash || s.yearFollows(last+3)) {
			last, d2 = last+2, v
		} else if mv, mj, ok := s.monthAt(last+2, true); ok {
			if v, ok := s.dayNum(mj + 1); ok {
				last, m2, d2 = mj+1, mv, v
			}
		}
	}
	y := 0
	if v, ok := s.yearNum(last + 1); ok {
		y, last = v, last+1
	} else if v, ok := s.yearNum(last + 2); ok && s.kind(last+1) == tComma {
		y, last = v, last+2
	}
	r, ok := s.resolveMD(m, d, m2, d2, y, wd)
	return r, last, ok
}

// resolveMD resolves the interval m/d – m2/d2 in year y, or, when y is 0,
// in the year pickYear chooses.
func (s *scanner) resolveMD(m time.Month, d int, m2 time.Month, d2 int, y, wd int) (res, bool) {
	rel := false
	if y == 0 {
		if s.noRef {
			return res{}, false
		}
		y, rel = s.pickYear(m, d, wd), true
	}
	y2 := y
	if m2 < m {
		y2++
	}
	if d > daysIn(y, m) || d2 > daysIn(y2, m2) {
		return res{}, false
	}
	st, en := date(y, m, d), date(y2, m2, d2)
	if en.Before(st) {
		return res{}, false
	}
	return res{start: st, end: en, prec: dyad.PrecisionDay, rel: rel}, true
}

// pickYear chooses the year of a month and day written without one: the
// nearest occurrence, where the disfavoured direction (the future without
// a future cue, the past with one) must be four times nearer to win.
// Inside "since" it is always the most recent occurrence on or before ref.
// A preceding weekday (wd >= 0) restricts the choice to years where the
// day falls on it, when there are such years within four years of ref.
func (s *scanner) pickYear(m time.Month, d, wd int) int {
	ry := s.refT().Year()
	var p, f time.Time
	for pass := 0; pass < 2; pass++ {
		if pass == 0 && wd < 0 {
			continue
		}
		for y := ry - 4; y <= ry+4; y++ {
			if d > daysIn(y, m) {
				continue
			}
			t := date(y, m, d)
			if pass == 0 && int(t.Weekday()) != wd {
				continue
			}
			if !t.After(s.refT()) {
				p = t
			} else if f.IsZero() {
				f = t
			}
		}
		if !p.IsZero() || !f.IsZero() {
			break
		}
	}
	switch {
	case p.IsZero() && f.IsZero():
		return ry
	case p.IsZero():
		return f.Year()
	case f.IsZero() || s.past:
		return p.Year()
	}
	dp, df := s.refT().Sub(p), f.Sub(s.refT())
	if s.fwd() {
		if 4*dp < df {
			return p.Year()
		}
		return f.Year()
	}
	if 4*df < dp {
		return f.Year()
	}
	return p.Year()
}

// bareMonthYear is the year of a month named without one ("in June"):
// the most recent such month up to ref's, or with a future cue the next
// one from ref's.
func (s *scanner) bareMonthYear(m time.Month) int {
	ry, rm := s.refT().Year(), s.refT().Month()
	if s.fwd() {
		if m >= rm {
			return ry
		}
		return ry + 1
	}
	if m <= rm {
		return ry
	}
	return ry - 1
}

// month matches expressions that start with a month name: "June 19",
// "June 2023", "June of 2023", and a bare "June" after a date preposition.
func (s *scanner) month(i int) (res, int, bool) {
	if r, last, ok := s.monthDay(i, -1); ok {
		return r, last, true
	}
	m, j, ok := s.monthAt(i, true)
	if !ok {
		return res{}, 0, false
	}
	if y, ok := s.yearNum(j + 1); ok {
		return monthRes(y, m, false), j + 1, true
	}
	if y, ok := s.yearNum(j + 2); ok && s.cls(j+1) == kOf {
		return monthRes(y, m, false), j + 2, true
	}
	if s.toks[i].cls == cMonthAbbr || !s.trig(i) {
		return res{}, 0, false
	}
	return monthRes(s.bareMonthYear(m), m, true), i, true
}

// weekday matches "Monday", "Monday, June 19[, 2023]" and "Monday 19 June".
// A weekday right after another date and "and", "to", "through" or a dash
// is resolved forward from that date.
func (s *scanner) weekday(i int) (res, int, bool) {
	wd := int(s.toks[i].val)
	j := i + 1
	if s.kind(j) == tComma {
		j++
	}
	if r, last, ok := s.monthDay(j, wd); ok {
		return r, last, true
	}
	if r, last, ok := s.dayMonth(j, wd); ok {
		return r, last, true
	}
	if p := i - 1; s.lastNext == p && (s.kind(p) == tDash || s.cls(p) == kUntil || s.cls(p) == kTo || s.cls(p) == kAnd) {
		// The second of a pair ("Sunday and Monday", "Monday through
		// Wednesday"): the first such weekday on or after the first.
		a := s.anchorT()
		return dayRes(addDays(a, (wd-int(a.Weekday())+7)%7), true), i, true
	}
	if s.future && !s.past && s.pastVerbBeside(i) {
		// "warships on Monday launched war games, expected to be
		// joined later": the verb the weekday goes with is past, whatever
		// the rest of the sentence says.
		s.past = true
		t := s.weekdayDate(wd)
		s.past = false
		return dayRes(t, true), i, true
	}
	return dayRes(s.weekdayDate(wd), true), i, true
}

// pastVerbBeside reports whether the weekday at token i is next to a verb
// in the past tense: right after it ("on Monday launched") or right
// before its ON ("launched on Monday"), with no auxiliary of the future
// before that verb ("will be launched on Monday").
func (s *scanner) pastVerbBeside(i int) bool {
	if s.kind(i+1) == tWord && pastForm(s.word(i+1)) {
		return true
	}
	p := i - 1
	if p >= 0 && s.kind(p) == tWord && strings.EqualFold(s.word(p), "on") {
		p--
	}
	if p < 0 || p == i-1 || s.kind(p) != tWord || !pastForm(s.word(p)) {
		return false
	}
	if q := p - 1; q >= 0 && s.kind(q) == tWord {
		switch strings.ToLower(s.word(q)) {
		case "be", "been", "will", "would", "to", "shall":
			return false
		}
	}
	return true
}

// word is the text of token i.
func (s *scanner) word(i int) string { return s.text[s.toks[i].start:s.toks[i].end] }

// pastForm reports whether w is a verb form of the simple past: a regular
// "-ed" form of more than four letters ("launched", not "red" or "bed") or
// one of the irregular pasts news reports use most.
func pastForm(w string) bool {
	if n := len(w); n > 4 && (w[n-2:] == "ed" || w[n-2:] == "ED") {
		return true
	}
	switch strings.ToLower(w) {
	case "said", "met", "held", "began", "took", "made", "sent", "gave", "told", "struck", "fought", "left", "came", "went", "won", "lost", "shot", "hit", "led", "drew":
		return true
	}
	return false
}

// weekdayDate resolves a bare weekday: the most recent one within the last
// seven days including ref, or with a future cue the next one including
// ref.
func (s *scanner) weekdayDate(wd int) time.Time {
	rw := int(s.refT().Weekday())
	if s.fwd() {
		return addDays(s.refT(), (wd-rw+7)%7)
	}
	return addDays(s.refT(), -((rw - wd + 7) % 7))
}

// weekdayRel resolves "last Friday" (1–7 days before ref), "next Tuesday"
// (1–7 days after) and "this Tuesday" (in ref's Monday–Sunday week).
func (s *scanner) weekdayRel(wd int, dir class) time.Time {
	rw := int(s.refT().Weekday())
	switch delta(dir) {
	case -1:
		d := (rw - wd + 7) % 7
		if d == 0 {
			d = 7
		}
		return addDays(s.refT(), -d)
	case 1:
		d := (wd - rw + 7) % 7
		if d == 0 {
			d = 7
		}
		return addDays(s.refT(), d)
	}
	return addDays(weekStart(s.refT()), (wd+6)%7)
}

// weekend resolves a weekend: "last weekend" is the Saturday–Sunday that
// ended before ref; "next weekend" the first one starting after ref; any
// other (the weekend, this weekend) the most recent one starting on or
// before ref, or with a future cue the coming one (containing ref if ref is
// a Saturday or Sunday).
func (s *scanner) weekend(dir class) res {
	rw := int(s.refT().Weekday())
	var sat time.Time
	switch delta(dir) {
	case -1:
		back := rw
		if back == 0 {
			back = 7
		}
		sat = addDays(s.refT(), -back-1)
	case 1:
		d := 6 - rw
		if d == 0 {
			d = 7
		}
		sat = addDays(s.refT(), d)
	default:
		switch {
		case s.fwd() && rw == 0:
			sat = addDays(s.refT(), -1)
		case s.fwd():
			sat = addDays(s.refT(), 6-rw)
		default:
			sat = addDays(s.refT(), -((rw + 1) % 7))
		}
	}
	return res{start: sat, end: addDays(sat, 1), prec: dyad.PrecisionWeek, rel: true}
}

// monthRel is the year of "last June" (the most recent June strictly
// before ref's month), "next June" (the first strictly after) and "this
// June" (ref's year).
func (s *scanner) monthRel(m time.Month, dir class) int {
	ry, rm := s.refT().Year(), s.refT().Month()
	switch delta(dir) {
	case -1:
		if m < rm {
			return ry
		}
		return ry - 1
	case 1:
		if m > rm {
			return ry
		}
		return ry + 1
	}
	return ry
}

// seasonRel resolves a season: "this summer" is the one of ref's year (for
// winter, the one that contains ref's January or February or starts in
// ref's December); "last summer" the most recent one that ended before
// ref; "next summer" the first one that starts after ref; a bare season
// (dir cNone) the most recent one that started on or before ref, or with a
// future cue the first one that has not ended.
func (s *scanner) seasonRel(se int, dir class) res {
	ry := s.refT().Year()
	var st, en time.Time
	switch {
	case dir == kThis:
		st, en = seasonIv(seasonThisYear(s.refT(), se), se)
	case delta(dir) == -1:
		for y := ry; y >= ry-2; y-- {
			if st, en = seasonIv(y, se); en.Before(s.refT()) {
				break
			}
		}
	case delta(dir) == 1:
		for y := ry - 1; y <= ry+1; y++ {
			if st, en = seasonIv(y, se); st.After(s.refT()) {
				break
			}
		}
	case s.fwd():
		for y := ry - 1; y <= ry+1; y++ {
			if st, en = seasonIv(y, se); !en.Before(s.refT()) {
				break
			}
		}
	default:
		for y := ry; y >= ry-2; y-- {
			if st, en = seasonIv(y, se); !st.After(s.refT()) {
				break
			}
		}
	}
	return res{start: st, end: en, prec: dyad.PrecisionSeason, rel: true}
}

// quarterRel resolves last/this/next quarter.
func (s *scanner) quarterRel(dir class) res {
	n := int(s.refT().Month()-1)/3 + delta(dir)
	y := s.refT().Year()
	switch {
	case n < 0:
		n, y = 3, y-1
	case n > 3:
		n, y = 0, y+1
	}
	st, en := quarterIv(y, n+1)
	return res{start: st, end: en, prec: dyad.PrecisionQuarter, rel: true}
}

// season matches a season word: "fall 2023", "summer of 2022", and a bare
// season after a date preposition ("in spring").
func (s *scanner) season(i int) (res, int, bool) { return s.seasonAt(i, s.trig(i)) }

// seasonAt matches a season word at j; trig says whether a bare season is
// in a date context.
func (s *scanner) seasonAt(j int, trig bool) (res, int, bool) {
	se := int(s.toks[j].val)
	if y, ok := s.yearNum(j + 1); ok && s.yearFollows(j+2) {
		st, en := seasonIv(y, se)
		return res{start: st, end: en, prec: dyad.PrecisionSeason}, j + 1, true
	}
	if s.cls(j+1) == kOf {
		if y, ok := s.yearNum(j + 2); ok {
			st, en := seasonIv(y, se)
			return res{start: st, end: en, prec: dyad.PrecisionSeason}, j + 2, true
		}
		return res{}, 0, false // "the fall of Kabul"
	}
	if !trig || s.toks[j].flag&fCap != 0 && s.tok(j+1).flag&fCap != 0 { // "Summer Davos"
		return res{}, 0, false
	}
	return s.seasonRel(se, cNone), j, true
}

// qcode matches "Q3" and "Q3 2023".
func (s *scanner) qcode(i int) (res, int, bool) {
	q := int(s.toks[i].val)
	if y, ok := s.yearNum(i + 1); ok {
		st, en := quarterIv(y, q)
		return res{start: st, end: en, prec: dyad.PrecisionQuarter}, i + 1, true
	}
	st, en := quarterIv(s.refT().Year(), q)
	return res{start: st, end: en, prec: dyad.PrecisionQuarter, rel: true}, i, true
}

// ordQuarter matches "first quarter", "third-quarter", "third quarter of
// 2023", "fourth quarter of last year", "first quarter 2024".
func (s *scanner) ordQuarter(i int) (res, int, bool) {
	q, j := int(s.toks[i].val), i+1
	if s.kind(j) == tDash && s.adj(i) {
		j++
	}
	if s.cls(j) != kQuarter {
		return res{}, 0, false
	}
	y, rel, last := s.refT().Year(), true, j
	if v, ok := s.yearNum(j + 2); ok && s.cls(j+1) == kOf {
		y, rel, last = v, false, j+2
	} else if c := s.cls(j + 2); s.cls(j+1) == kOf && (c == kThe || c == kThis || c == kLast || c == kNext) {
		if u, ok := s.calUnit(j + 3); ok && u == uYear {
			y, last = y+delta(c), j+3
		}
	} else if v, ok := s.yearNum(j + 1); ok {
		y, rel, last = v, false, j+1
	}
	st, en := quarterIv(y, q)
	return res{start: st, end: en, prec: dyad.PrecisionQuarter, rel: rel}, last, true
}

// count reads a count at i: a number of up to three digits, one … twenty,
// thirty, a/an (1), "a few" and "few" (2–5), "a couple [of]" (2),
// "several" (3–7). next is the token after it.
func (s *scanner) count(i int) (lo, hi, next int, ok bool) {
	t := s.tok(i)
	switch {
	case t.kind == tNum:
		if t.flag != 0 || t.ndig > 3 || t.val == 0 {
			return 0, 0, 0, false
		}
		return int(t.val), int(t.val), i + 1, true
	case t.cls == cNum:
		return int(t.val), int(t.val), i + 1, true
	case t.cls == cArticle:
		switch s.cls(i + 1) {
		case cFew:
			return 2, 5, i + 2, true
		case cCouple:
			if s.cls(i+2) == kOf {
				return 2, 2, i + 3, true
			}
			return 2, 2, i + 2, true
		}
		return 1, 1, i + 1, true
	case t.cls == cSeveral:
		return 3, 7, i + 1, true
	case t.cls == cFew:
		return 2, 5, i + 1, true
	}
	return 0, 0, 0, false
}

// shifted resolves a count of units from base in direction sign: an exact
// count gives the calendar unit containing the shifted date (a day for
// days and hours); a vague count gives the interval between the shifted
// dates at a coarser precision.
func shifted(base time.Time, u, lo, hi, sign int) res {
	if lo == hi {
		st, en, prec := unitIv(shift(base, u, sign*lo), u)
		return res{start: st, end: en, prec: prec, rel: true}
	}
	a, b := shift(base, u, sign*lo), shift(base, u, sign*hi)
	if sign < 0 {
		a, b = b, a
	}
	st, _, _ := unitIv(a, u)
	_, en, _ := unitIv(b, u)
	return res{start: st, end: en, prec: vaguePrecision(u), rel: true}
}

// counted matches "N units ago" (from ref), "N units later/after" and "N
// units earlier/before" (from the anchor), and "N units from now".
func (s *scanner) counted(i int) (res, int, bool) {
	lo, hi, j, ok := s.count(i)
	if !ok {
		return res{}, 0, false
	}
	u, _, ok := s.unit(j)
	if !ok {
		return res{}, 0, false
	}
	return s.direction(u, lo, hi, j+1)
}

// direction resolves a count of units by the word at k that follows it.
func (s *scanner) direction(u, lo, hi, k int) (res, int, bool) {
	switch s.cls(k) {
	case kAgo:
		return shifted(s.refT(), u, lo, hi, -1), k, true
	case kLater, kAfter:
		return shifted(s.anchorT(), u, lo, hi, 1), k, true
	case kEarlier, kBefore:
		return shifted(s.anchorT(), u, lo, hi, -1), k, true
	case kFrom:
		if s.cls(k+1) == kNow {
			return shifted(s.refT(), u, lo, hi, 1), k + 1, true
		}
	}
	return res{}, 0, false
}

// barePlural matches "days after", "weeks later", "months earlier", "years
// ago": vague counts (see vagueRange).
func (s *scanner) barePlural(i int) (res, int, bool) {
	u, plural, _ := s.unit(i)
	if !plural {
		return res{}, 0, false
	}
	lo, hi := vagueRange(u)
	return s.direction(u, lo, hi, i+1)
}

// in matches "in N units" under a future cue: N units after ref.
func (s *scanner) in(i int) (res, int, bool) {
	if !s.fwd() {
		return res{}, 0, false
	}
	lo, hi, j, ok := s.count(i + 1)
	if !ok {
		return res{}, 0, false
	}
	u, _, ok := s.unit(j)
	if !ok || s.cls(j+1) == kOf {
		return res{}, 0, false
	}
	return shifted(s.refT(), u, lo, hi, 1), j, true
}

// recent matches "recent days/weeks/months/years": a window before ref.
func (s *scanner) recent(i int) (res, int, bool) {
	if _, plural, ok := s.unit(i + 1); !ok || !plural {
		return res{}, 0, false
	}
	return s.window(i+1, -1)
}

// window matches the count and unit of "the past two weeks", "the next few
// days", "the past year", "the coming months" at j: the interval between
// ref and ref shifted by the count (the upper bound of a vague one).
func (s *scanner) window(j, sign int) (res, int, bool) {
	var u, n, last int
	if _, hi, k, ok := s.count(j); ok {
		uu, _, ok := s.unit(k)
		if !ok {
			return res{}, 0, false
		}
		u, n, last = uu, hi, k
	} else if uu, plural, ok := s.unit(j); ok {
		u, n, last = uu, 1, j
		if plural {
			_, n = vagueRange(u)
		}
	} else {
		return res{}, 0, false
	}
	r := res{start: s.refT(), end: s.refT(), prec: unitPrecision(u), rel: true}
	if sign < 0 {
		r.start = shift(s.refT(), u, -n)
	} else {
		r.end = shift(s.refT(), u, n)
	}
	return r, last, true
}

// the matches expressions that start with "the": the end/beginning/middle
// of …, the first quarter, the past/next N units, the next/following/
// previous/same day, the day before/after, the weekend, the summer [of
// 2022], the 1990s.
func (s *scanner) the(i int) (res, int, bool) {
	j := i + 1
	t := s.tok(j)
	if t.kind == tNum && t.flag == fDecade && t.val%10 == 0 && t.val >= 1800 && t.val <= 2190 {
		return decade(int(t.val)), j, true
	}
	switch t.cls {
	case kEnd, kStart, kMiddle:
		if s.cls(j+1) != kOf {
			return res{}, 0, false
		}
		p := 2
		switch t.cls {
		case kStart:
			p = 0
		case kMiddle:
			p = 1
		}
		return s.boundary(p, j+2)
	case cOrd:
		return s.ordQuarter(j)
	case kPast, kLast:
		return s.window(j+1, -1)
	case kNext, kComing:
		if u, plural, ok := s.unit(j + 1); t.cls == kNext && (ok && u == uDay && !plural || s.cls(j+1) == kPartOfDay) {
			return dayRes(addDays(s.anchorT(), 1), true), j + 1, true
		}
		return s.window(j+1, 1)
	case kFollowing, kPrevious:
		return s.anchored(j+1, delta(t.cls))
	case kSame:
		if u, plural, ok := s.unit(j + 1); ok && !plural && u != uHour {
			st, en, prec := unitIv(s.anchorT(), u)
			return res{start: st, end: en, prec: prec, rel: true}, j + 1, true
		}
	case cUnit:
		if t.val != uDay || t.flag&fPlural != 0 {
			break
		}
		switch s.cls(j + 1) {
		case kBefore:
			if s.cls(j+2) == kYesterday {
				return dayRes(addDays(s.refT(), -2), true), j + 2, true
			}
			return dayRes(addDays(s.anchorT(), -1), true), j + 1, true
		case kAfter:
			if s.cls(j+2) == kTomorrow {
				return dayRes(addDays(s.refT(), 2), true), j + 2, true
			}
			return dayRes(addDays(s.anchorT(), 1), true), j + 1, true
		}
	case kWeekend:
		return s.weekend(cNone), j, true
	case cSeason:
		return s.seasonAt(j, s.trig(i))
	}
	return res{}, 0, false
}

// anchored matches the unit after "the following" (sign 1) or "the
// previous" (sign -1): day, morning, week, month, year or a weekday,
// counted from the anchor.
func (s *scanner) anchored(j, sign int) (res, int, bool) {
	a := s.anchorT()
	t := s.tok(j)
	switch t.cls {
	case kPartOfDay:
		return dayRes(addDays(a, sign), true), j, true
	case cWeekday:
		aw, wd := int(a.Weekday()), int(t.val)
		d := (wd - aw + 7) % 7
		if sign < 0 {
			d = (aw - wd + 7) % 7
		}
		if d == 0 {
			d = 7
		}
		return dayRes(addDays(a, sign*d), true), j, true
	case cUnit:
		if t.flag&fPlural != 0 || t.val == uHour {
			break
		}
		st, en, prec := unitIv(shift(a, int(t.val), sign), int(t.val))
		return res{start: st, end: en, prec: prec, rel: true}, j, true
	}
	return res{}, 0, false
}

// boundary matches what follows "the end of" (p 2), "the beginning/start
// of" (p 0) or "the middle of" (p 1): the/this/last/next week, month or
// year, a month [year] or a year. The end or beginning of a year is
// December or January; otherwise the part is a third (see part).
func (s *scanner) boundary(p, k int) (res, int, bool) {
	var st, en time.Time
	var u, last int
	rel := true
	if c := s.cls(k); c == kThe || c == kThis || c == kLast || c == kNext {
		uu, ok := s.calUnit(k + 1)
		if !ok {
			return res{}, 0, false
		}
		st, en, _ = unitIv(shift(s.refT(), uu, delta(c)), uu)
		u, last = uu, k+1
	} else if m, mj, ok := s.monthAt(k, false); ok {
		y := 0
		if v, ok := s.yearNum(mj + 1); ok {
			y, rel, last = v, false, mj+1
		} else {
			y, last = s.bareMonthYear(m), mj
		}
		st, en = monthIv(y, m)
		u = uMonth
	} else if y, ok := s.yearNum(k); ok {
		st, en = yearIv(y)
		u, rel, last = uYear, false, k
	} else {
		return res{}, 0, false
	}
	r := res{prec: unitPrecision(u), rel: rel}
	switch {
	case u == uYear && p == 0:
		r.start, r.end, r.prec = st, date(st.Year(), 1, 31), dyad.PrecisionMonth
	case u == uYear && p == 2:
		r.start, r.end, r.prec = date(st.Year(), 12, 1), en, dyad.PrecisionMonth
	default:
		r.start, r.end = part(st, en, u, p)
	}
	return r, last, true
}

// partIndex maps early/mid/late to 0/1/2.
func partIndex(c class) int {
	switch c {
	case kMid:
		return 1
	case kLate:
		return 2
	}
	return 0
}

// part matches "early/mid/late" (also "mid-") followed by a month [year],
// a year, this/last/next week/month/year, a weekday or a season.
func (s *scanner) part(i int) (res, int, bool) {
	p, j := partIndex(s.toks[i].cls), i+1
	if s.kind(j) == tDash && s.adj(i) {
		j++
	}
	if m, mj, ok := s.monthAt(j, true); ok {
		y, rel, last := 0, false, mj
		if v, ok := s.yearNum(mj + 1); ok {
			y, last = v, mj+1
		} else if s.toks[j].cls == cMonthAbbr {
			return res{}, 0, false
		} else {
			y, rel = s.bareMonthYear(m), true
		}
		ms, me := monthIv(y, m)
		st, en := part(ms, me, uMonth, p)
		return res{start: st, end: en, prec: dyad.PrecisionMonth, rel: rel}, last, true
	}
	if y, ok := s.yearNum(j); ok {
		ys, ye := yearIv(y)
		st, en := part(ys, ye, uYear, p)
		return res{start: st, end: en, prec: dyad.PrecisionYear}, j, true
	}
	t := s.tok(j)
	switch t.cls {
	case kThis, kLast, kNext:
		u, ok := s.calUnit(j + 1)
		if !ok {
			break
		}
		us, ue, prec := unitIv(shift(s.refT(), u, delta(t.cls)), u)
		st, en := part(us, ue, u, p)
		return res{start: st, end: en, prec: prec, rel: true}, j + 1, true
	case cWeekday:
		return dayRes(s.weekdayDate(int(t.val)), true), j, true
	case cSeason:
		r, last, ok := s.seasonAt(j, true)
		if !ok {
			break
		}
		r.start, r.end = part(r.start, r.end, 0, p)
		return r, last, true
	}
	return res{}, 0, false
}

// earlierLater matches "earlier/later today" and "earlier/later this
// week/month/year" (also "later in the year"): from the unit's start to
// ref, or from ref to its end.
func (s *scanner) earlierLater(i int) (res, int, bool) {
	earlier, j := s.toks[i].cls == kEarlier, i+1
	if s.cls(j) == kToday {
		return dayRes(s.refT(), true), j, true
	}
	k := j + 1
	switch {
	case s.cls(j) == kThis:
	case s.cls(j) == kIn && s.cls(j+1) == kThe:
		k = j + 2
	default:
		return res{}, 0, false
	}
	u, ok := s.calUnit(k)
	if !ok {
		return res{}, 0, false
	}
	st, en, prec := unitIv(s.refT(), u)
	if earlier {
		en = s.refT()
	} else {
		st = s.refT()
	}
	return res{start: st, end: en, prec: prec, rel: true}, k, true
}

// relative matches expressions that start with last, next, this, past or
// coming (also "this past", "this coming").
func (s *scanner) relative(i int) (res, int, bool) {
	dir, j := s.toks[i].cls, i+1
	if dir == kThis {
		switch s.cls(j) {
		case kPast:
			dir, j = kLast, j+1
		case kComing:
			dir, j = kNext, j+1
		}
	}
	t := s.tok(j)
	switch t.cls {
	case cUnit:
		u, plural := int(t.val), t.flag&fPlural != 0
		if plural || dir == kPast || dir == kComing {
			if dir == kThis {
				break
			}
			return s.window(j, delta(dir))
		}
		switch u {
		case uWeek, uMonth, uYear:
			st, en, prec := unitIv(shift(s.refT(), u, delta(dir)), u)
			return res{start: st, end: en, prec: prec, rel: true}, j, true
		case uDay:
			if dir == kNext {
				return dayRes(addDays(s.anchorT(), 1), true), j, true
			}
		}
	case kWeekend:
		return s.weekend(dir), j, true
	case kQuarter:
		return s.quarterRel(dir), j, true
	case cWeekday:
		return dayRes(s.weekdayRel(int(t.val), dir), true), j, true
	case cMonth:
		if dir == kPast || dir == kComing || t.flag&fCap == 0 {
			break
		}
		return monthRes(s.monthRel(time.Month(t.val), dir), time.Month(t.val), true), j, true
	case cSeason:
		return s.seasonRel(int(t.val), dir), j, true
	case kPartOfDay:
		switch dir {
		case kLast:
			return dayRes(addDays(s.refT(), -1), true), j, true
		case kThis:
			return dayRes(s.refT(), true), j, true
		}
	default:
		if dir != kThis {
			if r, last, ok := s.window(j, delta(dir)); ok {
				return r, last, true
			}
		}
	}
	return res{}, 0, false
}
