package crawler

import (
	"strings"

	"kouryu/crawler/area"
	"kouryu/internal/event"
)

// where is what an event's own text says of where it is held.
type where struct {
	area   string // Osaka municipality or ward, area.Online, or "" (elsewhere, unknown, Osaka without a municipality)
	pref   string // area.Osaka, another prefecture, or "" (online, unknown)
	online bool
	from   string // the field that said it: address, venue, description, title
	text   string // what it said, for the report
}

// known reports whether the event names a place at all.
func (w where) known() bool { return w.pref != "" || w.online }

// osaka reports whether the event is held in Osaka prefecture or online:
// one kouryu lists.
func (w where) osaka() bool { return w.pref == area.Osaka || w.online }

// placeOf reads where e is held from its own text, the first that names a
// place of: its address, its venue, the place lines of its description
// (会場, 開催場所, 場所, 住所 …: connpass's calendars write the place only
// there), its title (OSC大阪, Sendai.go, 【オンライン】), and last a
// description that says it is held online (Zoom で開催). The source's area
// plays no part: it is the default of an event that names no place.
func placeOf(e event.Event) where {
	lines := labelledText(e.Description)
	for _, t := range []struct{ from, text string }{
		{"address", e.Address}, {"venue", e.Venue},
		{"description", lines[FieldAddress]}, {"description", lines[FieldVenue]},
		{"title", e.Title},
	} {
		if w, ok := placeIn(t.text); ok {
			w.from, w.text = t.from, t.text
			if w.pref == area.Osaka {
				// The most precise area any of the place texts names: 大阪府
				// in the address, 梅田 in the venue.
				if a := area.Resolve(e.Address, e.Venue, lines[FieldAddress], lines[FieldVenue], e.Title); area.InOsaka(a) {
					w.area = a
				}
			}
			return w
		}
	}
	if said := onlineIfSaid(e.Description); said != "" {
		return where{area: area.Online, online: true, from: "description", text: said}
	}
	return where{}
}

// areaOf is the area of an event held at w, of src: the Osaka
// municipality or ward it names, or online; the source's area when it names
// Osaka without a municipality (OSC大阪) and the source is in Osaka, or
// when it names no place at all; "" when it is held elsewhere.
func areaOf(src *Source, w where) string {
	switch {
	case w.area != "":
		return w.area
	case !w.known():
		return src.Area
	case w.pref == area.Osaka && area.InOsaka(src.Area):
		return src.Area
	}
	return ""
}

// placeIn reads one text for a place: Osaka (and its area), another
// prefecture, or online; ok is false when it names none.
func placeIn(text string) (w where, ok bool) {
	if strings.TrimSpace(text) == "" {
		return where{}, false
	}
	a := area.Lookup(text)
	switch p := area.Prefecture(text); {
	case p == area.Osaka:
		if area.InOsaka(a) {
			w.area = a
		}
		w.pref = p
		return w, true
	case p != "":
		w.pref = p
		return w, true
	case a == area.Online:
		return where{area: area.Online, online: true}, true
	}
	return where{}, false
}

// onlineWords, in an event's description, say it is held online.
var onlineWords = []string{"オンライン開催", "オンラインで開催", "オンライン配信", "オンラインのみ", "配信のみ",
	"Zoom", "zoom", "ZOOM", "YouTube Live", "YouTubeライブ", "ウェビナー", "Teams で", "Google Meet"}

// onlineIfSaid returns the words by which text says its event is held
// online, "" when it does not. Only the start of a long text is read.
func onlineIfSaid(text string) string {
	if len(text) > 2000 {
		text = text[:2000]
	}
	for _, w := range onlineWords {
		if strings.Contains(text, w) {
			return w
		}
	}
	return ""
}

// placeFields are the venue and address of an event that has neither,
// from the place lines of its description: 【会場】…, 開催場所: address
// (venue).
func placeFields(description string) (venue, addr string) {
	if description == "" {
		return "", ""
	}
	lines := labelledText(description)
	venue, addr = lines[FieldVenue], lines[FieldAddress]
	if addr == "" && venue != "" {
		venue, addr = splitLocation(venue)
	}
	return venue, addr
}
