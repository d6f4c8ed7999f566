package coding_test

import (
	"testing"

	"github.com/dyad-dev/dyad"

	"github.com/dyad-dev/dyad/dictionaries"
	"github.com/dyad-dev/dyad/internal/coding"
)

// benchInputs are realistic readout sentences with their mentions.
func benchInputs(b testing.TB) []coding.Input {
	var ins []coding.Input
	for _, gd := range goldenDocs {
		for _, gs := range gd.sentences {
			ins = append(ins, input(b, gs.text, gd.side, gs.ms, gs.ds))
		}
	}
	ins = append(ins,
		input(b, "Blinken and Wang discussed the situation in the Taiwan Strait and agreed to maintain open lines of communication.", "USA",
			[]m{blinken("Blinken"), wang("Wang")}, nil),
		input(b, "China declined a U.S. request for a call between defense chiefs after the balloon was shot down.", "USA",
			[]m{chn("China"), usa("U.S.")}, nil),
		input(b, "Wang said the United States must stop interfering in China's internal affairs and must stop arming Taiwan.", "CHN",
			[]m{wang("Wang"), usa("the United States"), chn("China")}, nil),
		input(b, "The weather in the capital was unusually warm for the season, according to local reports.", "USA", nil, nil),
	)
	return ins
}

func BenchmarkCode(b *testing.B) {
	c := defaultCoder(b)
	ins := benchInputs(b)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		c.Code(ins[i%len(ins)])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/sec")
}

func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := coding.Default(dictionaries.FS); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCodeScratch(b *testing.B) {
	c := defaultCoder(b)
	ins := benchInputs(b)
	var sc coding.Scratch
	var evs []dyad.Event
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		evs = c.AppendCodeScratch(evs[:0], ins[i%len(ins)], &sc)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/sec")
}
