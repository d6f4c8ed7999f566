package coding_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dyad-dev/dyad"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// goldenDoc is a short readout written for this test, with the mentions
// and dates the earlier stages would find, given as text to locate.
type goldenSentence struct {
	text string
	ms   []m
	ds   []d
}

var goldenDocs = map[string]struct {
	side      string
	sentences []goldenSentence
}{
	"readout": {side: "USA", sentences: []goldenSentence{
		{"Secretary of State Antony J. Blinken met with People's Republic of China Director of the Office of the Central Foreign Affairs Commission Wang Yi in Beijing on June 19.",
			[]m{blinken("Secretary of State Antony J. Blinken"), wang("Director of the Office of the Central Foreign Affairs Commission Wang Yi"), beijing("Beijing")},
			[]d{{"June 19", "2023-06-19", "2023-06-19", dyad.PrecisionDay}}},
		{"The Secretary emphasized the importance of responsibly managing competition and keeping lines of communication open.",
			[]m{blinken("The Secretary")}, nil},
		{"He raised concerns about the PRC's unfair trade practices and its human rights abuses in Xinjiang and Tibet.",
			[]m{{"He", "USAGOV", "USA", "Antony Blinken", "coref"}, chn("the PRC")}, nil},
		{"The two sides agreed to resume counternarcotics cooperation and to hold further talks in Washington.",
			[]m{both("The two sides")}, nil},
		{"Secretary Blinken invited Director Wang to visit Washington later this year.",
			[]m{blinken("Secretary Blinken"), wang("Director Wang"), wash("Washington")}, nil},
	}},
	"countermeasures": {side: "CHN", sentences: []goldenSentence{
		{"The Chinese side firmly opposes the visit by the U.S. House Speaker to Taiwan.",
			[]m{cngov("The Chinese side"), {"the U.S. House Speaker", "USALEG", "USA", "", "office"}}, nil},
		{"1. Canceling China-U.S. Theater Commanders Talk.",
			[]m{chn("China"), usa("U.S.")}, nil},
		{"2. Canceling China-U.S. Defense Policy Coordination Talks.",
			[]m{chn("China"), usa("U.S.")}, nil},
		{"7. Suspending China-U.S. climate change talks.",
			[]m{chn("China"), usa("U.S.")}, nil},
		{"The U.S. side must stop its provocations on the Taiwan question.",
			[]m{usgov("The U.S. side")}, nil},
	}},
}

func TestGolden(t *testing.T) {
	c := defaultCoder(t)
	for name, doc := range goldenDocs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			for i, gs := range doc.sentences {
				in := input(t, gs.text, doc.side, gs.ms, gs.ds)
				in.Sentence.Index = i
				for k := range in.Mentions {
					in.Mentions[k].Sentence = i
				}
				for _, ev := range c.Code(in) {
					b, err := json.Marshal(ev)
					if err != nil {
						t.Fatal(err)
					}
					buf.Write(b)
					buf.WriteByte('\n')
				}
			}
			path := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run with -update): %v", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("Code(%s) differs from %s:\n got:\n%s\nwant:\n%s", name, path, got, want)
			}
			if strings.Count(buf.String(), "\n") == 0 {
				t.Errorf("Code(%s) coded no events", name)
			}
		})
	}
}
