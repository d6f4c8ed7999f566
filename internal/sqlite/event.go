package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/dyad-dev/dyad"
)

// EventService finds coded events. Events are written by
// DocumentService.CreateDocument, with the document that reports them.
type EventService struct {
	db *DB
}

// NewEventService returns an EventService on db.
func NewEventService(db *DB) *EventService {
	return &EventService{db: db}
}

// upsertEvent stores e as reported by document docID: a new events row when
// its key is new, and a report in event_sources either way.
func upsertEvent(ctx context.Context, st *statements, docID int64, e *dyad.Event) (eventRef, error) {
	r := eventRef{key: e.Key, docID: docID}
	if r.key == "" {
		r.key = e.ComputeKey()
	}
	// Insert first: most events are new, and a key already stored costs
	// one failed insert plus a look-up.
	id, err := insertEvent(ctx, st, docID, r.key, e)
	switch {
	case err != nil:
		return r, err
	case id != 0:
		r.id = id
	default:
		if err := st.eventByKey.QueryRowContext(ctx, r.key).Scan(&r.id, &r.docID); err != nil {
			return r, fmt.Errorf("find key %s: %w", r.key, err)
		}
	}
	if _, err := st.insertEventSource.ExecContext(ctx, r.id, docID, e.Sentence, e.Span.Start, e.Span.End,
		e.Verb.Start, e.Verb.End); err != nil {
		return r, fmt.Errorf("source: %w", err)
	}
	return r, nil
}

// insertEvent inserts e unless its key is stored already, and returns the
// new row's id, or 0 for a stored key.
func insertEvent(ctx context.Context, st *statements, docID int64, key string, e *dyad.Event) (int64, error) {
	context, err := marshalList(e.Context)
	if err != nil {
		return 0, fmt.Errorf("context: %w", err)
	}
	issues, err := marshalList(e.Issues)
	if err != nil {
		return 0, fmt.Errorf("issues: %w", err)
	}
	var t [8]any // target columns, NULL without a target
	if a := e.Target; a != nil {
		t = [8]any{a.Text, a.Code, a.Country, a.Person, a.Office, string(a.Level), a.Span.Start, a.Span.End}
	}
	dateStart, dateEnd := spanOrNil(e.DateSpan)
	locStart, locEnd := spanOrNil(e.LocationSpan)
	src := &e.Source
	res, err := st.insertEvent.ExecContext(ctx,
		key, e.CAMEO, e.Root(), e.PLOVER, e.Mode, context, e.Quad, e.Goldstein, string(e.Status),
		src.Text, src.Code, src.Country, src.Person, src.Office, string(src.Level), src.Span.Start, src.Span.End,
		t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7],
		formatDate(e.Date), formatDate(e.DateEnd), string(e.DatePrecision), e.DateFromDoc, dateStart, dateEnd,
		issues, e.Location, locStart, locEnd, e.Pattern, e.Object,
		docID, e.Sentence, e.Span.Start, e.Span.End, e.Verb.Start, e.Verb.End)
	if err != nil {
		return 0, fmt.Errorf("insert: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, err // n == 0: the key is stored already
	}
	return res.LastInsertId()
}

// marshalList returns a JSON array, or nil (NULL) for an empty list.
func marshalList(l []string) (any, error) {
	if len(l) == 0 {
		return nil, nil
	}
	buf, err := json.Marshal(l)
	if err != nil {
		return nil, err
	}
	return string(buf), nil
}

// FindEventByID returns the event with the given id with its Sources.
// A missing event is an ENOTFOUND error.
func (s *EventService) FindEventByID(ctx context.Context, id int64) (*dyad.Event, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	events, _, err := findEvents(ctx, tx, dyad.EventFilter{ID: &id})
	if err != nil {
		return nil, err
	}
	if len(events) == 0 {
		return nil, dyad.Errorf(dyad.ENOTFOUND, "Event %d not found.", id)
	}
	return events[0], nil
}

// FindEvents returns the events that match f, ordered by date then id,
// with their Sources, and the number of matches ignoring f.Offset and
// f.Limit.
//
// Filters: DocID selects events reported by that document (in any report);
// Dyad matches source and target countries in either direction; From and
// To (inclusive days) select events whose [Date, DateEnd] overlaps them;
// Actor matches the source or target by code prefix, country or person
// (a substring of the name), ignoring ASCII case; Type is a CAMEO code
// prefix when it is all digits and a PLOVER type otherwise; Issue matches
// one of the event's issues.
func (s *EventService) FindEvents(ctx context.Context, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	return findEvents(ctx, tx, f)
}

const eventColumns = `e.id, e.key, e.cameo, e.plover, e.mode, e.context, e.quad, e.goldstein, e.status,
	e.source_text, e.source_code, e.source_country, e.source_person, e.source_office, e.source_level, e.source_start, e.source_end,
	e.target_text, e.target_code, e.target_country, e.target_person, e.target_office, e.target_level, e.target_start, e.target_end,
	e.date, e.date_end, e.date_precision, e.date_from_doc, e.date_span_start, e.date_span_end,
	e.issues, e.location, e.location_start, e.location_end, e.pattern, e.object,
	e.first_doc_id, e.first_sentence, e.span_start, e.span_end, e.verb_start, e.verb_end`

func eventWhere(f dyad.EventFilter) (string, []any) {
	var where []string
	var args []any
	add := func(cond string, a ...any) {
		where = append(where, cond)
		args = append(args, a...)
	}
	if f.ID != nil {
		add("e.id = ?", *f.ID)
	}
	if f.DocID != nil {
		add("EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.doc_id = ?)", *f.DocID)
	}
	if f.Dyad != nil {
		a, b := strings.ToUpper(f.Dyad[0]), strings.ToUpper(f.Dyad[1])
		add("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))", a, b, b, a)
	}
	if f.From != nil {
		add("COALESCE(e.date_end, e.date) >= ?", f.From.UTC().Format(dateLayout))
	}
	if f.To != nil {
		add("e.date <= ?", f.To.UTC().Format(dateLayout))
	}
	if f.Actor != nil {
		prefix := likeEscape(*f.Actor) + "%"
		exact := likeEscape(*f.Actor)
		sub := "%" + likeEscape(*f.Actor) + "%"
		add(`(e.source_code LIKE ? ESCAPE '\' OR e.target_code LIKE ? ESCAPE '\'
		   OR e.source_country LIKE ? ESCAPE '\' OR e.target_country LIKE ? ESCAPE '\'
		   OR (e.source_person <> '' AND e.source_person LIKE ? ESCAPE '\')
		   OR (e.target_person <> '' AND e.target_person LIKE ? ESCAPE '\'))`,
			prefix, prefix, exact, exact, sub, sub)
	}
	if f.Type != nil {
		if t := *f.Type; isDigits(t) {
			add(`e.cameo LIKE ? ESCAPE '\'`, likeEscape(t)+"%")
		} else {
			add("e.plover = ?", strings.ToUpper(t))
		}
	}
	if f.Status != nil {
		add("e.status = ?", string(*f.Status))
	}
	if f.Issue != nil {
		add("EXISTS (SELECT 1 FROM json_each(e.issues) WHERE json_each.value = ?)", *f.Issue)
	}
	if len(where) == 0 {
		return "1", nil
	}
	return strings.Join(where, " AND "), args
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func findEvents(ctx context.Context, tx *Tx, f dyad.EventFilter) ([]*dyad.Event, int, error) {
	// The total counts every match, wherever the cursor stands.
	all := f
	all.AfterID = nil
	cond, args := eventWhere(all)
	n := -1
	if !f.SkipTotal {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM events e WHERE `+cond, args...).Scan(&n); err != nil {
			return nil, 0, fmt.Errorf("count events: %w", err)
		}
	}
	order := `e.date IS NULL, e.date, e.id`
	if f.AfterID != nil {
		cond += ` AND e.id > ?`
		args = append(args, *f.AfterID)
		order = `e.id`
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e WHERE `+cond+`
		ORDER BY `+order+` `+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	defer rows.Close()
	var events []*dyad.Event
	byID := make(map[int64]*dyad.Event)
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, 0, err
		}
		events = append(events, e)
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find events: %w", err)
	}
	if err := loadSources(ctx, tx, events, byID); err != nil {
		return nil, 0, err
	}
	return events, n, nil
}

func scanEvent(rows *sql.Rows) (*dyad.Event, error) {
	var e dyad.Event
	var context, issues, date, dateEnd sql.NullString
	var status, precision, srcLevel string
	var tText, tCode, tCountry, tPerson, tOffice, tLevel sql.NullString
	var tStart, tEnd, dStart, dEnd, lStart, lEnd sql.NullInt64
	src := &e.Source
	if err := rows.Scan(&e.ID, &e.Key, &e.CAMEO, &e.PLOVER, &e.Mode, &context, &e.Quad, &e.Goldstein, &status,
		&src.Text, &src.Code, &src.Country, &src.Person, &src.Office, &srcLevel, &src.Span.Start, &src.Span.End,
		&tText, &tCode, &tCountry, &tPerson, &tOffice, &tLevel, &tStart, &tEnd,
		&date, &dateEnd, &precision, &e.DateFromDoc, &dStart, &dEnd,
		&issues, &e.Location, &lStart, &lEnd, &e.Pattern, &e.Object,
		&e.DocID, &e.Sentence, &e.Span.Start, &e.Span.End, &e.Verb.Start, &e.Verb.End); err != nil {
		return nil, fmt.Errorf("scan event: %w", err)
	}
	e.Status, e.DatePrecision, src.Level = dyad.Status(status), dyad.Precision(precision), dyad.Level(srcLevel)
	if tCode.Valid {
		e.Target = &dyad.Actor{
			Text: tText.String, Code: tCode.String, Country: tCountry.String, Person: tPerson.String,
			Office: tOffice.String, Level: dyad.Level(tLevel.String),
			Span: dyad.Span{Start: int(tStart.Int64), End: int(tEnd.Int64)},
		}
	}
	var err error
	if e.Date, err = parseDate(date); err != nil {
		return nil, fmt.Errorf("event %d: %w", e.ID, err)
	}
	if e.DateEnd, err = parseDate(dateEnd); err != nil {
		return nil, fmt.Errorf("event %d: %w", e.ID, err)
	}
	e.DateSpan, e.LocationSpan = spanFrom(dStart, dEnd), spanFrom(lStart, lEnd)
	if context.Valid {
		if err := json.Unmarshal([]byte(context.String), &e.Context); err != nil {
			return nil, fmt.Errorf("event %d: context: %w", e.ID, err)
		}
	}
	if issues.Valid {
		if err := json.Unmarshal([]byte(issues.String), &e.Issues); err != nil {
			return nil, fmt.Errorf("event %d: issues: %w", e.ID, err)
		}
	}
	return &e, nil
}

// loadSources fills the Sources of events, ordered by document date, then
// document id and sentence.
func loadSources(ctx context.Context, tx *Tx, events []*dyad.Event, byID map[int64]*dyad.Event) error {
	const batch = 500 // well under SQLite's parameter limit
	for lo := 0; lo < len(events); lo += batch {
		hi := min(lo+batch, len(events))
		args := make([]any, 0, hi-lo)
		for _, e := range events[lo:hi] {
			args = append(args, e.ID)
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT s.event_id, s.doc_id, s.sentence, s.start, s.end, d.publisher, d.side, d.date
			FROM event_sources s JOIN documents d ON d.id = s.doc_id
			WHERE s.event_id IN (?`+strings.Repeat(", ?", len(args)-1)+`)
			ORDER BY s.event_id, d.date IS NULL, d.date, s.doc_id, s.sentence`, args...)
		if err != nil {
			return fmt.Errorf("event sources: %w", err)
		}
		for rows.Next() {
			var id int64
			var src dyad.EventSource
			var date sql.NullString
			if err := rows.Scan(&id, &src.DocID, &src.Sentence, &src.Span.Start, &src.Span.End,
				&src.Publisher, &src.Side, &date); err != nil {
				rows.Close()
				return fmt.Errorf("event sources: %w", err)
			}
			if src.DocDate, err = parseDate(date); err != nil {
				rows.Close()
				return fmt.Errorf("event %d: source: %w", id, err)
			}
			e := byID[id]
			e.Sources = append(e.Sources, src)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("event sources: %w", err)
		}
	}
	return nil
}
