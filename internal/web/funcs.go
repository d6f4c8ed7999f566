package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
)

// funcs are the templates' helpers. They format; they never produce HTML
// from data, so html/template escapes everything the documents contain.
var funcs = template.FuncMap{
	"day":    func(t time.Time) string { return day(t) },
	"signed": func(v float64) string { return fmt.Sprintf("%+.1f", v) },
	"num":    func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"join":   strings.Join,
	"itoa":   itoa,
	"actor":  func(a dyad.Actor) string { return actorName(&a) },
	"pct": func(done, total int) int {
		if total <= 0 {
			return 0
		}
		return 100 * done / total
	},
	"pair": func(d [2]string) string { return d[0] + "-" + d[1] },
}
