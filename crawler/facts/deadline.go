package facts

import (
	"errors"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"kouryu/crawler/jpdate"
)

// deadline is when applications close: the date of a deadline label
// (申込締切, 〆切), else the end of an application period (申込期間), else a
// date before まで, 締切 or 必着 in a sentence about applying. A day without
// a time lasts to 23:59:59. A date after the event's day is no deadline of
// it and is left out.
func (l *listing) deadline() time.Time {
	for _, v := range l.values[catDeadline] {
		if t, ok := l.dateOf(v, false); ok {
			return t
		}
	}
	for _, v := range l.values[catPeriod] {
		if t, ok := l.dateOf(v, true); ok {
			return t
		}
	}
	for s := range l.sentencesWith(hintDeadline, false, false) {
		if t, ok := l.proseDeadline(s); ok {
			return t
		}
	}
	return time.Time{}
}

// relativeRE reads a deadline counted from the event: 開催日の3日前, 3日前,
// 前日, 前日17時.
var relativeRE = regexp.MustCompile(`^(?:開催日?|当日|イベント)?(?:の)?\s*(?:(\d+|[一二三四五六七八九十]+)\s*日前|(前日))(.*)$`)

// dateOf reads the deadline in a text: a date counted from the event, or
// the first date (with jpdate), its end for a period.
func (l *listing) dateOf(text string, period bool) (time.Time, bool) {
	text = strings.TrimSpace(text)
	if t, ok := l.relative(text); ok {
		return t, true
	}
	refs := []time.Time{l.in.Fetched, l.in.Start}
	if refs[0].IsZero() {
		refs = refs[1:]
	}
	for _, ref := range refs {
		if ref.IsZero() {
			continue
		}
		sp, err := jpdate.Parse(text, ref)
		if err != nil && !(errors.Is(err, jpdate.ErrWeekday) && !sp.Start.IsZero()) {
			return time.Time{}, false
		}
		t := sp.Start
		if period && !sp.End.IsZero() {
			t = sp.End
		}
		if sp.AllDay {
			t = endOfDay(t)
		}
		if l.beforeEvent(t) {
			return t, true
		}
		// A date without a year may have been put in the year after the
		// event's: try it against the event's start.
	}
	return time.Time{}, false
}

// relative reads 開催日の3日前 and 前日 (with an optional time after it)
// from the event's start.
func (l *listing) relative(text string) (time.Time, bool) {
	if l.in.Start.IsZero() {
		return time.Time{}, false
	}
	m := relativeRE.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}, false
	}
	days := 1
	if m[1] != "" {
		if days = atoi(m[1]); days < 0 || !isDigit(m[1][0]) {
			days = kanjiNumber(m[1])
		}
		if days < 0 || days > 90 {
			return time.Time{}, false
		}
	}
	s := l.in.Start.In(jpdate.Tokyo)
	day := time.Date(s.Year(), s.Month(), s.Day()-days, 0, 0, 0, 0, jpdate.Tokyo)
	rest := strings.TrimSpace(m[3])
	if rest != "" {
		if sp, err := jpdate.ParseTime(rest, day); err == nil {
			return sp.Start, true
		}
	}
	return endOfDay(day), true
}

// beforeEvent reports whether t is not after the end of the event's first
// day (always, when the start is unknown).
func (l *listing) beforeEvent(t time.Time) bool {
	if l.in.Start.IsZero() {
		return true
	}
	return !t.After(endOfDay(l.in.Start))
}

func endOfDay(t time.Time) time.Time {
	t = t.In(jpdate.Tokyo)
	return time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, jpdate.Tokyo)
}

// applyWords make a sentence one about applying.
var applyWords = []string{"申込", "申し込", "エントリー", "登録", "応募", "予約", "受付", "締切", "締め切", "〆切", "必着"}

// otherDeadlines make a sentence's date the deadline of something else: an
// early price, a payment, a cancellation.
var otherDeadlines = []string{"早割", "早期割引", "早期申込割引", "支払", "振込", "振り込", "キャンセル", "返金", "入金",
	"掲載", "更新", "公開", "提出物", "アンケート"}

// deadlineTriggers follow the date of a deadline: 12月4日までに, 11月27日必着.
var deadlineTriggers = []string{"まで", "迄", "締切", "締め切", "〆切", "必着"}

// chunkCuts end the words before a date in a sentence: 申込は|12月4日まで.
var chunkCuts = []string{"、", ",", "は", "を", "に", "で", "の", " "}

// proseDeadline reads the deadline a sentence about applying states.
func (l *listing) proseDeadline(s string) (time.Time, bool) {
	if !containsAny(s, applyWords) || containsAny(s, otherDeadlines) {
		return time.Time{}, false
	}
	for _, w := range deadlineTriggers {
		rest := s
		for {
			i := strings.Index(rest, w)
			if i < 0 {
				break
			}
			chunk := lastRunes(strings.TrimRight(rest[:i], " "), 24)
			rest = rest[i+len(w):]
			dated := endsLikeDate(chunk)
			// The words right before the trigger: of 申込は12月7日(月), the
			// shortest tail that reads as a date, so an earlier date in the
			// sentence (the event's) is not taken.
			cuts := []int{0}
			for _, c := range chunkCuts {
				for j := 0; ; {
					k := strings.Index(chunk[j:], c)
					if k < 0 {
						break
					}
					j += k + len(c)
					cuts = append(cuts, j)
				}
			}
			sort.Sort(sort.Reverse(sort.IntSlice(cuts)))
			for _, c := range cuts {
				tail := strings.TrimSpace(chunk[c:])
				if t, ok := l.relative(tail); ok {
					return t, true
				}
				if !dated || !strings.ContainsAny(tail, "0123456789") {
					continue
				}
				if t, ok := l.dateOf(tail, true); ok {
					return t, true
				}
			}
		}
	}
	return time.Time{}, false
}

// endsLikeDate reports whether s ends as a date or a time does: 4日, (金),
// 17時, 17:00, 正午.
func endsLikeDate(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '日' || r == ')' || r == '時' || r == '分' || r == '半' || r == '午' || (r >= '0' && r <= '9')
}

// lastRunes is the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}
