package facts

import (
	"regexp"
	"strings"
)

const number = `(\d+|[〇一二三四五六七八九十百千]+)`

// peopleRE finds a number of people in a capacity's value: 50名, 約80名,
// 30人, 三十名.
var peopleRE = regexp.MustCompile(number + `\s*(?:名|人)`)

// capacityRE finds a capacity stated in a sentence or a title: 定員50名,
// 定員は40名, 先着20名, 限定10名, 20名様限定, 20名を募集, 募集人数15名.
var capacityRE = regexp.MustCompile(`(?:定員|先着順?|限定|募集(?:人数|定員|人員)?)\s*(?:は|:)?\s*(?:約)?\s*` + number + `\s*(?:名|人)` +
	`|` + number + `\s*(?:名|人)\s*様?\s*(?:限定|を?募集)`)

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
	for line := range l.with(hintPeople, true, false) {
		for _, s := range sentences(line) {
			if n := peopleIn(s, capacityRE, 0); n > 0 {
				return n
			}
		}
	}
	return 0
}

// peopleIn returns the first number of people re finds in s that is not a
// per-company limit or a minimum. group is the first submatch holding the
// number (0: whichever of the alternatives matched).
func peopleIn(s string, re *regexp.Regexp, group int) int {
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		var num string
		for g := 1; 2*g < len(m); g++ {
			if (group == 0 || g == group) && m[2*g] >= 0 {
				num = s[m[2*g]:m[2*g+1]]
				break
			}
		}
		n := atoi(num)
		if n < 0 || num == "" || !isDigit(num[0]) {
			n = kanjiNumber(num)
		}
		if n <= 0 || n > maxCapacity {
			continue
		}
		start := strings.LastIndexAny(s[:m[0]], clauseEnds) + 1
		// In 定員 30社（1社2名まで）the clause of 2名 names a company.
		if containsAny(s[start:m[0]], notCapacityBefore) || hasAnyPrefix(strings.TrimSpace(s[m[1]:]), notCapacityAfter) {
			continue
		}
		return n
	}
	return 0
}
