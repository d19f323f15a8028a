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
	sents  [][]sentence          // the sentences of each, with their hints
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
	l.sents = make([][]sentence, 0, 2+len(l.lines))
	buf := make([]sentence, 0, 8+len(in.Text)/64) // one array for every text's sentences
	for _, t := range append([]string{l.title, l.fee}, l.lines...) {
		n := len(buf)
		var h hint
		h, buf = scan(t, buf)
		l.hints, l.sents = append(l.hints, h), append(l.sents, buf[n:len(buf):len(buf)])
	}
	l.readLabels()
	return l
}

// sentence is one sentence of a text (up to its 。, ! or ?) and its hints.
type sentence struct {
	text string
	h    hint
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

// hinted marks the characters that start a pairHint or make a hint alone,
// one bit per character of the Basic Multilingual Plane: scan tests it for
// every character and looks further only on a hit.
var hinted = func() (set [0x10000 / 64]uint64) {
	for r := rune(0); r < 0x10000; r++ {
		if single(r) != 0 || pairFirst(r) {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return set
}()

// single is the hint of a character alone.
func single(r rune) hint {
	switch r {
	case '迄', '締', '〆':
		return hintDeadline
	case 'z', 'Z', 'w', 'W', 'y', 'Y', 't', 'T':
		return hintOnline
	case ':':
		return hintURL
	}
	return 0
}

// pairFirst reports whether r starts a pair of pairHint.
func pairFirst(r rune) bool {
	for _, b := range "料定着集で信用ンブイェ面合場開の員な般スジ費ア" {
		if pairHint(r, b) != 0 {
			return true
		}
	}
	return false
}

// scan reads the hints of t and of each of its sentences in one pass,
// appending the sentences to buf.
func scan(t string, buf []sentence) (all hint, out []sentence) {
	out = buf
	var h hint
	start := 0
	prev := rune(0)
	for i := 0; i < len(t); {
		// Decoded by hand: a kana or kanji is three bytes, and a bad
		// byte only costs a hint, which the readers check anyway.
		r, size := rune(t[i]), 1
		switch c := t[i]; {
		case c < 0x80:
		case c >= 0xE0 && c < 0xF0 && i+2 < len(t):
			r, size = rune(c&0x0F)<<12|rune(t[i+1]&0x3F)<<6|rune(t[i+2]&0x3F), 3
		default:
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		if r < 0x10000 && hinted[r/64]&(1<<(r%64)) != 0 {
			h |= single(r)
		}
		if prev >= 0x3000 && prev < 0x10000 && hinted[prev/64]&(1<<(prev%64)) != 0 {
			h |= pairHint(prev, r)
		}
		prev = r
		i += size
		if r == '。' || r == '!' || r == '?' {
			out = append(out, sentence{t[start : i-size], h})
			all |= h
			h, start = 0, i
		}
	}
	if start < len(t) {
		out = append(out, sentence{t[start:], h})
		all |= h
	}
	return all, out
}

// sentencesWith yields the sentences that hold hint h, of the title when
// title is set, of the fee field when fee is set, and of the lines: a
// reader looks at the few sentences that may state its fact, not at every
// sentence of a page.
func (l *listing) sentencesWith(h hint, title, fee bool) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i, ss := range l.sents {
			if l.hints[i]&h == 0 || i == 0 && !title || i == 1 && !fee {
				continue
			}
			for _, s := range ss {
				if s.h&h != 0 && !yield(s.text) {
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
		c := s[i]
		// The common cases by their bytes: ASCII, and the three bytes of
		// a kanji (E4-E9) or of Japanese punctuation and kana (E3) that
		// are left alone; DecodeRune costs more than the rest together.
		if c < 0x80 {
			if b != nil {
				b = append(b, c)
			}
			i++
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(c >= 0xE4 && (c > 0xE4 || s[i+1] >= 0xB8) || c == 0xE3 && inertRune(rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)|0x3000)) {
			if b != nil {
				b = append(b, s[i:i+3]...)
			}
			i += 3
			continue
		}
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
// The text is copied only when it has such a comma.
func stripGrouping(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is in b
	for off := 0; ; {
		i := strings.IndexByte(s[off:], ',')
		if i < 0 {
			break
		}
		i += off
		off = i + 1
		if i > 0 && isDigit(s[i-1]) && threeDigits(s, i+1) {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			done = i + 1
		}
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// threeDigits reports whether s holds exactly three digits from i (and no
// fourth after them).
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if !isDigit(s[k]) {
			return false
		}
	}
	return i+3 == len(s) || !isDigit(s[i+3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
