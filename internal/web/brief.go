package web

import (
	"net/http"

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
	b, err := d.Record.Brief(r.Context(), dy, from, to)
	if err != nil {
		return "", nil, err
	}
	return "brief", briefView{Dyad: dy, From: day(from), To: day(to), Brief: b}, nil
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
