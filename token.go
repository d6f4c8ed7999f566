package dyad

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with internal '.', '\'' or digits: "U.S.", "Xi", "G20"
	Number                  // digits with optional ',' or '.' separators: "18", "2023", "1,000"
	Punct                   // a punctuation mark: ",", ".", "-", quotation marks
)

// A Token is a word, number or punctuation mark of a sentence.
//
// Norm is the form dictionaries match against: upper case, typographic
// apostrophes and quotes folded to ASCII. The original is Document.Slice(Span).
type Token struct {
	Span Span
	Norm string
	Kind TokenKind
}
