package feed

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/internal/event"
)

// icsTZ is the VTIMEZONE for Asia/Tokyo: JST all year, no daylight saving
// time since 1951, so one STANDARD component is exact.
const icsTZ = "BEGIN:VTIMEZONE\r\n" +
	"TZID:Asia/Tokyo\r\n" +
	"BEGIN:STANDARD\r\n" +
	"DTSTART:19700101T000000\r\n" +
	"TZOFFSETFROM:+0900\r\n" +
	"TZOFFSETTO:+0900\r\n" +
	"TZNAME:JST\r\n" +
	"END:STANDARD\r\n" +
	"END:VTIMEZONE\r\n"

// ICSUID is the UID of the event with the given id.
func ICSUID(id string) string { return id + "@kouryu" }

// ICS writes items as an iCalendar (RFC 5545) VCALENDAR of VEVENTs. Timed
// events are in TZID=Asia/Tokyo (the VTIMEZONE is included), all-day events
// are VALUE=DATE with an exclusive DTEND; a cancelled event has
// STATUS:CANCELLED; SEQUENCE is the item's Sequence and DTSTAMP its Updated
// time, so a client keeps the newest copy. Lines end in CRLF and are folded at
// 75 octets between UTF-8 characters. An error is the writer's.
func ICS(w io.Writer, m Meta, items []Item) error {
	bw := bufio.NewWriter(w)
	c := icsWriter{w: bw}
	c.line("BEGIN:VCALENDAR")
	c.line("VERSION:2.0")
	c.line("PRODID:-//kouryu//kouryu feed//JA")
	c.line("CALSCALE:GREGORIAN")
	c.line("METHOD:PUBLISH")
	if t := oneLine(m.Title); t != "" {
		c.line("X-WR-CALNAME:" + icsText(t))
	}
	if d := oneLine(m.Description); d != "" {
		c.line("X-WR-CALDESC:" + icsText(d))
	}
	c.line("X-WR-TIMEZONE:Asia/Tokyo")
	if m.Refresh > 0 {
		// RFC 7986's REFRESH-INTERVAL, and the X-PUBLISHED-TTL that
		// Outlook and older clients read instead.
		c.line("REFRESH-INTERVAL;VALUE=DURATION:" + icsDuration(m.Refresh))
		c.line("X-PUBLISHED-TTL:" + icsDuration(m.Refresh))
	}
	c.raw(icsTZ)
	for _, it := range items {
		e := it.Event
		c.line("BEGIN:VEVENT")
		c.line("UID:" + icsText(ICSUID(oneLine(e.ID))))
		stamp := it.updated()
		if stamp.IsZero() {
			stamp = m.Updated
		}
		if stamp.IsZero() {
			stamp = time.Unix(0, 0)
		}
		c.line("DTSTAMP:" + icsUTC(stamp))
		if !it.Published.IsZero() {
			c.line("CREATED:" + icsUTC(it.Published))
		}
		if !it.Updated.IsZero() {
			c.line("LAST-MODIFIED:" + icsUTC(it.Updated))
		}
		c.line("SEQUENCE:" + strconv.Itoa(max(it.Sequence, 0)))
		if e.AllDay {
			start := e.StartsAt.In(event.Tokyo)
			end := start
			if !e.EndsAt.IsZero() && e.EndsAt.After(e.StartsAt) {
				end = e.EndsAt.In(event.Tokyo)
			}
			c.line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
			c.line("DTEND;VALUE=DATE:" + end.AddDate(0, 0, 1).Format("20060102"))
		} else {
			c.line("DTSTART;TZID=Asia/Tokyo:" + icsLocal(e.StartsAt))
			if !e.EndsAt.IsZero() && e.EndsAt.After(e.StartsAt) {
				c.line("DTEND;TZID=Asia/Tokyo:" + icsLocal(e.EndsAt))
			}
		}
		c.line("SUMMARY:" + icsText(Title(e)))
		if where := Where(e); where != "" {
			c.line("LOCATION:" + icsText(where))
		}
		c.line("DESCRIPTION:" + icsText(it.description()))
		if u := oneLine(e.URL); u != "" && !strings.ContainsAny(u, "\"") {
			c.line("URL:" + u)
		}
		if j := e.Label.Japanese(); j != "" {
			c.line("CATEGORIES:" + icsText(j))
		}
		switch e.Status {
		case event.StatusCancelled:
			c.line("STATUS:CANCELLED")
		case event.StatusPostponed:
			c.line("STATUS:TENTATIVE")
		default:
			c.line("STATUS:CONFIRMED")
		}
		c.line("TRANSP:TRANSPARENT")
		c.line("END:VEVENT")
	}
	c.line("END:VCALENDAR")
	if c.err != nil {
		return fmt.Errorf("write calendar: %w", c.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write calendar: %w", err)
	}
	return nil
}

func icsUTC(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsDuration writes d as an RFC 5545 DURATION of whole seconds: PT1H,
// PT1H30M, PT45S.
func icsDuration(d time.Duration) string {
	sec := int64(max(d.Round(time.Second), time.Second) / time.Second)
	h, m, s := sec/3600, sec/60%60, sec%60
	out := "PT"
	if h > 0 {
		out += strconv.FormatInt(h, 10) + "H"
	}
	if m > 0 {
		out += strconv.FormatInt(m, 10) + "M"
	}
	if s > 0 {
		out += strconv.FormatInt(s, 10) + "S"
	}
	return out
}
func icsLocal(t time.Time) string { return t.In(event.Tokyo).Format("20060102T150405") }

// icsText escapes s as an RFC 5545 TEXT value: backslash, semicolon, comma
// and newline are escaped, and characters TEXT does not allow (controls other
// than tab) are dropped.
func icsText(s string) string {
	s = strings.ReplaceAll(Clean(s), "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r == '\t' || r >= 0x20 && r != 0x7F {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

type icsWriter struct {
	w   *bufio.Writer
	err error
}

func (c *icsWriter) raw(s string) {
	if c.err == nil {
		_, c.err = c.w.WriteString(s)
	}
}

// line writes one content line, folded so that no physical line exceeds 75
// octets (the CRLF not counted) and no UTF-8 character is split: a
// continuation starts with one space, which counts toward its 75.
func (c *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		c.raw(s[:cut])
		c.raw("\r\n ")
		s = s[cut:]
		limit = 74
	}
	c.raw(s)
	c.raw("\r\n")
}
