package eval

import "github.com/dyad-dev/dyad"

// A Coder codes one document into events. cmd/dyad implements it with the
// pipeline's Analyzer; tests may use a CoderFunc.
type Coder interface {
	Code(doc *dyad.Document) []dyad.Event
}

// CoderFunc adapts a function to a Coder.
type CoderFunc func(doc *dyad.Document) []dyad.Event

// Code calls f(doc).
func (f CoderFunc) Code(doc *dyad.Document) []dyad.Event { return f(doc) }

// Dictionaries names the dictionary files a suite brings with it, relative
// to Dir (the folder of the suite file). Empty when the suite is coded with
// the default dictionaries.
type Dictionaries struct {
	Dir    string
	Actors []string // Phoenix/TABARI actor dictionaries
	Agents []string // Phoenix/TABARI agents dictionaries
	Verbs  []string // TABARI/PETRARCH-1 verb dictionaries
	// VerbSyntax is "tabari" when the verb files are in TABARI's flat
	// syntax and must go through ConvertTABARIVerbs before loading; ""
	// for PETRARCH-1 blocks.
	VerbSyntax string
	// Options is a TABARI .options file, "" when none: the engine rules
	// of a TABARI project (coding.Options).
	Options string
}

// Empty reports whether d names no file.
func (d Dictionaries) Empty() bool {
	return len(d.Actors) == 0 && len(d.Agents) == 0 && len(d.Verbs) == 0
}
