package facts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

const number = `(\d+|[〇一二三四五六七八九十百千]+)`

// peopleRE finds a number of people in a capacity's value: 50名, 約80名,
// 30人, 三十名.
var peopleRE = regexp.MustCompile(number + `\s*(?:名|人)`)

// capacityAfterRE and capacityBeforeRE read a capacity stated in a sentence
// or a title around one of capacityWords: 定員50名, 定員は40名, 先着20名,
// 限定10名, 募集人数15名 after it, 20名様限定, 20名を募集 before it. They run
// on a few characters around each word, not over the sentence: a regular
// expression without a literal prefix walks every byte of it.
var (
	capacityAfterRE  = regexp.MustCompile(`^(?:定員|先着順?|限定|募集(?:人数|定員|人員)?)\s*(?:は|:)?\s*(?:約)?\s*` + number + `\s*(?:名|人)`)
	capacityBeforeRE = regexp.MustCompile(number + `\s*(?:名|人)\s*様?\s*(?:限定|を?募集)$`)
	capacityWords    = []string{"定員", "先着", "限定", "募集"}
)

// capacityWindow is how many bytes around a capacity word are read.
const capacityWindow = 60

// notCapacityBefore, in the clause before a number of people, mark a limit
// per company or group, or a minimum, not how many may come.
var notCapacityBefore = []string{"社", "団体", "組", "グループ", "最少", "最低", "最小", "催行", "お一人"}

// notCapacityAfter mark a size of firm (従業員50名以下) or a minimum.
var notCapacityAfter = []string{"以上", "以下", "未満"}

// maxCapacity bounds a capacity: a larger figure is a headcount of members
// or employees, not seats.
const maxCapacity = 100_000

// capacity is the number of people the listing says may come: from its
// capacity label (定員, 募集人数), else from a sentence or the title.
func (l *listing) capacity() int {
	for _, v := range l.values[catCapacity] {
		if n := peopleIn(v, peopleRE, 1); n > 0 {
			return n
		}
	}
	for s := range l.sentencesWith(hintPeople, true, false) {
		if n := proseCapacity(s); n > 0 {
			return n
		}
	}
	return 0
}

// proseCapacity reads the first capacity stated around a capacity word in
// a sentence.
func proseCapacity(s string) int {
	for _, w := range capacityWords {
		for off := 0; ; {
			i := strings.Index(s[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			end := runeStart(s, min(len(s), i+capacityWindow))
			if m := capacityAfterRE.FindStringSubmatchIndex(s[i:end]); m != nil {
				if n := acceptPeople(s, i+m[0], i+m[1], s[i+m[2]:i+m[3]]); n > 0 {
					return n
				}
			}
			if w != "限定" && w != "募集" {
				continue
			}
			start := runeStart(s, max(0, i-capacityWindow))
			if m := capacityBeforeRE.FindStringSubmatchIndex(s[start:off]); m != nil {
				if n := acceptPeople(s, start+m[0], start+m[1], s[start+m[2]:start+m[3]]); n > 0 {
					return n
				}
			}
		}
	}
	return 0
}

// runeStart backs i off to the start of the rune it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// peopleIn returns the first number of people re finds in s that is not a
// per-company limit or a minimum; group is the submatch holding the number.
func peopleIn(s string, re *regexp.Regexp, group int) int {
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if n := acceptPeople(s, m[0], m[1], s[m[2*group]:m[2*group+1]]); n > 0 {
			return n
		}
	}
	return 0
}

// acceptPeople returns the number num of a match s[from:to], or 0 when it
// is out of range or the clause makes it a per-company limit or a minimum.
func acceptPeople(s string, from, to int, num string) int {
	n := atoi(num)
	if n < 0 || num == "" || !isDigit(num[0]) {
		n = kanjiNumber(num)
	}
	if n <= 0 || n > maxCapacity {
		return 0
	}
	start := strings.LastIndexAny(s[:from], clauseEnds) + 1
	// In 定員 30社（1社2名まで）the clause of 2名 names a company.
	if containsAny(s[start:from], notCapacityBefore) || hasAnyPrefix(strings.TrimSpace(s[to:]), notCapacityAfter) {
		return 0
	}
	return n
}
