package jpdate

import (
	"errors"
	"fmt"
	"time"
)

// ymd is a calendar day; y is 0 when the text gives no year.
type ymd struct{ y, m, d int }

func (d ymd) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, Tokyo) }

// weekday is the day of the week of d, Sunday 0, without building a
// time.Time: the days from civil algorithm (Howard Hinnant's).
func (d ymd) weekday() int {
	y, m := d.y, d.m
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := era*146097 + doe - 719468 // days since 1970-01-01, a Thursday
	return ((days % 7) + 7 + 4) % 7
}

func (d ymd) before(e ymd) bool {
	if d.y != e.y {
		return d.y < e.y
	}
	if d.m != e.m {
		return d.m < e.m
	}
	return d.d < e.d
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (d ymd) valid() bool {
	return d.y >= 1800 && d.y <= 2300 && d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= daysIn(d.y, d.m)
}

// lastMark stands for the last day of a month (末日, 最終日) until the year
// is known. No written day can be it: days have at most two digits.
const lastMark = 100

// dayOK reports whether d can be a day of some month, or is lastMark.
func dayOK(d int) bool { return d >= 1 && d <= 31 || d == lastMark }

// withLast replaces lastMark by the month's last day.
func (d ymd) withLast() ymd {
	if d.d == lastMark && d.m >= 1 && d.m <= 12 {
		d.d = daysIn(d.y, d.m)
	}
	return d
}

// dateTok is a date as written: the year may be missing (y == 0) or short
// (short > 0: a two-digit or era-less year that must agree with the
// inference), and the month may be missing (dayOnly: 8日).
type dateTok struct {
	ymd
	short   int
	wd      int // written weekday, -1 when none
	dayOnly bool
}

// parser reads one text. Its tokens live in a buffer of the caller's frame,
// so that a typical parse does not allocate.
type parser struct {
	ref  ymd // the day of the reference time; zero without one
	toks []token
}

func newParser(toks []token, ref time.Time) parser {
	p := parser{toks: toks}
	if !ref.IsZero() {
		y, m, d := ref.In(Tokyo).Date()
		p.ref = ymd{y, int(m), d}
	}
	return p
}

// low is the earliest day a date without a year may fall on: two months
// before ref (as time.AddDate counts them), or zero without a reference.
func (p *parser) low() ymd {
	if p.ref.y == 0 {
		return ymd{}
	}
	l := ymd{p.ref.y, p.ref.m - 2, p.ref.d}
	if l.m < 1 {
		l.y, l.m = l.y-1, l.m+12
	}
	if n := daysIn(l.y, l.m); l.d > n {
		// 30 April less two months is 2 March.
		l.m, l.d = l.m+1, l.d-n
	}
	return l
}

func (p *parser) at(i int) token {
	if i < 0 || i >= len(p.toks) {
		return token{}
	}
	return p.toks[i]
}

func (p *parser) sym(i int, r rune) bool {
	t := p.at(i)
	return t.kind == kSym && t.r == r
}

func (p *parser) word(i int, w word) bool {
	t := p.at(i)
	return t.kind == kWord && t.w == w
}

func (p *parser) num(i int) (int, int, bool) {
	t := p.at(i)
	return t.val, int(t.nd), t.kind == kNum
}

// isRange and isList tell the marks that join days and times.
func isRange(t token) bool {
	return t.kind == kSym && (t.r == '~' || t.r == '-') || t.kind == kWord && t.w == wFrom
}

func isList(t token) bool {
	return t.kind == kSym && (t.r == '・' || t.r == '、' || t.r == ',' || t.r == 'と')
}

// monthDay reads "M月D日" and "M月D・E・F日" / "M月D〜E日" at i, also
// 7月/18日, 2月の最終日, and a day without 日 that ends the text or comes
// before its weekday or time (2016年6月29, 12月3(木)). It returns the month,
// the first and last day, whether the days run without a gap, and the index
// after the group.
func (p *parser) monthDay(i int) (m, d, last int, run bool, j int, ok bool) {
	m, nd, isNum := p.num(i)
	if !isNum || nd > 2 || !p.sym(i+1, '月') {
		return
	}
	k := i + 2
	if p.sym(k, '/') || p.sym(k, 'の') {
		k++
	}
	if p.word(k, wLastDay) {
		return m, lastMark, lastMark, true, k + 1, true
	}
	d, nd, isNum = p.num(k)
	if !isNum || nd > 2 {
		return
	}
	j = k + 1
	if p.sym(j, '日') {
		return m, d, d, true, j + 1, true
	}
	if wd, _ := p.weekday(j); wd >= 0 || j == len(p.toks) {
		// 12月3(木), 2016年6月29: the weekday or the end stands for 日.
		return m, d, d, true, j, true
	}
	if _, _, ok := p.clock(j); ok {
		return m, d, d, true, j, true
	}
	if p.sym(j, '@') {
		if _, _, ok := p.clock(j + 1); ok {
			// 12月 9 @ 07:00: a calendar plugin's day and time.
			return m, d, d, true, j, true
		}
	}
	if isRange(p.at(j)) {
		if _, nd, isNum := p.num(j + 1); isNum && nd <= 2 && p.sym(j+2, '月') {
			// 2月 18 – 2月 19: a range to another month's day.
			return m, d, d, true, j, true
		}
	}
	// A list or range of days sharing the month and one 日.
	last, run = d, true
	for k := j; ; {
		t := p.at(k)
		if !isRange(t) && !isList(t) {
			return
		}
		e, nd, isNum := p.num(k + 1)
		if !isNum || nd > 2 || e <= last {
			return
		}
		if isList(t) && e != last+1 {
			run = false
		}
		last = e
		k += 2
		if p.sym(k, '日') {
			return m, d, last, run, k + 1, true
		}
	}
}

// date reads a date at i: 2026年12月3日, 令和8年12月3日, R8.12.3, 2026/12/3,
// 2026-12-03, 2026.12.3, 2021・7・18, 12月3日, 12/3, 今年11月27日. last is the
// last day of a day list written inside it (3・4日), equal to the date
// otherwise.
func (p *parser) date(i int) (d dateTok, last ymd, run bool, j int, ok bool) {
	d, last, run, j, ok = p.dateRaw(i)
	if ok && (d.m < 1 || d.m > 12 || !dayOK(d.d) || !dayOK(last.d) || d.d != lastMark && last.d == lastMark) {
		// 30/50名 is not a date; 2月30日 is caught later as no such day.
		return dateTok{wd: -1}, ymd{}, false, 0, false
	}
	return
}

func (p *parser) dateRaw(i int) (d dateTok, last ymd, run bool, j int, ok bool) {
	d.wd = -1
	t := p.at(i)
	switch t.kind {
	case kEra:
		n, nd, isNum := p.num(i + 1)
		if !isNum || nd > 2 || n < 1 {
			return
		}
		d.y = t.val + n
		if p.sym(i+2, '年') {
			return p.afterYear(d, i+3)
		}
		return p.separated(d, i+2)
	case kWord:
		if t.w != wYearRel || p.ref.y == 0 {
			return
		}
		// 今年11月27日, 来年1月15日: the year counts from ref's.
		d.y = p.ref.y + t.val
		return p.afterYear(d, i+1)
	case kNum:
		switch {
		case t.nd == 4 && p.sym(i+1, '年'):
			d.y = t.val
			return p.afterYear(d, i+2)
		case t.nd == 4 && isSep(p.at(i+1)):
			d.y = t.val
			return p.separated(d, i+1)
		case t.nd == 4 && plausibleYear(t.val) && p.sym(i+2, '月'):
			// 2013 5月 13: a year without 年 before the month.
			d.y = t.val
			return p.afterYear(d, i+1)
		case t.nd == 2 && p.sym(i-1, '\'') && p.sym(i+1, '年'):
			// '79年: a year of the century nearest ref.
			if p.ref.y == 0 {
				return
			}
			d.y = p.ref.y - p.ref.y%100 + t.val
			if d.y > p.ref.y+50 {
				d.y -= 100
			} else if d.y <= p.ref.y-50 {
				d.y += 100
			}
			return p.afterYear(d, i+2)
		case t.nd <= 2 && p.sym(i+1, '年'):
			d.short = t.val
			if d.short == 0 {
				d.short = 100
			}
			return p.afterYear(d, i+2)
		case t.nd <= 2 && p.sym(i+1, '月'):
			m, dd, l, r, k, ok2 := p.monthDay(i)
			if !ok2 {
				return
			}
			d.m, d.d = m, dd
			if y, k2, ok3 := p.trailingYear(k); ok3 {
				// 2月14日 2027年, 2月 14日 2010,
				d.y, k = y, k2
			}
			return d, ymd{d.y, m, l}, r, k, true
		case t.kanji && (p.sym(i+1, '.') || p.sym(i+1, '/')):
			// 内村鑑三／6位: kanji numerals are not written with a
			// slash or a dot for a month and a day.
			return
		case t.nd <= 2 && p.sym(i+1, '.') && !p.sym(i-1, '.'):
			// 7.18(土): a month and day with dots only before a weekday; 7.18
			// alone may be a decimal.
			dd, nd, isNum := p.num(i + 2)
			if !isNum || nd > 2 || p.sym(i+3, '.') {
				return
			}
			if wd, _ := p.weekday(i + 3); wd < 0 {
				return
			}
			d.m, d.d = t.val, dd
			return d, ymd{0, t.val, dd}, true, i + 3, true
		case t.nd <= 2 && p.sym(i+1, '/') && !p.sym(i-1, '/') && !p.sym(i-1, '.') && !p.clockBefore(i):
			dd, nd, isNum := p.num(i + 2)
			if !isNum || nd > 2 || p.sym(i+3, '/') || p.sym(i+3, ':') || p.sym(i+3, '.') {
				return
			}
			d.m, d.d = t.val, dd
			return d, ymd{0, t.val, dd}, true, i + 3, true
		}
	}
	return
}

// clockBefore says whether the number at i follows a clock's colon
// (18:30/…): a label's colon (日時：12/9) is no clock's.
func (p *parser) clockBefore(i int) bool {
	if !p.sym(i-1, ':') {
		return false
	}
	_, _, isNum := p.num(i - 2)
	return isNum
}

// isSep tells the separators of a numeric date after its year: 2026/12/3,
// 2026-12-3, 2026.12.3, 2021・7・18, 2021,7,18.
func isSep(t token) bool {
	return t.kind == kSym && (t.r == '/' || t.r == '.' || t.r == '-' || t.r == '・' || t.r == ',')
}

func plausibleYear(y int) bool { return y >= 1900 && y <= 2100 }

// trailingYear reads a year written after the day, at j: 2027年, or 2010
// before a comma, a time or the end.
func (p *parser) trailingYear(j int) (int, int, bool) {
	y, nd, isNum := p.num(j)
	if !isNum || nd != 4 || !plausibleYear(y) {
		return 0, 0, false
	}
	if p.sym(j+1, '年') {
		if _, _, isNum := p.num(j + 2); isNum && p.sym(j+3, '月') {
			// The year of the next date.
			return 0, 0, false
		}
		return y, j + 2, true
	}
	if j+1 == len(p.toks) || p.sym(j+1, ',') || p.sym(j+1, '、') {
		return y, j + 1, true
	}
	if _, _, ok := p.clock(j + 1); ok {
		return y, j + 1, true
	}
	return 0, 0, false
}

func (p *parser) afterYear(d dateTok, i int) (dateTok, ymd, bool, int, bool) {
	if p.sym(i, '/') {
		// 2021年/7月/18日
		i++
	}
	m, dd, l, r, k, ok := p.monthDay(i)
	if !ok {
		return d, ymd{}, false, 0, false
	}
	d.m, d.d = m, dd
	return d, ymd{d.y, m, l}, r, k, true
}

// separated reads ".M.D", "/M/D", "-M-D", "・M・D" or ",M,D" at i, the
// separator repeated.
func (p *parser) separated(d dateTok, i int) (dateTok, ymd, bool, int, bool) {
	sep := p.at(i)
	if !isSep(sep) {
		return d, ymd{}, false, 0, false
	}
	m, nd1, ok1 := p.num(i + 1)
	dd, nd2, ok2 := p.num(i + 3)
	if !ok1 || !ok2 || nd1 > 2 || nd2 > 2 || !p.sym(i+2, sep.r) || p.sym(i+4, sep.r) {
		return d, ymd{}, false, 0, false
	}
	d.m, d.d = m, dd
	return d, ymd{d.y, m, dd}, true, i + 4, true
}

// dayAlone reads a day written without its month at i: 8日, 10日午前7時,
// 30日(金). The month will come from ref.
func (p *parser) dayAlone(i int) (d dateTok, j int, ok bool) {
	n, nd, isNum := p.num(i)
	if !isNum || nd > 2 || n < 1 || n > 31 || !p.sym(i+1, '日') {
		return dateTok{wd: -1}, 0, false
	}
	if prev := p.at(i - 1); prev.kind == kSym && (prev.r == '月' || prev.r == '年' || prev.r == '/' || prev.r == '.' || prev.r == '-') || prev.kind == kWord && prev.w == wNth {
		return dateTok{wd: -1}, 0, false
	}
	j = i + 2
	switch t := p.at(j); {
	case t.kind == 0 || t.kind == kWord:
	case t.kind == kSym && (t.r == '(' || t.r == ')' || t.r == '~' || t.r == '-' || t.r == '、' || t.r == ',' || t.r == '・' || t.r == 'の'):
	default:
		if wd, _ := p.weekday(j); wd >= 0 {
			break
		}
		if _, _, ok := p.clock(j); !ok {
			// 1日2回, 3日前: not a date.
			return dateTok{wd: -1}, 0, false
		}
	}
	return dateTok{ymd: ymd{0, 0, n}, wd: -1, dayOnly: true}, j, true
}

// weekday reads a written weekday at i: (木), （木）, 【木】, (木曜日), 木曜日,
// (木・祝), (Thu). It returns -1 and i when there is none; a bracket holding
// only 祝 is skipped.
func (p *parser) weekday(i int) (int, int) {
	if p.sym(i, '(') {
		k := i + 1
		wd := weekdayOf(p.at(k))
		if wd >= 0 {
			k++
		}
		if p.word(k, wYoubi) {
			k++
		}
		for n := 0; n < 3 && !p.sym(k, ')'); n++ {
			t := p.at(k)
			if t.kind == kSym && (t.r == '・' || t.r == ',' || t.r == '、' || t.r == '/') || t.kind == kWord && (t.w == wHoliday || t.w == wYoubi) {
				k++
				continue
			}
			break
		}
		if p.sym(k, ')') && (wd >= 0 || k > i+1) {
			return wd, k + 1
		}
		return -1, i
	}
	if wd := weekdayOf(p.at(i)); wd >= 0 && p.word(i+1, wYoubi) {
		return wd, i + 2
	}
	if t := p.at(i); t.kind == kSym && t.val == 1 {
		if wd := weekdayOf(t); wd >= 0 {
			return wd, i + 1 // 3.13 sat
		}
	}
	return -1, i
}

// weekdayBefore reads a weekday written before the date at i: 日曜日, 2月 14日.
func (p *parser) weekdayBefore(i int) int {
	k := i - 1
	if p.sym(k, ',') || p.sym(k, '、') {
		k--
	}
	if p.word(k, wYoubi) {
		return weekdayOf(p.at(k - 1))
	}
	return -1
}

func weekdayOf(t token) int {
	if t.kind != kSym {
		return -1
	}
	for d, r := range weekdayRunes {
		if t.r == r {
			return d
		}
	}
	return -1
}

// find returns the first date of the text and where it starts; a day
// without its month only when the text has no other date.
func (p *parser) find() (d dateTok, last ymd, run bool, i, j int, ok bool) {
	for i = range p.toks {
		if d, last, run, j, ok = p.date(i); ok {
			return
		}
	}
	if p.whyNoDay() != nil {
		return
	}
	for i = range p.toks {
		if d, j, ok = p.dayAlone(i); ok {
			return d, d.ymd, true, i, j, true
		}
	}
	return
}

// parse finds the first date in the text, the days that continue it and the
// time that follows.
func (p *parser) parse() (Span, error) {
	d, last, run, i, j, ok := p.find()
	if !ok {
		return Span{}, p.whyNoDate()
	}
	for k := 0; k < i; k++ {
		if p.word(k, wNotGregorian) {
			return Span{}, noDate("a date of another calendar (旧暦, 紀元前)")
		}
	}
	d.wd, j = p.weekday(j)
	if d.wd < 0 && p.sym(j, 'の') {
		// 1/30の木曜日
		if wd, k := p.weekday(j + 1); wd >= 0 {
			d.wd, j = wd, k
		}
	}
	if d.wd < 0 {
		d.wd = p.weekdayBefore(i)
	}
	if k := j + b2i(p.sym(j, 'の')); p.word(k, wDayBefore) || p.word(k, wNext) && p.at(k).val == 1 && !p.isClock(k) {
		// 12月3日の前日 is the 2nd.
		return Span{}, noDate("a day counted from the date written (前日, 翌日)")
	}
	var amb, wdWhy string
	if d.dayOnly {
		amb = "the month is not written: it is the reference time's"
	}

	// A continuation: 〜5日(土), 〜12月5日, 〜2027年1月5日, ・4日, 、16日, 〜末日,
	// or, after a time, a last day with its own time (22時 ～ 10月10日 18時).
	var end dateTok
	end.wd = -1
	hasEnd := last.d != d.d || last.m != d.m
	if hasEnd {
		end.ymd = last
	}
	var c1, c2 clock
	across, hasC2 := false, false
	if !hasEnd {
		if c, k, ok := p.clock(j); ok && isRange(p.at(k)) && p.at(k+1).kind != kSym {
			if e, k2, ok := p.nextDay(k+1, d.ymd); ok {
				c1, end, hasEnd, across = c, e, true, true
				end.wd, j = p.weekday(k2)
				if c, k, ok := p.clock(j); ok {
					c2, j, hasC2 = c, k, true
				}
			}
		}
	}
	for !across {
		t := p.at(j)
		if !isRange(t) && !isList(t) {
			break
		}
		prev := d.ymd
		if hasEnd {
			prev = end.ymd
		}
		e, k, eok := p.nextDay(j+1, prev)
		if !eok {
			break
		}
		if isList(t) {
			if e.m == prev.m && e.d != prev.d+1 || e.m != prev.m && !(e.d == 1 && e.m == prev.m%12+1 && prev.d == daysIn(max(prev.y, 2000), prev.m)) {
				run = false
			}
		}
		end = e
		end.wd, j = p.weekday(k)
		hasEnd = true
		if p.word(j, wUntil) {
			j++
		}
		if isRange(t) {
			break
		}
	}

	start, err := p.resolve(d)
	if err != nil {
		return Span{}, err
	}
	endDay := start
	if hasEnd && (run || across) {
		if end.m == 0 {
			end.m = start.m
		}
		ey := end.y
		if ey == 0 || d.y == 0 {
			// Inherit the start's year; a month before the start's is the next year.
			ey = start.y
			if end.m < start.m {
				ey++
			}
		}
		endDay = ymd{ey, end.m, end.d}.withLast()
		if !endDay.valid() {
			return Span{}, noDate(fmt.Sprintf("no such day: %d月%d日", end.m, end.d))
		}
		if !start.before(endDay) && !(across && endDay == start) {
			// 12月3日 18:00〜12月3日 20:00 writes one day twice.
			return Span{}, noDate("the last day is not after the first")
		}
		if end.wd >= 0 && endDay.weekday() != end.wd {
			wdWhy = fmt.Sprintf("%d-%02d-%02d is a %s, the text says %s", endDay.y, endDay.m, endDay.d, endDay.time().Weekday(), time.Weekday(end.wd))
		}
	}
	var sp Span
	var tamb bool
	if across {
		sp, tamb = spanOf(c1, c2, hasC2, start, endDay)
		if !hasC2 {
			// The last day's time is not written: no end instant.
			sp.End = time.Time{}
		}
	} else {
		sp, tamb, ok = p.times(j, start, endDay)
		if !ok {
			sp = Span{Start: start.time(), AllDay: true}
			if endDay != start {
				sp.End = endDay.time()
			}
		}
	}
	if tamb {
		if amb != "" {
			amb += "; "
		}
		amb += "the half of the day (or the night) of an hour is not written"
	}
	if d.wd >= 0 && (d.y != 0 || d.short != 0) && start.weekday() != d.wd {
		wdWhy = fmt.Sprintf("%d-%02d-%02d is a %s, the text says %s", start.y, start.m, start.d, start.time().Weekday(), time.Weekday(d.wd))
	}
	return sp, withDoubts(wdWhy, amb)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *parser) isClock(i int) bool {
	_, _, ok := p.clock(i)
	return ok
}

// nextDay reads the day that continues a date at i: a full date or a month
// and day, or a day alone (5日, or 7(日) with its weekday) or 末日 in the
// month of prev.
func (p *parser) nextDay(i int, prev ymd) (dateTok, int, bool) {
	e, _, erun, k, ok := p.date(i)
	if ok && erun && e.d != 0 {
		return e, k, true
	}
	if n, nd, isNum := p.num(i); isNum && nd <= 2 && p.sym(i+1, '日') {
		return dateTok{ymd: ymd{prev.y, prev.m, n}, wd: -1}, i + 2, true
	}
	if n, nd, isNum := p.num(i); isNum && nd <= 2 && n >= 1 && n <= 31 {
		// 3/6(土)〜7(日): a day and its weekday, 日 left out as the
		// first date leaves it out.
		if wd, _ := p.weekday(i + 1); wd >= 0 {
			return dateTok{ymd: ymd{prev.y, prev.m, n}, wd: -1}, i + 1, true
		}
	}
	if p.word(i, wLastDay) {
		return dateTok{ymd: ymd{prev.y, prev.m, lastMark}, wd: -1}, i + 1, true
	}
	return dateTok{wd: -1}, 0, false
}

// withDoubts returns the error for a reading returned with a doubt: a
// weekday that contradicts the date (ErrWeekday), a part of the reading
// filled by convention (ErrAmbiguous), both, or nil.
func withDoubts(wdWhy, amb string) error {
	switch {
	case wdWhy != "" && amb != "":
		return &Error{Reason: wdWhy + "; " + amb, Err: errors.Join(ErrWeekday, ErrAmbiguous)}
	case wdWhy != "":
		return &Error{Reason: wdWhy, Err: ErrWeekday}
	case amb != "":
		return &Error{Reason: amb, Err: ErrAmbiguous}
	}
	return nil
}

// resolve gives a written date its year (and a day alone its month) and
// checks it.
func (p *parser) resolve(d dateTok) (ymd, error) {
	if d.dayOnly {
		return p.resolveDay(d)
	}
	if d.m < 1 || d.m > 12 || !dayOK(d.d) {
		return ymd{}, noDate(fmt.Sprintf("no such day: month %d, day %d", d.m, d.d))
	}
	if d.y != 0 {
		c := d.ymd.withLast()
		if !c.valid() {
			return ymd{}, noDate(fmt.Sprintf("no such day: %d-%02d-%02d", d.y, d.m, d.d))
		}
		return c, nil
	}
	low := p.low()
	if low.y == 0 {
		return ymd{}, noDate("no year, and no reference time to infer it")
	}
	// The first valid date not before low: the nearest not more than two
	// months before ref.
	var pick ymd
	for y := low.y; y <= low.y+1; y++ {
		c := ymd{y, d.m, d.d}.withLast()
		if c.valid() && !c.before(low) {
			pick = c
			break
		}
	}
	if pick.y == 0 {
		return ymd{}, noDate(fmt.Sprintf("no such day near %d: %d月%d日", low.y, d.m, d.d))
	}
	if d.wd >= 0 && pick.weekday() != d.wd {
		// The weekday picks the year: the one neighbour that matches.
		found := ymd{}
		for _, y := range [2]int{pick.y - 1, pick.y + 1} {
			c := ymd{y, d.m, d.d}.withLast()
			if c.valid() && c.weekday() == d.wd {
				found = c
			}
		}
		if found.y == 0 {
			return ymd{}, noDate(fmt.Sprintf("%d月%d日 is not a %s in %d, %d or %d", d.m, d.d, time.Weekday(d.wd), pick.y-1, pick.y, pick.y+1))
		}
		pick = found
	}
	if d.short != 0 && d.short != pick.y%100 && d.short != pick.y-2018 {
		return ymd{}, noDate(fmt.Sprintf("the short year %d年 does not match %d", d.short, pick.y))
	}
	return pick, nil
}

// resolveDay gives a day written alone the month of ref or, when a written
// weekday says so, the month before or after.
func (p *parser) resolveDay(d dateTok) (ymd, error) {
	if p.ref.y == 0 {
		return ymd{}, noDate("a day of the month without its month, and no reference time")
	}
	for _, dm := range [...]int{0, 1, -1} {
		y, m := p.ref.y, p.ref.m+dm
		if m < 1 {
			y, m = y-1, 12
		} else if m > 12 {
			y, m = y+1, 1
		}
		c := ymd{y, m, d.d}
		if !c.valid() {
			if d.wd < 0 {
				break
			}
			continue
		}
		if d.wd < 0 || c.weekday() == d.wd {
			return c, nil
		}
	}
	if d.wd >= 0 {
		return ymd{}, noDate(fmt.Sprintf("the %d日 of no month near the reference time is a %s", d.d, time.Weekday(d.wd)))
	}
	return ymd{}, noDate(fmt.Sprintf("no such day in %d-%02d: %d日", p.ref.y, p.ref.m, d.d))
}

// whyNoDay returns the error of a text that names no single day even when
// it writes one: 未定, a recurring rule, a vague part of a month.
func (p *parser) whyNoDay() error {
	for i, t := range p.toks {
		switch {
		case t.kind == kWord && t.w == wUndecided:
			return noDate("the date is not decided (未定)")
		case t.kind == kWord && t.w == wRecurring, t.kind == kWord && t.w == wNth && weekdayOf(p.at(i+2)) >= 0:
			return noDate("a recurring rule, not one day")
		}
	}
	return nil
}

// whyNoDate explains, in words, why the text names no day.
func (p *parser) whyNoDate() error {
	if err := p.whyNoDay(); err != nil {
		return err
	}
	why := "no date"
	monthOnly, dayOnly, timeOnly := false, false, false
	for i, t := range p.toks {
		switch {
		case t.kind == kNum && p.sym(i+1, '月') && (p.word(i+2, wVague) || p.word(i+2, wAbout)):
			return noDate("no day of the month, only a part of it")
		case t.kind == kNum && p.sym(i+1, '月'):
			monthOnly = true
		case t.kind == kNum && p.sym(i+1, '日'):
			dayOnly = true
		case t.kind == kNum && (p.sym(i+1, ':') || p.sym(i+1, '時')), t.kind == kWord && t.w == wNoon:
			timeOnly = true
		}
	}
	switch {
	case dayOnly:
		why = "a day of the month without its month"
	case monthOnly:
		why = "no day of the month"
	case timeOnly:
		why = "a time without a date"
	}
	return noDate(why)
}
