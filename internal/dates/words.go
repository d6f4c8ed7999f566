package dates

// A class is what the scanner knows about a word: a month, a weekday, a
// count, a unit, or one of the keywords the matchers look for. Non-word
// tokens and unknown words have class cNone.
type class uint8

// Word classes.
const (
	cNone      class = iota
	cMonth           // january … december; val 1–12
	cMonthAbbr       // jan, feb, …, sept; val 1–12
	cWeekday         // monday … sunday; val time.Weekday
	cNum             // one … twenty, thirty; val the number
	cArticle         // a, an
	cSeveral         // several
	cFew             // few
	cCouple          // couple
	cUnit            // day(s), week(s), month(s), year(s), hour(s); val a unit
	cSeason          // spring, summer, fall, autumn, winter; val a season
	cOrd             // first … fourth; val 1–4
	cQcode           // q1 … q4; val 1–4

	kToday
	kYesterday
	kTomorrow
	kTonight
	kSince
	kAt
	kLeast
	kIn
	kBy
	kUntil // until, till, through, throughout
	kOf
	kBefore
	kAfter
	kDuring
	kFrom
	kBetween
	kAround
	kEarly
	kMid
	kLate
	kEarlier
	kLater // later, afterwards, afterward
	kLast
	kNext
	kThis
	kPast
	kComing
	kRecent
	kAgo
	kThe
	kEnd
	kStart // start, beginning
	kMiddle
	kWeekend
	kQuarter
	kFollowing
	kPrevious
	kSame
	kAnd
	kOr
	kTo
	kNow
	kPartOfDay // morning, afternoon, evening, night
	kWill      // will, would, shall, upcoming, forthcoming, scheduled
	kBe
	kHeld
	kPlan // plan, plans, planned, planning, expected, set, intends, intend, going, slated
	kLl   // the "ll" of "we'll"
	kWon  // the "won" of "won't"
	kT
	kFunc // function words that may follow a year ("in 2008 when …")
)

// Units of time, the val of a cUnit word.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uHour
)

// Seasons, the val of a cSeason word.
const (
	sSpring = iota
	sSummer
	sFall
	sWinter
)

// maxWord is the length of the longest word in the table; longer words are
// never looked up.
const maxWord = 11

// classify returns the class and value of the lower-case word key, and
// whether a unit word is plural.
func classify(key string) (class, int16, bool) {
	c, v := lookup(key)
	return c, v, c == cUnit && key[len(key)-1] == 's'
}

// lookup is the word table. key is lower case.
func lookup(key string) (class, int16) {
	switch key {
	case "january":
		return cMonth, 1
	case "february":
		return cMonth, 2
	case "march":
		return cMonth, 3
	case "april":
		return cMonth, 4
	case "may":
		return cMonth, 5
	case "june":
		return cMonth, 6
	case "july":
		return cMonth, 7
	case "august":
		return cMonth, 8
	case "september":
		return cMonth, 9
	case "october":
		return cMonth, 10
	case "november":
		return cMonth, 11
	case "december":
		return cMonth, 12
	case "jan":
		return cMonthAbbr, 1
	case "feb":
		return cMonthAbbr, 2
	case "mar":
		return cMonthAbbr, 3
	case "apr":
		return cMonthAbbr, 4
	case "jun":
		return cMonthAbbr, 6
	case "jul":
		return cMonthAbbr, 7
	case "aug":
		return cMonthAbbr, 8
	case "sep", "sept":
		return cMonthAbbr, 9
	case "oct":
		return cMonthAbbr, 10
	case "nov":
		return cMonthAbbr, 11
	case "dec":
		return cMonthAbbr, 12

	case "sunday":
		return cWeekday, 0
	case "monday":
		return cWeekday, 1
	case "tuesday":
		return cWeekday, 2
	case "wednesday":
		return cWeekday, 3
	case "thursday":
		return cWeekday, 4
	case "friday":
		return cWeekday, 5
	case "saturday":
		return cWeekday, 6

	case "one":
		return cNum, 1
	case "two":
		return cNum, 2
	case "three":
		return cNum, 3
	case "four":
		return cNum, 4
	case "five":
		return cNum, 5
	case "six":
		return cNum, 6
	case "seven":
		return cNum, 7
	case "eight":
		return cNum, 8
	case "nine":
		return cNum, 9
	case "ten":
		return cNum, 10
	case "eleven":
		return cNum, 11
	case "twelve":
		return cNum, 12
	case "thirteen":
		return cNum, 13
	case "fourteen":
		return cNum, 14
	case "fifteen":
		return cNum, 15
	case "sixteen":
		return cNum, 16
	case "seventeen":
		return cNum, 17
	case "eighteen":
		return cNum, 18
	case "nineteen":
		return cNum, 19
	case "twenty":
		return cNum, 20
	case "thirty":
		return cNum, 30
	case "a", "an":
		return cArticle, 1
	case "several":
		return cSeveral, 0
	case "few":
		return cFew, 0
	case "couple":
		return cCouple, 0

	case "day", "days":
		return cUnit, uDay
	case "week", "weeks":
		return cUnit, uWeek
	case "month", "months":
		return cUnit, uMonth
	case "year", "years":
		return cUnit, uYear
	case "hour", "hours":
		return cUnit, uHour

	case "spring":
		return cSeason, sSpring
	case "summer":
		return cSeason, sSummer
	case "fall", "autumn":
		return cSeason, sFall
	case "winter":
		return cSeason, sWinter

	case "first":
		return cOrd, 1
	case "second":
		return cOrd, 2
	case "third":
		return cOrd, 3
	case "fourth":
		return cOrd, 4
	case "q1":
		return cQcode, 1
	case "q2":
		return cQcode, 2
	case "q3":
		return cQcode, 3
	case "q4":
		return cQcode, 4

	case "today":
		return kToday, 0
	case "yesterday":
		return kYesterday, 0
	case "tomorrow":
		return kTomorrow, 0
	case "tonight":
		return kTonight, 0
	case "since":
		return kSince, 0
	case "at":
		return kAt, 0
	case "least":
		return kLeast, 0
	case "in":
		return kIn, 0
	case "by":
		return kBy, 0
	case "until", "till", "through", "throughout":
		return kUntil, 0
	case "of":
		return kOf, 0
	case "before":
		return kBefore, 0
	case "after":
		return kAfter, 0
	case "during":
		return kDuring, 0
	case "from":
		return kFrom, 0
	case "between":
		return kBetween, 0
	case "around":
		return kAround, 0
	case "early":
		return kEarly, 0
	case "mid":
		return kMid, 0
	case "late":
		return kLate, 0
	case "earlier":
		return kEarlier, 0
	case "later", "afterwards", "afterward":
		return kLater, 0
	case "last":
		return kLast, 0
	case "next":
		return kNext, 0
	case "this":
		return kThis, 0
	case "past":
		return kPast, 0
	case "coming":
		return kComing, 0
	case "recent":
		return kRecent, 0
	case "ago":
		return kAgo, 0
	case "the":
		return kThe, 0
	case "end":
		return kEnd, 0
	case "start", "beginning":
		return kStart, 0
	case "middle":
		return kMiddle, 0
	case "weekend":
		return kWeekend, 0
	case "quarter":
		return kQuarter, 0
	case "following":
		return kFollowing, 0
	case "previous":
		return kPrevious, 0
	case "same":
		return kSame, 0
	case "and":
		return kAnd, 0
	case "or":
		return kOr, 0
	case "to":
		return kTo, 0
	case "now":
		return kNow, 0
	case "morning", "afternoon", "evening", "night":
		return kPartOfDay, 0
	case "will", "would", "shall", "upcoming", "forthcoming", "scheduled":
		return kWill, 0
	case "be":
		return kBe, 0
	case "held":
		return kHeld, 0
	case "plan", "plans", "planned", "planning", "expected", "set",
		"intends", "intend", "going", "slated":
		return kPlan, 0
	case "ll":
		return kLl, 0
	case "won":
		return kWon, 0
	case "t":
		return kT, 0

	case "but", "when", "with", "for", "that", "which", "while", "amid",
		"it", "its", "he", "she", "they", "we", "there", "these", "those",
		"also", "is", "was", "were", "has", "had", "have", "so", "because",
		"then", "where", "who", "on", "as", "against", "despite", "nor", "yet",
		"saw", "alone", "onward", "onwards", "overall", "again", "too", "only",
		"already", "however", "respectively", "compared", "still":
		return kFunc, 0
	}
	return cNone, 0
}
