package crawler

import (
	"regexp"
	"time"
	"unicode/utf8"

	"kouryu/crawler/jpdate"
)

// A fair over days in a row often gives each day its own line and hours
// (2027年2月12日（金）10:00～17:00 / 2027年2月13日（土）10:00～16:00, the
// second day closing earlier): one event, from the first day's opening to
// the last day's close. Days that are not in a row are sessions, each its
// own event, and are left alone.

// dayStart is where a written date begins: 2027年2月12日, 2月12日, 2027/2/12.
var dayStart = regexp.MustCompile(`(?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日|(?:19|20)[0-9]{2}\s*[/／.]\s*[0-9]{1,2}\s*[/／.]\s*[0-9]{1,2}`)

// dayHours reads text written as days in a row, each with its hours: start
// is the first day's opening, end the last day's close; ok is false for
// any other text.
func dayHours(text string, ref time.Time) (start, end time.Time, ok bool) {
	idx := dayStart.FindAllStringIndex(text, -1)
	if len(idx) < 2 || idx[0][0] != 0 {
		return time.Time{}, time.Time{}, false
	}
	var prev jpdate.Span
	for i, m := range idx {
		stop := len(text)
		if i+1 < len(idx) {
			stop = idx[i+1][0]
		}
		seg := text[m[0]:stop]
		sp, err := jpdate.Parse(seg, ref)
		if err != nil || sp.AllDay || sp.End.IsZero() {
			return time.Time{}, time.Time{}, false
		}
		if i == 0 {
			start = sp.Start
		} else if !sameDate(prev.Start.AddDate(0, 0, 1), sp.Start) {
			return time.Time{}, time.Time{}, false
		}
		prev = sp
	}
	return start, prev.End, true
}

// dayHoursLine says whether a line is a day and its hours alone, the way a
// value's further days are written under its first.
func dayHoursLine(line string) bool {
	l := normSpace(line)
	if m := dayStart.FindStringIndex(l); m == nil || m[0] != 0 || utf8.RuneCountInString(l) > 40 {
		return false
	}
	sp, err := jpdate.Parse(l, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo))
	return err == nil && !sp.AllDay && !sp.End.IsZero()
}
