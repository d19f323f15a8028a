package classifier

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// variants folds characters that NFKC leaves alone but that Japanese pages use
// interchangeably: dashes and long-vowel marks, wave dashes, and the common
// variant (itaiji) forms of kanji found in names.
var variants = map[rune]rune{
	// Long-vowel marks and dashes all become the katakana long-vowel mark, so
	// セミナ－ (full-width hyphen) and セミナー match alike.
	'-': 'ー', '‐': 'ー', '‑': 'ー', '‒': 'ー', '–': 'ー', '—': 'ー', '―': 'ー',
	'−': 'ー', 'ｰ': 'ー', '－': 'ー', '─': 'ー', '━': 'ー',
	// Wave dashes and tildes.
	'〜': '~', '～': '~', '∼': '~',
	// Variant kanji.
	'髙': '高', '﨑': '崎', '嵜': '崎', '碕': '崎', '邊': '辺', '邉': '辺',
	'濵': '浜', '濱': '浜', '德': '徳', '桒': '桑', '斎': '斉', '齋': '斉',
	'齊': '斉', '冨': '富', '會': '会', '國': '国', '學': '学', '澤': '沢',
	'廣': '広', '櫻': '桜', '眞': '真', '條': '条', '槇': '槙',
}

// hasVariant marks the runes below U+10000 that variants folds, so the common
// case of a rune without a variant costs one bit test instead of a map lookup.
var hasVariant = func() *[1 << 16 / 64]uint64 {
	var b [1 << 16 / 64]uint64
	for r := range variants {
		if r < 1<<16 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return &b
}()

func variant(r rune) (rune, bool) {
	if r >= 1<<16 || hasVariant[r/64]&(1<<(r%64)) == 0 {
		return 0, false
	}
	v, ok := variants[r]
	return v, ok
}

// Normalize returns s in the form the rules match against: NFKC (full-width
// letters and digits become ASCII, half-width katakana full-width), lower
// case, dash and long-vowel variants folded to ー, wave dashes to ~, common
// variant kanji to their usual form, and every space and line break removed
// (Japanese text has no word spaces, and pages break lines anywhere).
func Normalize(s string) string {
	return string(appendNormalized(nil, s))
}

// appendNormalized appends the normalised form of s to dst. Runs of ASCII,
// kana, kanji and full-width ASCII, whose NFKC form is known, are handled
// byte by byte without the norm package; only the rest (half-width katakana,
// enclosed and compatibility characters, combining marks) goes through
// norm.NFKC. This keeps classification fast on ordinary Japanese text.
func appendNormalized(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = appendASCII(dst, c)
			i++
			continue
		}
		// Three-byte sequences cover kana, kanji and full-width forms.
		if c >= 0xe0 && c < 0xf0 && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
			r := rune(c&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
			if r >= 0x800 && !combiningAt(s, i+3) {
				switch {
				case stable(r):
					if v, ok := variant(r); ok {
						dst = utf8.AppendRune(dst, v)
					} else {
						dst = append(dst, s[i:i+3]...)
					}
					i += 3
					continue
				case 0xff01 <= r && r <= 0xff5e: // full-width ASCII
					dst = appendASCII(dst, byte(r-0xfee0))
					i += 3
					continue
				case r == 0x3000: // ideographic space
					i += 3
					continue
				}
			}
		}
		// Slow path: normalise the segment up to the next rune handled above.
		_, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if r2 < utf8.RuneSelf || (stable(r2) && !combiningAt(s, j+n2)) {
				break
			}
			j += n2
		}
		seg := s[i:j]
		if strings.ContainsAny(seg, "\u309b\u309c") {
			// A spacing (semi-)voiced mark written after kana (ハ゜) is meant
			// as the combining one, which NFKC composes (パ).
			seg = strings.NewReplacer("\u309b", "\u3099", "\u309c", "\u309a").Replace(seg)
		}
		for _, r := range norm.NFKC.String(seg) {
			dst = foldRune(dst, r)
		}
		i = j
	}
	return dst
}

// appendASCII appends an ASCII byte: spaces dropped, letters lower-cased, the
// hyphen folded to ー like every other dash.
func appendASCII(dst []byte, c byte) []byte {
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
		return dst
	case c == '-':
		return append(dst, "ー"...)
	case 'A' <= c && c <= 'Z':
		return append(dst, c+'a'-'A')
	}
	return append(dst, c)
}

// foldRune appends r after NFKC: lower case, variants folded, spaces dropped.
func foldRune(dst []byte, r rune) []byte {
	if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
		return dst
	}
	if unicode.Is(unicode.Mn, r) && (r < 0x3099 || r > 0x309a) {
		return dst // stray combining marks and variation selectors
	}
	if v, ok := variant(r); ok {
		r = v
	}
	return utf8.AppendRune(dst, unicode.ToLower(r))
}

// stable reports whether NFKC maps r to itself whatever follows, for the
// ranges that make up most Japanese text: kana and unified kanji. A following
// combining (semi-)voiced mark is checked separately.
func stable(r rune) bool {
	switch {
	case 0x3041 <= r && r <= 0x3096, // hiragana
		0x30a1 <= r && r <= 0x30fa, // katakana
		r == 0x30fc,                // ー
		0x4e00 <= r && r <= 0x9fff, // CJK unified ideographs
		0x3001 <= r && r <= 0x3002, // 、。
		0x300c <= r && r <= 0x300f: // 「」『』
		return true
	}
	return false
}

// combiningAt reports whether a (semi-)voiced sound mark, combining or
// spacing (U+3099–U+309C, UTF-8 E3 82 99–9C), starts at s[i]: the kana before
// it must then go through NFKC to be composed.
func combiningAt(s string, i int) bool {
	return i+2 < len(s) && s[i] == 0xe3 && s[i+1] == 0x82 && s[i+2] >= 0x99 && s[i+2] <= 0x9c
}

// normalizePhrase is Normalize for a rule's phrase; it exists so the load path
// and the match path cannot drift apart.
func normalizePhrase(s string) string { return strings.TrimSpace(Normalize(s)) }
