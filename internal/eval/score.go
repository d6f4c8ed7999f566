package eval

import "math"

// Counts are the tallies of one score.
type Counts struct {
	Expected int `json:"expected"` // gold keys
	Found    int `json:"found"`    // keys the coder produced
	Correct  int `json:"correct"`  // matched pairs
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Expected += o.Expected
	c.Found += o.Found
	c.Correct += o.Correct
}

// Precision returns Correct/Found, or 0 when nothing was found.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Found) }

// Recall returns Correct/Expected, or 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Expected) }

// F1 returns the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// round4 rounds x to four decimals for reports.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// A Triple is who did what to whom, as a suite compares it: source and
// target (a country or an actor code, "" or "---" for none) and an event
// code (a CAMEO code or root, or a PLOVER type).
type Triple struct {
	Source, Target, Code string
}

// String formats t as "SOURCE/TARGET/CODE", with "-" for empty fields.
func (t Triple) String() string {
	return dash(t.Source) + "/" + dash(t.Target) + "/" + dash(t.Code)
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Match matches found against expected as multisets: each found key
// matches at most one equal expected key. It returns the number of pairs,
// the expected keys left unmatched (in expected order) and the found keys
// left unmatched (in found order).
func Match[T comparable](expected, found []T) (correct int, missed, extra []T) {
	left := make(map[T]int, len(expected))
	for _, k := range expected {
		left[k]++
	}
	used := make(map[T]int, len(expected))
	for _, k := range found {
		if left[k] > 0 {
			left[k]--
			used[k]++
			correct++
		} else {
			extra = append(extra, k)
		}
	}
	for _, k := range expected {
		if used[k] > 0 {
			used[k]--
			continue
		}
		missed = append(missed, k)
	}
	return correct, missed, extra
}

// Compare matches found against expected (Match) and returns the counts.
func Compare[T comparable](expected, found []T) Counts {
	n, _, _ := Match(expected, found)
	return Counts{Expected: len(expected), Found: len(found), Correct: n}
}

// Distinct returns the keys of ks without repeats, in first-seen order.
func Distinct[T comparable](ks []T) []T {
	seen := make(map[T]bool, len(ks))
	var out []T
	for _, k := range ks {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// Error classes of unmatched triples.
const (
	ClassMissed      = "missed"                // expected, nothing similar found
	ClassMissedNone  = "missed: nothing coded" // expected, and the record coded no event
	ClassSpurious    = "spurious"              // found, nothing similar expected
	ClassWrongSource = "wrong source"          // same target and code
	ClassWrongTarget = "wrong target"          // same source and code
	ClassWrongCode   = "wrong code"            // same source and target
	ClassWrongActors = "wrong source and target"
	ClassWrongDir    = "reversed direction" // source and target swapped, same code
)

// A Diff is one error: an expected triple, a found one, or a pair of them
// that nearly agree.
type Diff struct {
	Class    string
	Expected *Triple
	Found    *Triple
}

// Classify pairs the missed and extra triples of one record into errors. A
// found triple that agrees with a missed one in two fields (or has its
// source and target swapped) explains it; then one that agrees in the code
// alone; the rest are missed (ClassMissedNone when foundAny is false) or
// spurious. The result is in missed order, then extra order.
func Classify(missed, extra []Triple, foundAny bool) []Diff {
	usedE := make([]bool, len(extra))
	out := make([]Diff, 0, len(missed)+len(extra))
	pair := func(m Triple, ok func(m, e Triple) string) (Diff, bool) {
		for j, e := range extra {
			if usedE[j] {
				continue
			}
			if c := ok(m, e); c != "" {
				usedE[j] = true
				return Diff{Class: c, Expected: &m, Found: &extra[j]}, true
			}
		}
		return Diff{}, false
	}
	near := func(m, e Triple) string {
		switch {
		case m.Code == e.Code && m.Target == e.Target:
			return ClassWrongSource
		case m.Code == e.Code && m.Source == e.Source:
			return ClassWrongTarget
		case m.Source == e.Source && m.Target == e.Target:
			return ClassWrongCode
		case m.Code == e.Code && m.Source == e.Target && m.Target == e.Source:
			return ClassWrongDir
		}
		return ""
	}
	far := func(m, e Triple) string {
		if m.Code == e.Code {
			return ClassWrongActors
		}
		return ""
	}
	done := make([]bool, len(missed))
	diffs := make([]Diff, len(missed))
	for _, rule := range []func(m, e Triple) string{near, far} {
		for i, m := range missed {
			if done[i] {
				continue
			}
			if d, ok := pair(m, rule); ok {
				done[i], diffs[i] = true, d
			}
		}
	}
	for i := range missed {
		if !done[i] {
			c := ClassMissed
			if !foundAny {
				c = ClassMissedNone
			}
			diffs[i] = Diff{Class: c, Expected: &missed[i]}
		}
		out = append(out, diffs[i])
	}
	for j := range extra {
		if !usedE[j] {
			out = append(out, Diff{Class: ClassSpurious, Found: &extra[j]})
		}
	}
	return out
}
