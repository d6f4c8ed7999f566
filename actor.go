package dyad

// An Actor is who did something or had something done to them, as resolved
// from a mention in a sentence.
//
// Code is a CAMEO/Phoenix actor code: a 3-letter country code followed by
// sector codes ("USAGOV", "CHNMIL", "TWN", "IGOUNO"). Country is the ISO-3
// code of the state the actor belongs to ("" for international and
// non-state actors without one). For people, Person is the canonical name and
// Office the office they held on the event's date, with its Level.
type Actor struct {
	Text    string `json:"text"`              // the mention as written
	Code    string `json:"code"`              // "USAGOV"
	Country string `json:"country,omitempty"` // "USA"
	Person  string `json:"person,omitempty"`  // "Antony Blinken"
	Office  string `json:"office,omitempty"`  // "Secretary of State"
	Level   Level  `json:"level,omitempty"`
	Span    Span   `json:"span"` // where the mention is in Document.Text
}

// Level is the rank of an official, used to weigh events: a leaders' summit
// is not a desk-officer call.
type Level string

// Levels, from the top.
const (
	LevelLeader   Level = "leader"   // head of state or government
	LevelSenior   Level = "senior"   // top party/state foreign-policy officials above ministers (e.g. CFAC office director), vice presidents
	LevelMinister Level = "minister" // cabinet ministers and secretaries
	LevelDeputy   Level = "deputy"   // deputy and vice ministers, under secretaries
	LevelOfficial Level = "official" // other officials, ambassadors, spokespeople
	LevelMilitary Level = "military" // commanders and military officers
	LevelOther    Level = ""         // unknown or not a person
)

// A Mention is one actor mention in a document, resolved as of a date.
type Mention struct {
	Sentence int `json:"sentence"`
	Actor
	// Rule says how the mention was resolved: "dict" (dictionary entry),
	// "office" (a title resolved to its holder on the date), "coref"
	// (surname or title after first mention), "metonym", "agent"
	// (demonym + agent noun, "Chinese officials"), "side" ("the Chinese side"),
	// "both" ("the two sides": Code is empty and the coder expands it to the dyad),
	// "context" (a group noun, an untitled-name official or an ethnic group
	// whose state comes from the sentence: its place phrase or the one state
	// it names; Entry says which).
	Rule string `json:"rule"`
	// Entry names the dictionary entry that matched, for `dict explain`.
	Entry string `json:"entry,omitempty"`
}
