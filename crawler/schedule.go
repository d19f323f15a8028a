package crawler

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// Schedules and month tables: what a table's rows write apart from their
// date — a day and a weekday in columns of their own under a month
// heading — and what a row's notes change.

// fieldWeekday is a table's weekday column (曜, 曜日): it goes with a day
// column that writes the day alone. It is not among FieldNames.
const fieldWeekday = "weekday"

// exactColumns name a column by its whole header: a header this short
// would name other columns too if it were looked for inside them.
var exactColumns = map[string]string{
	"日": FieldDate, "日にち": FieldDate,
	"曜": fieldWeekday, "曜日": fieldWeekday,
}

var (
	// bareDays is a day cell of a month table: 3, 15・16, 28～31.
	bareDays = regexp.MustCompile(`^[0-9０-９]{1,2}(?:\s*[・、,，～〜~\-－]\s*[0-9０-９]{1,2})*$`)
	dayNum   = regexp.MustCompile(`[0-9０-９]{1,2}`)
	weekday  = regexp.MustCompile(`[日月火水木金土]`)
)

// dayCellDate writes a month table's day cell as a date: 3 and 木 →
// 3日（木）, 15・16 and 火・水 → 15日（火）・16日（水）. The weekdays go with
// the days when there are as many of each; a holiday mark (祝) is left out.
// A cell that is not a bare day is returned as it is.
func dayCellDate(day, wday string) string {
	day = strings.TrimSpace(day)
	if !bareDays.MatchString(day) {
		return day
	}
	w := strings.NewReplacer("曜日", "", "曜", "", "祝", "", "休", "").Replace(wday)
	wdays := weekday.FindAllString(w, -1)
	days := dayNum.FindAllStringIndex(day, -1)
	if len(wdays) != len(days) {
		wdays = nil
	}
	var b strings.Builder
	last := 0
	for i, loc := range days {
		b.WriteString(day[last:loc[1]])
		b.WriteString("日")
		if wdays != nil {
			b.WriteString("（" + wdays[i] + "）")
		}
		last = loc[1]
	}
	b.WriteString(day[last:])
	return b.String()
}

// rowDayCell is the cell of a table row under its date column, and the
// date it writes when the cell is a bare day with the weekday column
// beside it (3 / 木 → 3日（木）); ok is false for a row of another set or a
// cell that is no bare day.
func rowDayCell(s *recordSet, r *record) (cell *html.Node, date string, ok bool) {
	if s.columns == nil || len(r.nodes) != 1 {
		return nil, "", false
	}
	cells := elementChildren(r.nodes[0])
	wday := ""
	for i, f := range s.columns {
		if f == fieldWeekday && i < len(cells) {
			wday = cellText(cells[i])
		}
	}
	for i, f := range s.columns {
		if f != FieldDate || i >= len(cells) {
			continue
		}
		v := cellText(cells[i])
		if !bareDays.MatchString(v) {
			return nil, "", false
		}
		return cells[i], dayCellDate(v, wday), true
	}
	return nil, "", false
}
