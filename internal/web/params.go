package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/dyad-dev/dyad"
	"github.com/dyad-dev/dyad/internal/analytics"
)

// params reads a page's query parameters, keeping the first problem.
type params struct {
	r    *http.Request
	vals url.Values // parsed on first use
	err  error
}

func (p *params) str(name string) string {
	if p.vals == nil {
		p.vals = p.r.URL.Query()
	}
	v := strings.TrimSpace(p.vals.Get(name))
	if len(v) > 200 { // no parameter of ours is longer; refuse, do not truncate
		p.fail("Parameter %s is too long.", name)
		return ""
	}
	return v
}

func (p *params) fail(format string, args ...any) {
	if p.err == nil {
		p.err = dyad.Errorf(dyad.EINVALID, format, args...)
	}
}

// date reads YYYY-MM-DD, or YYYY-MM for the first of the month.
func (p *params) date(name string) time.Time {
	v := p.str(name)
	if v == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	p.fail("Invalid %s %q: want a date YYYY-MM-DD.", name, v)
	return time.Time{}
}

// id reads a positive integer from a path value.
func (p *params) id(what, v string) int64 {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		p.fail("Invalid %s %q: want a positive integer.", what, v)
		return 0
	}
	return n
}

// int reads a non-negative integer parameter, def when absent.
func (p *params) int(name string, def int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		p.fail("Invalid %s %q: want a non-negative integer.", name, v)
		return def
	}
	return n
}

// dyad reads ?dyad=USA-CHN, or def.
func (p *params) dyad(def [2]string) [2]string {
	v := strings.ToUpper(p.str("dyad"))
	if v == "" {
		return def
	}
	d, ok := dyad.ParsePair(v)
	if !ok {
		p.fail("Invalid dyad %q: want two country codes such as USA-CHN.", v)
		return def
	}
	return d
}

// by reads the index granularity, month by default.
func (p *params) by() analytics.Granularity {
	switch g := analytics.Granularity(p.str("by")); g {
	case "":
		return analytics.Month
	case analytics.Week, analytics.Month, analytics.Quarter:
		return g
	default:
		p.fail("Invalid by %q: want week, month or quarter.", g)
		return analytics.Month
	}
}

// status reads an event status filter.
func (p *params) status() dyad.Status {
	v := dyad.Status(strings.ToLower(p.str("status")))
	if v != "" && !dyad.ValidStatus(v) {
		p.fail("Invalid status %q.", v)
		return ""
	}
	return v
}

// query builds a query string from name/value pairs, dropping empty values.
func query(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
