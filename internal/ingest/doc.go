// Package ingest turns sources (files, directories, URLs, feeds) into
// *dyad.Document values with normalised text.
//
// It knows formats, not meaning: it reads plain text with an optional
// "key: value" header block, HTML (main-text extraction), PDF (plain text
// page by page) and RSS/Atom feeds (one document per item), checks and
// normalises the text (valid UTF-8, "\n" line ends, no BOM, no leading or
// trailing blank lines) and fills the document's metadata. It does no
// storage and no NLP.
//
// Text is final when a Document leaves this package: every Span of later
// stages indexes it, and Hash is the hex SHA-256 of it.
//
// Every error names its input (file name or URL) and the problem, and errors
// a user may see are *dyad.Error values (EINVALID, ETOOLARGE, ENOTFOUND).
package ingest
