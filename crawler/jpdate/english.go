package jpdate

import (
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
	text = englishMonthFirst.ReplaceAllStringFunc(text, func(s string) string {
		m := englishMonthFirst.FindStringSubmatch(s)
		return japaneseDate(m[3], m[1], m[2])
	})
	return englishDayFirst.ReplaceAllStringFunc(text, func(s string) string {
		m := englishDayFirst.FindStringSubmatch(s)
		return japaneseDate(m[3], m[2], m[1])
	})
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
