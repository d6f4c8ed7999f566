// Package dictionaries embeds the default dictionaries that ship with dyad:
// the MIT-licensed Phoenix actor, agent, discard and issue dictionaries and
// PETRARCH-1 verb patterns (phoenix/, upstream files unchanged so they can
// be diffed), the CAMEO 1.1b3 codebook with Goldstein values (icews/), and
// dyad's own additions and corrections (dyad.*.txt).
//
// Users extend or replace them by pointing dyad at files of their own; the
// loaders in internal/ read from an fs.FS, so FS and a directory on disk
// are used the same way.
package dictionaries

import "embed"

// FS holds the shipped dictionaries. Paths are relative to this folder:
// "phoenix/Phoenix.agents.txt", "icews/cameo-codes.csv", "dyad.actors.txt".
//
//go:embed phoenix icews *.txt
var FS embed.FS
