package crawler

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"kouryu/internal/event"
)

// The longest text an event keeps in each field, in characters. Real pages
// stay far below (a title of 60, a venue with its floor of 40); beyond them
// a page is not describing an event, and the rest would only fill the
// table, the feeds and the classifier's input. A cut is a problem of the
// crawl naming the event and the field.
const (
	maxTitleRunes = 300
	maxDescRunes  = 4000
	maxPlaceRunes = 200 // venue, address
	maxOtherRunes = 200 // organizer, fee
	// maxURLBytes: a longer URL is no event's; it is refused, since a cut
	// one would lead nowhere.
	maxURLBytes = 2048
)

// fieldLimit is the limit of a field by its name in Fields.
func fieldLimit(name string) int {
	switch name {
	case FieldTitle:
		return maxTitleRunes
	case FieldDescription:
		return maxDescRunes
	case FieldVenue, FieldAddress:
		return maxPlaceRunes
	}
	return maxOtherRunes
}

// limitFields cleans every text field of e (cleanText) and cuts each to its
// limit; notes name the fields cut, for the crawl's problems.
func limitFields(e *event.Event) (notes []string) {
	fields := []struct {
		name string
		v    *string
	}{
		{FieldTitle, &e.Title}, {FieldDescription, &e.Description}, {FieldVenue, &e.Venue},
		{FieldAddress, &e.Address}, {FieldOrganizer, &e.Organizer}, {FieldFee, &e.Fee},
	}
	var cut []string
	for _, f := range fields {
		*f.v = cleanText(*f.v, f.name == FieldDescription)
		if n := utf8.RuneCountInString(*f.v); n > fieldLimit(f.name) {
			*f.v = cutRunes(*f.v, fieldLimit(f.name))
			cut = append(cut, fmt.Sprintf("%s cut to %d characters (it had %d)", f.name, fieldLimit(f.name), n))
		}
	}
	for _, c := range cut {
		notes = append(notes, fmt.Sprintf("%s: %q: %s", e.URL, truncateRunes(e.Title, 60), c))
	}
	return notes
}

// cleanText removes from crawled text what would act on a reader's screen
// instead of being read: the C0 and C1 control characters (a terminal
// escape such as ESC [2J clears an operator's screen) and the bidirectional
// embeddings, overrides, isolates and marks (U+202A–202E, U+2066–2069,
// U+200E, U+200F), which make a title display in another order than it
// reads. A multiline text (the description) keeps its line breaks and tabs;
// other fields become one line. Invalid UTF-8 becomes U+FFFD.
func cleanText(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.IndexFunc(s, func(r rune) bool {
		return unsafeRune(r) && !(multiline && (r == '\n' || r == '\t')) || r == '\u2028' || r == '\u2029'
	}) < 0 {
		return s
	}
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r' || r == '\u2028' || r == '\u2029':
			if !multiline {
				return ' '
			}
			if r == '\t' {
				return r
			}
			return '\n'
		case unsafeRune(r):
			return -1
		}
		return r
	}, s)
	if !multiline {
		return normSpace(s)
	}
	return s
}

// cutRunes cuts s to n characters, the last one an ellipsis.
func cutRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}

// unsafeRune reports a control or bidirectional formatting character.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f:
		return true
	}
	return false
}
