package analytics

import (
	"bufio"
	"io"
	"iter"
	"strings"
)

// registryLines reads the registry files of this package (channels,
// formulations, index weights): it yields each line that says something,
// with its 1-based number, a '#' comment and surrounding space removed.
type registryLines struct {
	sc *bufio.Scanner
}

func newRegistryLines(r io.Reader) *registryLines {
	return &registryLines{sc: bufio.NewScanner(r)}
}

// all yields the line number and text of every non-blank line.
func (l *registryLines) all() iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		n := 0
		for l.sc.Scan() {
			n++
			line := l.sc.Text()
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			if !yield(n, line) {
				return
			}
		}
	}
}

// err reports a read error, after all has been ranged over.
func (l *registryLines) err() error { return l.sc.Err() }
