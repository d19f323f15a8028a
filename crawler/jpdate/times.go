package jpdate

import "time"

// clock is a time of day as written.
type clock struct {
	h, m  int
	next  bool // 翌: the next day
	ampm  word // wAM, wPM or 0
	kanji bool // written with 時, not with a colon
}

// entry is one time or time range found in the text, with its label.
type entry struct {
	start, end clock
	hasEnd     bool
	label      word // wOpen, wReception, wStart, wFinish or 0
	next       int  // the token after it
	aside      bool // inside brackets: (展示は16:00まで)
}

// clock reads a time at i: 18:30, 18時30分, 18時半, 午後6時半, 朝7時, 正午, 翌1:00.
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
		case wAM, wPM:
			c.ampm = t.w
		case wNoon:
			c.h = 12
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
	switch {
	case p.sym(k+1, ':'):
		m, nd, isNum := p.num(k + 2)
		if !isNum || nd != 2 {
			return c, i, false
		}
		c.h, c.m, j = h, m, k+3
		if p.sym(j, ':') {
			if _, nd, isNum := p.num(j + 1); isNum && nd == 2 {
				j += 2
			}
		}
	case p.sym(k+1, '時'):
		c.h, j, c.kanji = h, k+2, true
		if m, nd, isNum := p.num(j); isNum && nd <= 2 && p.sym(j+1, '分') {
			c.m, j = m, j+2
		} else if p.sym(j, '半') {
			c.m, j = 30, j+1
		}
	default:
		return c, i, false
	}
	if c.m > 59 || c.h > 30 || c.ampm != 0 && c.h > 12 {
		return c, i, false
	}
	if c.ampm == wPM && c.h < 12 {
		c.h += 12
	}
	if c.ampm == 0 && !c.kanji {
		// 7:00 PM
		if t := p.at(j); t.kind == kWord && (t.w == wAM || t.w == wPM) && c.h <= 12 {
			c.ampm = t.w
			if t.w == wPM && c.h < 12 {
				c.h += 12
			}
			j++
		}
	}
	if p.word(j, wAbout) {
		j++
	}
	return c, j, true
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
		if _, _, _, _, ok := p.date(k); ok {
			// The times after another date are that date's.
			break
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
			k++
			continue
		}
		e := entry{start: c, label: pending, aside: depth > 0}
		pending = 0
		if s := p.at(j); s.kind == kSym && (s.r == '~' || s.r == '-') || s.kind == kWord && s.w == wFrom {
			j++
			if c2, j2, ok := p.clock(j); ok {
				e.end, e.hasEnd, j = c2, true, j2
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

// times finds the event's time from token i on and applies it to the days
// first..last. It reports false when there is no time.
func (p *parser) times(i int, first, last ymd, _ bool) (Span, bool) {
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
		return Span{}, false
	}
	e := es[pick]
	s := e.start
	if s.h >= 24 {
		return Span{}, false
	}
	// Business events do not start between 1 and 5 at night: 4時45分から is the
	// afternoon, as people write it.
	if s.ampm == 0 && s.kanji && !s.next && s.h >= 1 && s.h <= 5 {
		s.h += 12
		s.ampm = wPM
	}
	start := time.Date(first.y, time.Month(first.m), first.d, s.h, s.m, 0, 0, Tokyo)
	if s.next {
		start = start.AddDate(0, 0, 1)
	}
	sp := Span{Start: start}
	end, hasEnd := e.end, e.hasEnd
	if !hasEnd {
		for _, f := range es[pick+1:] {
			if f.label == wFinish {
				end, hasEnd = f.start, true
				if f.hasEnd {
					end = f.end
				}
				break
			}
		}
	}
	if !hasEnd {
		return sp, true
	}
	if e.hasEnd && !e.aside {
		// 10:00〜12:00／13:00〜17:00: later parts of the same day extend it.
		for _, f := range es[pick+1:] {
			if f.aside || f.label != 0 || !f.hasEnd || f.start.next || f.end.next {
				continue
			}
			if f.start.h*60+f.start.m >= end.h*60+end.m && f.end.h*60+f.end.m > f.start.h*60+f.start.m {
				end = f.end
			}
		}
	}
	// 午後6時〜8時: the end shares the afternoon.
	if end.ampm == 0 && s.ampm == wPM && end.h < 12 && end.h+12 > s.h {
		end.h += 12
	}
	t := time.Date(last.y, time.Month(last.m), last.d, end.h, end.m, 0, 0, Tokyo)
	if end.next {
		t = t.AddDate(0, 0, 1)
	}
	if last == first && t.Before(start) && !end.next && end.h < 12 && s.h >= 12 {
		// 18:00〜1:00 ends after midnight.
		t = t.AddDate(0, 0, 1)
	}
	if !t.Before(start) {
		sp.End = t
	}
	return sp, true
}
