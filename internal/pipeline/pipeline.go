package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"

	"github.com/dyad-dev/dyad"
)

// Store is the part of the database the pipeline needs. It is declared
// here, by its consumer; internal/sqlite satisfies it.
type Store interface {
	CreateDocument(ctx context.Context, b *dyad.Bundle) (dyad.Outcome, error)
}

// An Item is one input of a run: a file, URL or feed with the documents
// read from it, or the error that stopped reading it.
type Item struct {
	Name string
	Docs []*dyad.Document
	Err  error
}

// A Failure is an input that could not be read or stored.
type Failure struct {
	Name string
	Err  error
}

// Summary counts what a run did.
type Summary struct {
	Inputs      int // files, URLs or feeds read
	Created     int // new documents
	NewVersions int // new versions of documents already stored
	Unchanged   int // documents already stored with the same text
	Failed      int // inputs or documents that failed
	Sentences   int // sentences of created documents and versions
	Mentions    int
	Events      int // event reports of created documents and versions
	Diagnostics int
	Failures    []Failure
}

// Progress is reported after each document is stored or fails.
type Progress struct {
	Done    int // inputs finished
	Summary *Summary
}

// A Pipeline reads, analyzes and stores documents. Set its fields, then
// call Run.
type Pipeline struct {
	Analyzer *Analyzer
	Store    Store
	// Workers is how many documents are analyzed at once.
	Workers int
	// OnProgress, when set, is called from the goroutine that stores, after
	// every input.
	OnProgress func(Progress)
}

type job struct {
	seq  int
	item Item
}

type result struct {
	seq     int
	item    Item
	bundles []*dyad.Bundle
}

// Run analyzes the documents of items on p.Workers goroutines and stores
// them one at a time in input order, so document and event IDs do not
// depend on scheduling. A document that cannot be read or stored is
// counted as failed and the run goes on; Run returns an error only when
// ctx is cancelled.
func (p *Pipeline) Run(ctx context.Context, items iter.Seq[Item]) (*Summary, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	workers := max(p.Workers, 1)
	jobs := make(chan job)
	results := make(chan result, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				r := result{seq: j.seq, item: j.item}
				if j.item.Err == nil {
					for _, d := range j.item.Docs {
						r.bundles = append(r.bundles, p.Analyzer.Analyze(d))
					}
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		})
	}

	// Feed jobs; at most 2*workers inputs are in flight, which bounds
	// memory however large the batch.
	inflight := make(chan struct{}, 2*workers)
	go func() {
		defer close(jobs)
		seq := 0
		for it := range items {
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{seq: seq, item: it}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	sum := &Summary{}
	pending := map[int]result{}
	next := 0
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			p.store(ctx, sum, r)
			<-inflight
			if p.OnProgress != nil {
				p.OnProgress(Progress{Done: next, Summary: sum})
			}
		}
	}
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return sum, err
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, nil
}

func (p *Pipeline) store(ctx context.Context, sum *Summary, r result) {
	sum.Inputs++
	if r.item.Err != nil {
		sum.Failed++
		sum.Failures = append(sum.Failures, Failure{Name: r.item.Name, Err: r.item.Err})
		return
	}
	for _, b := range r.bundles {
		out, err := p.Store.CreateDocument(ctx, b)
		if err != nil {
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Name: b.Doc.Source, Err: fmt.Errorf("store: %w", err)})
			continue
		}
		switch out {
		case dyad.Unchanged:
			sum.Unchanged++
			continue
		case dyad.Created:
			sum.Created++
		case dyad.NewVersion:
			sum.NewVersions++
		}
		sum.Sentences += len(b.Sentences)
		sum.Mentions += len(b.Mentions)
		sum.Events += len(b.Events)
		sum.Diagnostics += len(b.Diagnostics)
	}
}
