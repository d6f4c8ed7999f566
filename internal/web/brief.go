package web

import (
	"net/http"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/brief"
)

type briefView struct {
	Dyad     [2]string
	From, To string
	Brief    *brief.Brief
}

func (d *Dashboard) brief(r *http.Request) (string, any, error) {
	p := &params{r: r}
	dy := p.dyad(d.Dyad)
	from, to := p.date("from"), p.date("to")
	if p.err == nil && !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("The period ends (%s) before it starts (%s).", day(to), day(from))
	}
	if p.err != nil {
		return "", nil, p.err
	}
	if from.IsZero() || to.IsZero() {
		var err error
		if from, to, err = d.defaultPeriod(r, dy, from, to); err != nil {
			return "", nil, err
		}
		if from.IsZero() {
			return "brief", briefView{Dyad: dy}, nil // no events yet: the form alone
		}
	}
	b, err := d.Record.Brief(r.Context(), dy, from, to)
	if err != nil {
		return "", nil, err
	}
	return "brief", briefView{Dyad: dy, From: day(from), To: day(to), Brief: b}, nil
}

// defaultPeriod completes a brief's period: a month from the given day,
// or the calendar month of the dyad's latest event when neither is given.
// Both are zero when the dyad has no events.
func (d *Dashboard) defaultPeriod(r *http.Request, dy [2]string, from, to time.Time) (time.Time, time.Time, error) {
	switch {
	case !from.IsZero():
		return from, from.AddDate(0, 1, -1), nil
	case !to.IsZero():
		return to.AddDate(0, -1, 1), to, nil
	}
	_, total, err := d.Events.FindEvents(r.Context(), dyad.EventFilter{Dyad: &dy, Limit: 1})
	if err != nil || total == 0 {
		return time.Time{}, time.Time{}, err
	}
	last, _, err := d.Events.FindEvents(r.Context(), dyad.EventFilter{Dyad: &dy, Offset: total - 1, Limit: 1, SkipTotal: true})
	if err != nil || len(last) == 0 {
		return time.Time{}, time.Time{}, err
	}
	t := last[0].Date
	from = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return from, from.AddDate(0, 1, -1), nil
}

type ingestsView struct {
	Enabled bool
	Jobs    []Job
	Running bool
}

func (d *Dashboard) ingests(r *http.Request) (string, any, error) {
	v := ingestsView{Enabled: d.Jobs != nil}
	if d.Jobs != nil {
		v.Jobs = d.Jobs.IngestJobs()
		for _, j := range v.Jobs {
			if j.State == "queued" || j.State == "running" {
				v.Running = true
			}
		}
	}
	return "ingests", v, nil
}

type correctionsView struct {
	Enabled bool
	Kind    string
	Kinds   []string
	Rows    []dyad.Correction
}

func (d *Dashboard) corrections(r *http.Request) (string, any, error) {
	p := &params{r: r}
	kind := p.str("kind")
	if kind != "" && dyad.CorrectionFields[kind] == nil {
		p.fail("Invalid kind %q: want event, meeting, channel or commitment.", kind)
	}
	if p.err != nil {
		return "", nil, p.err
	}
	v := correctionsView{Enabled: d.Corrections != nil, Kind: kind,
		Kinds: []string{dyad.CorrectEvent, dyad.CorrectMeeting, dyad.CorrectChannel, dyad.CorrectCommitment}}
	if d.Corrections == nil {
		return "corrections", v, nil
	}
	cs, err := d.Corrections.FindCorrections(r.Context(), kind)
	if err != nil {
		return "", nil, err
	}
	// Newest first: what an analyst checks is what changed last.
	for i := len(cs) - 1; i >= 0; i-- {
		v.Rows = append(v.Rows, cs[i])
	}
	return "corrections", v, nil
}
