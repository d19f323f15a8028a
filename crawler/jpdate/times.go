package jpdate

import "time"

// clock is a time of day as written.
type clock struct {
	h, m, s int
	next    bool // 翌: the next day
	period  word // wAM, wPM, wMorning, wDay, wEvening, wNight, wLate or 0
	suffix  bool // the AM or PM follows the time: 7:00 PM, 6時30分PM
	kanji   bool // written with 時, not with a colon
	padded  bool // a two-digit hour with a leading zero (01時09分): the 24-hour clock
	same    bool // 同3時半: the half of the day of the time before
	zone    bool // a time zone follows (GMT+0): off is its offset east of UTC
	off     int  // minutes
}

// entry is one time or time range found in the text, with its label.
type entry struct {
	start, end clock
	hasEnd     bool
	label      word // wOpen, wReception, wStart, wFinish or 0
	next       int  // the token after it
	aside      bool // inside brackets: (展示は16:00まで)
}

// clock reads a time at i: 18:30, 18:30:15, 18時30分, 18時半, 20時15, 午後6時半,
// 朝7時, 深夜2時, 6時30分PM, 正午, 翌1:00, 12:13:14 GMT+0. When it reports
// false, j is i, or past a time written out of range (5時70分, 午後13時).
func (p *parser) clock(i int) (c clock, j int, ok bool) {
	k := i
	for {
		t := p.at(k)
		if t.kind != kWord {
			break
		}
		switch t.w {
		case wNext:
			c.next = true
		case wAM, wPM, wMorning, wDay, wEvening, wNight, wLate:
			c.period = t.w
		case wSame:
			c.same = true
		case wNoon:
			c.h, c.period = 12, 0
			return c, k + 1, true
		default:
			return c, i, false
		}
		k++
	}
	h, nd, isNum := p.num(k)
	if !isNum || nd > 2 {
		return c, i, false
	}
	c.padded = nd == 2 && h < 10
	switch {
	case p.sym(k+1, ':'):
		m, nd, isNum := p.num(k + 2)
		if !isNum || nd != 2 {
			return c, i, false
		}
		c.h, c.m, j = h, m, k+3
		if p.sym(j, ':') {
			if s, nd, isNum := p.num(j + 1); isNum && nd == 2 {
				c.s, j = s, j+2
			}
		}
	case p.sym(k+1, '時'):
		c.h, j, c.kanji = h, k+2, true
		m, nd, isNum := p.num(j)
		switch {
		case isNum && nd <= 2 && p.sym(j+1, '分'):
			c.m, j = m, j+2
			j = p.seconds(&c, j)
		case p.sym(j, '半'):
			c.m, j = 30, j+1
			j = p.seconds(&c, j)
		case isNum && p.sym(j+1, '秒'):
			// 23時59秒 names no minute: not a time.
			return c, i, false
		case isNum && nd == 2 && endsBareMinutes(p.at(j+1)):
			// 20時15, 18時30〜20時: minutes without 分.
			c.m, j = m, j+1
		}
	default:
		return c, i, false
	}
	if c.period == 0 {
		if t := p.at(j); t.kind == kWord && (t.w == wAM || t.w == wPM) {
			c.period, c.suffix = t.w, true
			j++
		}
	}
	if c.m > 59 || c.s > 59 || c.h > 29 || (c.period == wAM || c.period == wPM) && c.h > 12 {
		// 5時70分, 30時, 午後13時: not a time, and not one once 午後 is
		// left out. j tells the caller where the broken time ends.
		return c, j, false
	}
	if t := p.at(j); t.kind == kWord && t.w == wZone {
		c.zone, c.off, j = true, t.val, j+1
		if s := p.at(j); s.kind == kSym && (s.r == '+' || s.r == '-') {
			if hh, nd, isNum := p.num(j + 1); isNum && nd <= 2 && hh <= 14 {
				o := hh * 60
				j += 2
				if mm, nd, isNum := p.num(j + 1); p.sym(j, ':') && isNum && nd == 2 && mm < 60 {
					o, j = o+mm, j+2
				}
				if s.r == '-' {
					o = -o
				}
				c.off += o
			}
		}
	}
	if p.word(j, wAbout) {
		j++
	}
	return c, j, true
}

// seconds reads 秒 after the minutes at j.
func (p *parser) seconds(c *clock, j int) int {
	if s, nd, isNum := p.num(j); isNum && nd <= 2 && p.sym(j+1, '秒') {
		c.s = s
		return j + 2
	}
	return j
}

// endsBareMinutes reports whether t may follow minutes written without 分:
// the end of the text, a dash, a bracket, a list mark or a word such as から.
func endsBareMinutes(t token) bool {
	switch t.kind {
	case 0, kWord:
		return true
	case kSym:
		switch t.r {
		case '~', '-', '(', ')', '/', '、', ',', '・':
			return true
		}
	}
	return false
}

// hour is c's hour on the 24-hour clock, from 0 to 29 (24 and later fall on
// the next day). amb reports that the text leaves the half of the day (or,
// for 深夜2時, the night) open; h is then the reading doc.go describes.
func (c clock) hour() (h int, amb bool) {
	h = c.h
	switch c.period {
	case wAM:
		if h == 12 {
			// 午前12時 is midnight to most, noon by the 1872 decree; 12:10 AM
			// is midnight.
			return 0, !c.suffix || c.kanji
		}
		return h, false
	case wPM:
		if h == 12 {
			return 12, !c.suffix || c.kanji
		}
		return h + 12, false
	case wMorning:
		return h, false
	case wDay:
		if h <= 5 {
			return h + 12, false
		}
		return h, false
	case wEvening:
		if h >= 1 && h <= 11 {
			return h + 12, false
		}
		return h, false
	case wNight:
		switch {
		case h <= 4:
			return h, true
		case h <= 11:
			return h + 12, false
		case h == 12:
			return 24, false
		}
		return h, false
	case wLate:
		switch {
		case h <= 5:
			return h, true
		case h <= 11:
			return h + 12, false
		case h == 12:
			return 24, false
		}
		return h, false
	}
	if c.twentyFour() || h >= 9 || c.next {
		// 翌1時 is the small hours of the next day.
		return h, false
	}
	if h <= 5 {
		return h + 12, true
	}
	return h, true
}

// twentyFour reports whether c is written on the 24-hour clock beyond doubt:
// with a colon, a leading zero, an hour of 13 or more, 0 or 12 (正午).
func (c clock) twentyFour() bool {
	return c.period == 0 && (!c.kanji || c.padded || c.h == 0 || c.h >= 12)
}

// bare reports whether c is an hour from 1 to 11 written with 時 and nothing
// that tells its half of the day.
func (c clock) bare() bool {
	return c.period == 0 && !c.same && !c.twentyFour()
}

// entries collects up to cap(buf) times and ranges from i on.
func (p *parser) entries(i int, buf []entry) []entry {
	out := buf[:0]
	var pending word
	depth := 0
	for k := i; k < len(p.toks) && len(out) < cap(buf); {
		t := p.toks[k]
		if t.kind == kSym && t.r == '(' {
			depth++
		} else if t.kind == kSym && t.r == ')' && depth > 0 {
			depth--
		}
		if t.kind != kSym && t.kind != kOther {
			if _, _, _, _, ok := p.date(k); ok {
				// The times after another date are that date's.
				break
			}
		}
		if t.kind == kWord {
			switch t.w {
			case wOpen, wReception, wStart, wFinish:
				if n := len(out); n > 0 && out[n-1].label == 0 && pending == 0 && k == out[n-1].next {
					// A label after its time: 18:00開場.
					out[n-1].label = t.w
				} else if !(t.w == wStart && (pending == wReception || pending == wOpen)) {
					// 受付開始 is still the reception.
					pending = t.w
				}
				k++
				continue
			}
		}
		c, j, ok := p.clock(k)
		if !ok {
			k = max(j, k+1)
			continue
		}
		e := entry{start: c, label: pending, aside: depth > 0}
		pending = 0
		if s := p.at(j); s.kind == kSym && (s.r == '~' || s.r == '-') || s.kind == kWord && s.w == wFrom {
			j++
			if c2, j2, ok := p.clock(j); ok {
				e.end, e.hasEnd, j = c2, true, j2
			} else if p.looksLikeTime(j) {
				// 3時-5時70分: a range with a broken end is no time at all.
				k = j + 1
				continue
			}
			if p.word(j, wUntil) {
				j++
			}
		} else if p.word(j, wUntil) {
			// 20時まで: an end alone.
			e.end, e.hasEnd, e.label = c, true, wFinish
			j++
		}
		e.next = j
		out = append(out, e)
		k = j
	}
	return out
}

// looksLikeTime reports whether a number written as an hour starts at i.
func (p *parser) looksLikeTime(i int) bool {
	for p.at(i).kind == kWord {
		i++
	}
	_, _, isNum := p.num(i)
	return isNum && (p.sym(i+1, '時') || p.sym(i+1, ':'))
}

// times finds the event's time from token i on and applies it to the days
// first..last. It reports false when there is no time, and amb when the
// text leaves a half of the day open.
func (p *parser) times(i int, first, last ymd) (sp Span, amb, ok bool) {
	var buf [8]entry
	es := p.entries(i, buf[:])
	pick := -1
	for _, want := range [...]word{wStart, 0, wOpen, wReception} {
		for n, e := range es {
			if e.label == want && !(want == 0 && e.hasEnd && e.end == e.start) {
				pick = n
				break
			}
		}
		if pick >= 0 {
			break
		}
	}
	if pick < 0 {
		return Span{}, false, false
	}
	e := es[pick]
	if !e.hasEnd {
		for _, f := range es[pick+1:] {
			if f.label == wFinish {
				e.end, e.hasEnd = f.start, true
				if f.hasEnd {
					e.end = f.end
				}
				break
			}
		}
	}
	if e.hasEnd && !e.aside {
		// 10:00〜12:00／13:00〜17:00: later parts of the same day extend it.
		for _, f := range es[pick+1:] {
			if f.aside || f.label != 0 || !f.hasEnd || f.start.next || f.end.next || !f.start.twentyFour() || !f.end.twentyFour() {
				continue
			}
			if f.start.h*60+f.start.m >= e.end.h*60+e.end.m && f.end.h*60+f.end.m > f.start.h*60+f.start.m {
				e.end = f.end
			}
		}
	}
	sp, amb = spanOf(e.start, e.end, e.hasEnd, first, last)
	return sp, amb, true
}

// spanOf places a start time on the day first and an end time (when hasEnd)
// on the day last. Each part of a range can tell the other's half of the
// day: 午後6時〜8時, 6時〜7:00, 午後1時半から同3時半.
func spanOf(s, e clock, hasEnd bool, first, last ymd) (Span, bool) {
	sh, amb := s.hour()
	var eh int
	if hasEnd {
		var eamb bool
		eh, eamb = e.hour()
		if s.bare() {
			sh, amb = startByEnd(s, e, eh, sh, amb)
		}
		if e.same || e.bare() {
			eh, eamb = endByStart(s, e, sh, eh, eamb)
		}
		amb = amb || eamb
	}
	loc := Tokyo
	if z := zoneOf(s, e, hasEnd); z != nil {
		loc = z
	}
	start := time.Date(first.y, time.Month(first.m), first.d, sh, s.m, s.s, 0, loc)
	if s.next {
		start = start.AddDate(0, 0, 1)
	}
	sp := Span{Start: start.In(Tokyo)}
	if !hasEnd {
		return sp, amb
	}
	t := time.Date(last.y, time.Month(last.m), last.d, eh, e.m, e.s, 0, loc)
	if e.next {
		t = t.AddDate(0, 0, 1)
	}
	if last == first && t.Before(start) && !e.next && eh < 12 && sh >= 12 {
		// 18:00〜1:00 ends after midnight.
		t = t.AddDate(0, 0, 1)
	}
	if !t.Before(start) {
		sp.End = t.In(Tokyo)
	}
	return sp, amb
}

// startByEnd reads a bare start hour (1 to 11) by the end of its range.
func startByEnd(s, e clock, eh, sh int, amb bool) (int, bool) {
	switch {
	case e.period == wAM || e.period == wPM || e.period == wEvening || e.period == wNight:
		// 1時〜午後3時: the start is the afternoon when that fits before the end.
		if eh >= 12 && s.h+12 < eh {
			return s.h + 12, false
		}
		return s.h, false
	case e.twentyFour():
		// 6時〜7:00, 10時〜12時, 9時30分〜16時: a 24-hour end means a 24-hour
		// start, unless that makes a day of more than 12 hours (2時〜17時).
		if eh > s.h && eh-s.h <= 12 {
			return s.h, false
		}
		if eh >= 12 && s.h+12 < eh {
			return s.h + 12, true
		}
	}
	return sh, amb
}

// endByStart reads an end hour written bare (or with 同) by the start: 午後6時〜8時
// is 20:00, 10時〜3時 is 15:00, 18時〜8時 is 20:00 or 8:00 the next morning.
func endByStart(s, e clock, sh, eh int, eamb bool) (int, bool) {
	switch {
	case e.h < 12 && e.m > s.m && (e.h == sh || e.h+12 == sh):
		// 午前11時～11時30分, 午後1時～1時30分: the end is the start's
		// hour, later in it.
		return sh, false
	case sh >= 12 && e.h+12 > sh && e.h < 12:
		// The end shares the afternoon. When the start is on the 24-hour
		// clock it could also be the next morning.
		return e.h + 12, !e.same && s.twentyFour() && !s.next
	case sh >= 12 && e.h < 12:
		// 23時20分から2時 ends after midnight.
		return e.h, false
	case sh < 12 && e.h > sh:
		return e.h, false
	case sh < 12 && e.h < 12 && e.h+12 > sh:
		// 10時〜3時 runs past noon.
		return e.h + 12, false
	}
	return eh, eamb
}

// zoneOf returns the time zone written after the start or the end, or nil.
func zoneOf(s, e clock, hasEnd bool) *time.Location {
	switch {
	case s.zone:
		return fixedZone(s.off)
	case hasEnd && e.zone:
		return fixedZone(e.off)
	}
	return nil
}

func fixedZone(off int) *time.Location {
	if off == 9*60 {
		return Tokyo
	}
	return time.FixedZone("", off*60)
}
