package server

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/dyad-dev/dyad"
)

// Limits of the ingest queue.
const (
	// MaxJobs is how many ingest jobs the server remembers; the oldest
	// finished ones are forgotten first.
	MaxJobs = 100
	// MaxQueuedJobs is how many jobs may wait for the worker; more are
	// refused with 503. Each holds its uploaded bytes until it runs.
	MaxQueuedJobs = 16
)

// Job states.
const (
	JobQueued  = "queued"
	JobRunning = "running"
	JobDone    = "done"   // every input was tried; some may have failed
	JobFailed  = "failed" // every input failed, or the job was interrupted
)

// An Input is one thing to ingest: a URL to fetch, or the bytes of an
// uploaded file or of posted text.
type Input struct {
	// Name names the input in progress and errors: the file name, the URL
	// or the source of posted text.
	Name string
	// URL, when set, is fetched; Data is then empty.
	URL string
	// Data is the content of an upload or of posted text.
	Data []byte
	// Text says Data is plain text whatever Name looks like (posted
	// text); otherwise the format is detected from Name and Data.
	Text bool
	Meta Meta
}

// Meta holds the document fields a request sets; non-zero fields override
// the document's header block and page metadata, as the flags of
// `dyad ingest` do.
type Meta struct {
	Source, Title, Publisher, Kind, Side, Lang string
	Date                                       time.Time
}

// An InputResult is what became of one input: the stored documents (new,
// new versions and unchanged ones alike), or the error that stopped it.
type InputResult struct {
	Input     string
	Documents []int64
	Err       error
}

// Ingester reads, analyzes and stores documents, as `dyad ingest` does.
// Ingest calls progress once per input, in order, and returns an error
// only when it cannot go on (ctx cancelled, the store gone); a bad input
// is reported through progress and the rest go on. cmd/dyad implements it
// over internal/ingest, internal/pipeline and internal/sqlite.
type Ingester interface {
	Ingest(ctx context.Context, inputs []Input, progress func(InputResult)) error
}

// A Job is an ingest request as the API shows it.
type Job struct {
	ID         int64      `json:"id"`
	State      string     `json:"state"`
	By         string     `json:"by"` // the name of the token that asked for it
	Total      int        `json:"total"`
	Done       int        `json:"done"`   // inputs finished, failed ones included
	Failed     int        `json:"failed"` // inputs that failed
	Errors     []JobError `json:"errors"`
	Documents  []int64    `json:"documents"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt time.Time  `json:"finished_at,omitzero"`
}

// A JobError is the failure of one input of a job; Input is "" for a
// failure of the whole job.
type JobError struct {
	Input   string `json:"input"`
	Message string `json:"message"`
}

// job is a Job with its inputs, which are dropped once it has run.
type job struct {
	Job
	inputs []Input
}

// jobQueue holds the jobs the server remembers and feeds the worker.
type jobQueue struct {
	mu      sync.Mutex
	nextID  int64
	all     []*job // by ID
	pending chan *job
}

func newJobQueue() *jobQueue {
	return &jobQueue{nextID: 1, pending: make(chan *job, MaxQueuedJobs)}
}

// jobList returns the server's job queue, made on first use.
func (s *Server) jobList() *jobQueue {
	s.jobsOnce.Do(func() { s.jobs = newJobQueue() })
	return s.jobs
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

var errBusy = &statusError{status: http.StatusServiceUnavailable, code: "busy",
	msg: "Too many ingest jobs are waiting; try again when some have finished."}

// add queues a job for inputs, or refuses it when the queue is full.
func (q *jobQueue) add(inputs []Input, by string, now time.Time) (Job, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	j := &job{Job: Job{ID: q.nextID, State: JobQueued, By: by, Total: len(inputs), CreatedAt: now}, inputs: inputs}
	select {
	case q.pending <- j:
	default:
		return Job{}, errBusy
	}
	q.nextID++
	q.all = append(q.all, j)
	// Forget the oldest finished jobs beyond MaxJobs. Queued and running
	// ones are kept: the queue bounds them.
	for i := 0; len(q.all) > MaxJobs && i < len(q.all); {
		if st := q.all[i].State; st == JobDone || st == JobFailed {
			q.all = slices.Delete(q.all, i, i+1)
			continue
		}
		i++
	}
	return j.snapshot(), nil
}

// snapshot copies the job for a response; call with the lock held.
func (j *job) snapshot() Job {
	c := j.Job
	c.Errors = append([]JobError{}, j.Errors...)
	c.Documents = append([]int64{}, j.Documents...)
	return c
}

// find returns a copy of the job with the given ID.
func (q *jobQueue) find(id int64) (Job, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, j := range q.all {
		if j.ID == id {
			return j.snapshot(), true
		}
	}
	return Job{}, false
}

// list returns copies of the jobs, newest first.
func (q *jobQueue) list() []Job {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]Job, 0, len(q.all))
	for i := len(q.all) - 1; i >= 0; i-- {
		out = append(out, q.all[i].snapshot())
	}
	return out
}

// Jobs returns the ingest jobs the server remembers, newest first: what
// GET /api/v1/ingests lists, for the dashboard.
func (s *Server) Jobs() []Job { return s.jobList().list() }

// runJobs runs queued jobs one at a time until ctx is cancelled. Run
// starts it and waits for it.
func (s *Server) runJobs(ctx context.Context) {
	q := s.jobList()
	for {
		select {
		case <-ctx.Done():
			return
		case j := <-q.pending:
			s.runJob(ctx, q, j)
		}
	}
}

// runJob runs one job and records its progress and end.
func (s *Server) runJob(ctx context.Context, q *jobQueue, j *job) {
	q.mu.Lock()
	j.State = JobRunning
	inputs := j.inputs
	q.mu.Unlock()

	var err error
	if s.Ingester == nil {
		err = errors.New("server: no Ingester") // POST refuses jobs without one
	} else {
		err = s.Ingester.Ingest(ctx, inputs, func(r InputResult) {
			msg := ""
			if r.Err != nil {
				msg = s.errorMessage(ctx, "ingest input", r.Err)
			}
			q.mu.Lock()
			defer q.mu.Unlock()
			j.Done++
			j.Documents = append(j.Documents, r.Documents...)
			if r.Err != nil {
				j.Failed++
				j.Errors = append(j.Errors, JobError{Input: r.Input, Message: msg})
			}
		})
	}

	q.mu.Lock()
	unfinished := j.Done < j.Total
	q.mu.Unlock()
	if err == nil && ctx.Err() != nil && unfinished {
		err = ctx.Err() // the ingester stopped early without saying why
	}
	msg := ""
	switch {
	case err == nil:
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		msg = "Interrupted: the server shut down before the job finished."
	default:
		msg = s.errorMessage(ctx, "ingest job", err)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	j.inputs = nil // the bytes are not needed any more
	j.FinishedAt = s.now()
	j.State = JobDone
	if err != nil {
		j.State = JobFailed
		j.Errors = append(j.Errors, JobError{Message: msg})
	} else if j.Total > 0 && j.Failed == j.Total {
		j.State = JobFailed
	}
}

// errorMessage returns what a user may see of err, logging internal
// errors with their detail, as the error writer does.
func (s *Server) errorMessage(ctx context.Context, what string, err error) string {
	if dyad.ErrorCode(err) == dyad.EINTERNAL {
		s.Logger.LogAttrs(ctx, slog.LevelError, what, slog.String(logError, err.Error()))
	}
	return dyad.ErrorMessage(err)
}
