package dates_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/dates"
)

// day parses a YYYY-MM-DD test date.
func day(tb testing.TB, s string) time.Time {
	tb.Helper()
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		tb.Fatalf("bad test date %q: %v", s, err)
	}
	return t
}

// format renders a mention compactly: "text=start..end/precision[/open][/rel]",
// with a single date when start and end are the same day.
func format(text string, m dyad.DateMention) string {
	var b strings.Builder
	b.WriteString(text[m.Span.Start:m.Span.End])
	b.WriteByte('=')
	b.WriteString(m.Start.Format(time.DateOnly))
	if !m.End.Equal(m.Start) {
		b.WriteString("..")
		b.WriteString(m.End.Format(time.DateOnly))
	}
	b.WriteByte('/')
	b.WriteString(string(m.Precision))
	if m.Open {
		b.WriteString("/open")
	}
	if m.Relative {
		b.WriteString("/rel")
	}
	return b.String()
}

func formatAll(text string, ms []dyad.DateMention) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		out = append(out, format(text, m))
	}
	return out
}

// mon is the reference date used by most cases: Monday 2023-06-19.
const mon = "2023-06-19"

func TestResolver_Find(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		ref    string
		anchor string
		want   []string
	}{
		// Absolute dates.
		{"MonthDayYear", "Blinken met Xi on June 19, 2023.", mon, "", []string{"June 19, 2023=2023-06-19/day"}},
		{"DayMonthYear", "They met on 19 June 2023 in Beijing.", mon, "", []string{"19 June 2023=2023-06-19/day"}},
		{"MonthDay", "They met on June 19.", mon, "", []string{"June 19=2023-06-19/day/rel"}},
		{"MonthDayOrdinal", "They met on June 19th.", mon, "", []string{"June 19th=2023-06-19/day/rel"}},
		{"DayOrdinalMonth", "They met on the 19th June.", mon, "", []string{"19th June=2023-06-19/day/rel"}},
		{"DayRange", "The visit, June 18-19, was short.", mon, "", []string{"June 18-19=2023-06-18..2023-06-19/day/rel"}},
		{"DayRangeEnDashYear", "Blinken traveled to Beijing June 18–19, 2023.", mon, "", []string{"June 18–19, 2023=2023-06-18..2023-06-19/day"}},
		{"FromDayRange", "He visited Beijing from June 18-19 to meet officials.", mon, "", []string{"June 18-19=2023-06-18..2023-06-19/day/rel"}},
		{"CrossMonthRange", "The talks ran June 30-July 2.", mon, "", []string{"June 30-July 2=2023-06-30..2023-07-02/day/rel"}},
		{"CrossYearRange", "The talks ran Dec. 30-Jan. 2.", mon, "", []string{"Dec. 30-Jan. 2=2022-12-30..2023-01-02/day/rel"}},
		{"DayFirstRange", "He visited 18-19 June 2023.", mon, "", []string{"18-19 June 2023=2023-06-18..2023-06-19/day"}},
		{"MonthYear", "The deal was signed in June 2023.", mon, "", []string{"June 2023=2023-06-01..2023-06-30/month"}},
		{"MonthOfYear", "It happened in March of 2021.", mon, "", []string{"March of 2021=2021-03-01..2021-03-31/month"}},
		{"InMonth", "The deal was signed in June.", mon, "", []string{"June=2023-06-01..2023-06-30/month/rel"}},
		{"InYear", "China hosted the Olympics in 2008.", mon, "", []string{"2008=2008-01-01..2008-12-31/year"}},
		{"ByYear", "Emissions will peak by 2030, officials said.", mon, "", []string{"2030=2030-01-01..2030-12-31/year"}},
		{"YearRange", "Trade fell in 2021-2023 overall.", mon, "", []string{"2021-2023=2021-01-01..2023-12-31/year"}},
		{"YearToYear", "Trade fell from 2018 to 2020.", mon, "", []string{"2018=2018-01-01..2018-12-31/year", "2020=2020-01-01..2020-12-31/year"}},
		{"Decade", "Ties warmed in the 1990s.", mon, "", []string{"the 1990s=1990-01-01..1999-12-31/year"}},
		{"ISO", "Published 2023-06-19 by the State Department.", mon, "", []string{"2023-06-19=2023-06-19/day"}},
		{"ISOSlash", "See 2023/06/19 for details.", mon, "", []string{"2023/06/19=2023-06-19/day"}},
		{"USSlash", "Dated 6/19/2023 in Washington.", mon, "", []string{"6/19/2023=2023-06-19/day"}},
		{"USSlashShortYear", "Dated 6/19/23 in Washington.", mon, "", []string{"6/19/23=2023-06-19/day"}},
		{"DayFirstSlash", "Dated 19/6/2023 in Beijing.", mon, "", []string{"19/6/2023=2023-06-19/day"}},
		{"AbbrPeriod", "The note was sent Jan. 5.", mon, "", []string{"Jan. 5=2023-01-05/day/rel"}},
		{"AbbrSeptPeriod", "He spoke on Sept. 12 about trade.", mon, "", []string{"Sept. 12=2022-09-12/day/rel"}},
		{"AbbrNoPeriod", "He spoke on Sept 12 about trade.", mon, "", []string{"Sept 12=2022-09-12/day/rel"}},
		{"AbbrYear", "Signed Jan 5, 2024 in Geneva.", mon, "", []string{"Jan 5, 2024=2024-01-05/day"}},
		{"UpperCase", "WASHINGTON, OCTOBER 27, 2023 — The Secretary met.", mon, "", []string{"OCTOBER 27, 2023=2023-10-27/day"}},
		{"NearFutureDay", "The summit on July 15 drew crowds.", mon, "", []string{"July 15=2023-07-15/day/rel"}},
		{"FarDayIsPast", "The summit on December 5 drew crowds.", mon, "", []string{"December 5=2022-12-05/day/rel"}},
		{"FutureCueDay", "Leaders will meet on December 5.", mon, "", []string{"December 5=2023-12-05/day/rel"}},
		{"FutureCueYesterdayDate", "Leaders will meet again after June 18.", mon, "", []string{"June 18=2023-06-18/day/rel"}},
		{"WeekdayAndDate", "On Monday, June 19, 2023, they met.", mon, "", []string{"Monday, June 19, 2023=2023-06-19/day"}},
		{"WeekdayPicksYear", "They meet Friday, October 27 in Washington.", mon, "", []string{"Friday, October 27=2023-10-27/day/rel"}},
		{"WeekdayDayMonth", "They met on Monday 19 June.", mon, "", []string{"Monday 19 June=2023-06-19/day/rel"}},
		{"Dateline", "BEIJING, June 19 (Xinhua) -- Wang Yi met Blinken on Monday.", mon, "", []string{"June 19=2023-06-19/day/rel", "Monday=2023-06-19/day/rel"}},
		{"InvalidDay", "Nothing happened on June 31.", mon, "", nil},
		{"LeapDayNoYear", "Filed February 29 at noon.", mon, "", []string{"February 29=2024-02-29/day/rel"}},
		{"MayAndJune", "It rained in May and June.", mon, "", []string{"May=2023-05-01..2023-05-31/month/rel", "June=2023-06-01..2023-06-30/month/rel"}},

		// Things that are not dates.
		{"MayModal", "China may respond to the sanctions.", mon, "", nil},
		{"MayModalSentenceStart", "May the talks succeed.", mon, "", nil},
		{"MarchNoun", "Thousands joined a march in the capital.", mon, "", nil},
		{"MarchCapitalNoun", "March organizers said the route was set.", mon, "", nil},
		{"LowerCaseMonth", "it happened in june.", mon, "", nil},
		{"GroupedNumber", "The US sent 2,000 troops to the region.", mon, "", nil},
		{"Thousand", "Prices rose by 1,000 yuan.", mon, "", nil},
		{"YearWithoutContext", "The 2008 Olympics were a success.", mon, "", nil},
		{"NumberBeforeNoun", "The ministry reported in 2000 cases.", mon, "", nil},
		{"PlainNumber", "He said 2023 reasons exist.", mon, "", nil},
		{"OneChina", "The US reaffirmed its one China policy.", mon, "", nil},
		{"Xi", "Xi Jinping met Blinken.", mon, "", nil},
		{"FallVerb", "Prices fall when demand weakens.", mon, "", nil},
		{"FallOf", "They recalled the fall of Kabul.", mon, "", nil},
		{"SummerDavos", "Summer Davos opened in Tianjin.", mon, "", nil},
		{"LastTime", "The last time they met was tense.", mon, "", nil},
		{"LateLeader", "The late Chairman Mao was praised.", mon, "", nil},
		{"MarALago", "They met at Mar-a-Lago.", mon, "", nil},
		{"FiveG", "They discussed 5G networks in 2019.", mon, "", []string{"2019=2019-01-01..2019-12-31/year"}},
		{"Decimal", "Growth reached 5.2 percent.", mon, "", nil},
		{"OneOfTheFirst", "It was one of the first visits.", mon, "", nil},
		{"TwoDaysOfTalks", "They held two days of talks.", mon, "", nil},
		{"NextTo", "He sat next to Wang Yi.", mon, "", nil},

		// Relative days and weeks.
		{"Today", "Blinken met Wang Yi today in Beijing.", mon, "", []string{"today=2023-06-19/day/rel"}},
		{"Yesterday", "The two sides met yesterday.", mon, "", []string{"yesterday=2023-06-18/day/rel"}},
		{"Tomorrow", "The two sides meet tomorrow.", mon, "", []string{"tomorrow=2023-06-20/day/rel"}},
		{"OnMondayIsRef", "The two sides met on Monday.", mon, "", []string{"Monday=2023-06-19/day/rel"}},
		{"OnFriday", "China announced on Friday the following measures.", mon, "", []string{"Friday=2023-06-16/day/rel"}},
		{"OnSunday", "He arrived Sunday.", mon, "", []string{"Sunday=2023-06-18/day/rel"}},
		{"TuesdayPast", "They spoke on Tuesday.", mon, "", []string{"Tuesday=2023-06-13/day/rel"}},
		{"TuesdayFuture", "They will speak on Tuesday.", mon, "", []string{"Tuesday=2023-06-20/day/rel"}},
		{"MondayFutureIsRef", "They will speak on Monday.", mon, "", []string{"Monday=2023-06-19/day/rel"}},
		{"ScheduledThursday", "The call is scheduled for Thursday.", mon, "", []string{"Thursday=2023-06-22/day/rel"}},
		{"ToBeHeldFriday", "Talks to be held Friday in Geneva.", mon, "", []string{"Friday=2023-06-23/day/rel"}},
		{"PlansTo", "Washington plans to respond on Friday.", mon, "", []string{"Friday=2023-06-23/day/rel"}},
		{"WontFuture", "He won't travel on Friday.", mon, "", []string{"Friday=2023-06-23/day/rel"}},
		{"LastFriday", "They met last Friday.", mon, "", []string{"last Friday=2023-06-16/day/rel"}},
		{"LastMondayOnMonday", "They met last Monday.", mon, "", []string{"last Monday=2023-06-12/day/rel"}},
		{"NextTuesday", "They meet next Tuesday.", mon, "", []string{"next Tuesday=2023-06-20/day/rel"}},
		{"NextMondayOnMonday", "They meet next Monday.", mon, "", []string{"next Monday=2023-06-26/day/rel"}},
		{"ThisFriday", "They meet this Friday.", mon, "", []string{"this Friday=2023-06-23/day/rel"}},
		{"ThisPastSunday", "They met this past Sunday.", mon, "", []string{"this past Sunday=2023-06-18/day/rel"}},
		{"LateMonday", "The statement came late Monday.", mon, "", []string{"late Monday=2023-06-19/day/rel"}},
		{"LastNight", "Officials spoke last night.", mon, "", []string{"last night=2023-06-18/day/rel"}},
		{"ThisWeek", "They meet this week.", mon, "", []string{"this week=2023-06-19..2023-06-25/week/rel"}},
		{"LastWeek", "They met last week.", mon, "", []string{"last week=2023-06-12..2023-06-18/week/rel"}},
		{"NextWeek", "They meet next week.", mon, "", []string{"next week=2023-06-26..2023-07-02/week/rel"}},
		{"OverTheWeekend", "Blinken arrived over the weekend.", mon, "", []string{"the weekend=2023-06-17..2023-06-18/week/rel"}},
		{"AtTheWeekend", "Blinken arrived at the weekend.", mon, "", []string{"the weekend=2023-06-17..2023-06-18/week/rel"}},
		{"ThisWeekend", "Blinken arrived this weekend.", mon, "", []string{"this weekend=2023-06-17..2023-06-18/week/rel"}},
		{"ThisWeekendFuture", "Blinken will arrive this weekend.", mon, "", []string{"this weekend=2023-06-24..2023-06-25/week/rel"}},
		{"LastWeekend", "Blinken arrived last weekend.", mon, "", []string{"last weekend=2023-06-17..2023-06-18/week/rel"}},
		{"NextWeekend", "Blinken arrives next weekend.", mon, "", []string{"next weekend=2023-06-24..2023-06-25/week/rel"}},
		{"EarlierThisWeek", "They spoke earlier this week.", "2023-06-22", "", []string{"earlier this week=2023-06-19..2023-06-22/week/rel"}},
		{"EarlierThisWeekOnMonday", "They spoke earlier this week.", mon, "", []string{"earlier this week=2023-06-19/week/rel"}},
		{"EarlierThisMonth", "They spoke earlier this month.", mon, "", []string{"earlier this month=2023-06-01..2023-06-19/month/rel"}},
		{"EarlierThisYear", "They spoke earlier this year.", mon, "", []string{"earlier this year=2023-01-01..2023-06-19/year/rel"}},
		{"LaterThisYear", "They will speak later this year.", mon, "", []string{"later this year=2023-06-19..2023-12-31/year/rel"}},
		{"EarlierToday", "He said earlier today that talks went well.", mon, "", []string{"earlier today=2023-06-19/day/rel"}},
		{"ThisMonth", "They meet this month.", mon, "", []string{"this month=2023-06-01..2023-06-30/month/rel"}},
		{"LastMonth", "They met last month.", mon, "", []string{"last month=2023-05-01..2023-05-31/month/rel"}},
		{"NextMonth", "They meet next month.", mon, "", []string{"next month=2023-07-01..2023-07-31/month/rel"}},
		{"ThisYear", "Trade grew this year.", mon, "", []string{"this year=2023-01-01..2023-12-31/year/rel"}},
		{"LastYear", "Trade grew last year.", mon, "", []string{"last year=2022-01-01..2022-12-31/year/rel"}},
		{"NextYear", "Trade will grow next year.", mon, "", []string{"next year=2024-01-01..2024-12-31/year/rel"}},
		{"DaysAgo", "He left five days ago.", mon, "", []string{"five days ago=2023-06-14/day/rel"}},
		{"DigitDaysAgo", "He left 3 days ago.", mon, "", []string{"3 days ago=2023-06-16/day/rel"}},
		{"WeeksAgo", "He left two weeks ago.", mon, "", []string{"two weeks ago=2023-06-05..2023-06-11/week/rel"}},
		{"MonthsAgo", "He left three months ago.", mon, "", []string{"three months ago=2023-03-01..2023-03-31/month/rel"}},
		{"AYearAgo", "He left a year ago.", mon, "", []string{"a year ago=2022-01-01..2022-12-31/year/rel"}},
		{"SeveralYearsAgo", "He left several years ago.", mon, "", []string{"several years ago=2016-01-01..2020-12-31/year/rel"}},
		{"ThePastTwoWeeks", "Tensions rose over the past two weeks.", mon, "", []string{"the past two weeks=2023-06-05..2023-06-19/week/rel"}},
		{"ThePast24Hours", "Tensions rose in the past 24 hours.", mon, "", []string{"the past 24 hours=2023-06-18..2023-06-19/day/rel"}},
		{"ThePastYear", "Tensions rose in the past year.", mon, "", []string{"the past year=2022-06-19..2023-06-19/year/rel"}},
		{"TheLastThreeMonths", "Tensions rose in the last three months.", mon, "", []string{"the last three months=2023-03-19..2023-06-19/month/rel"}},
		{"TheComingWeeks", "Talks continue in the coming weeks.", mon, "", []string{"the coming weeks=2023-06-19..2023-08-14/week/rel"}},
		{"TheNextFewDays", "Talks continue in the next few days.", mon, "", []string{"the next few days=2023-06-19..2023-06-24/day/rel"}},
		{"RecentWeeks", "Tensions rose in recent weeks.", mon, "", []string{"recent weeks=2023-04-24..2023-06-19/week/rel"}},
		{"InTwoWeeksFuture", "Talks will resume in two weeks.", mon, "", []string{"in two weeks=2023-07-03..2023-07-09/week/rel"}},
		{"InTwoWeeksNoCue", "Progress came in two weeks of talks.", mon, "", nil},
		{"FromNow", "Elections are due two years from now.", mon, "", []string{"two years from now=2025-01-01..2025-12-31/year/rel"}},
		{"DayBeforeYesterday", "They met the day before yesterday.", mon, "", []string{"the day before yesterday=2023-06-17/day/rel"}},

		// Named months relative to ref.
		{"LastNovember", "The leaders met in Bali last November.", mon, "", []string{"last November=2022-11-01..2022-11-30/month/rel"}},
		{"LastNovemberInNovember", "The leaders met last November.", "2023-11-15", "", []string{"last November=2022-11-01..2022-11-30/month/rel"}},
		{"LastDecemberInJanuary", "The leaders met last December.", "2024-01-10", "", []string{"last December=2023-12-01..2023-12-31/month/rel"}},
		{"InDecemberInJanuary", "The leaders met in December.", "2024-01-10", "", []string{"December=2023-12-01..2023-12-31/month/rel"}},
		{"NextFebruary", "The leaders meet next February.", mon, "", []string{"next February=2024-02-01..2024-02-29/month/rel"}},
		{"NextFebruaryInFebruary", "The leaders meet next February.", "2023-02-10", "", []string{"next February=2024-02-01..2024-02-29/month/rel"}},
		{"ThisFebruary", "The leaders met this February.", mon, "", []string{"this February=2023-02-01..2023-02-28/month/rel"}},
		{"InFebruaryPast", "The balloon crossed in February.", mon, "", []string{"February=2023-02-01..2023-02-28/month/rel"}},
		{"InFebruaryFuture", "He will visit in February.", mon, "", []string{"February=2024-02-01..2024-02-29/month/rel"}},
		{"InAugustPast", "He visited in August.", mon, "", []string{"August=2022-08-01..2022-08-31/month/rel"}},
		{"InAugustFuture", "He will visit in August.", mon, "", []string{"August=2023-08-01..2023-08-31/month/rel"}},
		{"LastMay", "They met last May.", mon, "", []string{"last May=2023-05-01..2023-05-31/month/rel"}},
		{"EarlyFebruary", "The balloon appeared in early February.", mon, "", []string{"early February=2023-02-01..2023-02-10/month/rel"}},
		{"MidHyphenFebruary", "The balloon appeared in mid-February.", mon, "", []string{"mid-February=2023-02-11..2023-02-20/month/rel"}},
		{"MidSpaceFebruary", "The balloon appeared in mid February.", mon, "", []string{"mid February=2023-02-11..2023-02-20/month/rel"}},
		{"LateFebruary", "The balloon appeared in late February.", mon, "", []string{"late February=2023-02-21..2023-02-28/month/rel"}},
		{"LateFebruaryLeap", "The envoy arrives in late February 2024.", mon, "", []string{"late February 2024=2024-02-21..2024-02-29/month"}},
		{"EndOfTheMonth", "A deal is expected by the end of the month.", mon, "", []string{"the end of the month=2023-06-21..2023-06-30/month/rel"}},
		{"EndOfTheYear", "A deal is expected by the end of the year.", mon, "", []string{"the end of the year=2023-12-01..2023-12-31/month/rel"}},
		{"EndOf2023", "A deal is expected by the end of 2023.", mon, "", []string{"the end of 2023=2023-12-01..2023-12-31/month"}},
		{"BeginningOfNextYear", "A deal is expected at the beginning of next year.", mon, "", []string{"the beginning of next year=2024-01-01..2024-01-31/month/rel"}},
		{"EndOfJune", "Talks ended at the end of June.", mon, "", []string{"the end of June=2023-06-21..2023-06-30/month/rel"}},
		{"EarlyNextYear", "He will visit early next year.", mon, "", []string{"early next year=2024-01-01..2024-04-30/year/rel"}},
		{"LateLastYear", "He visited late last year.", mon, "", []string{"late last year=2022-09-01..2022-12-31/year/rel"}},
		{"Early2024", "He will visit in early 2024.", mon, "", []string{"early 2024=2024-01-01..2024-04-30/year"}},
		{"Mid2024", "He will visit by mid-2024.", mon, "", []string{"mid-2024=2024-05-01..2024-08-31/year"}},
		{"EarlyNextWeek", "He will call early next week.", mon, "", []string{"early next week=2023-06-26..2023-06-28/week/rel"}},

		// Seasons.
		{"ThisFall", "He will visit this fall.", mon, "", []string{"this fall=2023-09-01..2023-11-30/season/rel"}},
		{"ThisAutumn", "He visited this autumn.", "2023-10-26", "", []string{"this autumn=2023-09-01..2023-11-30/season/rel"}},
		{"ThisSpring", "He visited this spring.", mon, "", []string{"this spring=2023-03-01..2023-05-31/season/rel"}},
		{"ThisSummer", "He visits this summer.", mon, "", []string{"this summer=2023-06-01..2023-08-31/season/rel"}},
		{"ThisWinter", "He visits this winter.", mon, "", []string{"this winter=2023-12-01..2024-02-29/season/rel"}},
		{"ThisWinterInJanuary", "It was cold this winter.", "2024-01-10", "", []string{"this winter=2023-12-01..2024-02-29/season/rel"}},
		{"LastSummer", "He visited last summer.", mon, "", []string{"last summer=2022-06-01..2022-08-31/season/rel"}},
		{"LastSummerInNovember", "He visited last summer.", "2023-11-15", "", []string{"last summer=2023-06-01..2023-08-31/season/rel"}},
		{"LastWinter", "He visited last winter.", mon, "", []string{"last winter=2022-12-01..2023-02-28/season/rel"}},
		{"NextSpring", "He visits next spring.", mon, "", []string{"next spring=2024-03-01..2024-05-31/season/rel"}},
		{"Fall2023", "Talks resumed in fall 2023.", mon, "", []string{"fall 2023=2023-09-01..2023-11-30/season"}},
		{"SummerOf2022", "Tensions peaked in the summer of 2022.", mon, "", []string{"the summer of 2022=2022-06-01..2022-08-31/season"}},
		{"InTheSpringPast", "They met in the spring.", mon, "", []string{"the spring=2023-03-01..2023-05-31/season/rel"}},
		{"InTheSpringFuture", "They will meet in the spring.", mon, "", []string{"the spring=2024-03-01..2024-05-31/season/rel"}},
		{"LateSummer", "They met in late summer.", mon, "", []string{"late summer=2023-08-01..2023-08-31/season/rel"}},

		// Quarters.
		{"FirstQuarter", "Exports fell in the first quarter.", mon, "", []string{"the first quarter=2023-01-01..2023-03-31/quarter/rel"}},
		{"FourthQuarter", "Exports will rise in the fourth quarter.", mon, "", []string{"the fourth quarter=2023-10-01..2023-12-31/quarter/rel"}},
		{"QCodeYear", "Exports fell in Q3 2023.", mon, "", []string{"Q3 2023=2023-07-01..2023-09-30/quarter"}},
		{"ThirdQuarterOf2023", "Exports fell in the third quarter of 2023.", mon, "", []string{"the third quarter of 2023=2023-07-01..2023-09-30/quarter"}},
		{"FirstQuarterOfNextYear", "Exports rise in the first quarter of next year.", mon, "", []string{"the first quarter of next year=2024-01-01..2024-03-31/quarter/rel"}},
		{"HyphenQuarter", "First-quarter exports fell.", mon, "", []string{"First-quarter=2023-01-01..2023-03-31/quarter/rel"}},
		{"LastQuarter", "Exports fell last quarter.", mon, "", []string{"last quarter=2023-01-01..2023-03-31/quarter/rel"}},
		{"LastQuarterInJanuary", "Exports fell last quarter.", "2024-01-10", "", []string{"last quarter=2023-10-01..2023-12-31/quarter/rel"}},

		// Open intervals.
		{"SinceMonthYear", "Talks stalled since August 2022.", mon, "", []string{"since August 2022=2022-08-01..2023-06-19/month/open"}},
		{"SinceAtLeast", "The program ran since at least August 2022.", mon, "", []string{"since at least August 2022=2022-08-01..2023-06-19/month/open"}},
		{"SinceYear", "Relations have worsened since 2018.", mon, "", []string{"since 2018=2018-01-01..2023-06-19/year/open"}},
		{"SinceLastYear", "Relations have worsened since last year.", mon, "", []string{"since last year=2022-01-01..2023-06-19/year/open/rel"}},
		{"SinceDayIsPast", "Tensions rose since June 25.", mon, "", []string{"since June 25=2022-06-25..2023-06-19/day/open/rel"}},
		{"SinceMonday", "Tensions rose since Monday.", "2023-06-22", "", []string{"since Monday=2023-06-19..2023-06-22/day/open/rel"}},
		{"SinceFuture", "It has been planned since 2025.", mon, "", []string{"2025=2025-01-01..2025-12-31/year"}},

		// Relative to the anchor.
		{"MonthsLater", "Five months later, talks resumed.", mon, "2023-01-10", []string{"Five months later=2023-06-01..2023-06-30/month/rel"}},
		{"TwoDaysLater", "Two days later, talks resumed.", mon, "2023-01-10", []string{"Two days later=2023-01-12/day/rel"}},
		{"AWeekLater", "A week later, talks resumed.", mon, "2023-01-10", []string{"A week later=2023-01-16..2023-01-22/week/rel"}},
		{"DaysAfter", "Days after the balloon was downed, talks stalled.", mon, "2023-01-10", []string{"Days after=2023-01-11..2023-01-20/week/rel"}},
		{"WeeksAfter", "Weeks after the meeting, talks stalled.", mon, "2023-01-10", []string{"Weeks after=2023-01-16..2023-03-12/month/rel"}},
		{"MonthsLaterBare", "Months later, talks stalled.", mon, "2023-01-10", []string{"Months later=2023-02-01..2023-12-31/month/rel"}},
		{"SeveralDaysLater", "Several days later, talks stalled.", mon, "2023-01-10", []string{"Several days later=2023-01-13..2023-01-17/week/rel"}},
		{"TwoDaysEarlier", "Two days earlier, talks stalled.", mon, "2023-01-10", []string{"Two days earlier=2023-01-08/day/rel"}},
		{"TheNextDay", "The next day, talks resumed.", mon, "2023-01-10", []string{"The next day=2023-01-11/day/rel"}},
		{"TheFollowingWeek", "The following week, talks resumed.", mon, "2023-01-10", []string{"The following week=2023-01-16..2023-01-22/week/rel"}},
		{"TheFollowingMonday", "The following Monday, talks resumed.", mon, "2023-01-10", []string{"The following Monday=2023-01-16/day/rel"}},
		{"ThePreviousDay", "The previous day, talks stalled.", mon, "2023-01-10", []string{"The previous day=2023-01-09/day/rel"}},
		{"TheSameDay", "The same day, talks stalled.", mon, "2023-01-10", []string{"The same day=2023-01-10/day/rel"}},
		{"AnHourLater", "An hour later, talks resumed.", mon, "2023-01-10", []string{"An hour later=2023-01-10/day/rel"}},
		{"AnchorZeroUsesRef", "Two days later, talks resumed.", mon, "", []string{"Two days later=2023-06-21/day/rel"}},
		{"AnchorInSentence", "Blinken arrived on June 18, 2023, and two days later met Xi.", mon, "2023-01-10",
			[]string{"June 18, 2023=2023-06-18/day", "two days later=2023-06-20/day/rel"}},

		// Year boundaries and leap days.
		{"LastWeekAcrossYear", "They met last week.", "2024-01-03", "", []string{"last week=2023-12-25..2023-12-31/week/rel"}},
		{"NextWeekAcrossYear", "They meet next week.", "2023-12-28", "", []string{"next week=2024-01-01..2024-01-07/week/rel"}},
		{"LastMonthInJanuary", "They met last month.", "2024-01-02", "", []string{"last month=2023-12-01..2023-12-31/month/rel"}},
		{"LeapDayRefYearAgo", "He left a year ago.", "2024-02-29", "", []string{"a year ago=2023-01-01..2023-12-31/year/rel"}},
		{"LeapDayRefYesterday", "He left yesterday.", "2024-02-29", "", []string{"yesterday=2024-02-28/day/rel"}},
		{"LeapDayRefTomorrow", "He leaves tomorrow.", "2024-02-29", "", []string{"tomorrow=2024-03-01/day/rel"}},
		{"LeapDayRefFebruary29", "Filed on February 29.", "2024-02-29", "", []string{"February 29=2024-02-29/day/rel"}},
		{"LeapDayRefMonthAgo", "He left one month ago.", "2024-02-29", "", []string{"one month ago=2024-01-01..2024-01-31/month/rel"}},
		{"LeapDayRefPastYear", "Tensions rose in the past year.", "2024-02-29", "", []string{"the past year=2023-02-28..2024-02-29/year/rel"}},
		{"SundayRefThisWeekend", "They met this weekend.", "2023-12-31", "", []string{"this weekend=2023-12-30..2023-12-31/week/rel"}},
		{"SundayRefOnMonday", "They met on Monday.", "2023-06-18", "", []string{"Monday=2023-06-12/day/rel"}},
		{"SundayRefThisWeek", "They met this week.", "2023-06-18", "", []string{"this week=2023-06-12..2023-06-18/week/rel"}},
		{"SaturdayRefLastWeekend", "They met last weekend.", "2023-06-17", "", []string{"last weekend=2023-06-10..2023-06-11/week/rel"}},
		{"JanuaryRefLastYear", "They met last year.", "2024-01-01", "", []string{"last year=2023-01-01..2023-12-31/year/rel"}},

		// More forms from the package documentation.
		{"ThisMorning", "Officials met this morning.", mon, "", []string{"this morning=2023-06-19/day/rel"}},
		{"TheNextMorning", "They met again the next morning.", mon, "2023-01-10", []string{"the next morning=2023-01-11/day/rel"}},
		{"ShortYearRange", "Trade fell in 2021–23, officials said.", mon, "", []string{"2021–23=2021-01-01..2023-12-31/year"}},
		{"Late2023", "The economy slowed in late 2023.", mon, "", []string{"late 2023=2023-09-01..2023-12-31/year"}},
		{"BeginningOfMonth", "A report is due at the beginning of the month.", mon, "", []string{"the beginning of the month=2023-06-01..2023-06-10/month/rel"}},
		{"TheFollowingMonth", "The following month, talks resumed.", mon, "2023-01-10", []string{"The following month=2023-02-01..2023-02-28/month/rel"}},
		{"Afterwards", "Talks resumed two weeks afterwards.", mon, "2023-01-10", []string{"two weeks afterwards=2023-01-23..2023-01-29/week/rel"}},
		{"ACoupleOfDaysLater", "A couple of days later the talks resumed.", mon, "2023-01-10", []string{"A couple of days later=2023-01-12/day/rel"}},
		{"AFewWeeksLater", "A few weeks later the talks resumed.", mon, "2023-01-10", []string{"A few weeks later=2023-01-23..2023-02-19/month/rel"}},
		{"PastWeek", "Tensions rose over the past week.", mon, "", []string{"the past week=2023-06-12..2023-06-19/week/rel"}},
		{"TheDayAfter", "The day after, they met.", mon, "2023-01-10", []string{"The day after=2023-01-11/day/rel"}},
		{"HoursLater", "Hours later, they met.", mon, "2023-01-10", []string{"Hours later=2023-01-10..2023-01-11/day/rel"}},
		{"WeeksEarlier", "Weeks earlier, they met.", mon, "2023-01-10", []string{"Weeks earlier=2022-11-14..2023-01-08/month/rel"}},
		{"YearsAgoDigits", "Nearly 50 years ago, Nixon visited China.", mon, "", []string{"50 years ago=1973-01-01..1973-12-31/year/rel"}},
		{"SinceYearThenNoun", "Since 2018 relations have worsened.", mon, "", []string{"Since 2018=2018-01-01..2023-06-19/year/open"}},
		{"SinceAfterGroupedNumber", "The US has imposed more than 1,000 sanctions since 2017.", mon, "", []string{"since 2017=2017-01-01..2023-06-19/year/open"}},
		{"YearOfAct", "The Taiwan Relations Act of 1979 still applies.", mon, "", []string{"1979=1979-01-01..1979-12-31/year"}},
		{"BetweenYears", "They met between 2018 and 2020.", mon, "", []string{"2018=2018-01-01..2018-12-31/year", "2020=2020-01-01..2020-12-31/year"}},
		{"OldDate", "On Jan. 1, 1979, the two countries established relations.", mon, "", []string{"Jan. 1, 1979=1979-01-01/day"}},
		{"MayDayNumber", "About 300 people attended the May 4 rally.", mon, "", []string{"May 4=2023-05-04/day/rel"}},
		{"NextStepsNoCue", "On Friday they discussed next steps.", "2023-06-21", "", []string{"Friday=2023-06-16/day/rel"}},
		{"WouldCue", "China would hold talks on Tuesday, Xi said.", mon, "", []string{"Tuesday=2023-06-20/day/rel"}},
		{"PastVerbAfterWeekday", "Xi said on Tuesday that China would not back down.", mon, "", []string{"Tuesday=2023-06-13/day/rel"}},
		{"PastVerbBeforeOn", "Warships launched drills, expected to be joined later. They sailed on Friday and will return.", mon, "", []string{"Friday=2023-06-16/day/rel"}},
		{"WeekdayThenPastVerb", "Navies on Friday began exercises expected to be joined by others.", mon, "", []string{"Friday=2023-06-16/day/rel"}},
		{"FutureAuxBeforePastForm", "The drills will be launched on Friday.", mon, "", []string{"Friday=2023-06-23/day/rel"}},
		{"TheSameWeek", "The same week, talks stalled.", mon, "2023-01-10", []string{"The same week=2023-01-09..2023-01-15/week/rel"}},
		{"ThePreviousMonday", "The previous Monday, talks stalled.", mon, "2023-01-10", []string{"The previous Monday=2023-01-09/day/rel"}},
		{"MiddleOfYear", "A deal is expected by the middle of next year.", mon, "", []string{"the middle of next year=2024-05-01..2024-08-31/year/rel"}},
		{"TheNextTwoMonths", "Talks continue over the next two months.", mon, "", []string{"the next two months=2023-06-19..2023-08-19/month/rel"}},
		{"LastTwoWeeksNoThe", "Tensions rose in the last two weeks and last two weeks.", mon, "", []string{"the last two weeks=2023-06-05..2023-06-19/week/rel", "last two weeks=2023-06-05..2023-06-19/week/rel"}},
		{"ThisComingMonday", "They meet this coming Monday.", "2023-06-21", "", []string{"this coming Monday=2023-06-26/day/rel"}},
		{"TheSecondQuarter", "Growth slowed in the second quarter of last year.", mon, "", []string{"the second quarter of last year=2022-04-01..2022-06-30/quarter/rel"}},
		{"FirstQuarterYear", "Growth slowed in first quarter 2024.", mon, "", []string{"first quarter 2024=2024-01-01..2024-03-31/quarter"}},
		{"QCodeNoYear", "Growth slowed in Q3.", mon, "", []string{"Q3=2023-07-01..2023-09-30/quarter/rel"}},
		{"InSpring", "He visited in spring.", mon, "", []string{"spring=2023-03-01..2023-05-31/season/rel"}},
		{"Winter2023", "He visited in winter 2023.", mon, "", []string{"winter 2023=2023-12-01..2024-02-29/season"}},
		{"NextSummerInSummer", "He visits next summer.", "2023-07-01", "", []string{"next summer=2024-06-01..2024-08-31/season/rel"}},
		{"LastWinterInDecember", "He visited last winter.", "2023-12-15", "", []string{"last winter=2022-12-01..2023-02-28/season/rel"}},
		{"InFiveDaysFuture", "The rules will take effect in five days.", mon, "", []string{"in five days=2023-06-24/day/rel"}},
		{"TwoDatesAndAnchor", "The balloon entered on Jan. 28 and was downed a week later.", "2023-02-10", "", []string{"Jan. 28=2023-01-28/day/rel", "a week later=2023-01-30..2023-02-05/week/rel"}},

		{"FromToDays", "Talks ran from June 18 to 20, 2023.", mon, "", []string{"June 18 to 20, 2023=2023-06-18..2023-06-20/day"}},
		{"BetweenAndMonths", "Talks ran between June 30 and July 2.", mon, "", []string{"June 30 and July 2=2023-06-30..2023-07-02/day/rel"}},
		{"FromToNotRange", "Prices rose from June 18 to 20 percent.", mon, "", []string{"June 18=2023-06-18/day/rel"}},
		{"ToWithoutFrom", "He moved the talks to June 18 and 20 others.", mon, "", []string{"June 18=2023-06-18/day/rel"}},
		{"WeekdayPairFuture", "He will travel to Beijing on Sunday and Monday.", mon, "", []string{"Sunday=2023-06-25/day/rel", "Monday=2023-06-26/day/rel"}},
		{"WeekdayThrough", "From Monday through Wednesday, talks went on.", "2023-06-22", "", []string{"Monday=2023-06-19/day/rel", "Wednesday=2023-06-21/day/rel"}},
		{"WeekdayDash", "Talks ran Friday-Sunday.", mon, "", []string{"Friday=2023-06-16/day/rel", "Sunday=2023-06-18/day/rel"}},

		// Several mentions, spans, zero ref.
		{"TwoMentions", "After talks on June 18, Blinken met Xi on Monday.", mon, "",
			[]string{"June 18=2023-06-18/day/rel", "Monday=2023-06-19/day/rel"}},
		{"CurlyApostrophe", "Last year’s talks and this year’s talks.", mon, "",
			[]string{"Last year=2022-01-01..2022-12-31/year/rel", "this year=2023-01-01..2023-12-31/year/rel"}},
		{"ZeroRefAbsolute", "They met on June 19, 2023 and yesterday.", "", "", []string{"June 19, 2023=2023-06-19/day"}},
		{"ZeroRefSince", "Since 2018 things changed.", "", "", nil},
		{"Empty", "", mon, "", nil},
	}
	var r dates.Resolver
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := formatAll(tt.in, r.Find(tt.in, dyad.Span{Start: 0, End: len(tt.in)}, day(t, tt.ref), day(t, tt.anchor)))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q, ref=%s, anchor=%s) = %q, want %q", tt.in, tt.ref, tt.anchor, got, tt.want)
			}
		})
	}
}

// TestResolver_FindSpan checks that only the given span is scanned and that
// offsets are absolute.
func TestResolver_FindSpan(t *testing.T) {
	text := "In June 2022 they met. Two days later, on June 20, 2023, they spoke."
	start := strings.Index(text, "Two")
	var r dates.Resolver
	got := r.Find(text, dyad.Span{Start: start, End: len(text)}, day(t, mon), day(t, "2022-06-01"))
	want := []string{"Two days later=2022-06-03/day/rel", "June 20, 2023=2023-06-20/day"}
	if g := formatAll(text, got); !slices.Equal(g, want) {
		t.Fatalf("Find(%q, span=%d:%d) = %q, want %q", text, start, len(text), g, want)
	}
	if got[0].Span.Start != start {
		t.Errorf("Find span start = %d, want %d", got[0].Span.Start, start)
	}
	for _, s := range []dyad.Span{{Start: -5, End: 3}, {Start: 10, End: 5}, {Start: 0, End: len(text) + 10}} {
		for _, m := range r.Find(text, s, day(t, mon), time.Time{}) {
			if !m.Span.Valid(len(text)) {
				t.Errorf("Find(span %v) returned invalid span %v", s, m.Span)
			}
		}
	}
}

// TestResolver_FindLocation checks that a ref with a time and location is
// reduced to its calendar day at UTC midnight.
func TestResolver_FindLocation(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	ref := time.Date(2023, 6, 19, 23, 30, 0, 0, loc)
	var r dates.Resolver
	got := r.Find("yesterday", dyad.Span{Start: 0, End: 9}, ref, time.Time{})
	if len(got) != 1 || !got[0].Start.Equal(time.Date(2023, 6, 18, 0, 0, 0, 0, time.UTC)) || got[0].Start.Location() != time.UTC {
		t.Errorf("Find(%q, ref=%v) = %v, want 2023-06-18 UTC", "yesterday", ref, got)
	}
}

func ExampleResolver_Find() {
	text := "Blinken met Wang Yi on Monday, and the two sides agreed to meet again later this year."
	ref := time.Date(2023, 6, 19, 0, 0, 0, 0, time.UTC)
	var r dates.Resolver
	for _, m := range r.Find(text, dyad.Span{Start: 0, End: len(text)}, ref, time.Time{}) {
		fmt.Printf("%q %s..%s %s\n", text[m.Span.Start:m.Span.End], m.Start.Format(time.DateOnly), m.End.Format(time.DateOnly), m.Precision)
	}
	// Output:
	// "Monday" 2023-06-19..2023-06-19 day
	// "later this year" 2023-06-19..2023-12-31 year
}
