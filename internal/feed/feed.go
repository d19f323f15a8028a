// Package feed renders events as RSS 2.0, Atom 1.0 and iCalendar (RFC 5545).
//
// It is pure: a slice of Items and the feed's Meta in, bytes out, with no I/O
// but the io.Writer it is given. Whatever the text of an event holds (markup,
// control characters, "]]>", emoji, invalid UTF-8), the output is well-formed:
// characters XML 1.0 forbids are dropped before writing, and encoding/xml
// escapes the rest.
//
// Every item carries the same words in every format: a title that leads with
// the date in Japanese (【12/3(木) 18:30】タイトル, 【中止】 and the like for a
// status other than scheduled) and a description that says when, where, how
// much, who, which label and why, and where to read more.
package feed

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/internal/event"
)

// Item is one event in a feed. Published is when kouryu first saw the event
// (the announcement), Updated when its content last changed; a zero Updated is
// taken as Published. Sequence is the event's revision, 0 for the first; it is
// the iCalendar SEQUENCE, so calendar clients replace an older copy.
type Item struct {
	Event     event.Event
	Published time.Time
	Updated   time.Time
	Sequence  int
}

// Meta describes a feed as a whole. Link is the human page the feed belongs
// to, SelfURL the feed's own address (atom:link rel="self"); Updated is when
// any item last changed. Empty strings are left out where the format allows.
type Meta struct {
	Title, Link, Description, SelfURL string
	Updated                           time.Time
}

func (it Item) updated() time.Time {
	if it.Updated.IsZero() {
		return it.Published
	}
	return it.Updated
}

var weekdays = [...]string{"日", "月", "火", "水", "木", "金", "土"}

// Weekday is the one-character Japanese name of t's weekday in Tokyo (木).
func Weekday(t time.Time) string { return weekdays[t.In(event.Tokyo).Weekday()] }

// ShortDate is t in Tokyo as a listing writes it: 12/3(木).
func ShortDate(t time.Time) string {
	t = t.In(event.Tokyo)
	return fmt.Sprintf("%d/%d(%s)", int(t.Month()), t.Day(), Weekday(t))
}

// StatusMark is the bracketed Japanese mark for a status other than
// scheduled (【中止】, 【延期】, 【満席】), or "".
func StatusMark(s event.Status) string {
	switch s {
	case event.StatusCancelled:
		return "【中止】"
	case event.StatusPostponed:
		return "【延期】"
	case event.StatusFull:
		return "【満席】"
	}
	return ""
}

// Title is the title an item carries in every format: the date first, then
// the status mark, then the event's own title, cleaned for XML.
func Title(e event.Event) string {
	var b strings.Builder
	b.WriteString("【")
	b.WriteString(ShortDate(e.StartsAt))
	if !e.AllDay {
		b.WriteString(" ")
		b.WriteString(e.StartsAt.In(event.Tokyo).Format("15:04"))
	}
	b.WriteString("】")
	title := oneLine(e.Title)
	// A page that already marks its title (【中止】…, …【満席】) keeps its
	// own mark, and the status mark leads the title otherwise.
	if mark := StatusMark(e.Status); mark != "" && !strings.Contains(title, mark) {
		b.WriteString(mark)
	}
	b.WriteString(title)
	return b.String()
}

// When says when e takes place, in Japanese, with its end when known:
// 2026年12月3日(木) 18:30〜20:30, or over several days
// 2026年12月3日(木) 18:30〜12月4日(金) 12:00.
func When(e event.Event) string {
	s := e.StartsAt.In(event.Tokyo)
	var b strings.Builder
	fmt.Fprintf(&b, "%d年%d月%d日(%s)", s.Year(), int(s.Month()), s.Day(), Weekday(s))
	if !e.AllDay {
		b.WriteString(" " + s.Format("15:04"))
	}
	if e.EndsAt.IsZero() {
		return b.String()
	}
	end := e.EndsAt.In(event.Tokyo)
	sameDay := end.Year() == s.Year() && end.YearDay() == s.YearDay()
	switch {
	case e.AllDay && sameDay:
	case e.AllDay:
		fmt.Fprintf(&b, "〜%d月%d日(%s)", int(end.Month()), end.Day(), Weekday(end))
	case sameDay:
		b.WriteString("〜" + end.Format("15:04"))
	default:
		fmt.Fprintf(&b, "〜%d月%d日(%s) %s", int(end.Month()), end.Day(), Weekday(end), end.Format("15:04"))
	}
	return b.String()
}

// Where joins venue, address and area, leaving out what is empty or repeated.
func Where(e event.Event) string {
	var parts []string
	for _, p := range []string{e.Venue, e.Address} {
		if p = oneLine(p); p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, " ")
	if a := oneLine(e.Area); a != "" && !strings.Contains(s, a) {
		if a == "online" {
			a = "オンライン"
		}
		if s == "" {
			return a
		}
		s += "（" + a + "）"
	}
	return s
}

// maxDescription bounds the event's own text in a description, in runes: a
// feed item is a pointer to the page, not a copy of it.
const maxDescription = 600

// Fields are the labelled lines of an item's description, in order. The last
// field is the event's own text, when it has one.
func Fields(e event.Event) [][2]string {
	f := [][2]string{{"日時", When(e)}}
	if mark := StatusMark(e.Status); mark != "" {
		f = append(f, [2]string{"状況", strings.Trim(mark, "【】")})
	}
	add := func(k, v string) {
		if v = oneLine(v); v != "" {
			f = append(f, [2]string{k, v})
		}
	}
	add("会場", Where(e))
	add("参加費", e.Fee)
	add("主催", e.Organizer)
	if e.Label != "" {
		l := e.Label.Japanese()
		if l == "" {
			l = string(e.Label)
		}
		if len(e.Reasons) > 0 {
			l += "（" + oneLine(strings.Join(e.Reasons, "、")) + "）"
		}
		f = append(f, [2]string{"分類", l})
	}
	add("詳細", e.URL)
	if d := Clean(strings.TrimSpace(e.Description)); d != "" {
		f = append(f, [2]string{"内容", truncate(d, maxDescription)})
	}
	return f
}

// Description is the plain-text description of an item: one "key: value"
// line per field.
func Description(e event.Event) string {
	var b strings.Builder
	for i, kv := range Fields(e) {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(kv[0] + "：" + kv[1])
	}
	return b.String()
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n])) + "…"
}

// oneLine cleans s and folds every run of white space into one space.
func oneLine(s string) string { return strings.Join(strings.Fields(Clean(s)), " ") }

// Clean returns s without what XML 1.0 forbids: invalid UTF-8 (lone
// surrogates included), C0 controls other than tab, newline and carriage
// return, and U+FFFE/U+FFFF. It also drops the other noncharacters and C1
// controls, which are allowed but "discouraged" and only confuse readers,
// and the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069): Japanese event text needs none, and an override (U+202E)
// makes a title read backwards, hiding what it says.
func Clean(s string) string {
	ok := true
	for i, r := range s {
		if !allowed(r) || (r == utf8.RuneError && isBad(s[i:])) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		if r == utf8.RuneError && isBad(s[i:]) {
			continue
		}
		if allowed(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBad(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return r == utf8.RuneError && size <= 1
}

func allowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0xD800 && r <= 0xDFFF:
		return false
	case r >= 0xFDD0 && r <= 0xFDEF:
		return false
	case r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069:
		return false
	case r&0xFFFE == 0xFFFE: // U+FFFE, U+FFFF and their twins in every plane
		return false
	case r > 0x10FFFF:
		return false
	}
	return true
}
