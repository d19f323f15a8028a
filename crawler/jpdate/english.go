package jpdate

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Sites built on English-language tools (Webflow, Wix, Eventbrite widgets)
// print their date fields in English even on Japanese pages: December 10,
// 2026, Dec 10, 2026, 10 December 2026. fromEnglish rewrites such dates into
// the Japanese form the lexer reads (2026年12月10日), leaving the rest of the
// text, a weekday and a time after it, as it was.

const monthNames = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	// December 10, 2026; Dec. 10th 2026; December 10 (no year).
	englishMonthFirst = regexp.MustCompile(`(?i)\b` + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?`)
	// 10 December 2026; 10th Dec, 2026; 10 December (no year).
	englishDayFirst = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `(?:\b,?\s*(\d{4})\b|\b)`)
)

// monthDayCommaYear is an English date format printed with Japanese month
// names, as WordPress plugins localise "F j, Y" (My Calendar's 12月 16,
// 2026).
var monthDayCommaYear = regexp.MustCompile(`\b(\d{1,2})月\s*(\d{1,2}),\s*(\d{4})\b`)

// fromEnglish returns text with its English month-name dates in Japanese
// form, or text itself when it has none.
func fromEnglish(text string) string {
	if strings.Contains(text, ",") && strings.Contains(text, "月") {
		text = monthDayCommaYear.ReplaceAllString(text, "${3}年${1}月${2}日")
	}
	if !hasLetters(text) {
		return text
	}
	text = rewriteHours(text)
	text = englishMonthFirst.ReplaceAllStringFunc(text, func(s string) string {
		m := englishMonthFirst.FindStringSubmatch(s)
		return japaneseDate(m[3], m[1], m[2])
	})
	return englishDayFirst.ReplaceAllStringFunc(text, func(s string) string {
		m := englishDayFirst.FindStringSubmatch(s)
		return japaneseDate(m[3], m[2], m[1])
	})
}

// englishHours is a range of hours as Eventbrite prints it, the meridiem
// written once at the end: 7 - 9:30pm, 6:30 - 9pm, 11am - 1pm.
var englishHours = regexp.MustCompile(`(?i)\b(1[0-2]|0?[1-9])(?::(\d{2}))?\s*(am|pm)?\s*[-–~〜]\s*(1[0-2]|0?[1-9])(?::(\d{2}))?\s*(am|pm)\b`)

// monthBefore is a month's name ending the text before a number: the
// number is its day (Dec 12 - 1pm), not an hour.
var monthBefore = regexp.MustCompile(`(?i)` + monthNames + `\s*$`)

// rewriteHours writes text's englishHours ranges on the 24-hour clock.
func rewriteHours(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range englishHours.FindAllStringSubmatchIndex(text, -1) {
		if monthBefore.MatchString(text[:loc[0]]) {
			continue
		}
		m := make([]string, 6)
		for i := range m {
			if loc[2+2*i] >= 0 {
				m[i] = text[loc[2+2*i]:loc[3+2*i]]
			}
		}
		b.WriteString(text[last:loc[0]])
		b.WriteString(clockRange(m))
		last = loc[1]
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// clockRange writes englishHours' groups (start hour, minute, meridiem, end
// hour, minute, meridiem) on the 24-hour clock: 19:00〜21:30. A start
// without its meridiem shares the end's, unless that puts it after the
// end (11 - 1pm is 11:00〜13:00).
func clockRange(m []string) string {
	hour := func(h, mer string) int {
		n, _ := strconv.Atoi(h)
		n %= 12
		if strings.EqualFold(mer, "pm") {
			n += 12
		}
		return n
	}
	minute := func(s string) int {
		n, _ := strconv.Atoi(s)
		return n
	}
	eh := hour(m[3], m[5])
	sh := hour(m[0], cmp.Or(m[2], m[5]))
	if m[2] == "" && sh*60+minute(m[1]) > eh*60+minute(m[4]) && sh >= 12 {
		sh -= 12
	}
	return fmt.Sprintf("%d:%02d〜%d:%02d", sh, minute(m[1]), eh, minute(m[4]))
}

// japaneseDate writes year (maybe empty), an English month name and a day
// as 2026年12月10日.
func japaneseDate(year, month, day string) string {
	m := monthNumber(month)
	d := strings.TrimLeft(day, "0")
	if year != "" {
		return year + "年" + strconv.Itoa(m) + "月" + d + "日"
	}
	return strconv.Itoa(m) + "月" + d + "日"
}

func monthNumber(name string) int {
	prefix := strings.ToLower(name[:3])
	for i, n := range [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if prefix == n {
			return i + 1
		}
	}
	return 0
}

// hasLetters reports whether s holds an ASCII letter, the cheap test that
// spares most Japanese texts the regular expressions.
func hasLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			return true
		}
	}
	return false
}
