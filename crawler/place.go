package crawler

import (
	"slices"
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
	var lines Fields // read only when the address and venue say nothing
	for i, t := range []struct{ from, text string }{
		{"address", e.Address}, {"venue", e.Venue},
		{"description", ""}, {"description", ""}, // the place lines, below
		{"title", e.Title},
	} {
		if i == 2 {
			lines = labelledFields(e.Description, FieldVenue, FieldAddress)
			t.text = lines[FieldAddress]
		} else if i == 3 {
			t.text = lines[FieldVenue]
		}
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

// labelledFields is labelledText for the fields named only: a line is read
// only when its start holds a label word of one of them. Every event's
// description passes here, twice, so the lines that cannot matter (most)
// cost a substring search, not a parse (a 40-line description: 48 µs with
// labelledText, a few with this).
func labelledFields(text string, fields ...string) Fields {
	f := Fields{}
	if text == "" {
		return f
	}
	var words []string
	for _, lb := range labels {
		if slices.Contains(fields, lb.field) {
			words = append(words, lb.words...)
		}
	}
	// Only the words the text holds at all are looked for in its lines;
	// 会場 finds 会場住所 too, so a word holding another is not searched.
	words = slices.DeleteFunc(slices.Clone(words), func(w string) bool {
		return slices.ContainsFunc(words, func(v string) bool { return v != w && strings.Contains(w, v) }) ||
			!strings.Contains(text, w)
	})
	if len(words) == 0 {
		return f
	}
	candidate := func(line string) bool {
		if len(line) > 64 {
			line = line[:64]
		}
		for _, w := range words {
			if strings.Contains(line, w) {
				return true
			}
		}
		return false
	}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if !candidate(lines[i]) {
			continue
		}
		field, value := labelledLine(lines[i])
		if field == "" || !slices.Contains(fields, field) {
			continue
		}
		if value == "" && i+1 < len(lines) {
			if next, _ := labelledLine(lines[i+1]); next == "" {
				value = normSpace(lines[i+1])
				i++
			}
		}
		if value != "" && f[field] == "" {
			f[field] = value
		}
	}
	return f
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

// onlineWords, in an event's description, say it is held online; each
// group is searched only when the text holds its first word.
var onlineWords = [][]string{
	{"オンライン", "オンライン開催", "オンラインで開催", "オンライン配信", "オンラインのみ"},
	{"配信", "配信のみ"},
	{"oom", "Zoom", "zoom", "ZOOM"},
	{"YouTube", "YouTube Live", "YouTubeライブ"},
	{"ウェビナー", "ウェビナー"},
	{"Teams", "Teams で"},
	{"Meet", "Google Meet"},
}

// onlineIfSaid returns the words by which text says its event is held
// online, "" when it does not. Only the start of a long text is read.
func onlineIfSaid(text string) string {
	if len(text) > 2000 {
		text = text[:2000]
	}
	for _, group := range onlineWords {
		if !strings.Contains(text, group[0]) {
			continue
		}
		for _, w := range group[1:] {
			if strings.Contains(text, w) {
				return w
			}
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
	lines := labelledFields(description, FieldVenue, FieldAddress)
	venue, addr = lines[FieldVenue], lines[FieldAddress]
	if undecidedPlace(venue) {
		venue = "" // 会場 調整中
	}
	if addr == "" && venue != "" {
		venue, addr = splitLocation(venue)
	}
	return venue, addr
}
