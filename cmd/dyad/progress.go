package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/dyad-dev/dyad/internal/pipeline"
)

// isTerminal reports whether w is a terminal, so a progress bar makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar draws "[#####     ] 12/40 inputs  1,234 sentences  3.1s" on
// one terminal line.
type progressBar struct {
	w     io.Writer
	total int
	start time.Time
	last  time.Time
	drawn bool
}

func (b *progressBar) update(p pipeline.Progress) {
	now := time.Now()
	if now.Sub(b.last) < 100*time.Millisecond && p.Done < b.total {
		return
	}
	b.last = now
	const width = 30
	filled := width
	if b.total > 0 {
		filled = min(width, p.Done*width/b.total)
	}
	fmt.Fprintf(b.w, "\r[%s%s] %d/%d inputs  %d sentences  %d events  %.1fs ",
		strings.Repeat("#", filled), strings.Repeat(" ", width-filled),
		p.Done, b.total, p.Summary.Sentences, p.Summary.Events, now.Sub(b.start).Seconds())
	b.drawn = true
}

func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprintln(b.w)
	}
}
