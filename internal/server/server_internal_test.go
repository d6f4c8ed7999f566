package server

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

// stopIngester stops at its context, as the real pipeline does.
type stopIngester struct{}

func (stopIngester) Ingest(ctx context.Context, inputs []Input, progress func(InputResult)) error {
	progress(InputResult{Input: inputs[0].Name, Documents: []int64{1}})
	<-ctx.Done()
	return ctx.Err()
}

func TestRunJob_Interrupted(t *testing.T) {
	s := &Server{Ingester: stopIngester{}, Logger: slog.New(slog.DiscardHandler)}
	q := s.jobList()
	j, err := q.add([]Input{{Name: "a.txt"}, {Name: "b.txt"}}, "alice", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	s.runJob(ctx, q, <-q.pending)
	got, _ := q.find(j.ID)
	if got.State != JobFailed || got.Done != 1 || len(got.Documents) != 1 || len(got.Errors) != 1 || got.Errors[0].Input != "" {
		t.Errorf("interrupted job = %+v, want failed after one input, with a job-wide error", got)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.all[0].inputs != nil {
		t.Error("a finished job keeps its inputs")
	}
}

func TestJobQueue_KeepsLastMaxJobs(t *testing.T) {
	q := newJobQueue()
	for i := range MaxJobs + 20 {
		if _, err := q.add([]Input{{Name: "x"}}, "alice", time.Now()); err != nil {
			t.Fatalf("add %d: %v", i, err)
		}
		j := <-q.pending
		q.mu.Lock()
		j.State = JobDone
		q.mu.Unlock()
	}
	jobs := q.list()
	if len(jobs) != MaxJobs || jobs[0].ID != MaxJobs+20 || jobs[len(jobs)-1].ID != 21 {
		t.Errorf("list() = %d jobs from %d to %d, want the last %d, newest first", len(jobs), jobs[0].ID, jobs[len(jobs)-1].ID, MaxJobs)
	}
	if _, ok := q.find(1); ok {
		t.Error("job 1 is still remembered")
	}
}
