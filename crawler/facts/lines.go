package facts

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// category is what a labelled line is about.
type category int

const (
	catNone     category = iota
	catOther             // a label of something else (日時, 主催): it ends a value
	catFee               // 参加費, 会費, 受講料 …
	catCapacity          // 定員, 募集人数 …
	catDeadline          // 申込締切, 〆切 …
	catPeriod            // 申込期間: the deadline is its end
	catWho               // 対象, 参加資格 …
	catFormat            // 開催形式, 開催方法 …
	catVenue             // 会場, 場所
	catApply             // 申込, 申込方法, 申込フォーム …
)

// labelWords are the labels listings put before a value, in the canonical
// form of canon: no spaces, no okurigana (申し込み締め切り is 申込締切), 〆 as 締.
var labelWords = map[string]category{
	"参加費": catFee, "参加費用": catFee, "会費": catFee, "費用": catFee, "料金": catFee,
	"受講料": catFee, "受講費": catFee, "受講料金": catFee, "参加料": catFee, "参加料金": catFee,
	"入場料": catFee, "懇親会費": catFee, "交流会費": catFee, "登録料": catFee,
	"チケット": catFee, "チケット料金": catFee, "セミナー参加費": catFee, "参加費・会費": catFee,

	"定員": catCapacity, "募集人数": catCapacity, "募集定員": catCapacity, "募集人員": catCapacity,
	"参加定員": catCapacity, "定数": catCapacity, "募集数": catCapacity,

	"申込締切": catDeadline, "申込締切日": catDeadline, "締切": catDeadline, "締切日": catDeadline,
	"申込期限": catDeadline, "申込期日": catDeadline, "受付締切": catDeadline, "受付締切日": catDeadline,
	"応募締切": catDeadline, "参加申込締切": catDeadline, "出欠締切": catDeadline, "回答期限": catDeadline,
	"申込期間": catPeriod, "受付期間": catPeriod, "申込受付期間": catPeriod, "募集期間": catPeriod,
	"応募期間": catPeriod,

	"対象": catWho, "対象者": catWho, "参加対象": catWho, "参加対象者": catWho, "参加資格": catWho,
	"参加条件": catWho, "対象事業者": catWho,

	"開催形式": catFormat, "開催方法": catFormat, "開催形態": catFormat, "形式": catFormat,
	"実施方法": catFormat, "実施形式": catFormat, "受講方法": catFormat, "受講形式": catFormat,
	"参加方法": catFormat, "参加形式": catFormat,

	"会場": catVenue, "場所": catVenue, "開催場所": catVenue, "開催会場": catVenue, "会場名": catVenue,

	"申込": catApply, "申込方法": catApply, "申込先": catApply, "申込フォーム": catApply,
	"申込URL": catApply, "参加申込": catApply, "エントリー": catApply, "予約": catApply,
	"申込はこちら": catApply, "申込ページ": catApply, "参加登録": catApply,

	"日時": catOther, "開催日時": catOther, "開催日": catOther, "日程": catOther, "時間": catOther,
	"主催": catOther, "共催": catOther, "後援": catOther, "協力": catOther, "講師": catOther,
	"内容": catOther, "問合せ": catOther, "問合せ先": catOther, "問い合わせ": catOther,
	"問い合わせ先": catOther, "持ち物": catOther, "持物": catOther, "備考": catOther, "詳細": catOther,
	"住所": catOther, "所在地": catOther, "アクセス": catOther, "テーマ": catOther, "プログラム": catOther,
}

// labelsByLength are the keys of labelWords, longest first, so 申込締切
// is tried before 申込.
var labelsByLength = func() []string {
	ks := make([]string, 0, len(labelWords))
	for k := range labelWords {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if a, b := utf8.RuneCountInString(ks[i]), utf8.RuneCountInString(ks[j]); a != b {
			return a > b
		}
		return ks[i] < ks[j]
	})
	return ks
}()

// labelStarts are the characters a label starts with (before canon drops a
// leading お or ご or reads 〆 as 締).
var labelStarts = func() map[rune]bool {
	m := map[rune]bool{'お': true, 'ご': true, '〆': true}
	for w := range labelWords {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}()

// labelsByFirst are labelsByLength by their first rune, in that order: a
// label is looked for only among those that start as the line does.
var labelsByFirst = func() map[rune][]string {
	m := map[rune][]string{}
	for _, w := range labelsByLength {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = append(m[r], w)
	}
	return m
}()

// maxLabelRunes bounds a label in canonical runes.
const maxLabelRunes = 8

// canonical is a line's start in the form labels are compared in (canon):
// at most maxLabelRunes+1 runes, in arrays rather than on the heap, since
// every line that starts as a label does is put in this form.
type canonical struct {
	buf   [4 * (maxLabelRunes + 1)]byte
	n     int                    // bytes of buf used
	ends  [maxLabelRunes + 1]int // ends[i]: offset in the line after the i-th canonical rune's
	runes int
}

// canon is the canonical form a label is compared in: spaces and the
// okurigana し, み, め, り dropped, a leading お or ご dropped, 〆 read as 締.
// ends[i] is the byte offset in s just after the rune that gave the i-th
// canonical rune. It reads at most maxLabelRunes+1 canonical runes.
func canon(s string) (c canonical) {
	first := true
	for i, r := range s {
		if c.runes == len(c.ends) {
			break
		}
		switch {
		case r == ' ' || r == '\t' || r == '\u3000':
			continue
		case first && (r == 'お' || r == 'ご'):
			first = false
			continue
		case r == 'し' || r == 'み' || r == 'め' || r == 'り':
			first = false
			continue
		case r == '〆':
			r = '締'
		}
		first = false
		c.n += utf8.EncodeRune(c.buf[c.n:], r)
		c.ends[c.runes] = i + utf8.RuneLen(r) // 〆 and 締 are both three bytes
		c.runes++
	}
	return c
}

// key is the canonical text.
func (c *canonical) key() []byte { return c.buf[:c.n] }

// bullets lead a labelled line: ■参加費, ・定員, ※対象, ▼お申し込み.
const bullets = "■□●○◆◇・★☆※▼▽◎*-▶►>〇◯♦◉➤→+ "

// brackets are the pairs a label is written in: 【定員】, [参加費], <会場>.
var brackets = map[rune]rune{'【': '】', '[': ']', '〔': '〕', '<': '>', '〈': '〉', '《': '》', '(': ')', '「': '」', '『': '』', '{': '}'}

// separators follow a label before its value.
var separators = []string{":", "・・・", "…", "‥", "|", "=", "/"}

// labelOf splits a line into the category of its label and its value;
// catNone when the line does not start with a known label. alone is true
// for a label with no value on its line (a dt, a th, a heading): the value
// is on the next line.
func labelOf(line string) (cat category, value string, alone bool) {
	l := strings.TrimLeft(line, bullets)
	if l == "" {
		return catNone, "", false
	}
	open, size := utf8.DecodeRuneInString(l)
	if _, ok := brackets[open]; !ok && !labelStarts[open] {
		return catNone, "", false // most lines: no label starts so
	}
	if closer, ok := brackets[open]; ok {
		inner, rest, found := strings.Cut(l[size:], string(closer))
		if !found {
			return catNone, "", false
		}
		k := canon(inner)
		c, known := labelWords[string(k.key())]
		if !known {
			return catNone, "", false
		}
		value = trimValue(rest)
		return c, value, value == ""
	}
	k := canon(l)
	key := k.key()
	first, _ := utf8.DecodeRune(key)
	for _, w := range labelsByFirst[first] {
		if len(key) < len(w) || string(key[:len(w)]) != w {
			continue
		}
		n := utf8.RuneCountInString(w)
		// 締切り, 申込み: the okurigana after the label belong to it.
		rest := strings.TrimLeft(l[k.ends[n-1]:], "しみめり")
		trimmed := strings.TrimLeft(rest, " \t")
		switch {
		case trimmed == "":
			return labelWords[w], "", true
		case hasAnyPrefix(trimmed, separators):
			value = trimValue(trimmed)
			return labelWords[w], value, value == ""
		case len(trimmed) < len(rest), // a space between label and value
			isDigit(trimmed[0]), strings.HasPrefix(trimmed, "約"), strings.HasPrefix(trimmed, "¥"):
			return labelWords[w], trimValue(trimmed), false
		}
		// 参加費は…, 会場参加と…, 定員に達し…: a sentence, not a label.
		return catNone, "", false
	}
	return catNone, "", false
}

// trimValue drops the separators and spaces before a value.
func trimValue(s string) string {
	for {
		t := strings.TrimLeft(s, " \t")
		for _, sep := range separators {
			t = strings.TrimPrefix(t, sep)
		}
		if t == s {
			return strings.TrimSpace(t)
		}
		s = t
	}
}

// maxFeeLines bounds the lines of prices under a fee label alone on its
// line (料金 / 会員 1,000円 / 非会員 2,000円).
const maxFeeLines = 4

// readLabels finds the labelled lines of the text and keeps their values by
// category. The value of a label alone on its line is the next line, when
// that is not a label itself; under a fee label, the lines of prices that
// follow too.
func (l *listing) readLabels() {
	// The line a label alone looks ahead at last is the one read next:
	// its reading is kept.
	type reading struct {
		cat   category
		value string
		alone bool
	}
	kept, keptAt := reading{}, -1
	labelAt := func(i int) reading {
		if i != keptAt {
			kept.cat, kept.value, kept.alone = labelOf(l.lines[i])
			keptAt = i
		}
		return kept
	}
	for i := 0; i < len(l.lines); i++ {
		r := labelAt(i)
		cat, value, alone := r.cat, r.value, r.alone
		if cat == catNone || cat == catOther {
			continue
		}
		if !alone {
			l.values[cat] = append(l.values[cat], value)
			continue
		}
		last := i
		for j := i + 1; j < len(l.lines) && j <= i+maxFeeLines; j++ {
			if labelAt(j).cat != catNone {
				break
			}
			if j > i+1 && (cat != catFee || !priceLine(l.lines[j])) {
				break
			}
			l.values[cat] = append(l.values[cat], l.lines[j])
			last = j
		}
		i = last
	}
}

// priceLine reports whether a line under a fee label is one more price
// (非会員 2,000円), not a sentence that follows the table (懇親会（¥3,000）を
// 行います。).
func priceLine(line string) bool {
	return hasPrice(line) && !strings.Contains(line, "。") && utf8.RuneCountInString(line) <= 40
}

// splitLines splits text into its non-empty lines, each trimmed.
func splitLines(text string) []string {
	out := make([]string, 0, strings.Count(text, "\n")+1)
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func hasAnyPrefix(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
