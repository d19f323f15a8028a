// Package facts reads from an event listing what a person needs to decide
// whether to go: the fee, the capacity, the application deadline, whether
// people who are not members may come, whether it is held online, and where
// to register.
//
// It is pure: the texts the crawler has for an event (its title, fee field,
// venue, the page's text one line per block, the page's links) in, Facts
// out. Listings say all of this in words (会員 2,000円／一般 4,000円, 定員 50名
// （先着順）, 申込締切 12月1日（火）, 会員限定, Zoomによるオンライン開催), in
// label/value lines (【定員】, ■参加費：, a dt/dd or th/td pair) or in
// sentences (参加費は無料です, 12月4日までにお申し込みください).
//
// A fact the listing does not state is left unset, never guessed: a person
// who filters on "free" or "open to non-members" must not be sent to the
// wrong gathering. Where a listing says two things at once (a seminar open
// to all and a party for members only) the fact is left unset too.
// testdata/facts.jsonl is the labelled set the reader is measured on
// (TestLabelledSet); its README says which decisions it encodes.
package facts

import (
	"iter"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The formats of an event.
const (
	InPerson = "in_person"
	Online   = "online"
	Hybrid   = "hybrid"
)

// Input is what the crawler has for one event. Every field may be empty.
type Input struct {
	Title string
	Fee   string // the fee field as read (参加費 of a dt/dd, JSON-LD offers)
	Venue string
	// Text is the page's text (or the description), one line per block:
	// a dt and its dd, a th and its td, come as two lines.
	Text  string
	Links []Link // the page's links, absolute
	// Start is the event's start: a deadline is never after its day, and
	// 開催日の3日前 counts from it.
	Start time.Time
	// Fetched is when the page was read, the reference for a deadline
	// without a year (as for the event's date); zero: Start.
	Fetched time.Time
}

// Link is one link of an event's page: its text and its absolute URL.
type Link struct{ Text, URL string }

// Facts are what a listing states. A nil pointer, zero number, zero time or
// empty string means the listing does not say. The JSON names are those of
// the event record.
type Facts struct {
	FeeMin      *int      `json:"fee_yen_min,omitempty"` // yen; 0: free
	FeeMax      *int      `json:"fee_yen_max,omitempty"`
	Capacity    int       `json:"capacity,omitempty"` // people
	ApplyBy     time.Time `json:"apply_by,omitzero"`
	MembersOnly *bool     `json:"members_only,omitempty"` // false: others may come
	Format      string    `json:"format,omitempty"`       // InPerson, Online, Hybrid
	ApplyURL    string    `json:"apply_url,omitempty"`
}

// Read reads the facts of one event. It never fails: what it cannot read is
// left unset.
func Read(in Input) Facts {
	l := newListing(in)
	var f Facts
	prices, others := l.fees()
	if len(prices) > 0 {
		lo, hi := prices[0], prices[0]
		for _, p := range prices[1:] {
			lo, hi = min(lo, p), max(hi, p)
		}
		f.FeeMin, f.FeeMax = &lo, &hi
	}
	f.Capacity = l.capacity()
	f.ApplyBy = l.deadline()
	f.MembersOnly = l.membersOnly(others)
	f.Format = l.format()
	f.ApplyURL = l.applyURL()
	return f
}

// listing is an event's texts in the form the readers work on: NFKC
// (full-width digits and punctuation become ASCII, half-width kana full
// width), split into lines, with the label/value lines found once.
type listing struct {
	in     Input
	title  string
	fee    string
	venue  string
	lines  []string
	hints  []hint                // of title (0), fee (1), then each line
	sents  [][]string            // the sentences of each, split when first asked for
	values map[category][]string // the values of labelled lines, in order
}

func newListing(in Input) *listing {
	l := &listing{
		in:     in,
		title:  normalize(in.Title),
		fee:    normalize(in.Fee),
		venue:  normalize(in.Venue),
		values: map[category][]string{},
	}
	l.lines = splitLines(normalize(in.Text))
	l.hints = make([]hint, 0, 2+len(l.lines))
	l.hints = append(l.hints, hintsOf(l.title), hintsOf(l.fee))
	for _, line := range l.lines {
		l.hints = append(l.hints, hintsOf(line))
	}
	l.readLabels()
	return l
}

// hint marks a text that holds a word every phrase of one reader holds, so
// that a reader looks only at the few lines that may state its fact: a page
// has dozens of lines, and most state none. The words are told by their
// first two characters (会員, 定員, まで), since one alone (会, ま) is in
// nearly every line.
type hint uint16

const (
	hintFree     hint = 1 << iota // 無料
	hintFee                       // 参加費, 会費, 受講料, 参加料, 入場料: feeWords
	hintPeople                    // 定員, 先着, 限定, 募集
	hintDeadline                  // まで, 迄, 締切, 〆切, 必着
	hintOnline                    // オンライン, ハイブリッド, 配信, 併用, ウェビナー, zoom, web, youtube, teams
	hintRoom                      // 対面, 集合, 来場, リアル, 会場開催, 会場のみ, 配信
	hintWho                       // 会員, どなた, 一般, ゲスト, ビジター, オブザーバー
	hintURL                       // http:
)

// pairHint is the hint of the two characters a, b in a row, 0 for none.
func pairHint(a, b rune) hint {
	switch a {
	case '無':
		if b == '料' {
			return hintFree
		}
	case '加':
		if b == '費' || b == '料' {
			return hintFee // 参加費, 参加料
		}
	case '講', '場':
		if b == '料' {
			return hintFee // 受講料, 入場料
		}
		if a == '場' && (b == '開' || b == 'の') {
			return hintRoom // 会場開催, 会場のみ
		}
	case '定':
		if b == '員' {
			return hintPeople
		}
	case '先':
		if b == '着' {
			return hintPeople
		}
	case '限':
		if b == '定' {
			return hintPeople
		}
	case '募':
		if b == '集' {
			return hintPeople
		}
	case 'ま':
		if b == 'で' {
			return hintDeadline
		}
	case '必':
		if b == '着' {
			return hintDeadline
		}
	case 'オ':
		switch b {
		case 'ン':
			return hintOnline
		case 'ブ':
			return hintWho
		}
	case 'ハ':
		if b == 'イ' {
			return hintOnline
		}
	case '併':
		if b == '用' {
			return hintOnline
		}
	case 'ウ':
		if b == 'ェ' {
			return hintOnline
		}
	case '配':
		if b == '信' {
			return hintOnline | hintRoom
		}
	case '対':
		if b == '面' {
			return hintRoom
		}
	case '集':
		if b == '合' {
			return hintRoom
		}
	case '来':
		if b == '場' {
			return hintRoom
		}
	case 'リ':
		if b == 'ア' {
			return hintRoom
		}
	case '会':
		switch b {
		case '員':
			return hintWho
		case '費':
			return hintFee
		}
	case 'ど':
		if b == 'な' {
			return hintWho
		}
	case '一':
		if b == '般' {
			return hintWho
		}
	case 'ゲ':
		if b == 'ス' {
			return hintWho
		}
	case 'ビ':
		if b == 'ジ' {
			return hintWho
		}
	}
	return 0
}

// hintsOf reads the hints of s in one pass.
func hintsOf(s string) hint {
	var h hint
	prev := rune(0)
	for _, r := range s {
		switch r {
		case '迄', '締', '〆':
			h |= hintDeadline
		case 'z', 'Z', 'w', 'W', 'y', 'Y', 't', 'T':
			h |= hintOnline
		case ':':
			h |= hintURL
		}
		if prev >= 0x3000 {
			h |= pairHint(prev, r)
		}
		prev = r
	}
	return h
}

// sentences yields the sentences (sentences) of the texts that hold hint
// h, as with does the texts; each text is split once.
func (l *listing) sentences(h hint, title, fee bool) iter.Seq[string] {
	if l.sents == nil {
		l.sents = make([][]string, len(l.hints))
	}
	return func(yield func(string) bool) {
		for i, hs := range l.hints {
			if hs&h == 0 || i == 0 && !title || i == 1 && !fee {
				continue
			}
			if l.sents[i] == nil {
				t := l.title
				switch {
				case i == 1:
					t = l.fee
				case i > 1:
					t = l.lines[i-2]
				}
				l.sents[i] = sentences(t)
			}
			for _, s := range l.sents[i] {
				if !yield(s) {
					return
				}
			}
		}
	}
}

// with yields the texts that hold hint h: the title when title is set, the
// fee field when fee is set, and the lines.
func (l *listing) with(h hint, title, fee bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		if title && l.hints[0]&h != 0 && !yield(l.title) {
			return
		}
		if fee && l.hints[1]&h != 0 && !yield(l.fee) {
			return
		}
		for i, line := range l.lines {
			if l.hints[2+i]&h != 0 && !yield(line) {
				return
			}
		}
	}
}

// maxText bounds the text read, in bytes: an event page's facts are near
// its top, and the patterns run over every line.
const maxText = 32 << 10

// normalize is s in NFKC with digit-grouping commas removed (3,000 → 3000).
func normalize(s string) string {
	if len(s) > maxText {
		s = s[:maxText]
	}
	return stripGrouping(nfkc(s))
}

// nfkc is norm.NFKC.String(s), faster for the text listings hold: their
// compatibility characters are nearly all full-width forms of ASCII (１２３：
// （）) and the ideographic space, which one pass maps; norm then only checks
// the result, and transforms it only when something else is left (half-width
// kana, ①, ㈱). Mapping those first does not change what NFKC makes of the
// text: they are their own compatibility decompositions.
func nfkc(s string) string {
	var b []byte
	inert := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r != 0x3000 && r != 0xFFE5 && (r < 0xFF01 || r > 0xFF5E) {
			inert = inert && inertRune(r)
			if b != nil {
				b = append(b, s[i:i+size]...) // invalid UTF-8 as it is, as norm keeps it
			}
			i += size
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)), s[:i]...)
		}
		switch r {
		case 0x3000:
			b = append(b, ' ')
		case 0xFFE5:
			b = append(b, "¥"...)
		default:
			b = append(b, byte(r-0xFEE0))
		}
		i += size
	}
	if b != nil {
		s = string(b)
	}
	if inert || norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}

// inertRune reports whether NFKC leaves r alone and r
// combines with no neighbour: ASCII, kana, the common kanji, Japanese
// punctuation and the marks listings put before a label (■ ※ ★). A text of
// these is normal, and norm need not look at it. (What nfkc maps to ASCII
// is inert too.)
func inertRune(r rune) bool {
	switch {
	case r < 0x80,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0x3041 && r <= 0x3096,
		r >= 0x30A1 && r <= 0x30FC,
		r >= 0x3001 && r <= 0x301F,
		r >= 0x25A0 && r <= 0x25FF,
		r == 0x203B, r == 0x2605, r == 0x2606:
		return true
	}
	return false // invalid UTF-8 too: norm decides
}

// stripGrouping removes the commas (and the full-width ones, which NFKC has
// made commas) between a digit and three digits: 1,000,000 → 1000000.
func stripGrouping(s string) string {
	if strings.IndexByte(s, ',') < 0 {
		return s
	}
	b := []byte(s)
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == ',' && i > 0 && isDigit(b[i-1]) && threeDigits(b, i+1) {
			continue
		}
		out = append(out, b[i])
	}
	return string(out)
}

// threeDigits reports whether b holds exactly three digits from i (and no
// fourth after them).
func threeDigits(b []byte, i int) bool {
	if i+3 > len(b) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(b[k]) {
			return false
		}
	}
	return i+3 == len(b) || !isDigit(b[i+3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
