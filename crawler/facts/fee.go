package facts

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// amountRE finds an amount of yen as listings write it (after normalize:
// ASCII digits, no grouping commas): ¥3000, 1万5千円, 1.5万円, 3千円, 3000円,
// 三千円, and 無料.
var amountRE = regexp.MustCompile(`¥\s*(\d+)` +
	`|(\d+(?:\.\d+)?)\s*万\s*(?:(\d+)\s*千\s*|(\d+)\s*)?円` +
	`|(\d+)\s*千\s*円` +
	`|(\d+)\s*円` +
	`|([〇一二三四五六七八九十百千万壱弐参]+)\s*円` +
	`|無料`)

// maxFee is the largest amount read as a fee: beyond it a figure is a
// capital, a subsidy or a turnover, not what a person pays to attend.
const maxFee = 1_000_000

// clauseEnds end the clause an amount belongs to: 会員 2000円／一般 4000円
// has two, (うち懇親会費3000円) one of its own.
const clauseEnds = "/、,;()【】※。「」[]|・\n"

// notPriceBefore, in an amount's clause before it, mark an amount that is
// not a price of taking part: an extra charged apart, a part of the price,
// a membership fee, a company's capital.
var notPriceBefore = []string{"別途", "うち", "内訳", "年会費", "月会費", "入会金", "資本金", "売上", "補助",
	"助成", "キャンセル料", "駐車", "交通費", "保証金", "預り金", "賞金"}

// notPriceAfter, right after an amount, mark a discount or a voucher.
var notPriceAfter = []string{"引", "割引", "OFF", "off", "オフ", "分", "相当", "以上", "のクーポン",
	"キャッシュバック", "還元", "補助", "助成", "まで補助"}

// notFeeFree, right after 無料, mark something else that is free (無料Wi-Fi,
// 無料駐車場, 無料相談).
var notFeeFree = []string{"Wi-Fi", "WiFi", "wifi", "駐車", "相談", "招待", "送迎", "体験", "券", "クーポン",
	"配布", "プレゼント", "診断", "シャトル"}

// nonMemberWords name people who are not members; a price for them says
// they may come.
var nonMemberWords = []string{"一般", "非会員", "会員外", "会員以外", "ゲスト", "ビジター", "オブザーバー"}

// notNonMember contain 一般 in another sense.
var notNonMember = []string{"一般社団", "一般財団", "一般的"}

// pricesIn returns the prices a fee text names, and whether it names one
// for people who are not members.
func pricesIn(s string) (prices []int, forOthers bool) {
	if !strings.Contains(s, "円") && !strings.Contains(s, "無料") && !strings.Contains(s, "¥") {
		return nil, false // every amount amountRE finds holds one
	}
	for _, m := range amountRE.FindAllStringSubmatchIndex(s, -1) {
		v, ok := amountValue(s, m)
		if !ok {
			continue
		}
		start := strings.LastIndexAny(s[:m[0]], clauseEnds) + 1
		end := len(s)
		if i := strings.IndexAny(s[m[1]:], clauseEnds); i >= 0 {
			end = m[1] + i
		}
		before, after := s[start:m[0]], strings.TrimLeft(s[m[1]:end], " -")
		if containsAny(before, notPriceBefore) {
			continue
		}
		if v == 0 {
			if strings.HasSuffix(strings.TrimSpace(before), "駐車場") || hasAnyPrefix(after, notFeeFree) {
				continue
			}
		} else if hasAnyPrefix(after, notPriceAfter) {
			continue
		}
		prices = append(prices, v)
		clause := s[start:end]
		if containsAny(clause, nonMemberWords) && !containsAny(clause, notNonMember) {
			forOthers = true
		}
	}
	return prices, forOthers
}

// amountValue is the yen of the amountRE match m in s; ok is false for an
// amount that is no fee (under 10 yen, over maxFee).
func amountValue(s string, m []int) (int, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	v := -1
	switch {
	case group(1) != "":
		v = atoi(group(1))
	case group(2) != "":
		f, err := strconv.ParseFloat(group(2), 64)
		if err != nil {
			return 0, false
		}
		v = int(f*10000 + 0.5)
		if k := group(3); k != "" {
			v += atoi(k) * 1000
		} else if r := group(4); r != "" {
			v += atoi(r)
		}
	case group(5) != "":
		v = atoi(group(5)) * 1000
	case group(6) != "":
		v = atoi(group(6))
	case group(7) != "":
		v = kanjiNumber(group(7))
	default: // 無料
		return 0, true
	}
	if v < 10 || v > maxFee {
		return 0, false
	}
	return v, true
}

// hasPrice reports whether a line names an amount of yen or 無料.
func hasPrice(line string) bool { return amountRE.MatchString(line) }

// feeWords start a sentence about the fee: 参加費は3,000円です. 会費 as in
// 懇親会費 is one; as in 年会費 and 月会費 it is a membership's.
var feeWords = []string{"参加費", "会費", "受講料", "参加料", "入場料"}

// freePhrases say in a sentence or a title that taking part is free.
var freePhrases = []string{"参加無料", "入場無料", "受講無料", "聴講無料", "参加費無料", "受講料無料", "参加費は無料",
	"無料でご参加", "無料で参加", "無料にてご参加", "無料セミナー", "【無料】"}

// fees returns the prices the listing names (from the fee field, the fee
// labels and the sentences about the fee) and whether one is for people
// who are not members.
func (l *listing) fees() (prices []int, forOthers bool) {
	var texts []string
	if l.fee != "" {
		texts = append(texts, l.fee)
		if n := strings.TrimSpace(l.fee); len(n) <= 7 && allDigits(n) {
			// A fee field holding a bare number (2000) names yen.
			if v := atoi(n); v >= 10 && v <= maxFee {
				prices = append(prices, v)
			}
		}
	}
	texts = append(texts, l.values[catFee]...)
	for s := range l.sentencesWith(hintFee, true, false) {
		texts = append(texts, feeSentences(s)...)
	}

	for line := range l.with(hintFree, true, false) {
		if containsAny(line, freePhrases) {
			prices = append(prices, 0)
		}
	}
	unknown := false
	for i, t := range texts {
		if slices.Contains(texts[:i], t) {
			// The fee field and its label's value are often the same
			// text: read again it would say the same.
			continue
		}
		p, o := pricesIn(t)
		prices = append(prices, p...)
		u, uo := unpricedIn(t)
		unknown, forOthers = unknown || u, forOthers || o || uo
	}
	if unknown {
		// 会員 無料／ゲスト 実費: the highest is not stated, and 0 would
		// say the event is free for all.
		return nil, forOthers
	}
	return prices, forOthers
}

// unstated say that a price is not given: 実費, 未定, お問い合わせください.
var unstated = []string{"実費", "未定", "応相談", "要相談", "問い合わせ", "問合せ"}

// participantWords name who a price is for.
var participantWords = append([]string{"会員", "学生", "同伴", "家族", "一般", "男性", "女性", "1名", "お一人"}, nonMemberWords...)

// unpricedIn reports whether a fee text leaves the price of some people
// unstated (ゲスト 実費), and whether those are people who are not members.
func unpricedIn(s string) (unknown, forOthers bool) {
	if !containsAny(s, unstated) {
		return false, false
	}
	for _, clause := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(clauseEnds, r) }) {
		if !containsAny(clause, unstated) || !containsAny(clause, participantWords) || hasPrice(clause) {
			continue
		}
		unknown = true
		if containsAny(clause, nonMemberWords) && !containsAny(clause, notNonMember) {
			forOthers = true
		}
	}
	return unknown, forOthers
}

// feeSentences returns what follows each word of feeWords in s, the text
// the fee is stated in: 参加費は、お一人様3000円です → は、お一人様3000円です.
func feeSentences(s string) []string {
	var out []string
	for _, w := range feeWords {
		rest := s
		for {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			before := rest[:i]
			rest = rest[i+len(w):]
			if hasAnySuffix(before, []string{"年", "月", "入", "諸"}) {
				continue
			}
			out = append(out, rest)
		}
	}
	return out
}

func hasAnySuffix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// atoi reads ASCII digits; a number too long to be a fee gives -1.
func atoi(s string) int {
	if len(s) > 9 {
		return -1
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

var (
	kanjiDigits = map[rune]int{'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
		'壱': 1, '弐': 2, '参': 3}
	kanjiUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}
)

// kanjiNumber reads a number in kanji numerals (三千, 二千五百, 壱万, 三十);
// -1 when it is not one.
func kanjiNumber(s string) int {
	total, section, cur := 0, 0, -1
	for _, r := range s {
		switch {
		case r == '万':
			if cur >= 0 {
				section += cur
			}
			if section == 0 {
				section = 1
			}
			total += section * 10000
			section, cur = 0, -1
		case kanjiUnits[r] > 0:
			if cur < 0 {
				cur = 1
			}
			section += cur * kanjiUnits[r]
			cur = -1
		default:
			d, ok := kanjiDigits[r]
			if !ok {
				return -1
			}
			if cur < 0 {
				cur = 0
			}
			cur = cur*10 + d
		}
	}
	if cur >= 0 {
		section += cur
	}
	n := total + section
	if n == 0 && !strings.ContainsRune(s, '〇') {
		return -1
	}
	return n
}
