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
	wAM           word = iota + 1 // 午前, AM, A.M.
	wPM                           // 午後, PM, P.M.
	wMorning                      // 朝, 早朝, 今朝
	wDay                          // 昼
	wEvening                      // 夕方, 夕刻
	wNight                        // 夜, 晩, 今夜, 今晩
	wLate                         // 深夜, 夜中, 未明
	wSame                         // 同 before a time: 午後1時半から同3時半
	wNoon                         // 正午
	wNext                         // 翌, 翌日 (val 1)
	wDayBefore                    // 前日
	wFrom                         // から, より
	wUntil                        // まで
	wOpen                         // 開場
	wReception                    // 受付
	wStart                        // 開始, 開演, スタート
	wFinish                       // 終了, 終演
	wVague                        // 上旬, 中旬, 下旬, 初旬, 末
	wAbout                        // 頃, ごろ
	wUndecided                    // 未定
	wRecurring                    // 毎, 隔週
	wNth                          // 第
	wFiscal                       // 年度
	wYoubi                        // 曜日, 曜
	wHoliday                      // 祝, 祝日
	wYearRel                      // 今年, 本年, 来年, 再来年, 昨年, 去年: val is the offset from ref's year
	wLastDay                      // 末日, 最終日
	wNotGregorian                 // 旧暦, 紀元前, BC: a date on another calendar
	wZone                         // GMT, UTC, JST: val is the offset east of UTC in minutes
)

// token is one lexical unit of a date text. Spaces are dropped.
type token struct {
	kind  kind
	w     word
	nd    int8 // digits of a number
	kanji bool // a number written in kanji numerals (十二)
	r     rune
	val   int
}

// maxNum caps a number so that long digit runs cannot overflow.
const maxNum = 1 << 24

type keyword struct {
	s   string
	w   word
	val int
}

// keywordsFor returns the keywords that start with r, longer words first.
// A switch, not a map: it is on the path of every character. The lists are
// package variables, so that returning one does not allocate.
func keywordsFor(r rune) []keyword {
	switch r {
	case '午':
		return kw00
	case '正':
		return kw01
	case '朝':
		return kw02
	case '早':
		return kw03
	case '今':
		return kw04
	case '本':
		return kw05
	case '来':
		return kw06
	case '再':
		return kw07
	case '昨':
		return kw08
	case '去':
		return kw09
	case '夜':
		return kw10
	case '深':
		return kw11
	case '晩':
		return kw12
	case '昼':
		return kw13
	case '夕':
		return kw14
	case '翌':
		return kw15
	case '前':
		return kw16
	case 'か':
		return kw17
	case 'よ':
		return kw18
	case 'ま':
		return kw19
	case '開':
		return kw20
	case '受':
		return kw21
	case '入':
		return kw40
	case 'ス':
		return kw22
	case '終':
		return kw23
	case '上':
		return kw24
	case '中':
		return kw25
	case '下':
		return kw26
	case '初':
		return kw27
	case '末':
		return kw28
	case '最':
		return kw29
	case '頃':
		return kw30
	case 'ご':
		return kw31
	case '未':
		return kw32
	case '毎':
		return kw33
	case '隔':
		return kw34
	case '第':
		return kw35
	case '曜':
		return kw36
	case '祝':
		return kw37
	case '旧':
		return kw38
	case '紀':
		return kw39
	}
	return nil
}

var (
	kw00 = []keyword{{"午前", wAM, 0}, {"午後", wPM, 0}}                                                 // 午
	kw01 = []keyword{{"正午", wNoon, 0}}                                                               // 正
	kw02 = []keyword{{"朝", wMorning, 0}}                                                             // 朝
	kw03 = []keyword{{"早朝", wMorning, 0}}                                                            // 早
	kw04 = []keyword{{"今朝", wMorning, 0}, {"今夜", wNight, 0}, {"今晩", wNight, 0}, {"今年", wYearRel, 0}} // 今
	kw05 = []keyword{{"本年", wYearRel, 0}}                                                            // 本
	kw06 = []keyword{{"来年", wYearRel, 1}}                                                            // 来
	kw07 = []keyword{{"再来年", wYearRel, 2}}                                                           // 再
	kw08 = []keyword{{"昨年", wYearRel, -1}}                                                           // 昨
	kw09 = []keyword{{"去年", wYearRel, -1}}                                                           // 去
	kw10 = []keyword{{"夜中", wLate, 0}, {"夜", wNight, 0}}                                             // 夜
	kw11 = []keyword{{"深夜", wLate, 0}}                                                               // 深
	kw12 = []keyword{{"晩", wNight, 0}}                                                               // 晩
	kw13 = []keyword{{"昼", wDay, 0}}                                                                 // 昼
	kw14 = []keyword{{"夕方", wEvening, 0}, {"夕刻", wEvening, 0}}                                       // 夕
	kw15 = []keyword{{"翌日", wNext, 1}, {"翌", wNext, 0}}                                              // 翌
	kw16 = []keyword{{"前日", wDayBefore, 0}}                                                          // 前
	kw17 = []keyword{{"から", wFrom, 0}}                                                               // か
	kw18 = []keyword{{"より", wFrom, 0}}                                                               // よ
	kw19 = []keyword{{"まで", wUntil, 0}}                                                              // ま
	kw20 = []keyword{{"開場", wOpen, 0}, {"開始", wStart, 0}, {"開演", wStart, 0}}                         // 開
	kw21 = []keyword{{"受付", wReception, 0}}                                                          // 受
	kw22 = []keyword{{"スタート", wStart, 0}}                                                            // ス
	kw23 = []keyword{{"終了", wFinish, 0}, {"終演", wFinish, 0}}                                         // 終
	kw24 = []keyword{{"上旬", wVague, 0}}                                                              // 上
	kw25 = []keyword{{"中旬", wVague, 0}}                                                              // 中
	kw26 = []keyword{{"下旬", wVague, 0}}                                                              // 下
	kw27 = []keyword{{"初旬", wVague, 0}}                                                              // 初
	kw28 = []keyword{{"末日", wLastDay, 0}, {"末", wVague, 0}}                                          // 末
	kw29 = []keyword{{"最終日", wLastDay, 0}}                                                           // 最
	kw30 = []keyword{{"頃", wAbout, 0}}                                                               // 頃
	kw31 = []keyword{{"ごろ", wAbout, 0}}                                                              // ご
	kw32 = []keyword{{"未定", wUndecided, 0}, {"未明", wLate, 0}}                                        // 未
	kw33 = []keyword{{"毎", wRecurring, 0}}                                                           // 毎
	kw34 = []keyword{{"隔週", wRecurring, 0}}                                                          // 隔
	kw35 = []keyword{{"第", wNth, 0}}                                                                 // 第
	kw36 = []keyword{{"曜日", wYoubi, 0}, {"曜", wYoubi, 0}}                                            // 曜
	kw37 = []keyword{{"祝日", wHoliday, 0}, {"祝", wHoliday, 0}}                                        // 祝
	kw38 = []keyword{{"旧暦", wNotGregorian, 0}}                                                       // 旧
	kw39 = []keyword{{"紀元前", wNotGregorian, 0}}                                                      // 紀
	kw40 = []keyword{{"入室", wReception, 0}, {"入場", wOpen, 0}}                                        // 入: a webinar's room, a hall's doors
)

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
	case 0x2019, 0x2018:
		return '\''
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
		'/', '.', '-', '~', ':', '(', ')', '、', ',', '・', 'と', '&', '+', 'の', '\'', '@':
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
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		r = norm(r)
		switch {
		case r == ' ' || r == '@':
			// (2026-11-18 @ 19:00, as WordPress event plugins write a
			// date and its time: the @ only parts them.)
			i += size
			continue
		case r >= '0' && r <= '9':
			v, nd := 0, 0
			for i < len(s) {
				c, sz := rune(s[i]), 1
				if c >= utf8.RuneSelf {
					c, sz = utf8.DecodeRuneInString(s[i:])
					c = norm(c)
				}
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
			dst = append(dst, token{kind: kNum, val: v, nd: int8(nd), kanji: true})
			continue
		case r == '元' && strings.HasPrefix(s[i+size:], "年"):
			dst = append(dst, token{kind: kNum, val: 1, nd: 1})
			i += size
			continue
		case r == 'ー' && len(dst) > 0 && dashBefore(dst[len(dst)-1]) && i+size < len(s) && isDigitAt(s, i+size):
			// A long-vowel mark between numbers, or after a date and before
			// one (26日ー2014年1月7日), stands for a dash.
			dst = append(dst, token{kind: kSym, r: '-'})
			i += size
			continue
		case r == '同' && i+size < len(s) && isDigitAt(s, i+size):
			// 同3時半: the same half of the day as the time before.
			dst = append(dst, token{kind: kWord, w: wSame})
			i += size
			continue
		case r == '日' && (strings.HasPrefix(s[i+size:], "間") || strings.HasPrefix(s[i+size:], "目")):
			// 3日間 and 8日目 count days; they name none.
			dst = appendOther(dst)
			i += size + len("間")
			continue
		case r == '&':
			// An HTML entity such as &emsp; or &nbsp; is a space.
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 9 && isLetters(s[i+1:i+j]) {
				i += j + 1
				continue
			}
		case r < 0x80 && isLetter(byte(r)):
			// A run of letters, full-width ones folded: Ｒ3 is R3.
			var w [8]byte
			n, j := 0, i
			for j < len(s) {
				c, sz := utf8.DecodeRuneInString(s[j:])
				c = norm(c)
				if c >= 0x80 || !isLetter(byte(c)) {
					break
				}
				if n < len(w) {
					w[n] = byte(c)
				}
				n++
				j += sz
			}
			if n > len(w) {
				dst = appendOther(dst)
				i = j
				continue
			}
			if t, k, ok := lexWord(s, i, j, w[:n], dst); ok {
				if t.kind != 0 {
					dst = append(dst, t)
				}
				i = k
				continue
			}
			dst = appendOther(dst)
			i = j
			continue
		}
		if ws := keywordsFor(r); ws != nil {
			for _, k := range ws {
				if strings.HasPrefix(s[i:], k.s) {
					dst = append(dst, token{kind: kWord, w: k.w, val: k.val})
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

// lexWord reads the run of letters w, s[i:j] in the text (after folding): an
// era letter before a number (R8, H二十, Ｓ４１), a weekday (Thu), AM or PM
// (also A.M., P.M.), a time zone (GMT, UTC, JST), BC, or the T and Z of a
// timestamp. It returns the token (of kind 0 for nothing) and where the text
// continues, or false when the letters are a word of no meaning here.
func lexWord(s string, i, j int, w []byte, dst []token) (token, int, bool) {
	if len(w) == 1 && j < len(s) && (i == 0 || !isLetter(s[i-1])) {
		if c, _ := utf8.DecodeRuneInString(s[j:]); isDigitRune(norm(c)) {
			switch w[0] {
			case 'R', 'r':
				return token{kind: kEra, val: 2018}, j, true
			case 'H', 'h':
				return token{kind: kEra, val: 1988}, j, true
			case 'S', 's':
				return token{kind: kEra, val: 1925}, j, true
			}
		}
	}
	if len(w) == 1 && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') {
		// A.M. and P.M.
		if k := j; k+3 <= len(s) && s[k] == '.' && (s[k+1]|0x20) == 'm' && s[k+2] == '.' {
			if w[0]|0x20 == 'a' {
				return token{kind: kWord, w: wAM}, k + 3, true
			}
			return token{kind: kWord, w: wPM}, k + 3, true
		}
	}
	if len(w) >= 3 {
		for d, name := range englishDays {
			if strings.EqualFold(string(w[:3]), name) {
				// val 1 marks an English weekday: never a word of
				// something else, so it stands unbracketed (3.13 sat).
				return token{kind: kSym, r: weekdayRunes[d], val: 1}, j, true
			}
		}
	}
	switch string(w) {
	case "am", "AM", "Am":
		return token{kind: kWord, w: wAM}, j, true
	case "pm", "PM", "Pm":
		return token{kind: kWord, w: wPM}, j, true
	case "GMT", "UTC":
		return token{kind: kWord, w: wZone}, j, true
	case "JST":
		return token{kind: kWord, w: wZone, val: 9 * 60}, j, true
	case "open", "OPEN", "Open":
		// 18:30 open / 19:00 start / 21:30 close, as 開場, 開演, 終了.
		return token{kind: kWord, w: wOpen}, j, true
	case "start", "START", "Start":
		return token{kind: kWord, w: wStart}, j, true
	case "close", "CLOSE", "Close":
		return token{kind: kWord, w: wFinish}, j, true
	case "BC":
		return token{kind: kWord, w: wNotGregorian}, j, true
	case "T", "Z":
		return token{kind: kSym, r: rune(w[0])}, j, true
	}
	return token{}, 0, false
}

// dashBefore reports whether a long-vowel mark after t can be a dash: after
// a number, a 日 or a closing bracket.
func dashBefore(t token) bool {
	return t.kind == kNum || t.kind == kSym && (t.r == '日' || t.r == ')')
}

func isDigitRune(r rune) bool {
	return r >= '0' && r <= '9' || kanjiDigit(r) >= 0 && kanjiDigit(r) < 10
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
	return isDigitRune(norm(r))
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
