// Package dates finds date expressions in English news and diplomatic text
// and resolves them against the document's date.
//
// [Resolver.Find] scans one span of a document (usually a sentence) with a
// hand-written tokenizer and a set of matchers tried at each token, and
// returns [dyad.DateMention] values: a byte span, an inclusive interval of
// days (UTC midnight), a precision, and the Open and Relative flags. Spans
// cover the expression itself; a preposition before it is not part of the
// span ("on June 19" gives "June 19"), except "since", which makes the
// mention open-ended, and "in" of "in two weeks".
//
// # Inputs
//
// ref is the document date. anchor is the most recent explicit date before
// the span in the document; when it is zero, ref is used. Inside a span,
// each mention found becomes the anchor for the ones after it ("arrived on
// June 18, and two days later …"). With a zero ref only expressions that
// need no reference date are returned (full dates, years, "fall 2023").
//
// # Direction
//
// News mostly reports the past, so bare expressions resolve backward from
// ref unless the span has a future cue: will, would, shall, 'll, won't,
// upcoming, forthcoming, scheduled, "to be held", "plan(s)/planned/
// expected/set/going/intend(s)/slated to", or "next" before a unit,
// weekday, month, season, weekend or quarter ("next week"; not "next
// steps", not "the next day").
// Direction matters for bare weekdays, bare months, "early/mid/late"
// months, bare seasons, "in N units", and month-day dates without a year.
// Inside "since …" everything resolves backward.
//
// # Calendar dates
//
// These are absolute (Relative false) when the year is written; a month
// and day without a year take it from ref (Relative true, see below).
//
//   - "June 19, 2023", "19 June 2023", "June 19 2023", "OCTOBER 27, 2023",
//     "June 19th", "19th June"; abbreviations with or without a period:
//     Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec ("Jan. 5", "Sept 12").
//   - Ranges, with a hyphen or en/em dash, precision day: "June 18-19",
//     "June 18–19, 2023", "18-19 June 2023", "June 30-July 2",
//     "Dec. 30-Jan. 2" (the second date in the next year); after "from",
//     "June 18 to 20" and "June 30 to July 2"; after "between", "June 18
//     and 20" (the span starts at the month).
//   - A weekday before a date joins it: "Monday, June 19, 2023",
//     "Monday 19 June".
//   - Numeric: "2023-06-19", "2023/06/19", "6/19/2023" (US order),
//     "6/19/23" (20yy), "19/6/2023" (day first when the first number
//     cannot be a month). No spaces inside; "1/2/3/4" is not a date.
//   - Month and year: "June 2023", "June of 2023" (precision month).
//   - Years, precision year: "2008" only in a date context, that is after
//     in, since, by, until, till, through, throughout, of, before, after,
//     during, from, between or around, or after "and/or/to" that directly
//     follows another date ("from 2018 to 2020"); and not followed by a
//     number or a lower-case word that may be a noun ("in 2000 cases";
//     but "since 2018 relations" is a date).
//     Years are four plain digits from 1800 to 2199: "2,000", "1.5",
//     "5G" and "19th" are never years. Ranges "2021-2023", "2021–23".
//     Decades: "the 1990s", "in the 2010s".
//   - Seasons with a year: "fall 2023", "the summer of 2022".
//   - Quarters with a year: "Q3 2023", "the third quarter of 2023",
//     "first quarter 2024".
//   - "early/mid/late" with a year: "early 2024" (January–April),
//     "mid-2024" (May–August), "late 2023" (September–December),
//     precision year; with a month and year: "late February 2024".
//   - "the end of 2023" (December), "the beginning/start of 2023"
//     (January), precision month.
//
// Month names must be capitalised ("in june" is not matched). A month
// without a day or year needs a date context as for years, or
// last/next/this/early/mid/late before it: "China may respond", "a march",
// "March organizers said" and "May the talks succeed" are not dates.
// Abbreviated months always need a day or a year.
//
// # Dates that need ref (Relative true)
//
//   - Month and day without a year: the nearest occurrence (within four
//     years), but the disfavoured direction (the future without a future
//     cue, the past with one) must be four times nearer to win. A weekday
//     before the date restricts the choice to years where it matches
//     ("Friday, October 27" → 2023 from June 2023). "February 29" takes
//     the nearest leap year.
//   - today, tonight, earlier/later today (ref); yesterday; tomorrow;
//     last night; this morning/afternoon/evening; "the day before
//     yesterday", "the day after tomorrow".
//   - Weekdays: "Monday", "on Monday": the most recent one within seven
//     days including ref; with a future cue the next one including ref.
//     "last Friday": 1–7 days before ref; "next Tuesday": 1–7 days after;
//     "this Friday": in ref's Monday–Sunday week; "this past Sunday",
//     "this coming Monday". "late Monday", "early Tuesday" as the weekday.
//     The second weekday of "Sunday and Monday", "Monday through
//     Wednesday" or "Friday-Sunday" is the first one on or after the first.
//   - Weeks are Monday–Sunday, precision week: "this week", "last week",
//     "next week"; "earlier this week" (Monday to ref), "later this week"
//     (ref to Sunday); "early/mid/late next week" (Mon–Wed, Tue–Thu,
//     Thu–Sun).
//   - Weekends, Saturday–Sunday, precision week: "the weekend" ("over/at the
//     weekend"), "this weekend": the most recent one starting on or before
//     ref, with a future cue the coming one; "last weekend": the one that
//     ended before ref; "next weekend": the first one starting after ref.
//   - Months: "this month", "last month", "next month"; "earlier this
//     month" (1st to ref), "later this month"; "the end of the month"
//     (21st to the end), "the beginning of the month" (1st–10th); "the end
//     of June".
//   - Named months: "in June" (the most recent June up to ref's month; with
//     a future cue the next one from ref's month); "last November" (the
//     most recent November strictly before ref's month); "next February"
//     (the first strictly after); "this February" (ref's year). "early
//     February" (1st–10th), "mid-February"/"mid February" (11th–20th), "late
//     February" (21st–end), precision month, direction as for "in June".
//   - Years: "this year", "last year", "next year"; "earlier this year"
//     (January 1 to ref), "later this year" (ref to December 31); "early
//     next year", "late last year" (thirds, precision year); "the end of
//     the year" (December, precision month), "the beginning of next year"
//     (January).
//   - Seasons are meteorological, precision season: spring March–May,
//     summer June–August, fall/autumn September–November, winter December
//     to February of the next year ("winter 2023" is December 2023 –
//     February 2024). "this fall" is the fall of ref's year, even in the
//     future ("this winter" in January or February is the one containing
//     ref); "last summer" the most recent one that ended before ref; "next
//     spring" the first one that starts after ref; "in the spring"/"in
//     spring" the most recent one that started on or before ref, with a
//     future cue the first one that has not ended; "late summer" is the
//     season's last month. "the fall of Kabul" and "Summer Davos" are not
//     seasons.
//   - Quarters, precision quarter: "the first quarter", "the fourth
//     quarter", "first-quarter", "Q3" (ref's year); "the first quarter of
//     next year"; "last/this/next quarter".
//   - Counts back from ref: "N days/weeks/months/years/hours ago". N is
//     digits, one … twenty, thirty, a/an (1), "a couple [of]" (2), "a few"
//     (2–5), "several" (3–7). An exact count gives the calendar unit
//     containing the shifted date: "five days ago" a day, "two weeks ago"
//     that Monday–Sunday week, "three months ago" that month, "a year ago"
//     that year. A vague count gives an interval at a coarser precision
//     (days → week, weeks and months → month, years → year).
//   - Counts forward from ref: "N units from now"; "in N units" with a
//     future cue.
//   - Windows ending or starting at ref, precision of the unit: "the past
//     two weeks", "the last three months", "the past year" (ref − 1 year to
//     ref), "the past 24 hours", "past week", "last two weeks", "recent
//     weeks" and "in recent days"; "the next few days", "the coming weeks",
//     "the next two months". A bare plural counts as days 10, weeks 8,
//     months 11, years 10, hours 24.
//
// # Dates that need the anchor (Relative true)
//
//   - "N units later/after/afterwards" and "N units earlier/before", with
//     counts as above: "five months later" (the month), "two days later"
//     (the day), "a week later" (the week), "several days later"
//     (anchor+3 … anchor+7, precision week).
//   - Bare plurals: "days after"/"days later" (anchor+1 … anchor+10,
//     precision week), "weeks after" (the weeks of anchor+1 … anchor+8
//     weeks, precision month), "months later" (the months of anchor+1 …
//     anchor+11 months, precision month), "years later", "hours later".
//   - "the next day", "the next morning", "the following day/week/month/
//     year/morning", "the following Monday" (first one strictly after),
//     "the previous day/week/month/year", "the previous Monday", "the same
//     day/week/month/year", "the day before", "the day after".
//
// # Open intervals
//
// "since DATE" and "since at least DATE", where DATE is any expression
// above resolved backward, give Open = true, Start = the start of DATE and
// End = ref: "since August 2022", "since 2018", "since last year", "since
// Monday". A DATE after ref makes no open mention.
//
// # Limitations
//
// Times of day, time zones, "the 19th" without a month, "from 18 to 20
// June" as one interval, ordinal weekdays ("the first Monday of May"),
// fiscal years, halves ("the first half of 2023"), "within a week" and
// spelled-out numbers above twenty (except thirty) are not handled. A
// range whose end is before its start ("June 20-18") is dropped. Text
// offsets must fit in 32 bits.
package dates
