// Package examples embeds the example documents that `dyad demo` ingests:
// U.S. government texts on U.S.–China diplomacy, in the public domain.
package examples

import "embed"

// FS holds the example documents (*.txt, each with a header block).
//
//go:embed *.txt
var FS embed.FS
