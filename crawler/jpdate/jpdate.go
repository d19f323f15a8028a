package jpdate

import (
	"errors"
	"strings"
	"time"
)

// Tokyo is Japan Standard Time. Japan keeps no daylight saving time, so a
// fixed zone is exact and needs no tzdata on the host.
var Tokyo = time.FixedZone("Asia/Tokyo", 9*3600)

// Span is when an event takes place, in Tokyo time.
//
// For a text without a time of day, Start is the first day at 00:00 and AllDay
// is true; End is then the last day at 00:00 when the text names several days,
// and zero otherwise. For a text with a time, End is the end instant when the
// text gives one (an end past midnight lands on the next day) and zero when it
// does not. End is never before Start.
type Span struct {
	Start, End time.Time
	AllDay     bool
}

var (
	// ErrNoDate is wrapped by every error of Parse that returns no date: the
	// text names no single day (no date at all, only a month, a vague part of a
	// month, a recurring rule, 未定, a time alone) or names an impossible one.
	ErrNoDate = errors.New("jpdate: no date")

	// ErrNoTime is wrapped by the error of ParseTime when the text has no time.
	ErrNoTime = errors.New("jpdate: no time")

	// ErrWeekday is wrapped when the written weekday contradicts an explicit
	// date. Parse then returns the written date in its Span together with the
	// error, so a caller that trusts the date can still use it; a caller that
	// checks only err != nil stays safe.
	ErrWeekday = errors.New("jpdate: weekday contradicts the date")

	// ErrAmbiguous is wrapped when the text leaves open a part of the reading
	// that Parse or ParseTime filled in by a convention of the package doc: the
	// half of the day of a bare hour (7時), which night 深夜2時 belongs to,
	// 午前12時, or the month of a day written alone (8日). The reading is
	// returned in the Span together with the error, as for ErrWeekday: a
	// caller that has a better source for the time or the month should prefer
	// it, and a caller that checks only err != nil stays safe.
	ErrAmbiguous = errors.New("jpdate: reading rests on a convention")
)

// Error is the error Parse and ParseTime return: the text and, in words, why it
// could not be read or what in it is in doubt. It unwraps to ErrNoDate,
// ErrNoTime, ErrWeekday, ErrAmbiguous, or both of the last two.
type Error struct {
	Text   string
	Reason string
	Err    error
}

func (e *Error) Error() string { return "jpdate: " + quote(e.Text) + ": " + e.Reason }

// Unwrap returns the sentinel the error belongs to.
func (e *Error) Unwrap() error { return e.Err }

func quote(s string) string {
	const max = 80
	if len(s) > max {
		cut := max
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// noDate returns an ErrNoDate error; Parse fills in the text, which the
// parser does not hold so that its tokens can stay on the stack.
func noDate(reason string) error { return &Error{Reason: reason, Err: ErrNoDate} }

// Parse reads the first date (or run of days) in text, with its time when one
// follows, as Japanese event pages write it. ref is when the page was read: a
// date without a year falls in the nearest year that puts it no more than two
// months before ref, unless a written weekday picks another nearby year.
//
// What it cannot read as a day is an error wrapping ErrNoDate and saying why,
// never a guess. A weekday that contradicts an explicit date returns the
// written date and an error wrapping ErrWeekday; a reading that rests on a
// convention returns it with an error wrapping ErrAmbiguous.
func Parse(text string, ref time.Time) (Span, error) {
	if sp, ok := parseISO(text); ok {
		return sp, nil
	}
	var buf [48]token
	p := newParser(lex(buf[:0], fromEnglish(text)), ref)
	sp, err := p.parse()
	if e, ok := err.(*Error); ok {
		e.Text = text
	}
	return sp, err
}

// ParseTime applies a time text (18:30〜20:30, 午後6時半から, 開場 18:00 / 開始
// 18:30) to a day known from elsewhere: the date of day in Tokyo. A date in
// text is ignored. Without a time it returns an error wrapping ErrNoTime; a
// bare hour whose half of the day the text leaves open (7時) is returned
// with an error wrapping ErrAmbiguous.
func ParseTime(text string, day time.Time) (Span, error) {
	var buf [48]token
	p := parser{toks: lex(buf[:0], text)}
	day = day.In(Tokyo)
	d := ymd{day.Year(), int(day.Month()), day.Day()}
	sp, amb, ok := p.times(0, d, d)
	if !ok {
		return Span{}, &Error{Text: text, Reason: "no time of day", Err: ErrNoTime}
	}
	if amb {
		return sp, &Error{Text: text, Reason: "the half of the day (or the night) of an hour is not written", Err: ErrAmbiguous}
	}
	return sp, nil
}

// parseISO reads an RFC 3339 timestamp such as feeds and front matter carry.
func parseISO(text string) (Span, bool) {
	s := strings.TrimSpace(text)
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' {
		return Span{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t, err = time.ParseInLocation("2006-01-02T15:04:05", s, Tokyo)
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02T15:04", s, Tokyo)
			if err != nil {
				return Span{}, false
			}
		}
	}
	return Span{Start: t.In(Tokyo)}, true
}
