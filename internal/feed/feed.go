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
// status other than scheduled) and a description that says when, where (and
// whether online), how much, who may come, how many, until when and where to
// apply, who hosts, in one line why this kind of gathering, and where to read
// more (Fields).
package feed

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/internal/event"
)

// Item is one event in a feed. Published is when kouryu first saw the event
// (the announcement), Updated when its content last changed; a zero Updated is
// taken as Published. Sequence is the event's revision, 0 for the first; it is
// the iCalendar SEQUENCE, so calendar clients replace an older copy.
//
// Sources are every listing of the event when more than one source lists it,
// the event's own (Event.URL) first: the description names the others, so a
// reader sees the event once with a link to each listing.
type Item struct {
	Event     event.Event
	Published time.Time
	Updated   time.Time
	Sequence  int
	Sources   []Source
}

// Source is one listing of an event: the source's id and the listing's page.
type Source struct{ Name, URL string }

// fields are Fields(it.Event) with a 掲載 line for each listing but the
// event's own, after its 詳細 line.
func (it Item) fields() [][2]string {
	f := Fields(it.Event)
	var more [][2]string
	for _, s := range it.Sources {
		if u := oneLine(s.URL); u != "" && u != oneLine(it.Event.URL) {
			more = append(more, [2]string{"掲載", oneLine(s.Name) + " " + u})
		}
	}
	if len(more) == 0 {
		return f
	}
	at := len(f)
	for i, kv := range f {
		if kv[0] == "詳細" {
			at = i + 1
		}
	}
	return append(f[:at:at], append(more, f[at:]...)...)
}

// description is Description of the item's fields.
func (it Item) description() string { return joinFields(it.fields()) }

// Meta describes a feed as a whole. Link is the human page the feed belongs
// to, SelfURL the feed's own address (atom:link rel="self"); Updated is when
// any item last changed. Empty strings are left out where the format allows.
type Meta struct {
	Title, Link, Description, SelfURL string
	Updated                           time.Time
	// Refresh is how often a reader should fetch the feed again: RSS ttl,
	// iCalendar REFRESH-INTERVAL and X-PUBLISHED-TTL. 0 leaves them out.
	Refresh time.Duration
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

// Fields are the labelled lines of an item's description, in order: when,
// what became of it, where (and whether online), the fee, who may come,
// the capacity, the deadline and where to register, the host, one line on
// why this kind of gathering (event.Explain: the classifier's full reasons
// are for operators, in the API and the table), the page, and the event's
// own text last, when it has one. A line the listing gives nothing for is
// left out.
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
	add("会場", Place(e))
	add("参加費", Fee(e))
	add("参加", Who(e))
	if e.Capacity > 0 {
		add("定員", strconv.Itoa(e.Capacity)+"名")
	}
	add("申込締切", Deadline(e))
	if e.ApplyURL != e.URL {
		add("申込", e.ApplyURL)
	}
	add("主催", e.Organizer)
	if why := strings.TrimPrefix(event.Explain(&e), "分類："); why != "" {
		add("分類", why)
	} else if e.Label != "" {
		add("分類", string(e.Label))
	}
	add("詳細", e.URL)
	if d := Clean(strings.TrimSpace(e.Description)); d != "" {
		f = append(f, [2]string{"内容", truncate(d, maxDescription)})
	}
	return f
}

// Place is Where, with how the event is held when it is online:
// オンライン for an online event with no place named, （オンライン参加も可）
// after the place of a hybrid one.
func Place(e event.Event) string {
	w := Where(e)
	switch e.Format {
	case event.Online:
		if w == "" {
			return "オンライン"
		}
		if !strings.Contains(w, "オンライン") {
			return w + "（オンライン）"
		}
	case event.Hybrid:
		if w == "" {
			return "会場・オンライン"
		}
		return w + "（オンライン参加も可）"
	}
	return w
}

// Fee is the fee in the listing's words (会員 2,000円／一般 4,000円), or,
// where it gave none as text, from the yen it stated: 無料, 3,000円,
// 2,000〜4,000円. "" when it states no fee.
func Fee(e event.Event) string {
	if f := oneLine(e.Fee); f != "" {
		return f
	}
	if e.FeeYenMin == nil || e.FeeYenMax == nil {
		return ""
	}
	lo, hi := *e.FeeYenMin, *e.FeeYenMax
	switch {
	case hi == 0:
		return "無料"
	case lo == hi:
		return Yen(hi)
	case lo == 0:
		return "無料〜" + Yen(hi)
	}
	return strings.TrimSuffix(Yen(lo), "円") + "〜" + Yen(hi)
}

// Yen writes n yen as listings do: 3,000円.
func Yen(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String() + "円"
}

// Who says who may come, when the listing says: 会員限定, or 会員以外も参加可.
func Who(e event.Event) string {
	switch {
	case e.MembersOnly == nil:
		return ""
	case *e.MembersOnly:
		return "会員限定"
	}
	return "会員以外も参加可"
}

// Deadline is the application deadline as a listing writes it: 12月1日(火)
// まで, with the time when it is not the end of the day (12月1日(火) 17:00
// まで); "" when the listing gives none.
func Deadline(e event.Event) string {
	if e.ApplyBy.IsZero() {
		return ""
	}
	t := e.ApplyBy.In(event.Tokyo)
	s := fmt.Sprintf("%d月%d日(%s)", int(t.Month()), t.Day(), Weekday(t))
	if t.Hour() != 23 || t.Minute() != 59 {
		s += " " + t.Format("15:04")
	}
	return s + "まで"
}

// Description is the plain-text description of an item: one "key: value"
// line per field.
func Description(e event.Event) string { return joinFields(Fields(e)) }

func joinFields(fields [][2]string) string {
	var b strings.Builder
	for i, kv := range fields {
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
