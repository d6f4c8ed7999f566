package analytics_test

import (
	"fmt"
	"testing"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

func meet(id int64, date, end string, src, srcPerson, tgt, tgtPerson, code string, st dyad.Status, loc string, doc int64, text string) analytics.Report {
	r := report(id, date, src, tgt, code, st, "", text)
	e := r.Event
	e.DateEnd = day(end)
	e.Source.Person, e.Target.Person = srcPerson, tgtPerson
	e.Location = loc
	e.Sources = []dyad.EventSource{{DocID: doc}}
	if st == dyad.StatusPlanned && date != "" {
		sp := dyad.Span{Start: 0, End: 1}
		e.DateSpan = &sp
	}
	return r
}

func TestMeetings(t *testing.T) {
	const bl, qin, wang, xi = "Antony Blinken", "Qin Gang", "Wang Yi", "Xi Jinping"
	reports := []analytics.Report{
		meet(1, "2023-01-20", "2023-01-20", "USA", bl, "CHN", "", "042", dyad.StatusPlanned, "", 10, "Blinken will travel to Beijing on February 5."),
		meet(2, "2023-02-03", "2023-02-03", "USA", bl, "CHN", "", "042", dyad.StatusPostponed, "", 11, "Blinken postponed his trip to Beijing after the balloon incident."),
		meet(3, "2023-06-18", "2023-06-18", "USA", bl, "CHN", qin, "042", dyad.StatusOccurred, "Beijing", 12, "Blinken met Foreign Minister Qin Gang in Beijing."),
		meet(4, "2023-06-18", "2023-06-19", "USA", bl, "CHN", "", "042", dyad.StatusOccurred, "", 12, "Blinken traveled to Beijing."),
		meet(5, "2023-06-19", "2023-06-19", "USA", bl, "CHN", wang, "042", dyad.StatusOccurred, "Beijing", 12, "Blinken met Director Wang Yi in Beijing."),
		meet(6, "2023-06-19", "2023-06-19", "CHN", wang, "USA", bl, "043", dyad.StatusOccurred, "Beijing", 13, "Wang Yi met with Blinken in Beijing."),
		meet(7, "2023-06-19", "2023-06-19", "CHN", xi, "USA", bl, "043", dyad.StatusOccurred, "Beijing", 14, "Xi met Blinken."),
		meet(8, "2023-11-15", "2023-11-15", "USA", "Joe Biden", "CHN", xi, "044", dyad.StatusOccurred, "Woodside", 15, "Biden and Xi met on the sidelines of the APEC summit, in Woodside."),
		meet(9, "2023-02-10", "2023-02-10", "CHN", "", "USA", "", "041", dyad.StatusDeclined, "", 16, "China declined a call between the defense chiefs."),
		// A channel's act: not a meeting.
		withObject(meet(10, "2022-08-05", "2022-08-05", "CHN", "", "USA", "", "040", dyad.StatusCancelled, "", 17, "Canceling the Theater Commanders Talk."), "Theater Commanders Talk"),
	}
	sides := map[int64]string{10: "USA", 11: "USA", 12: "USA", 13: "CHN", 14: "CHN", 15: "USA", 16: "USA"}
	ms := analytics.Meetings(reports, func(id int64) string { return sides[id] })
	var got []string
	for _, m := range ms {
		var ps []string
		for _, p := range m.Participants {
			if p.Person != "" {
				ps = append(ps, p.Person)
			} else {
				ps = append(ps, p.Code)
			}
		}
		var steps []string
		for _, s := range m.Steps {
			steps = append(steps, string(s.Status))
		}
		got = append(got, fmt.Sprintf("%s %s %s %q %v %v readouts=%d", m.Start.Format("2006-01-02"), m.State, m.Format, m.Place, ps, steps, len(m.Readouts)))
	}
	want := []string{
		`2023-02-10 declined phone "" [CHNGOV USAGOV] [declined] readouts=1`,
		`2023-06-18 held visit "Beijing" [Qin Gang Antony Blinken] [planned postponed occurred occurred] readouts=3`,
		`2023-06-19 held visit "Beijing" [Wang Yi Antony Blinken] [occurred occurred] readouts=2`,
		`2023-06-19 held hosted "Beijing" [Xi Jinping Antony Blinken] [occurred] readouts=1`,
		`2023-11-15 held sidelines: apec summit "Woodside" [Xi Jinping Joe Biden] [occurred] readouts=1`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Meetings =\n%s\nwant\n%s", joinLines(got), joinLines(want))
	}
	for _, m := range ms {
		for _, s := range m.Steps {
			if s.Status == dyad.StatusPostponed && s.Reason != "after the balloon incident" {
				t.Errorf("postponement reason = %q", s.Reason)
			}
		}
	}
	// Both sides' readouts of the Wang Yi meeting are linked.
	if rs := ms[2].Readouts; len(rs) != 2 || rs[0].Side != "USA" || rs[1].Side != "CHN" {
		t.Errorf("Wang Yi meeting readouts = %+v, want the U.S. and the Chinese one", rs)
	}
}

func joinLines(s []string) string {
	out := ""
	for _, l := range s {
		out += "  " + l + "\n"
	}
	return out
}

func TestMeetings_ReportedLater(t *testing.T) {
	bali := meet(1, "2022-11-14", "2022-11-14", "USA", "Joe Biden", "CHN", "Xi Jinping", "044", dyad.StatusOccurred, "Bali", 1, "Biden met Xi in Bali on November 14.")
	later := meet(2, "2023-06-19", "2023-06-19", "USA", "Joe Biden", "CHN", "Xi Jinping", "044", dyad.StatusOccurred, "Bali", 2, "The principles discussed by President Biden and President Xi in Bali.")
	later.Event.DateFromDoc = true
	ms := analytics.Meetings([]analytics.Report{bali, later}, nil)
	if len(ms) != 1 || !ms[0].Start.Equal(day("2022-11-14")) || !ms[0].End.Equal(day("2022-11-14")) || len(ms[0].Readouts) != 2 {
		t.Errorf("Meetings = %+v, want one Bali meeting on 2022-11-14 with both reports", ms)
	}
}

func withObject(r analytics.Report, obj string) analytics.Report {
	r.Event.Object = obj
	return r
}
