// Package text splits document text into sentences and tokens, with byte
// spans into the original text. It is pure: no I/O, no global state.
//
// Tokenization rules (dictionaries are compiled with the same Tokenizer, so
// a dictionary phrase matches text exactly when their tokens match):
//
//   - A word is a run of letters, digits and combining marks. Single-letter
//     abbreviations keep their periods ("U.S.", "P.R.C.", "J."); any other
//     period is punctuation ("Gen." is GEN then ".").
//   - A possessive "'s" or "’s" is a token of its own, "'S"; other internal
//     apostrophes stay in the word ("O'Brien", "don't").
//   - Hyphens and dashes split words: "China-U.S." is CHINA, "-", U.S.
//   - A number is a run of digits with internal ',' or '.' before a digit
//     ("1,000", "3.5"); digits followed by letters form a word ("5th").
//   - Each Han character is a word of its own.
//   - Norm is the upper-case form with typographic apostrophes and quotes
//     folded to ASCII. When the original is already in that form, Norm
//     shares its bytes and no memory is allocated.
//
// Segmentation rules (Segmenter):
//
//   - A blank line ends a sentence and starts a paragraph.
//   - '.', '?' and '!' end a sentence before whitespace, together with any
//     closing quotes and brackets after them, unless a lower-case word
//     follows. 。！？ end a sentence even without a space.
//   - A period after a title, rank or month ("Mr.", "Gen.", "Sept."), "No.",
//     "vs.", "e.g." or "i.e." never ends a sentence inside a paragraph. One
//     after a dotted abbreviation or an initial ("U.S.", "J.", "a.m.") or
//     "etc.", "Inc.", "Jr." ends it only before a word that typically opens a
//     sentence ("The", "He", "China"), an opening quote, a numbered list
//     marker or a speaker label.
//   - Ellipses do not end a sentence inside a line; "[...]" ends one before
//     a capital letter. List markers at a line start ("1.", "(2)", "a.")
//     are no full stops.
//   - A line break ends a sentence after a line ending in a colon, before a
//     list item or a transcript speaker label ("SECRETARY BLINKEN:"), and
//     after a line that stands alone (a headline, dateline or byline). It
//     does not after wrapped prose: when the next line starts in lower case,
//     or the line ends in a comma, hyphen or function word ("the", "of"),
//     or a prose line is followed by a capitalised name.
//   - Sentence spans never include surrounding whitespace, and every
//     non-space character of the text lies in exactly one sentence.
package text
