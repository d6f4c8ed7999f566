package main

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/server"
	"github.com/dyad-dev/dyad/internal/sqlite"
	"github.com/dyad-dev/dyad/internal/web"
)

// newDashboard returns the web dashboard over the record service (its
// results through rec), for the dyad shown by default. jobs may be nil
// (no ingest page).
func newDashboard(svc *record.Service, rec web.Record, d [2]string, jobs web.Jobs, logger *slog.Logger) (http.Handler, error) {
	ds := sqlite.NewDocumentService(svc.DB)
	dash := &web.Dashboard{
		Documents:   ds,
		Events:      sqlite.NewEventService(svc.DB),
		Search:      ds,
		Record:      rec,
		Jobs:        jobs,
		Corrections: sqlite.NewCorrectionService(svc.DB),
		Dyad:        d,
		Logger:      logger,
	}
	return dash.Handler()
}

// serverJobs shows the server's ingest jobs on the dashboard.
type serverJobs struct{ s *server.Server }

func (j serverJobs) IngestJobs() []web.Job {
	jobs := j.s.Jobs()
	out := make([]web.Job, len(jobs))
	for i, job := range jobs {
		w := web.Job{ID: strconv.FormatInt(job.ID, 10), State: job.State, Total: job.Total, Done: job.Done, Failed: job.Failed,
			Documents: job.Documents, Created: job.CreatedAt, Finished: job.FinishedAt}
		for _, e := range job.Errors {
			msg := e.Message
			if e.Input != "" {
				msg = e.Input + ": " + msg
			}
			w.Errors = append(w.Errors, msg)
		}
		out[i] = w
	}
	return out
}
