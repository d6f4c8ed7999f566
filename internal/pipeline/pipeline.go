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

// BatchStore is a Store that can also store several documents in one
// transaction, all or nothing; one commit for many documents is several
// times faster than a commit each. internal/sqlite satisfies it.
type BatchStore interface {
	Store
	CreateDocuments(ctx context.Context, bs []*dyad.Bundle) ([]dyad.Outcome, error)
}

// MaxBatch is the most documents stored in one transaction.
const MaxBatch = 32

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

	// Feed jobs; at most 4*workers+4 inputs are in flight (being read,
	// analyzed or waiting to be stored), which bounds memory however large
	// the batch while leaving the writer enough to fill a transaction.
	inflight := make(chan struct{}, 4*workers+4)
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
	var ready []result
	for r := range results {
		pending[r.seq] = r
		// Take every result already waiting, so that a writer that falls
		// behind catches up with one large transaction, not many small ones.
	drain:
		for {
			select {
			case r, ok := <-results:
				if !ok {
					break drain
				}
				pending[r.seq] = r
			default:
				break drain
			}
		}
		// Store every input that is next in order, in as few transactions
		// as the store allows.
		ready = ready[:0]
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			ready = append(ready, r)
		}
		p.storeAll(ctx, sum, ready)
		for range ready {
			<-inflight
		}
		if len(ready) > 0 && p.OnProgress != nil {
			p.OnProgress(Progress{Done: next, Summary: sum})
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

// storeAll stores the bundles of rs in input order. With a BatchStore,
// up to MaxBatch documents go in one transaction; when a batch fails, its
// documents are stored again one at a time, so one bad document fails
// alone and the others are kept.
func (p *Pipeline) storeAll(ctx context.Context, sum *Summary, rs []result) {
	bs, ok := p.Store.(BatchStore)
	var batch []*dyad.Bundle
	flush := func() {
		if len(batch) == 0 {
			return
		}
		outs, err := bs.CreateDocuments(ctx, batch)
		if err != nil {
			for _, b := range batch {
				p.storeOne(ctx, sum, b)
			}
		} else {
			for i, b := range batch {
				p.count(sum, b, outs[i])
			}
		}
		batch = batch[:0]
	}
	for _, r := range rs {
		sum.Inputs++
		if r.item.Err != nil {
			flush()
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Name: r.item.Name, Err: r.item.Err})
			continue
		}
		for _, b := range r.bundles {
			if !ok {
				p.storeOne(ctx, sum, b)
				continue
			}
			batch = append(batch, b)
			if len(batch) == MaxBatch {
				flush()
			}
		}
	}
	flush()
}

func (p *Pipeline) storeOne(ctx context.Context, sum *Summary, b *dyad.Bundle) {
	out, err := p.Store.CreateDocument(ctx, b)
	if err != nil {
		sum.Failed++
		sum.Failures = append(sum.Failures, Failure{Name: b.Doc.Source, Err: fmt.Errorf("store: %w", err)})
		return
	}
	p.count(sum, b, out)
}

func (p *Pipeline) count(sum *Summary, b *dyad.Bundle, out dyad.Outcome) {
	switch out {
	case dyad.Unchanged:
		sum.Unchanged++
		return
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
