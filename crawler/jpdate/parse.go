package jpdate

import (
	"fmt"
	"time"
)

// ymd is a calendar day; y is 0 when the text gives no year.
type ymd struct{ y, m, d int }

func (d ymd) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 0, 0, 0, 0, Tokyo) }

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

// dateTok is a date as written: the year may be missing (y == 0) or short
// (short > 0: a two-digit or era-less year that must agree with the inference).
type dateTok struct {
	ymd
	short int
	wd    int // written weekday, -1 when none
}

// parser reads one text. Its tokens live in a buffer of the caller's frame,
// so that a typical parse does not allocate.
type parser struct {
	low  ymd // the earliest day a date without a year may fall on; y == 0 without a reference time
	toks []token
}

// lowerBound is the earliest day a date without a year may fall on: two months
// before ref. It is the zero ymd when ref is zero.
func lowerBound(ref time.Time) ymd {
	if ref.IsZero() {
		return ymd{}
	}
	lower := ref.In(Tokyo).AddDate(0, -2, 0)
	return ymd{lower.Year(), int(lower.Month()), lower.Day()}
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

// monthDay reads "M月D日" and "M月D・E・F日" / "M月D〜E日" at i. It returns the
// month, the first and last day, whether the days run without a gap, and the
// index after the group.
func (p *parser) monthDay(i int) (m, d, last int, run bool, j int, ok bool) {
	m, nd, isNum := p.num(i)
	if !isNum || nd > 2 || !p.sym(i+1, '月') {
		return
	}
	d, nd, isNum = p.num(i + 2)
	if !isNum || nd > 2 {
		return
	}
	j = i + 3
	if p.sym(j, '日') {
		return m, d, d, true, j + 1, true
	}
	if wd, _ := p.weekday(j); wd >= 0 {
		// 12月3(木): the weekday stands for the missing 日.
		return m, d, d, true, j, true
	}
	// A list or range of days sharing the month and one 日.
	last, run = d, true
	for k := j; ; {
		t := p.at(k)
		isRange := t.kind == kSym && (t.r == '~' || t.r == '-') || t.kind == kWord && t.w == wFrom
		isList := t.kind == kSym && (t.r == '・' || t.r == '、' || t.r == ',' || t.r == 'と')
		if !isRange && !isList {
			return
		}
		e, nd, isNum := p.num(k + 1)
		if !isNum || nd > 2 || e <= last {
			return
		}
		if isList && e != last+1 {
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
// 2026-12-03, 2026.12.3, 12月3日, 12/3. last is the last day of a day list
// written inside it (3・4日), equal to the date otherwise.
func (p *parser) date(i int) (d dateTok, last ymd, run bool, j int, ok bool) {
	d, last, run, j, ok = p.dateRaw(i)
	if ok && (d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 || last.d > 31) {
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
	case kNum:
		switch {
		case t.nd == 4 && p.sym(i+1, '年'):
			d.y = t.val
			return p.afterYear(d, i+2)
		case t.nd == 4 && (p.sym(i+1, '/') || p.sym(i+1, '.') || p.sym(i+1, '-')):
			d.y = t.val
			return p.separated(d, i+1)
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
			return d, ymd{0, m, l}, r, k, true
		case t.nd <= 2 && p.sym(i+1, '/') && !p.sym(i-1, '/') && !p.sym(i-1, '.') && !p.sym(i-1, ':'):
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

func (p *parser) afterYear(d dateTok, i int) (dateTok, ymd, bool, int, bool) {
	m, dd, l, r, k, ok := p.monthDay(i)
	if !ok {
		return d, ymd{}, false, 0, false
	}
	d.m, d.d = m, dd
	return d, ymd{d.y, m, l}, r, k, true
}

// separated reads ".M.D", "/M/D" or "-M-D" at i, the separator repeated.
func (p *parser) separated(d dateTok, i int) (dateTok, ymd, bool, int, bool) {
	sep := p.at(i)
	if sep.kind != kSym || (sep.r != '/' && sep.r != '.' && sep.r != '-') {
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
	return -1, i
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

// parse finds the first date in the text, the days that continue it and the
// time that follows.
func (p *parser) parse() (Span, error) {
	var (
		d    dateTok
		last ymd
		run  bool
		j    int
		ok   bool
	)
	for i := range p.toks {
		if d, last, run, j, ok = p.date(i); ok {
			break
		}
	}
	if !ok {
		return Span{}, p.whyNoDate()
	}
	d.wd, j = p.weekday(j)

	// A continuation: 〜5日(土), 〜12月5日, 〜2027年1月5日, ・4日, 、16日.
	var end dateTok
	end.wd = -1
	hasEnd := last.d != d.d || last.m != d.m
	if hasEnd {
		end.ymd = last
	}
	for {
		t := p.at(j)
		isRange := t.kind == kSym && (t.r == '~' || t.r == '-') || t.kind == kWord && t.w == wFrom
		isList := t.kind == kSym && (t.r == '・' || t.r == '、' || t.r == ',' || t.r == 'と')
		if !isRange && !isList {
			break
		}
		e, _, erun, k, eok := p.date(j + 1)
		if eok && erun && e.d == 0 {
			eok = false
		}
		if eok {
			// A full date or a month and day.
		} else if n, nd, isNum := p.num(j + 1); isNum && nd <= 2 && p.sym(j+2, '日') {
			cur := d.ymd
			if hasEnd {
				cur = end.ymd
			}
			e = dateTok{ymd: ymd{cur.y, cur.m, n}, short: 0, wd: -1}
			k, eok = j+3, true
		}
		if !eok {
			break
		}
		prev := d.ymd
		if hasEnd {
			prev = end.ymd
		}
		if e.y == 0 && d.y != 0 {
			e.y = d.y
		}
		if isList {
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
		if isRange {
			break
		}
	}

	start, err := p.resolve(d)
	if err != nil {
		return Span{}, err
	}
	sp := Span{}
	endDay := start
	if hasEnd && run {
		ey := end.y
		if ey == 0 || d.y == 0 {
			// Inherit the start's year; a month before the start's is the next year.
			ey = start.y
			if end.m < start.m {
				ey++
			}
		}
		endDay = ymd{ey, end.m, end.d}
		if !endDay.valid() {
			return Span{}, noDate(fmt.Sprintf("no such day: %d月%d日", end.m, end.d))
		}
		if !start.before(endDay) {
			return Span{}, noDate("the last day is not after the first")
		}
		if end.wd >= 0 && int(endDay.time().Weekday()) != end.wd {
			return Span{}, noDate(fmt.Sprintf("the weekday of the last day contradicts %d-%02d-%02d", endDay.y, endDay.m, endDay.d))
		}
	}
	sp, ok = p.times(j, start, endDay, true)
	if !ok {
		sp = Span{Start: start.time(), AllDay: true}
		if endDay != start {
			sp.End = endDay.time()
		}
	}
	if d.wd >= 0 && (d.y != 0 || d.short != 0) && int(start.time().Weekday()) != d.wd {
		return sp, &Error{Err: ErrWeekday,
			Reason: fmt.Sprintf("%d-%02d-%02d is a %s, the text says %s", start.y, start.m, start.d, start.time().Weekday(), time.Weekday(d.wd))}
	}
	return sp, nil
}

// resolve gives a written date its year and checks it.
func (p *parser) resolve(d dateTok) (ymd, error) {
	if d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 {
		return ymd{}, noDate(fmt.Sprintf("no such day: month %d, day %d", d.m, d.d))
	}
	if d.y != 0 {
		if !d.valid() {
			return ymd{}, noDate(fmt.Sprintf("no such day: %d-%02d-%02d", d.y, d.m, d.d))
		}
		return d.ymd, nil
	}
	low := p.low
	if low.y == 0 {
		return ymd{}, noDate("no year, and no reference time to infer it")
	}
	// The first valid date not before low: the nearest not more than two
	// months before ref.
	var pick ymd
	for y := low.y; y <= low.y+1; y++ {
		c := ymd{y, d.m, d.d}
		if c.valid() && !c.before(low) {
			pick = c
			break
		}
	}
	if pick.y == 0 {
		return ymd{}, noDate(fmt.Sprintf("no such day near %d: %d月%d日", low.y, d.m, d.d))
	}
	if d.wd >= 0 && int(pick.time().Weekday()) != d.wd {
		// The weekday picks the year: the one neighbour that matches.
		found := ymd{}
		for _, y := range [2]int{pick.y - 1, pick.y + 1} {
			c := ymd{y, d.m, d.d}
			if c.valid() && int(c.time().Weekday()) == d.wd {
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

// whyNoDate explains, in words, why the text names no day.
func (p *parser) whyNoDate() error {
	why := "no date"
	monthOnly, dayOnly, timeOnly := false, false, false
	for i, t := range p.toks {
		switch {
		case t.kind == kWord && t.w == wUndecided:
			return noDate("the date is not decided (未定)")
		case t.kind == kWord && t.w == wRecurring, t.kind == kWord && t.w == wNth && weekdayOf(p.at(i+2)) >= 0:
			return noDate("a recurring rule, not one day")
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
