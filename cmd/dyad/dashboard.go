package main

import (
	"log/slog"
	"net/http"

	"github.com/dyad-dev/dyad/internal/record"
	"github.com/dyad-dev/dyad/internal/sqlite"
	"github.com/dyad-dev/dyad/internal/web"
)

// newDashboard returns the web dashboard over the record service, for the
// dyad shown by default. jobs may be nil (no ingest page).
func newDashboard(svc *record.Service, d [2]string, jobs web.Jobs, logger *slog.Logger) (http.Handler, error) {
	ds := sqlite.NewDocumentService(svc.DB)
	dash := &web.Dashboard{
		Documents: ds,
		Events:    sqlite.NewEventService(svc.DB),
		Search:    ds,
		Record:    recordAdapter{svc},
		Jobs:      jobs,
		Dyad:      d,
		Logger:    logger,
	}
	return dash.Handler()
}
