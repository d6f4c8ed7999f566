package coding

import "github.com/dyad-dev/dyad"

// Scratch is working memory for coding sentences, reused from call to
// call so that coding a sentence allocates little more than the events it
// returns. The zero value is ready to use. A Scratch serves one goroutine
// at a time; nothing the coder returns refers to it. A Scratch must not
// be copied after first use (its sentence state points back to it).
type Scratch struct {
	s   sent
	in0 Input // the caller's Input
	hy  Input // without hyphens (TABARI)
	cm  Input // without comma clauses (TABARI)
	pr  Input // with pronouns as mentions (TABARI)

	ints     []int
	i32      []int32
	bools    []bool
	occs     []occ
	forms    []*verbForm
	acts     []act
	consumed []bool
	coded    []bool
	actors   []dyad.Actor // groupActors' results for one sentence, appended to
	prios    []uint8
	keep     []bool
	first    []actStart
	normal   []bool

	hyToks   []dyad.Token
	cmToks   []dyad.Token
	cmMents  []dyad.Mention
	cmDates  []dyad.DateMention
	cmDrop   []bool
	cmCommas []int
	cmGone   []dyad.Span
	prMents  []dyad.Mention
	prRefs   []pronounRef
	prIdx    []int32
}

// grow returns buf resliced to length n, its first n elements zeroed,
// reusing its array when large enough.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n, n+n/2+8)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}
