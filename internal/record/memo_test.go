package record_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dyad-dev/dyad/internal/record"
)

func TestMemo(t *testing.T) {
	var version atomic.Int64
	versioned := func(context.Context) (int64, bool, error) { return version.Load(), true, nil }
	var calls atomic.Int32
	compute := func(context.Context) (any, error) {
		calls.Add(1)
		return version.Load(), nil
	}
	ctx := t.Context()

	t.Run("reused until the version changes", func(t *testing.T) {
		m := record.NewMemo(versioned, 8)
		calls.Store(0)
		for range 3 {
			if v, err := m.Do(ctx, "meetings", compute); err != nil || v.(int64) != version.Load() {
				t.Fatalf("Do = %v, %v", v, err)
			}
		}
		if n := calls.Load(); n != 1 {
			t.Errorf("3 calls under one version computed %d times, want 1", n)
		}
		version.Add(1)
		if v, _ := m.Do(ctx, "meetings", compute); v.(int64) != version.Load() || calls.Load() != 2 {
			t.Errorf("after a change: %v after %d computations, want the new version after 2", v, calls.Load())
		}
		if _, _ = m.Do(ctx, "channels", compute); calls.Load() != 3 {
			t.Errorf("another key: %d computations, want 3", calls.Load())
		}
	})

	t.Run("concurrent callers share one computation", func(t *testing.T) {
		m := record.NewMemo(versioned, 8)
		var n atomic.Int32
		started, release := make(chan struct{}, 8), make(chan struct{})
		slow := func(context.Context) (any, error) { n.Add(1); started <- struct{}{}; <-release; return "index", nil }
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if v, err := m.Do(ctx, "index", slow); err != nil || v != "index" {
					t.Errorf("Do = %v, %v", v, err)
				}
			})
		}
		<-started // the first caller computes; the others wait on it
		close(release)
		wg.Wait()
		if n.Load() != 1 {
			t.Errorf("8 concurrent callers computed %d times, want 1", n.Load())
		}
	})

	t.Run("errors are not kept", func(t *testing.T) {
		m := record.NewMemo(versioned, 8)
		fail := errors.New("disk gone")
		var n int
		flaky := func(context.Context) (any, error) {
			n++
			if n == 1 {
				return nil, fail
			}
			return "ok", nil
		}
		if _, err := m.Do(ctx, "k", flaky); !errors.Is(err, fail) {
			t.Fatalf("first Do err = %v, want %v", err, fail)
		}
		if v, err := m.Do(ctx, "k", flaky); err != nil || v != "ok" {
			t.Errorf("second Do = %v, %v, want ok", v, err)
		}
	})

	t.Run("bounded", func(t *testing.T) {
		m := record.NewMemo(versioned, 2)
		calls.Store(0)
		for _, k := range []string{"a", "b", "c", "a"} {
			m.Do(ctx, k, compute)
		}
		if n := calls.Load(); n != 4 {
			t.Errorf("a, b, c, a with room for 2: %d computations, want 4 (a was evicted)", n)
		}
	})

	t.Run("no version, no memo", func(t *testing.T) {
		m := record.NewMemo(func(context.Context) (int64, bool, error) { return 0, false, nil }, 8)
		calls.Store(0)
		m.Do(ctx, "k", compute)
		m.Do(ctx, "k", compute)
		if n := calls.Load(); n != 2 {
			t.Errorf("without a version: %d computations, want 2", n)
		}
	})
}
