package coding

import "github.com/dyad-dev/dyad"

// This file holds the closed-class word tables the coder reads: status
// frames, auxiliaries, prepositions and clause boundaries. They are
// read-only lookup tables built from literals.

// A frame is a word that says what became of an act: "postponed the
// visit", "agreed to resume talks", "the suspension of cooperation".
type frame struct {
	status dyad.Status
	needTo bool   // governs only an infinitive: "agreed TO visit"
	next   string // second word of a two-word frame: CALL OFF, PUT OFF
	accept bool   // ACCEPT: negated it means declined
	invite bool   // INVITE: the object is the invitee
}

// frames maps the Norm of each frame word form to its frame. Built once
// from the stems below.
var frames = buildFrames()

func buildFrames() map[string][]frame {
	m := map[string][]frame{}
	add := func(st dyad.Status, needTo bool, words ...string) {
		for _, w := range words {
			m[w] = append(m[w], frame{status: st, needTo: needTo})
		}
	}
	verbs := func(st dyad.Status, needTo bool, roots ...string) {
		for _, r := range roots {
			add(st, needTo, r)
			add(st, needTo, verbInflections(r)...)
		}
	}
	two := func(st dyad.Status, second string, firsts ...string) {
		for _, w := range firsts {
			m[w] = append(m[w], frame{status: st, next: second})
		}
	}
	// planned
	verbs(dyad.StatusPlanned, true, "AGREE", "DECIDE", "INTEND", "PLEDGE", "PROMISE", "EXPECT", "PREPARE", "VOW", "RESOLVE")
	add(dyad.StatusPlanned, true, "SWEAR", "SWEARS", "SWORE", "SWORN", "SWEARING")
	verbs(dyad.StatusPlanned, false, "PLAN", "SCHEDULE", "ARRANGE")
	add(dyad.StatusPlanned, false, "UPCOMING", "FORTHCOMING", "PROSPECTIVE", "FUTURE", "PLANNED", "PLANNED", "SCHEDULED", "DUE")
	add(dyad.StatusPlanned, true, "SET", "SLATED", "GOING", "WILLING", "READY")
	for _, w := range append([]string{"ACCEPT"}, verbInflections("ACCEPT")...) {
		m[w] = append(m[w], frame{status: dyad.StatusPlanned, accept: true})
	}
	// proposed
	for _, w := range append([]string{"INVITE", "INVITATION", "INVITATIONS"}, verbInflections("INVITE")...) {
		m[w] = append(m[w], frame{status: dyad.StatusProposed, invite: true})
	}
	verbs(dyad.StatusProposed, false, "PROPOSE", "SUGGEST", "OFFER", "REQUEST", "SEEK")
	add(dyad.StatusProposed, false, "PROPOSAL", "PROPOSALS", "SOUGHT", "SUGGESTION", "SUGGESTIONS")
	verbs(dyad.StatusProposed, true, "HOPE", "WANT", "WISH")
	// postponed
	verbs(dyad.StatusPostponed, false, "POSTPONE", "DELAY", "DEFER", "RESCHEDULE")
	add(dyad.StatusPostponed, false, "POSTPONEMENT", "POSTPONEMENTS", "DEFERRED", "DEFERRING")
	two(dyad.StatusPostponed, "OFF", "PUT", "PUTS", "PUTTING")
	two(dyad.StatusPostponed, "BACK", "PUSH", "PUSHED", "PUSHES", "PUSHING")
	// cancelled
	verbs(dyad.StatusCancelled, false, "CANCEL", "SCRAP", "SCUTTLE", "ABANDON", "TERMINATE", "AXE")
	add(dyad.StatusCancelled, false, "CANCELED", "CANCELING", "CANCELLED", "CANCELLING", "CANCELLATION", "CANCELATION", "CANCELLATIONS", "SCRAPPED", "SCRAPPING")
	two(dyad.StatusCancelled, "OFF", "CALL", "CALLS", "CALLED", "CALLING")
	// declined
	verbs(dyad.StatusDeclined, false, "DECLINE", "REFUSE", "REJECT", "SNUB")
	add(dyad.StatusDeclined, false, "REFUSAL", "REJECTION")
	two(dyad.StatusDeclined, "DOWN", "TURN", "TURNS", "TURNED", "TURNING")
	two(dyad.StatusDeclined, "OUT", "RULE", "RULES", "RULED", "RULING")
	// negated
	verbs(dyad.StatusNegated, true, "FAIL")
	// ongoing
	verbs(dyad.StatusOngoing, false, "CONTINUE")
	add(dyad.StatusOngoing, false, "ONGOING", "CONTINUATION", "CONTINUED")
	// suspended
	verbs(dyad.StatusSuspended, false, "SUSPEND", "HALT", "PAUSE", "SEVER")
	add(dyad.StatusSuspended, false, "SUSPENSION", "FREEZE", "FREEZES", "FROZE", "FROZEN", "FREEZING")
	two(dyad.StatusSuspended, "OFF", "CUT", "CUTS", "CUTTING")
	// resumed
	verbs(dyad.StatusResumed, false, "RESUME", "RESTORE", "REOPEN", "RESTART", "REVIVE", "RELAUNCH", "RENEW", "REINSTATE")
	add(dyad.StatusResumed, false, "RESUMPTION", "RESTORATION", "REVIVAL")
	return m
}

// frameAt returns the frame starting at token i and its length in tokens.
func (s *sent) frameAt(i int) (frame, int, bool) {
	fs := frames[s.toks[i].Norm]
	for _, f := range fs {
		if f.next != "" {
			if i+1 < s.n && s.toks[i+1].Norm == f.next {
				return f, 2, true
			}
			continue
		}
		if f.needTo && !(i+1 < s.n && s.toks[i+1].Norm == "TO") {
			continue
		}
		return f, 1, true
	}
	return frame{}, 0, false
}

// barrierWords end a clause for pattern matching and actor search.
var barrierWords = map[string]bool{
	",": true, ";": true, ":": true, "(": true, ")": true, "\"": true, "?": true, "!": true, ".": true,
	"AND": true, "BUT": true, "OR": true, "NOR": true, "WHILE": true, "WHEREAS": true, "WHICH": true,
	"WHO": true, "WHOM": true, "WHERE": true, "BECAUSE": true, "ALTHOUGH": true, "THOUGH": true,
	"THAT": true, "AS": true, "WHEN": true, "IF": true, "UNLESS": true, "UNTIL": true, "ONCE": true,
}

// subordinators open a clause with its own subject: a verb after them does
// not take a subject from before them.
var subordinators = map[string]bool{
	"WHEN": true, "IF": true, "UNLESS": true, "BECAUSE": true, "WHICH": true, "WHO": true, "WHILE": true,
	"ALTHOUGH": true, "THOUGH": true, "WHEREAS": true, "UNTIL": true, "ONCE": true, "WHETHER": true,
}

// connectors join the mentions of a compound actor: "A, B and C", "China-U.S.".
var connectors = map[string]bool{",": true, "AND": true, "-": true, "&": true}

// preps govern a following mention: "of China", "in Beijing", "with Wang".
var preps = map[string]bool{
	"OF": true, "IN": true, "AT": true, "FROM": true, "WITH": true, "TO": true, "FOR": true, "ON": true,
	"BY": true, "ABOUT": true, "AGAINST": true, "TOWARD": true, "TOWARDS": true, "BETWEEN": true,
	"AMONG": true, "DURING": true, "AFTER": true, "BEFORE": true, "UNDER": true, "OVER": true,
	"THROUGH": true, "ACROSS": true, "INTO": true, "UPON": true, "REGARDING": true, "INCLUDING": true,
	"THAN": true, "VIA": true, "WITHOUT": true, "AMID": true, "BEYOND": true,
}

// stopPreps end the backward search for a frame: "declined to comment ON the meeting".
var stopPreps = map[string]bool{
	"ON": true, "ABOUT": true, "REGARDING": true, "AFTER": true, "BEFORE": true, "DURING": true,
	"SINCE": true, "AT": true, "IN": true, "OVER": true, "AMID": true, "DESPITE": true,
	"AGAINST": true, "INTO": true, "THROUGH": true,
}

// determiners and other words a frame may reach across to its act.
var dets = map[string]bool{
	"THE": true, "A": true, "AN": true, "ITS": true, "THEIR": true, "HIS": true, "HER": true, "THIS": true,
	"THAT": true, "THESE": true, "THOSE": true, "ALL": true, "ANY": true, "SOME": true, "'S": true, "-": true,
	"TO": true, "OF": true, "FOR": true, "WITH": true, "PLANNED": true,
}

// aux are auxiliaries and adverbs that may stand between a subject and its
// verb, or between an act noun and what became of it.
var aux = map[string]bool{
	"WILL": true, "WOULD": true, "SHALL": true, "SHOULD": true, "CAN": true, "COULD": true, "MAY": true,
	"MIGHT": true, "MUST": true, "DO": true, "DOES": true, "DID": true, "HAS": true, "HAVE": true, "HAD": true,
	"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true,
	"NOT": true, "NEVER": true, "ALSO": true, "THEN": true, "LATER": true, "JOINTLY": true, "FURTHER": true,
	"SEPARATELY": true, "STILL": true, "NOW": true, "ALREADY": true, "AGAIN": true, "EVENTUALLY": true,
	"INDEFINITELY": true, "OFFICIALLY": true, "REPEATEDLY": true, "FORMALLY": true, "TODAY": true,
	"RECENTLY": true, "ONLY": true, "FINALLY": true, "EVEN": true, "YET": true, "SUBSEQUENTLY": true,
	"ALSO'": true, "NO": true, "LONGER": true, "TO": true,
}

var beForms = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "AM": true}

// negation words; contractions ending in N'T are negations too.
func isNeg(w string) bool {
	switch w {
	case "NOT", "NEVER", "NO", "CANNOT", "NOR":
		return true
	}
	return len(w) > 3 && w[len(w)-3:] == "N'T"
}

// happen words close an act noun: "the visit will take place", "the talks
// were not held".
var happen = map[string]bool{
	"TAKE": true, "TAKES": true, "TOOK": true, "TAKEN": true, "TAKING": true, "HELD": true, "HOLD": true,
	"HAPPEN": true, "HAPPENED": true, "OCCUR": true, "OCCURRED": true, "PROCEED": true, "PROCEEDED": true,
	"GO": true, "WENT": true, "CONVENE": true, "CONVENED": true, "BEGIN": true, "BEGAN": true, "START": true,
	"STARTED": true, "MATERIALIZE": true, "MATERIALIZED": true,
}

// demandModals turn "X must …" into a demand on X.
var demandModals = map[string]bool{"MUST": true, "SHOULD": true, "OUGHT": true}

// sayWords are the forms of verbs of saying and reporting. An event coded
// from one of them with a statement or appeal code (CAMEO roots 01 and 02,
// which some dictionaries use for plain saying) only reports speech: it is
// kept when the sentence yields nothing else ("…, an official said").
var sayWords = buildSayWords()

func buildSayWords() map[string]bool {
	m := map[string]bool{"SAID": true, "TOLD": true, "WROTE": true, "WRITTEN": true, "THOUGHT": true}
	for _, r := range []string{"SAY", "TELL", "STATE", "ANNOUNCE", "NOTE", "ADD", "COMMENT", "REMARK",
		"DECLARE", "REPORT", "CLAIM", "ASSERT", "STRESS", "EMPHASIZE", "EMPHASISE", "REITERATE",
		"EXPLAIN", "MENTION", "WRITE", "ARGUE", "BRIEF", "BELIEVE", "THINK", "OBSERVE", "QUOTE",
		"REMIND", "INDICATE", "PREDICT", "ESTIMATE"} {
		m[r] = true
		for _, f := range verbInflections(r) {
			m[f] = true
		}
	}
	return m
}

// reportsSpeech reports whether an event of code coded from the verb at
// [vs, ve) only reports speech (see sayWords).
func (s *sent) reportsSpeech(vs, ve int, code string) bool {
	if code == "010" {
		return true
	}
	if len(code) < 2 || code[0] != '0' || code[1] != '1' && code[1] != '2' {
		return false
	}
	for q := vs; q < ve; q++ {
		if sayWords[s.toks[q].Norm] {
			return true
		}
	}
	return false
}
