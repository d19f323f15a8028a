package publisher

import (
	"strings"
	"unicode/utf8"

	"kouryu/internal/event"
	"kouryu/internal/feed"
)

// Bounds of the text of one event as the server renders it. A page may hand
// the crawler a title of a megabyte; rendered whole, a hundred such events
// make every feed and the page ~100 MB, re-rendered per request since no
// cache keeps bodies that large. Clipped, no body passes a few megabytes.
const (
	maxTitle   = 300  // runes
	maxShort   = 200  // runes: venue, address, area, organizer, fee, each reason
	maxText    = 5000 // runes: the description (a feed keeps 600 of them)
	maxURL     = 2048 // bytes: a longer URL is not one a page links to
	maxReasons = 20
	clipMark   = "…"
)

// bounded returns e as the server renders it: every text field cleaned (no
// control or bidirectional characters, valid UTF-8: feed.Clean) and clipped to
// its bound. Identity fields (id, source, label, status) are the pipeline's
// own and are left as they are.
func bounded(e event.Event) event.Event {
	e.Title = clip(e.Title, maxTitle)
	e.Description = clip(e.Description, maxText)
	e.Venue = clip(e.Venue, maxShort)
	e.Address = clip(e.Address, maxShort)
	e.Area = clip(e.Area, maxShort)
	e.Organizer = clip(e.Organizer, maxShort)
	e.Fee = clip(e.Fee, maxShort)
	if len(e.URL) > maxURL {
		e.URL = ""
	} else {
		e.URL = feed.Clean(e.URL)
	}
	if len(e.Reasons) > 0 {
		rs := make([]string, 0, min(len(e.Reasons), maxReasons))
		for _, r := range e.Reasons[:min(len(e.Reasons), maxReasons)] {
			rs = append(rs, clip(r, maxShort))
		}
		e.Reasons = rs
	}
	return e
}

// clip returns s cleaned (feed.Clean) and cut to at most n runes, "…" in
// place of what is cut. It reads s only as far as the cut, so a huge field
// costs no more than a short one.
func clip(s string, n int) string {
	if len(s) <= n { // n bytes are at most n runes
		return feed.Clean(s)
	}
	i, count := 0, 0
	for i < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		count++
	}
	if i == len(s) {
		return feed.Clean(s)
	}
	return strings.TrimSpace(feed.Clean(s[:i])) + clipMark
}
