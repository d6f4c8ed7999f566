// Package correction checks an analyst's correction before it is stored:
// that the field may be corrected on that kind of object and that the value
// fits the field. The command line and the server both call it, so a
// correction is refused the same way whichever way it comes in; the store
// keeps its own schema checks.
package correction

import (
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// dateFields are the fields whose value is a day, YYYY-MM-DD.
var dateFields = map[string]bool{"since": true, "deadline": true, "date": true}

// Check returns an EINVALID *dyad.Error when c cannot be stored: an unknown
// kind, a field that cannot be corrected on its kind, an empty key, a date
// field that is not YYYY-MM-DD or an event status that is not a status. It
// does not check the author, which the caller sets.
func Check(c *dyad.Correction) error {
	fields, ok := dyad.CorrectionFields[c.Kind]
	if !ok {
		return dyad.Errorf(dyad.EINVALID, "cannot correct a %q: kinds are %s", c.Kind, strings.Join(Kinds(), ", "))
	}
	if !dyad.ValidCorrectionField(c.Kind, c.Field) {
		return dyad.Errorf(dyad.EINVALID, "cannot correct %q of a %s: fields are %s", c.Field, c.Kind, strings.Join(fields, ", "))
	}
	if strings.TrimSpace(c.Key) == "" {
		return dyad.Errorf(dyad.EINVALID, "a correction needs the key of the %s it corrects", c.Kind)
	}
	switch {
	case dateFields[c.Field]:
		if _, err := time.Parse("2006-01-02", c.Value); err != nil {
			return dyad.Errorf(dyad.EINVALID, "invalid %s %q: want YYYY-MM-DD", c.Field, c.Value)
		}
	case c.Kind == dyad.CorrectEvent && c.Field == "status":
		if !dyad.ValidStatus(dyad.Status(c.Value)) {
			return dyad.Errorf(dyad.EINVALID, "invalid status %q: want one of %s", c.Value, statusList())
		}
	}
	return nil
}

// Kinds returns the kinds of objects that can be corrected, sorted.
func Kinds() []string {
	return []string{dyad.CorrectChannel, dyad.CorrectCommitment, dyad.CorrectEvent, dyad.CorrectMeeting}
}

func statusList() string {
	s := make([]string, len(dyad.Statuses))
	for i, x := range dyad.Statuses {
		s[i] = string(x)
	}
	return strings.Join(s, ", ")
}
