package jpdate

import (
	"strings"
	"unicode/utf8"
)

// kind is the kind of a token.
type kind uint8

const (
	kNum   kind = iota + 1 // a number: val, nd digits
	kEra                   // an era name or letter: val is the year before its first year
	kSym                   // one normalised character that dates use: r
	kWord                  // a keyword: w
	kOther                 // anything else: a run of text that breaks a pattern
)

// word is a keyword the parser knows.
type word uint8

const (
	wAM        word = iota + 1 // 午前, 朝
	wPM                        // 午後, 夜, 夕方, 晩, 昼
	wNoon                      // 正午
	wNext                      // 翌, 翌日
	wFrom                      // から, より
	wUntil                     // まで
	wOpen                      // 開場
	wReception                 // 受付
	wStart                     // 開始, 開演, スタート
	wFinish                    // 終了, 終演
	wVague                     // 上旬, 中旬, 下旬, 初旬, 末
	wAbout                     // 頃, ごろ
	wUndecided                 // 未定
	wRecurring                 // 毎, 隔週
	wNth                       // 第
	wFiscal                    // 年度
	wYoubi                     // 曜日, 曜
	wHoliday                   // 祝, 祝日
)

// token is one lexical unit of a date text. Spaces are dropped.
type token struct {
	kind kind
	w    word
	nd   int8 // digits of a number
	r    rune
	val  int
}

// maxNum caps a number so that long digit runs cannot overflow.
const maxNum = 1 << 24

type keyword struct {
	s string
	w word
}

// keywordsFor returns the keywords that start with r, longer words first.
// A switch, not a map: it is on the path of every character.
func keywordsFor(r rune) []keyword {
	switch r {
	case '午':
		return []keyword{{"午前", wAM}, {"午後", wPM}}
	case '正':
		return []keyword{{"正午", wNoon}}
	case '朝':
		return []keyword{{"朝", wAM}}
	case '夜':
		return []keyword{{"夜", wPM}}
	case '晩':
		return []keyword{{"晩", wPM}}
	case '昼':
		return []keyword{{"昼", wPM}}
	case '夕':
		return []keyword{{"夕方", wPM}}
	case '翌':
		return []keyword{{"翌日", wNext}, {"翌", wNext}}
	case 'か':
		return []keyword{{"から", wFrom}}
	case 'よ':
		return []keyword{{"より", wFrom}}
	case 'ま':
		return []keyword{{"まで", wUntil}}
	case '開':
		return []keyword{{"開場", wOpen}, {"開始", wStart}, {"開演", wStart}}
	case '受':
		return []keyword{{"受付", wReception}}
	case 'ス':
		return []keyword{{"スタート", wStart}}
	case '終':
		return []keyword{{"終了", wFinish}, {"終演", wFinish}}
	case '上':
		return []keyword{{"上旬", wVague}}
	case '中':
		return []keyword{{"中旬", wVague}}
	case '下':
		return []keyword{{"下旬", wVague}}
	case '初':
		return []keyword{{"初旬", wVague}}
	case '末':
		return []keyword{{"末", wVague}}
	case '頃':
		return []keyword{{"頃", wAbout}}
	case 'ご':
		return []keyword{{"ごろ", wAbout}}
	case '未':
		return []keyword{{"未定", wUndecided}}
	case '毎':
		return []keyword{{"毎", wRecurring}}
	case '隔':
		return []keyword{{"隔週", wRecurring}}
	case '第':
		return []keyword{{"第", wNth}}
	case '曜':
		return []keyword{{"曜日", wYoubi}, {"曜", wYoubi}}
	case '祝':
		return []keyword{{"祝日", wHoliday}, {"祝", wHoliday}}
	}
	return nil
}

// eraBase returns the year before the first year of an era (令和1 = 2019), or 0.
func eraBase(name string) int {
	switch name {
	case "令和":
		return 2018
	case "平成":
		return 1988
	case "昭和":
		return 1925
	case "大正":
		return 1911
	}
	return 0
}

// norm folds the characters Japanese pages use interchangeably: full-width
// ASCII, the many dashes and waves, middle dots and brackets.
func norm(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000 || r == 0xA0 || r == '\t' || r == '\n' || r == '\r' || r == 0x2002 || r == 0x2003 || r == 0x2009:
		return ' '
	}
	switch r {
	case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63:
		return '-'
	case 0x301C, 0x223C, 0x2053:
		return '~'
	case 0xFF65, 0x30FB, 0xB7:
		return '・'
	case 0xFF64:
		return '、'
	case '[', '<', 0x3010, 0x3008, 0x300A, 0x3014, 0x3016, 0x3018, 0x301A:
		return '('
	case ']', '>', 0x3011, 0x3009, 0x300B, 0x3015, 0x3017, 0x3019, 0x301B:
		return ')'
	case 0x3007:
		return '〇'
	}
	return r
}

// isSym reports whether r is a character the patterns use.
func isSym(r rune) bool {
	switch r {
	case '年', '月', '日', '時', '分', '半', '秒', '火', '水', '木', '金', '土',
		'/', '.', '-', '~', ':', '(', ')', '、', ',', '・', 'と', '&', '+':
		return true
	}
	return false
}

func kanjiDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return -1
}

var englishDays = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// weekdayRunes are the kanji of the days of the week, Sunday first.
var weekdayRunes = [...]rune{'日', '月', '火', '水', '木', '金', '土'}

// lex splits s into tokens, appending to dst.
func lex(dst []token, s string) []token {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		r = norm(r)
		switch {
		case r == ' ':
			i += size
			continue
		case r >= '0' && r <= '9':
			v, nd := 0, 0
			for i < len(s) {
				c, sz := utf8.DecodeRuneInString(s[i:])
				c = norm(c)
				if c < '0' || c > '9' {
					break
				}
				if v < maxNum {
					v = v*10 + int(c-'0')
				}
				nd++
				i += sz
			}
			if nd > 9 {
				nd = 9
			}
			dst = append(dst, token{kind: kNum, val: v, nd: int8(nd)})
			continue
		case kanjiDigit(r) >= 0:
			v, cur, nd, mult := 0, 0, 0, false
			for i < len(s) {
				c, sz := utf8.DecodeRuneInString(s[i:])
				d := kanjiDigit(norm(c))
				if d < 0 {
					break
				}
				if d >= 10 {
					mult = true
					if cur == 0 {
						cur = 1
					}
					v += cur * d
					cur = 0
				} else if mult {
					cur = d
				} else {
					cur = cur*10 + d
					if cur > maxNum {
						cur = maxNum
					}
				}
				nd++
				i += sz
			}
			v += cur
			if mult {
				nd = len(itoa(v))
			}
			if nd > 9 {
				nd = 9
			}
			dst = append(dst, token{kind: kNum, val: v, nd: int8(nd)})
			continue
		case r == '元' && strings.HasPrefix(s[i+size:], "年"):
			dst = append(dst, token{kind: kNum, val: 1, nd: 1})
			i += size
			continue
		case r == 'ー' && len(dst) > 0 && dst[len(dst)-1].kind == kNum && i+size < len(s) && isDigitAt(s, i+size):
			// A long-vowel mark between numbers stands for a dash.
			dst = append(dst, token{kind: kSym, r: '-'})
			i += size
			continue
		case r == '&':
			// An HTML entity such as &emsp; or &nbsp; is a space.
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 9 && isLetters(s[i+1:i+j]) {
				i += j + 1
				continue
			}
		case r < 0x80 && isLetter(byte(r)):
			j := i
			for j < len(s) && isLetter(s[j]) {
				j++
			}
			if j == i {
				// A full-width letter.
				dst = appendOther(dst)
				i += size
				continue
			}
			w := s[i:j]
			if len(w) == 1 && j < len(s) && s[j] >= '0' && s[j] <= '9' && (i == 0 || !isLetter(s[i-1])) {
				switch w {
				case "R", "r":
					dst = append(dst, token{kind: kEra, val: 2018})
					i = j
					continue
				case "H", "h":
					dst = append(dst, token{kind: kEra, val: 1988})
					i = j
					continue
				case "S", "s":
					dst = append(dst, token{kind: kEra, val: 1925})
					i = j
					continue
				}
			}
			if len(w) >= 3 {
				for d, name := range englishDays {
					if strings.EqualFold(w[:3], name) {
						dst = append(dst, token{kind: kSym, r: weekdayRunes[d]})
						i = j
						goto next
					}
				}
			}
			switch strings.ToLower(w) {
			case "am":
				dst = append(dst, token{kind: kWord, w: wAM})
				i = j
				continue
			case "pm":
				dst = append(dst, token{kind: kWord, w: wPM})
				i = j
				continue
			}
			if w == "T" || w == "Z" {
				dst = append(dst, token{kind: kSym, r: rune(w[0])})
				i = j
				continue
			}
			dst = appendOther(dst)
			i = j
			continue
		}
		if ws := keywordsFor(r); ws != nil {
			for _, k := range ws {
				if strings.HasPrefix(s[i:], k.s) {
					dst = append(dst, token{kind: kWord, w: k.w})
					i += len(k.s)
					goto next
				}
			}
		}
		if r == '令' || r == '平' || r == '昭' || r == '大' {
			if i+2*size <= len(s) {
				if base := eraBase(s[i : i+2*size]); base != 0 {
					dst = append(dst, token{kind: kEra, val: base})
					i += 2 * size
					continue
				}
			}
		}
		if r == '時' && strings.HasPrefix(s[i+size:], "間") {
			// 2時間 is a duration, not a time of day.
			dst = appendOther(dst)
			i += size + len("間")
			continue
		}
		if r == '年' && strings.HasPrefix(s[i+size:], "度") {
			dst = append(dst, token{kind: kWord, w: wFiscal})
			i += size + len("度")
			continue
		}
		if isSym(r) || r == '〇' {
			dst = append(dst, token{kind: kSym, r: r})
		} else {
			dst = appendOther(dst)
		}
		i += size
	next:
	}
	return dst
}

func appendOther(dst []token) []token {
	if len(dst) > 0 && dst[len(dst)-1].kind == kOther {
		return dst
	}
	return append(dst, token{kind: kOther})
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return true
}

func isDigitAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	r = norm(r)
	return r >= '0' && r <= '9'
}

func itoa(v int) string {
	var b [20]byte
	i := len(b)
	if v == 0 {
		return "0"
	}
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	return string(b[i:])
}
