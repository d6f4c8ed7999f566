package eval

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dyad-dev/dyad"
)

// A Report is the result of running one suite.
type Report struct {
	Suite   string // "plover", "petr", "tabari", "dyad"
	Path    string // the suite file or folder
	Records int    // records scored
	Skipped int    // records the suite marks as not to be checked
	// Scores are the named scores of the suite; the first is the headline.
	Scores      []Score
	Counters    []Counter
	Categories  []Category
	Confusion   []Confusion
	Errors      []ErrorClass // error classes, most frequent first
	Mismatches  []Mismatch   // every error, in record order
	Diagnostics []dyad.Diagnostic
}

// A Score is one named set of counts ("triple", "type", "root").
type Score struct {
	Name string
	Counts
}

// A Counter is a named count ("spurious", "passed").
type Counter struct {
	Name string
	N    int
}

// A Category is the part of a report for one category of records.
type Category struct {
	Name     string
	Records  int
	Scores   []Score
	Counters []Counter
}

// A Confusion counts records whose expected type was Expected and found
// type Found ("-" for none).
type Confusion struct {
	Expected, Found string
	N               int
}

// An ErrorClass counts the mismatches of one class, with the first one as
// an example.
type ErrorClass struct {
	Class   string
	N       int
	Example Mismatch
}

// A Mismatch is one error in one record.
type Mismatch struct {
	Record   string `json:"record"`
	Category string `json:"category,omitempty"`
	Class    string `json:"class"`
	Expected string `json:"expected,omitempty"`
	Found    string `json:"found,omitempty"`
	Text     string `json:"text,omitempty"`
}

// Score returns the score named name, and whether there is one.
func (r *Report) Score(name string) (Counts, bool) {
	for _, s := range r.Scores {
		if s.Name == name {
			return s.Counts, true
		}
	}
	return Counts{}, false
}

// Counter returns the counter named name (0 when absent).
func (r *Report) Counter(name string) int {
	for _, c := range r.Counters {
		if c.Name == name {
			return c.N
		}
	}
	return 0
}

// tally accumulates a report record by record.
type tally struct {
	r        Report
	scores   []string
	counters []string
	cats     map[string]int
	conf     map[[2]string]int
}

func newTally(suite, path string, scores, counters []string) *tally {
	t := &tally{
		r:        Report{Suite: suite, Path: path},
		scores:   scores,
		counters: counters,
		cats:     map[string]int{},
		conf:     map[[2]string]int{},
	}
	for _, s := range scores {
		t.r.Scores = append(t.r.Scores, Score{Name: s})
	}
	for _, c := range counters {
		t.r.Counters = append(t.r.Counters, Counter{Name: c})
	}
	return t
}

func (t *tally) category(name string) *Category {
	i, ok := t.cats[name]
	if !ok {
		c := Category{Name: name}
		for _, s := range t.scores {
			c.Scores = append(c.Scores, Score{Name: s})
		}
		for _, n := range t.counters {
			c.Counters = append(c.Counters, Counter{Name: n})
		}
		i = len(t.r.Categories)
		t.cats[name] = i
		t.r.Categories = append(t.r.Categories, c)
	}
	return &t.r.Categories[i]
}

// record adds one scored record: counts are in the order of the score names.
func (t *tally) record(cat string, counts ...Counts) {
	t.r.Records++
	c := t.category(cat)
	c.Records++
	for i, n := range counts {
		t.r.Scores[i].Add(n)
		c.Scores[i].Add(n)
	}
}

// count adds n to the counter named name, overall and in the category.
func (t *tally) count(cat, name string, n int) {
	i := slices.Index(t.counters, name)
	if i < 0 {
		return
	}
	t.r.Counters[i].N += n
	t.category(cat).Counters[i].N += n
}

func (t *tally) confuse(expected, found string) { t.conf[[2]string{expected, found}]++ }

func (t *tally) diffs(rec, cat, text string, ds []Diff) {
	for _, d := range ds {
		m := Mismatch{Record: rec, Category: cat, Class: d.Class, Text: text}
		if d.Expected != nil {
			m.Expected = d.Expected.String()
		}
		if d.Found != nil {
			m.Found = d.Found.String()
		}
		t.r.Mismatches = append(t.r.Mismatches, m)
	}
}

func (t *tally) report() *Report {
	r := t.r
	for k, n := range t.conf {
		r.Confusion = append(r.Confusion, Confusion{Expected: k[0], Found: k[1], N: n})
	}
	slices.SortFunc(r.Confusion, func(a, b Confusion) int {
		return cmp.Or(cmp.Compare(a.Expected, b.Expected), cmp.Compare(a.Found, b.Found))
	})
	idx := map[string]int{}
	for _, m := range r.Mismatches {
		i, ok := idx[m.Class]
		if !ok {
			i = len(r.Errors)
			idx[m.Class] = i
			r.Errors = append(r.Errors, ErrorClass{Class: m.Class, Example: m})
		}
		r.Errors[i].N++
	}
	slices.SortStableFunc(r.Errors, func(a, b ErrorClass) int { return cmp.Compare(b.N, a.N) })
	return &r
}

// MarshalJSON writes the report as one flat object: suite, path, records,
// skipped, the headline expected/found/correct/precision/recall/f1, then
// NAME_expected … NAME_f1 for every score, the counters, and the
// categories, confusion, error classes, mismatches and diagnostics.
func (r *Report) MarshalJSON() ([]byte, error) {
	o := object{{"suite", r.Suite}, {"path", r.Path}, {"records", r.Records}, {"skipped", r.Skipped}}
	if len(r.Scores) > 0 {
		o = appendCounts(o, "", r.Scores[0].Counts)
	}
	for _, s := range r.Scores {
		o = appendCounts(o, s.Name+"_", s.Counts)
	}
	for _, c := range r.Counters {
		o = append(o, field{c.Name, c.N})
	}
	cats := make([]object, 0, len(r.Categories))
	for _, c := range r.Categories {
		co := object{{"name", c.Name}, {"records", c.Records}}
		for _, s := range c.Scores {
			co = appendCounts(co, s.Name+"_", s.Counts)
		}
		for _, n := range c.Counters {
			co = append(co, field{n.Name, n.N})
		}
		cats = append(cats, co)
	}
	conf := make([]object, 0, len(r.Confusion))
	for _, c := range r.Confusion {
		conf = append(conf, object{{"expected", c.Expected}, {"found", c.Found}, {"n", c.N}})
	}
	errs := make([]object, 0, len(r.Errors))
	for _, e := range r.Errors {
		errs = append(errs, object{{"class", e.Class}, {"n", e.N}, {"example", e.Example}})
	}
	o = append(o,
		field{"categories", cats},
		field{"confusion", conf},
		field{"error_classes", errs},
		field{"mismatches", nonNil(r.Mismatches)},
		field{"diagnostics", nonNil(r.Diagnostics)},
	)
	return o.MarshalJSON()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func appendCounts(o object, prefix string, c Counts) object {
	return append(o,
		field{prefix + "expected", c.Expected},
		field{prefix + "found", c.Found},
		field{prefix + "correct", c.Correct},
		field{prefix + "precision", round4(c.Precision())},
		field{prefix + "recall", round4(c.Recall())},
		field{prefix + "f1", round4(c.F1())},
	)
}

// object is a JSON object that keeps its key order.
type object []field

type field struct {
	k string
	v any
}

func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(f.k)
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(f.v)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", f.k, err)
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// WriteText writes r for people: the scores, counters, one line per
// category, the confusion table, the error classes with an example each and
// a count of diagnostics. examples bounds the mismatches listed (0: none).
func (r *Report) WriteText(w io.Writer, examples int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "suite %s: %s\n", r.Suite, r.Path)
	fmt.Fprintf(&b, "records %d scored, %d skipped\n\n", r.Records, r.Skipped)
	fmt.Fprintf(&b, "%-10s %8s %8s %8s %7s %7s %7s\n", "score", "expected", "found", "correct", "prec", "recall", "f1")
	for _, s := range r.Scores {
		fmt.Fprintf(&b, "%-10s %8d %8d %8d %7.3f %7.3f %7.3f\n", s.Name, s.Expected, s.Found, s.Correct, s.Precision(), s.Recall(), s.F1())
	}
	if len(r.Counters) > 0 {
		b.WriteString("\n")
		for i, c := range r.Counters {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %d", c.Name, c.N)
		}
		b.WriteString("\n")
	}
	if len(r.Categories) > 0 {
		fmt.Fprintf(&b, "\n%-16s %7s", "category", "records")
		for _, s := range r.Scores {
			fmt.Fprintf(&b, " %*s", 20, s.Name+" P/R/F1")
		}
		for _, c := range r.Counters {
			fmt.Fprintf(&b, " %*s", max(len(c.Name), 5), c.Name)
		}
		b.WriteString("\n")
		for _, c := range r.Categories {
			fmt.Fprintf(&b, "%-16s %7d", c.Name, c.Records)
			for _, s := range c.Scores {
				cell := "-"
				if s.Expected+s.Found > 0 {
					cell = fmt.Sprintf("%.2f/%.2f/%.2f", s.Precision(), s.Recall(), s.F1())
				}
				fmt.Fprintf(&b, " %20s", cell)
			}
			for _, n := range c.Counters {
				fmt.Fprintf(&b, " %*d", max(len(n.Name), 5), n.N)
			}
			b.WriteString("\n")
		}
	}
	if len(r.Confusion) > 0 {
		b.WriteString("\nconfusion (expected -> found: records)\n")
		for _, c := range r.Confusion {
			fmt.Fprintf(&b, "  %-10s -> %-10s %4d\n", c.Expected, c.Found, c.N)
		}
	}
	if len(r.Errors) > 0 {
		b.WriteString("\nerror classes\n")
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "  %5d  %-26s e.g. %s\n", e.N, e.Class, e.Example.short())
		}
	}
	if examples > 0 && len(r.Mismatches) > 0 {
		b.WriteString("\nmismatches\n")
		for i, m := range r.Mismatches {
			if i == examples {
				fmt.Fprintf(&b, "  … %d more (--json lists them all)\n", len(r.Mismatches)-i)
				break
			}
			fmt.Fprintf(&b, "  %s\n", m.short())
		}
	}
	if len(r.Diagnostics) > 0 {
		fmt.Fprintf(&b, "\n%d dictionary diagnostics, first: %s\n", len(r.Diagnostics), r.Diagnostics[0])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (m Mismatch) short() string {
	t := strings.Join(strings.Fields(m.Text), " ")
	if len(t) > 110 {
		t = t[:110] + "…"
	}
	return fmt.Sprintf("%s [%s] expected %s found %s: %q", m.Record, m.Class, dash(m.Expected), dash(m.Found), t)
}
