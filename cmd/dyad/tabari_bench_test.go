package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dyad-dev/dyad/internal/cputime"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/eval"
	"github.com/dyad-dev/dyad/internal/shared"
)

// The TABARI speed comparison (the coder issue, "Same work, side by
// side"): dyad coding TABARI records with the same dictionaries and
// options as TABARI. The records are those of TABARI's validation suite,
// repeated with new IDs and dates (benchRecords); docs/benchmarks.md has
// the figures and the whole-process timings.

// cameoVerbs is TABARI's CAMEO verb dictionary (GPL: read from the peers
// folder, never copied into the repository).
const cameoVerbs = "CAMEO.091003.master.verbs"

// benchRecords returns the records of TABARI's validation suite that have
// a text, in file order.
func benchRecords(tb testing.TB) []eval.TABARIRecord {
	tb.Helper()
	path := shared.Path(tb, "peers/tabari/Validate.text")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs, _, err := eval.ReadTABARIRecords(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	out := recs[:0]
	for _, r := range recs {
		if r.Text != "" {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		tb.Fatalf("%s: no records", path)
	}
	return out
}

// writeBenchRecords writes n TABARI text records to w: the texts of recs
// in turn, each under a new ID (BENCH-000001 …) and a date that advances
// by one day every 100 records from 1 January 1995.
func writeBenchRecords(w io.Writer, recs []eval.TABARIRecord, n int) error {
	bw := bufio.NewWriter(w)
	day := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.AddDate(0, 0, i/100)
		fmt.Fprintf(bw, "%s BENCH-%06d\n%s\n\n", d.Format("060102"), i+1, recs[i%len(recs)].Text)
	}
	return bw.Flush()
}

// benchKnowledge loads the dictionaries and options of TABARI's
// validation project; with verbs set, that verb file of the project's
// folder replaces the project's verbs.
func benchKnowledge(tb testing.TB, verbs string) *Knowledge {
	tb.Helper()
	project := shared.Path(tb, "peers/tabari/Validate.project")
	p, _, err := readProject(project)
	if err != nil {
		tb.Fatal(err)
	}
	d := p.Dictionaries
	if verbs != "" {
		if _, err := os.Stat(filepath.Join(d.Dir, verbs)); err != nil {
			tb.Skipf("%s is not in %s: the benchmark with TABARI's CAMEO verbs is skipped", verbs, d.Dir)
		}
		d.Verbs = []string{verbs}
	}
	k, _, err := suiteKnowledge(nil, d)
	if err != nil {
		tb.Fatal(err)
	}
	return k
}

// BenchmarkCodeTABARI codes TABARI records in memory (record text →
// events: segmentation, tokens, actors and verbs) with the validation
// project's dictionaries and options, and with TABARI's CAMEO master verbs
// in place of its demo verbs. Run with -cpu 1 for one core and -cpu N for
// N goroutines sharing one coder.
func BenchmarkCodeTABARI(b *testing.B) {
	recs := benchRecords(b)
	for _, bc := range []struct{ name, verbs string }{{"demo", ""}, {"cameo", cameoVerbs}} {
		b.Run(bc.name, func(b *testing.B) {
			k := benchKnowledge(b, bc.verbs)
			an := newAnalyzer(k, [2]string{"USA", "CHN"})
			docs := make([]dyad.Document, len(recs))
			for i, r := range recs {
				docs[i] = dyad.Document{Source: r.ID, Text: r.Text, Date: r.Date, Lang: "en", Format: "txt"}
			}
			var next, events atomic.Int64
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cputime.Process()
			b.RunParallel(func(pb *testing.PB) {
				n := 0
				for pb.Next() {
					i := int(next.Add(1)-1) % len(docs)
					doc := docs[i] // a copy: Analyze may set fields
					n += len(an.Analyze(&doc).Events)
				}
				events.Add(int64(n))
			})
			cpu := cputime.Process() - cpu0
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "records/s")
			// On a busy machine, CPU time per record is the figure to
			// compare: records/s per core is 1e6 / cpu-µs/record.
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/record")
			b.ReportMetric(float64(events.Load())/float64(b.N), "events/record")
		})
	}
}

// BenchmarkCodeTABARIFile runs 'dyad code --in tabari --out tabari
// --project Validate.project' in-process on a file of 200,000 generated
// records (written to a temporary folder, never committed), with one
// worker and with every core, with the project's demo verbs and with
// TABARI's CAMEO verbs in their place (a project in the temporary folder
// linking to the peers' files): start-up (dictionaries), reading, coding
// and writing TABARI's event lines, as the whole process does.
func BenchmarkCodeTABARIFile(b *testing.B) {
	const n = 200_000
	recs := benchRecords(b)
	project := shared.Path(b, "peers/tabari/Validate.project")
	dir := b.TempDir()
	file := filepath.Join(dir, "records.txt")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := writeBenchRecords(f, recs, n); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	cameo := cameoProject(b, filepath.Dir(project), dir)
	env := &Env{Stdin: nil, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}
	for _, pc := range []struct{ name, project string }{{"demo", project}, {"cameo", cameo}} {
		for _, workers := range []int{1, runtime.NumCPU()} {
			b.Run(fmt.Sprintf("%s/workers=%d", pc.name, workers), func(b *testing.B) {
				if pc.project == "" {
					b.Skipf("%s is not in %s", cameoVerbs, filepath.Dir(project))
				}
				cpu0 := cputime.Process()
				for b.Loop() {
					err := run(context.Background(), []string{"code", "--in", "tabari", "--out", "tabari",
						"--workers", fmt.Sprint(workers), "--project", pc.project, file}, env)
					if err != nil {
						b.Fatal(err)
					}
				}
				cpu := cputime.Process() - cpu0
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
				b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/record")
			})
		}
	}
}

// cameoProject writes to dir a TABARI project with the validation
// project's actors, agents and options and TABARI's CAMEO verbs, linked
// from peers (the GPL verbs are never copied), and returns its path; ""
// when the CAMEO verbs are not in peers.
func cameoProject(tb testing.TB, peers, dir string) string {
	tb.Helper()
	if _, err := os.Stat(filepath.Join(peers, cameoVerbs)); err != nil {
		return ""
	}
	for _, name := range []string{"TABARI.Demo.actors", "Validate.agents", "Validate.options", cameoVerbs} {
		abs, err := filepath.Abs(filepath.Join(peers, name))
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.Symlink(abs, filepath.Join(dir, name)); err != nil {
			tb.Fatal(err)
		}
	}
	p := filepath.Join(dir, "Cameo.project")
	text := "<actorsfile> TABARI.Demo.actors\n<verbsfile> " + cameoVerbs + "\n<agentsfile> Validate.agents\n<optionsfile> Validate.options\n"
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

var writeTABARIRecords = flag.String("write-tabari-records", "", "write the 200,000 TABARI benchmark records to `file` (TestWriteTABARIRecordsFile)")

// TestWriteTABARIRecordsFile writes the benchmark's 200,000 records to the
// file named by -write-tabari-records, for whole-process timings:
//
//	go test -run TestWriteTABARIRecordsFile ./cmd/dyad -write-tabari-records /tmp/r200k.txt
func TestWriteTABARIRecordsFile(t *testing.T) {
	if *writeTABARIRecords == "" {
		t.Skip("no -write-tabari-records file")
	}
	f, err := os.Create(*writeTABARIRecords)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeBenchRecords(f, benchRecords(t), 200_000); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestWriteBenchRecords checks that the generated records read back as
// TABARI records with new IDs and dates and the suite's texts.
func TestWriteBenchRecords(t *testing.T) {
	recs := benchRecords(t)
	var b bytes.Buffer
	if err := writeBenchRecords(&b, recs, 250); err != nil {
		t.Fatal(err)
	}
	got, _, err := eval.ReadTABARIRecords(&b, "bench")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 {
		t.Fatalf("read %d records back, want 250", len(got))
	}
	for i, r := range got {
		if want := fmt.Sprintf("BENCH-%06d", i+1); r.ID != want || r.Text != recs[i%len(recs)].Text {
			t.Fatalf("record %d = %q %q, want %q %q", i, r.ID, r.Text, want, recs[i%len(recs)].Text)
		}
	}
	if d := got[249].Date; !d.Equal(time.Date(1995, 1, 3, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("record 250 dated %v, want 1995-01-03", d)
	}
}
