package dyad

import "time"

// Kinds of objects a user can correct.
const (
	CorrectEvent      = "event"      // Key: Event.Key; fields: status, cameo, source, target, date
	CorrectMeeting    = "meeting"    // Key: Meeting key; fields: state, place, format
	CorrectChannel    = "channel"    // Key: channel ID; fields: state, since, by
	CorrectCommitment = "commitment" // Key: the promise event's Key; fields: status, deadline
)

// CorrectionFields lists, per kind, the fields a correction may set.
var CorrectionFields = map[string][]string{
	CorrectEvent:      {"status", "cameo", "source", "target", "date"},
	CorrectMeeting:    {"state", "place", "format"},
	CorrectChannel:    {"state", "since", "by"},
	CorrectCommitment: {"status", "deadline"},
}

// A Correction is an analyst's fix to something the machine computed. It
// is stored as such, apart from what it corrects, and applied again every
// time the objects are recomputed, so it survives recomputation and stays
// auditable: who changed what, when and why.
type Correction struct {
	ID        int64     `json:"id"`
	Kind      string    `json:"kind"`
	Key       string    `json:"key"`
	Field     string    `json:"field"`
	Value     string    `json:"value"`
	Note      string    `json:"note,omitempty"`
	Author    string    `json:"author"`
	CreatedAt time.Time `json:"created_at"`
}

// ValidCorrectionField reports whether field may be corrected on kind.
func ValidCorrectionField(kind, field string) bool {
	for _, f := range CorrectionFields[kind] {
		if f == field {
			return true
		}
	}
	return false
}
