package store

import (
	"strconv"
	"strings"
	"time"

	"kouryu/internal/event"
)

// rowColumns are the columns a Row is read from, in scan order.
const rowColumns = `id, source, url, title, description, starts_at, ends_at, all_day,
	venue, address, area, organizer, fee, status, fetched_at,
	label, score, reasons, rules_version,
	first_seen_at, updated_at, last_seen_at, revision,
	fee_yen_min, fee_yen_max, capacity, apply_by, members_only, format, apply_url,
	canonical_id, is_primary`

// dialect is what differs between the backends in the Query statement.
type dialect struct {
	placeholder func(n int) string  // $1 or ?1
	timeArg     func(time.Time) any // a time as the column stores it
	contains    string              // strpos or instr: (haystack, needle) > 0
	searchText  string              // the expression Query.Q's folded needle is looked for in
}

var (
	postgresDialect = dialect{
		placeholder: func(n int) string { return "$" + strconv.Itoa(n) },
		timeArg:     func(t time.Time) any { return t },
		contains:    "strpos",
		// Folded at query time, as fold does (NFKC, then lower case), so
		// writes need not store a folded copy of the description. lower
		// folds beyond ASCII under the database's UTF-8 ctype (C.UTF-8,
		// ja_JP.UTF-8 …), not under the plain "C" locale.
		searchText: `lower(normalize(title || E'\n' || description || E'\n' || venue || E'\n' || organizer, NFKC))`,
	}
	sqliteDialect = dialect{
		placeholder: func(n int) string { return "?" + strconv.Itoa(n) },
		timeArg:     func(t time.Time) any { return sqliteTime(t) },
		contains:    "instr",
		searchText:  "search_text",
	}
)

// querySQL builds the statement for q from fixed fragments; every value is a
// parameter. It asks for Limit+1 rows, so the caller knows whether a next
// page exists.
func querySQL(d dialect, q Query, after *cursor) (string, []any) {
	var (
		b    strings.Builder
		args []any
	)
	arg := func(v any) string {
		args = append(args, v)
		return d.placeholder(len(args))
	}
	b.WriteString("SELECT " + rowColumns + "\nFROM events\nWHERE true")
	if q.Label != "" {
		b.WriteString("\n  AND label = " + arg(string(q.Label)))
	}
	if q.Area != "" {
		// A byte-order range: served by the (area, starts_at) index.
		b.WriteString("\n  AND area >= " + arg(q.Area) + " AND area < " + arg(areaUpper(q.Area)))
	}
	if !q.From.IsZero() {
		b.WriteString("\n  AND starts_at >= " + arg(d.timeArg(q.From)))
	}
	if !q.To.IsZero() {
		b.WriteString("\n  AND starts_at < " + arg(d.timeArg(q.To)))
	}
	if q.Free {
		b.WriteString("\n  AND fee_yen_max = 0")
	}
	if q.Open {
		b.WriteString("\n  AND members_only = " + arg(false))
	}
	if q.Online {
		b.WriteString("\n  AND format IN (" + arg(string(event.Online)) + ", " + arg(string(event.Hybrid)) + ")")
	}
	if !q.ApplyAfter.IsZero() {
		b.WriteString("\n  AND apply_by >= " + arg(d.timeArg(q.ApplyAfter)))
	}
	if q.OnePerEvent {
		b.WriteString("\n  AND is_primary")
	}
	if needle := fold(strings.TrimSpace(q.Q)); needle != "" {
		if q.OnePerEvent {
			// In any listing of the event: the portal's 【難波】 finds the
			// organiser's なにわ. The alias s hides events from the inner
			// queries, so events.… there is the outer row.
			// Each inner query is served by an index: the partial one on
			// canonical_id for the event's other listings, the key for the
			// listing whose id the event has.
			n := arg(needle)
			has := d.contains + "(" + d.searchText + ", " + n + ") > 0"
			b.WriteString("\n  AND (" + has +
				"\n    OR EXISTS (SELECT 1 FROM events s WHERE s.canonical_id = events.canonical_id AND s.canonical_id <> s.id AND " + has + ")" +
				"\n    OR EXISTS (SELECT 1 FROM events s WHERE s.id = events.canonical_id AND s.id <> events.id AND " + has + "))")
		} else {
			b.WriteString("\n  AND " + d.contains + "(" + d.searchText + ", " + arg(needle) + ") > 0")
		}
	}
	switch q.Order {
	case ByAnnounced:
		if after != nil {
			// The bare bound on first_seen_at is where an index scan starts
			// (the row comparison of ByStart bounds it by itself).
			t := arg(d.timeArg(after.At))
			b.WriteString("\n  AND first_seen_at <= " + t + " AND (first_seen_at < " + t + " OR id > " + arg(after.ID) + ")")
		}
		b.WriteString("\nORDER BY first_seen_at DESC, id")
	default:
		if after != nil {
			b.WriteString("\n  AND (starts_at, id) > (" + arg(d.timeArg(after.At)) + ", " + arg(after.ID) + ")")
		}
		b.WriteString("\nORDER BY starts_at, id")
	}
	b.WriteString("\nLIMIT " + arg(q.Limit+1))
	return b.String(), args
}
