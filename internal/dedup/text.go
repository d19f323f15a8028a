package dedup

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold is the form every text is compared in: NFKC (full-width ＤＸ and ５Ｆ
// become DX and 5F, half-width ｾﾐﾅｰ becomes セミナー), then lower case.
func fold(s string) string {
	if f, ok := foldFast(s); ok {
		return f
	}
	return strings.ToLower(norm.NFKC.String(s))
}

// foldFast folds the text most listings are written in — ASCII, kana,
// the common kanji, Japanese punctuation, full-width ASCII — rune by rune,
// where NFKC changes nothing or maps one rune to one: it is a tenth of the
// cost of the norm package, and the writer folds every listing it places.
// It reports false for anything else (half-width kana, which NFKC composes
// with their voicing marks, circled numbers, compatibility kanji …).
func foldFast(s string) (string, bool) {
	same := true // nothing to change: return s itself
	for _, r := range s {
		if r < 0x80 && !('A' <= r && r <= 'Z') || 0x3041 <= r && r <= 0x3096 || 0x30A1 <= r && r <= 0x30FC || 0x4E00 <= r && r <= 0x9FFF {
			continue
		}
		same = false
		break
	}
	if same {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		case r == 0x3000: // ideographic space
			r = ' '
		case 0x3001 <= r && r <= 0x3035, r == 0x3037, 0x303B <= r && r <= 0x303F, // punctuation, brackets
			0x3041 <= r && r <= 0x3096, r == 0x309D || r == 0x309E, // hiragana
			0x30A0 <= r && r <= 0x30FE, // katakana, ・, ー
			0x4E00 <= r && r <= 0x9FFF, // kanji
			r == 0x2010 || r == 0x2013 || r == 0x2014 || 0x2018 <= r && r <= 0x201D || r == 0x2022 ||
				r == 0x2025 || r == 0x2026 || 0x2190 <= r && r <= 0x2199 || 0x25A0 <= r && r <= 0x25FF || 0x2600 <= r && r <= 0x26FF:
			// …, ―, quotes, arrows, ■◆○, ★☆♪: NFKC leaves them
			if r == 0x2025 || r == 0x2026 { // ‥ … are dots to NFKC
				return "", false
			}
		default:
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

// grams is the set of a text's character bigrams (a one-character text has
// its character alone), sorted, each pair of runes packed in a uint64.
type grams []uint64

func gramsOf(s string) grams {
	var rs [128]rune
	r := rs[:0]
	for _, c := range s {
		r = append(r, c)
	}
	if len(r) == 1 {
		return grams{uint64(r[0]) << 32}
	}
	g := make(grams, 0, len(r))
	for i := 1; i < len(r); i++ {
		g = append(g, uint64(r[i-1])<<32|uint64(r[i]))
	}
	slices.Sort(g)
	return slices.Compact(g)
}

// common counts the bigrams a and b share.
func common(a, b grams) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// containment is the share of the smaller set's bigrams found in the other.
func containment(a, b grams) float64 {
	m := min(len(a), len(b))
	if m == 0 {
		return 0
	}
	return float64(common(a, b)) / float64(m)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return r >= 'a' && r <= 'z' }

// isWord is a rune of a Japanese word: kanji, kana, the long vowel mark.
func isWord(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー' || r == '々'
}

var kanjiDigits = map[rune]int{'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// kanjiNumber reads a number written in kanji (五, 十二, 二十五, 百三) from
// r[i:]; it returns the value and the runes read, 0 runes when none.
func kanjiNumber(r []rune, i int) (v, n int) {
	cur := 0
	for j := i; j < len(r); j++ {
		switch c := r[j]; {
		case c == '十':
			if cur == 0 {
				cur = 1
			}
			v += cur * 10
			cur = 0
		case c == '百':
			if cur == 0 {
				cur = 1
			}
			v += cur * 100
			cur = 0
		default:
			d, ok := kanjiDigits[c]
			if !ok {
				return v + cur, j - i
			}
			cur = cur*10 + d
		}
	}
	return v + cur, len(r) - i
}

// hasAt reports whether r[i:] starts with s.
func hasAt(r []rune, i int, s string) bool {
	for _, c := range s {
		if i >= len(r) || r[i] != c {
			return false
		}
		i++
	}
	return true
}

// endsWith reports whether out ends with s.
func endsWith(out []rune, s string) bool {
	n := len([]rune(s))
	return len(out) >= n && hasAt(out, len(out)-n, s)
}

// skipSpace returns the index of the first rune at or after i that is not
// white space.
func skipSpace(r []rune, i int) int {
	for i < len(r) && unicode.IsSpace(r[i]) {
		i++
	}
	return i
}

var weekdayRunes = "月火水木金土日祝"

// skipWeekday steps over a weekday in brackets, (木) or (木曜日), at r[i:].
func skipWeekday(r []rune, i int) int {
	j := skipSpace(r, i)
	if j < len(r) && (r[j] == '(' || r[j] == '（') && j+2 < len(r) && strings.ContainsRune(weekdayRunes, r[j+1]) {
		k := j + 2
		for k < len(r) && (r[k] == '曜' || r[k] == '日' || r[k] == '・' || strings.ContainsRune(weekdayRunes, r[k])) {
			k++
		}
		if k < len(r) && r[k] == ')' {
			return k + 1
		}
	}
	return i
}

// digitRun returns the end of the run of digits at r[i:] (a comma between
// thousands is part of it) and its value, capped so it never overflows.
func digitRun(r []rune, i int) (end, v int) {
	j := i
	for j < len(r) {
		if isDigit(r[j]) {
			if v < 1e8 {
				v = v*10 + int(r[j]-'0')
			}
			j++
			continue
		}
		if r[j] == ',' && j+3 < len(r)+1 && j+1 < len(r) && isDigit(r[j+1]) && j > i {
			j++
			continue
		}
		break
	}
	return j, v
}

// titleNumbers removes from a folded title the numbers that do not tell one
// gathering from another — dates and times (the day and start are compared
// on their own), years, prices, capacities, the length of a course (全3回)
// — and takes out the others (第5回, vol.5, #12, 12月例会, 第五回) with their
// markers. It returns the rest of the title and the numbers.
func titleNumbers(s string) ([]rune, []int) {
	r := []rune(s)
	out := make([]rune, 0, len(r))
	var nums []int
	for i := 0; i < len(r); {
		c := r[i]
		if c == '第' && i+1 < len(r) {
			if v, n := kanjiNumber(r, i+1); n > 0 && i+1+n < len(r) && strings.ContainsRune("回講期部弾号", r[i+1+n]) {
				nums = append(nums, v)
				i += 2 + n
				continue
			}
		}
		if !isDigit(c) {
			out = append(out, c)
			i++
			continue
		}
		end, v := digitRun(r, i)
		next := func(k int) rune {
			if k < len(r) {
				return r[k]
			}
			return 0
		}
		n1 := next(end)
		switch {
		case (n1 == ':' || n1 == '：') && isDigit(next(end+1)): // 18:30, 18:30〜20:30
			j, _ := digitRun(r, end+1)
			i = j
			continue
		case n1 == '時': // 18時, 18時30分, 7時半
			j := end + 1
			if isDigit(next(j)) {
				j, _ = digitRun(r, j)
				if next(j) == '分' {
					j++
				}
			} else if next(j) == '半' {
				j++
			}
			i = j
			continue
		case (n1 == '/' || n1 == '.' || n1 == '-') && isDigit(next(end+1)) && !endsWith(out, "vol.") && !endsWith(out, "no."):
			// 12/3, 2026/12/3, 2026.12.03, 2026-12-03
			j, _ := digitRun(r, end+1)
			if s := next(j); (s == '/' || s == '.' || s == '-') && isDigit(next(j+1)) {
				j, _ = digitRun(r, j+1)
			}
			i = skipWeekday(r, j)
			continue
		case n1 == '月' && isDigit(next(end+1)):
			if j, _ := digitRun(r, end+1); next(j) == '日' { // 12月3日(木)
				i = skipWeekday(r, j+1)
				continue
			}
		case n1 == '年': // 2026年, 2026年度, 令和8年度
			j := end + 1
			if next(j) == '度' {
				j++
			}
			for _, era := range []string{"令和", "平成", "r", "h"} {
				if endsWith(out, era) {
					out = out[:len(out)-len([]rune(era))]
					break
				}
			}
			i = j
			continue
		case n1 == '円' || endsWith(out, "¥"): // 3,000円, ¥3000
			if endsWith(out, "¥") {
				out = out[:len(out)-1]
			}
			i = end
			if n1 == '円' {
				i++
			}
			continue
		case n1 == '分': // 5分, 徒歩2分
			i = end + 1
			continue
		case strings.ContainsRune("名人席枠組", n1) && (capacityWord(out) != "" || hasAt(r, end+1, "限定") || hasAt(r, end+1, "まで")):
			// 定員30名, 残り3席, 20名限定: how many may come
			out = out[:len(out)-len([]rune(capacityWord(out)))]
			i = end + 1
			continue
		case endsWith(out, "全") && strings.ContainsRune("回講", n1): // 全3回: the course's length
			out = out[:len(out)-1]
			i = end + 1
			continue
		case v >= 1900 && v <= 2100 && end-i == 4 && !strings.ContainsRune("回講期部弾号", n1):
			i = end // a year written alone: 交流会2026
			continue
		}
		// A number that names the gathering: drop its markers with it.
		for _, p := range []string{"第", "vol.", "vol", "no.", "no", "#", "♯", "ver."} {
			if endsWith(trimSpaceRight(out), p) {
				out = trimSpaceRight(out)
				out = out[:len(out)-len([]rune(p))]
				break
			}
		}
		nums = append(nums, v)
		i = end
		for _, suf := range []string{"回目", "回", "講", "期", "部", "弾", "号", "th", "st", "nd", "rd", "月度", "月"} {
			if hasAt(r, i, suf) {
				i += len([]rune(suf))
				break
			}
		}
	}
	slices.Sort(nums)
	return out, slices.Compact(nums)
}

// capacityWord returns the word before a number that makes it a number of
// people (定員 30名), or "".
func capacityWord(out []rune) string {
	for _, w := range []string{"定員", "先着", "残り", "最大"} {
		if endsWith(out, w) {
			return w
		}
	}
	return ""
}

func trimSpaceRight(r []rune) []rune {
	for len(r) > 0 && (unicode.IsSpace(r[len(r)-1]) || r[len(r)-1] == '.') {
		r = r[:len(r)-1]
	}
	return r
}

// decorBrackets open the brackets whose text a re-poster adds around a
// title (【難波】, [募集中], 《満席》): their text is dropped.
var decorBrackets = map[rune]rune{'【': '】', '[': ']', '《': '》', '〈': '〉', '<': '>', '≪': '≫', '〔': '〕', '{': '}', '〖': '〗'}

// stripDecor drops bracketed decorations, a place after @ (＠心斎橋), a
// place after "in" (in 梅田), and every rune that is not a letter.
func stripDecor(r []rune) string {
	var b strings.Builder
	b.Grow(len(r) * 3)
	for i := 0; i < len(r); i++ {
		c := r[i]
		if closer, ok := decorBrackets[c]; ok {
			if j := slices.Index(r[i+1:], closer); j >= 0 && j <= 40 {
				i += j + 1
				continue
			}
			continue
		}
		if c == '@' {
			j := skipSpace(r, i+1)
			for j < len(r) && (isWord(r[j]) || isLatin(r[j]) || isDigit(r[j]) || r[j] == '・') {
				j++
			}
			i = j - 1
			continue
		}
		if c == 'i' && i+1 < len(r) && r[i+1] == 'n' && (i == 0 || !isLatin(r[i-1])) {
			j := skipSpace(r, i+2)
			if j < len(r) && isWord(r[j]) {
				for j < len(r) && (isWord(r[j]) || r[j] == '・') {
					j++
				}
				i = j - 1
				continue
			}
		}
		if unicode.IsLetter(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// titleDecorations are words a listing adds to the name of its gathering:
// what it is announcing (のお知らせ, 開催案内), whom it calls (参加者募集,
// 初参加歓迎), the price (無料) and the format (オンライン). Osaka's places
// are among them: the day and the place are compared on their own, and one
// listing says 【梅田】 where the other says in 梅田 or nothing.
var titleDecorations = []string{
	"の開催について", "の開催案内", "開催のお知らせ", "開催のご案内", "開催いたします", "開催します", "開催案内", "開催決定", "を開催", "開催",
	"のお知らせ", "のご案内", "ご案内", "お知らせ",
	"参加者募集中", "参加者募集", "来場者募集", "出展者募集", "会員募集", "募集開始", "募集中", "募集",
	"申し込み受付中", "申込受付中", "申込受付", "受付開始", "受付中",
	"参加費無料", "参加無料", "入場無料", "無料",
	"初めての方歓迎", "初参加歓迎", "初心者歓迎", "ビジター歓迎", "見学歓迎", "見学ok", "歓迎",
	"残りわずか", "締切間近", "満席", "好評につき",
	"オンライン開催", "オンライン", "zoom",
	"のための", "のため", "向け",
	// 大阪府の市町村と区、地区と駅（新大阪, 東大阪 before 大阪）
	"大阪府", "東大阪市", "東大阪", "新大阪", "大阪市", "大阪", "なにわ", "浪速区", "浪速",
	"堺市", "堺東", "堺", "さかい", "中百舌鳥", "豊中市", "豊中", "とよなか", "吹田市", "吹田", "すいた",
	"高槻市", "高槻", "たかつき", "枚方市", "枚方", "ひらかた", "茨木市", "茨木", "八尾市", "八尾",
	"守口市", "守口", "門真市", "門真", "池田市", "池田", "箕面市", "箕面", "寝屋川市", "寝屋川",
	"岸和田市", "岸和田", "和泉市", "泉佐野市", "北摂", "河内",
	"北区", "中央区", "西区", "福島区", "此花区", "淀川区", "阿倍野区", "天王寺区", "都島区", "城東区",
	"ふくしま", "福島", "このはな", "此花",
	"梅田", "うめだ", "難波", "なんば", "心斎橋", "本町", "北浜", "淀屋橋", "天満橋", "天満", "南森町",
	"京橋", "天王寺", "阿倍野", "あべの", "中之島", "江坂", "千里中央", "船場", "谷町", "上本町",
}

// titleJoins are the ways of writing "A and B" that one listing spells and
// another does not (セミナーと懇親会 / セミナー＆懇親会).
var titleJoins = []string{"と懇親会", "懇親会", "と交流会", "交流会", "と懇談会", "懇談会"}

var titleReplacer = func() *strings.Replacer {
	var pairs []string
	for i := 0; i < len(titleJoins); i += 2 {
		pairs = append(pairs, titleJoins[i], titleJoins[i+1])
	}
	words := slices.Clone(titleDecorations)
	// Longer first: at one position the first word in order is taken.
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	for _, w := range words {
		pairs = append(pairs, fold(w), "")
	}
	return strings.NewReplacer(pairs...)
}()

// normTitle returns the core of a title (letters only, decorations and
// numbers removed) and its numbers.
func normTitle(title string) (string, []int) {
	r, nums := titleNumbers(fold(title))
	return titleReplacer.Replace(stripDecor(r)), nums
}

// venueAliases are other names of Osaka venues, each mapped to one form,
// and words a venue is written with or without (ホテル, 大阪): the others
// are compared as they are, by how much of one name the other holds.
var venueAliases = []string{
	"大阪産業創造館", "産業創造館", "産創館", "産業創造館",
	"マイドーム大阪", "マイドームおおさか",
	"グランキューブ大阪", "府立国際会議場", "大阪府立国際会議場", "府立国際会議場",
	"ドーンセンター", "府立男女共同参画青少年センター",
	"大阪イノベーションハブ", "イノベーションハブ", "oih", "イノベーションハブ",
	"パルコ", "parco",
	"クリエイションコア", "クリエイション・コア",
	"新大阪", "新大阪", "東大阪", "東大阪",
	"ホテル", "", "大阪", "",
}

var venueReplacer = func() *strings.Replacer {
	pairs := make([]string, len(venueAliases))
	for i, s := range venueAliases {
		pairs[i] = fold(s)
	}
	return strings.NewReplacer(pairs...)
}()

// place is a venue (or address) reduced for comparison.
type place struct {
	core   string   // letters only
	grams  grams    // of core
	floors []string // "5", "b1"
	rooms  []string // names of banquet rooms: 孔雀 of 孔雀の間
	nums   []int    // other numbers: rooms 502, buildings 第3
}

func normPlace(s string) place {
	r := []rune(venueReplacer.Replace(fold(s)))
	var p place
	out := make([]rune, 0, len(r))
	for i := 0; i < len(r); {
		c := r[i]
		if !isDigit(c) {
			out = append(out, c)
			i++
			continue
		}
		end, v := digitRun(r, i)
		switch {
		case end < len(r) && (r[end] == '階' || (r[end] == 'f' && (end+1 == len(r) || !isLatin(r[end+1])))):
			f := strconv.Itoa(v)
			if endsWith(out, "地下") {
				out, f = out[:len(out)-2], "b"+f
			} else if endsWith(out, "b") {
				out, f = out[:len(out)-1], "b"+f
			}
			p.floors = append(p.floors, f)
			i = end + 1
			continue
		case end < len(r) && r[end] == '分': // 徒歩2分
			if endsWith(out, "徒歩") {
				out = out[:len(out)-2]
			}
			i = end + 1
			continue
		}
		if endsWith(out, "第") {
			out = out[:len(out)-1]
		}
		p.nums = append(p.nums, v)
		i = end
		for _, suf := range []string{"丁目", "番地", "番", "号館", "号室", "号"} {
			if hasAt(r, i, suf) {
				i += len([]rune(suf))
				break
			}
		}
	}
	for i := 0; i+1 < len(out); i++ {
		if out[i] == 'の' && out[i+1] == '間' {
			j := i
			for j > 0 && i-j < 4 && (unicode.Is(unicode.Han, out[j-1]) || unicode.Is(unicode.Katakana, out[j-1])) {
				j--
			}
			if j < i {
				p.rooms = append(p.rooms, string(out[j:i]))
			}
		}
	}
	var b strings.Builder
	for _, c := range out {
		if unicode.IsLetter(c) {
			b.WriteRune(c)
		}
	}
	p.core = b.String()
	p.grams = gramsOf(p.core)
	slices.Sort(p.floors)
	p.floors = slices.Compact(p.floors)
	slices.Sort(p.nums)
	p.nums = slices.Compact(p.nums)
	return p
}

// normAddress reduces a street address to its town and block numbers:
// 大阪府大阪市中央区西心斎橋1丁目3番3号 and 大阪市中央区西心斎橋1-3-3 are both
// 西心斎橋 with 1 3 3. It returns "" and nil for an address without numbers.
func normAddress(s string) (town string, nums []int) {
	r := []rune(fold(s))
	first := slices.IndexFunc(r, isDigit)
	if first <= 0 {
		return "", nil
	}
	// The town is the words before the numbers back to the ward or city
	// (長曽根町 keeps its 町).
	t := first
	if r[t-1] == '町' {
		t--
	}
	for t > 0 && first-t < 8 && isWord(r[t-1]) && !strings.ContainsRune("区市町村府郡都県", r[t-1]) {
		t--
	}
	for i := first; i < len(r) && len(nums) < 3; {
		if !isDigit(r[i]) {
			if strings.ContainsRune("-−‐丁目番地号の", r[i]) {
				i++
				continue
			}
			break
		}
		end, v := digitRun(r, i)
		nums = append(nums, v)
		i = end
	}
	return string(r[t:first]), nums
}
