// Package dyad defines the domain of dyad: documents, the sentences and
// tokens found in them, the actors and dates mentioned in them, and the
// events coded from them.
//
// It imports only the standard library. Code that reads files, talks to
// SQLite or serves HTTP lives in internal/ packages and speaks in these types.
//
// Every value that comes from a document carries a Span: byte offsets into
// Document.Text. Text itself is never copied into tokens, mentions or events
// as the only record of where it came from.
package dyad
