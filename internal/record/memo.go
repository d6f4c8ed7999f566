package record

import (
	"context"
	"sync"
)

// A Memo keeps computed parts of the record while the database does not
// change, so that a server answers the second request for the same
// meetings, channels or index without recomputing them from every event.
// Version says whether the database changed (sqlite.DB.DataVersion); a
// result is reused only under the version it was computed at. Callers
// that wait for the same key share one computation. Results are shared:
// callers must not modify them.
type Memo struct {
	version func(context.Context) (int64, bool, error)
	max     int

	mu      sync.Mutex
	entries map[string]*memoEntry
	order   []string // keys, oldest first, for eviction
}

type memoEntry struct {
	version int64
	done    chan struct{}
	val     any
	err     error
}

// NewMemo returns a memo of at most max results over the database whose
// version is read by version.
func NewMemo(version func(context.Context) (int64, bool, error), max int) *Memo {
	return &Memo{version: version, max: max, entries: map[string]*memoEntry{}}
}

// Do returns the result of compute for key, computed now or earlier under
// the current database version. compute runs without the caller's
// cancellation, so that callers waiting on it are not failed by the one
// who left; it keeps the caller's values. Errors are not kept.
func (m *Memo) Do(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	v, ok, err := m.version(ctx)
	if err != nil || !ok {
		return compute(ctx) // no version to trust: compute every time
	}
	m.mu.Lock()
	e, hit := m.entries[key]
	if hit && e.version == v {
		m.mu.Unlock()
		select {
		case <-e.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if e.err == nil {
			return e.val, nil
		}
		return compute(ctx) // the shared computation failed: try for ourselves
	}
	e = &memoEntry{version: v, done: make(chan struct{})}
	if !hit {
		m.order = append(m.order, key)
	}
	m.entries[key] = e
	for len(m.order) > m.max {
		delete(m.entries, m.order[0])
		m.order = m.order[1:]
	}
	m.mu.Unlock()

	e.val, e.err = compute(context.WithoutCancel(ctx))
	close(e.done)
	if e.err != nil {
		m.mu.Lock()
		if m.entries[key] == e {
			delete(m.entries, key)
			for i, k := range m.order {
				if k == key {
					m.order = append(m.order[:i], m.order[i+1:]...)
					break
				}
			}
		}
		m.mu.Unlock()
	}
	return e.val, e.err
}
