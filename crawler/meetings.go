package crawler

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
)

// One event page, several events: a post that announces the next meetings
// of a series (第22回 12月17日（木）… / 第23回 1月21日（木）…, the venue and
// the fee stated once for all), an article with a section per meeting
// (■第31回 … / 日時：… / 会場：…), a course whose sessions fall on
// different days. Each meeting is an event of its own, on its own day,
// with what the page states once for all of them.
//
// A page is split only when it plainly lists the meetings: two or more,
// each on a day of its own, one of them the day the page was read for
// (the event's). Dates that are no meeting's are not read as sessions: a
// deadline, a posting date, a report of past meetings (過去の開催, 前回),
// the next meeting a report names in a sentence. Nor are the days of one
// event held over several (1日目 / 2日目, two days in a row): that is one
// event with its start and end.

// pageMeetings returns the meetings the page lists, f being what the page
// reads as one event (meeting.fields makes each meeting's fields of it);
// nil when the page lists fewer than two, or states its event as data
// (JSON-LD, microdata: one event).
func pageMeetings(doc *goquery.Document, f Fields, ref time.Time) []meeting {
	// Data states one event, unless it spans the days of the meetings
	// the page lists (a course of two sessions, startDate the first's and
	// endDate the last's): then the meetings are the events.
	var dataEnd time.Time
	if ld := Merge(microdataFields(doc), JSONLDFields(doc)); ld[FieldDate] != "" {
		sp, err := parseDate(ld[FieldDate], ld[FieldTime], ref)
		end, eerr := jpdate.Parse(ld[fieldEnd], ref)
		if err != nil || eerr != nil || calendarDays(sp.Start, end.Start) < 1 {
			return nil
		}
		dataEnd = end.Start
	}
	day, ok := fieldsDay(f, ref)
	if !ok {
		return nil
	}
	lines := pageLines(doc)
	candidates := append(append(sessionLines(lines, ref), sessionSections(lines, ref), dayListMeetings(lines, ref)), tableSessions(doc, lines, ref))
	if off := calledOffSessions(lines, ref); len(off) > 0 {
		// 12月15日(火) 14:00〜16:00の回は…中止: a date of the series taken
		// off its list of dates is one of its meetings, cancelled. With
		// the page's own date when it lists no others.
		if own, err := parseDate(f[FieldDate], f[FieldTime], ref); err == nil {
			end := own.End
			if !sameDate(end, own.Start) {
				end = time.Time{} // another day's: the page's span, not its hours
			}
			candidates = append(candidates, []meeting{meetingAt(own, end, -1)})
		}
		for i, ss := range candidates {
			candidates[i] = withCalledOff(ss, off)
		}
	}
	// Each list of lines in turn: a page may write its meetings twice,
	// in its text and as a booking service's slots.
	for _, ss := range candidates {
		if series(ss, day) && !ownDate(lines, ss, day, ref) && (dataEnd.IsZero() || sameDate(ss[len(ss)-1].day, dataEnd)) {
			if courseText(lines) {
				for i := range ss {
					ss[i].course = true
				}
			}
			hours := everyMeetingsHours(lines)
			if hours == "" && !slices.ContainsFunc(ss, func(m meeting) bool { return m.timed && sameDate(m.day, day) }) {
				// (The hours of the page's event are its own when a
				// meeting on its day writes them: 番外編 8:00〜9:30.)
				hours = pageHours(f, ref)
			}
			if v := f[FieldVenue]; v != "" && slices.ContainsFunc(ss, func(m meeting) bool { return m.venue != "" && strings.HasPrefix(m.venue, v) }) {
				// The page's place was read off one meeting's own 会場
				// (3月: 本町駅前ビジネスセンター): the others are where
				// the text says they all are, 場所は ほんまちベース 5F.
				for i := range ss {
					if ss[i].venue == "" {
						ss[i].venue = cmp.Or(saidVenue(lines), "-")
					}
				}
			}
			if hours != "" {
				// Days alone, the hours written once for all of them
				// (いずれも午後6時30分から午後8時30分まで): each
				// meeting's hours are the page's.
				for i := range ss {
					if !ss[i].timed && !ss[i].off {
						// (Not a date taken off the list without its
						// hours: the page's are another date's.)
						ss[i].date, ss[i].timed = ss[i].day.Format("2006年1月2日")+" "+hours, true
					}
				}
			}
			if slices.ContainsFunc(ss, func(m meeting) bool { return m.status != "" }) {
				// ② … ※満席となりました: the meetings say their own
				// state, so one that says none is open, whatever the
				// page's sold-out marks of the other.
				for i := range ss {
					if ss[i].status == "" {
						ss[i].status = "受付中"
					}
				}
			}
			return ss
		}
	}
	return nil
}

// calledOffSession is a sentence that takes one date of a series off:
// 12月15日(火) 14:00〜16:00の回は、講師の体調不良により中止とさせて
// いただきます, ※12月17日（木）の回は中止となりました. Its first group is
// the date and hours.
var calledOffSession = regexp.MustCompile(`^[※＊*\s　]*(.{4,40}?日\s*[（(][^）)]{1,4}[）)][^。、]{0,20}?)\s*の回(?:は|を)[^。]{0,40}?(?:中止|休講|取りやめ|取り止め)`)

// calledOffSessions are the meetings a page's sentences take off its list
// of dates, each cancelled.
func calledOffSessions(lines []pageLine, ref time.Time) []meeting {
	var out []meeting
	for i, l := range lines {
		for _, sentence := range sentences(l.text) {
			m := calledOffSession.FindStringSubmatch(normSpace(sentence))
			if m == nil {
				continue
			}
			sp, err := jpdate.Parse(m[1], ref)
			if err != nil {
				continue
			}
			out = append(out, meeting{date: m[1], day: sp.Start, timed: !sp.AllDay, status: "中止", line: i, off: true})
		}
	}
	return out
}

// withCalledOff is ss with the meetings of off on days ss has none of, in
// the order of their days.
func withCalledOff(ss, off []meeting) []meeting {
	out := slices.Clone(ss)
	for _, o := range off {
		if !slices.ContainsFunc(out, func(m meeting) bool { return sameDate(m.day, o.day) }) {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b meeting) int { return a.day.Compare(b.day) })
	return out
}

// pageHours is the hours of the page's event f as a meeting's date
// writes them (18:30～20:30, or 18:30 without an end on its day), when
// its date holds them; "" when f states none or states them as its time
// (which a meeting without hours keeps).
func pageHours(f Fields, ref time.Time) string {
	if f[FieldTime] != "" {
		return ""
	}
	sp, err := parseDate(f[FieldDate], f[FieldTime], ref)
	if err != nil || sp.AllDay {
		return ""
	}
	end := sp.End
	if e, err := time.Parse(time.RFC3339, f[fieldEnd]); err == nil {
		end = e
	}
	if !sameDate(end, sp.Start) || !end.After(sp.Start) {
		end = time.Time{}
	}
	return clockSpan(sp.Start, end)
}

// clockSpan writes a meeting's hours as its date writes them: 18:30～20:30,
// or 18:30 when end is zero.
func clockSpan(start, end time.Time) string {
	if end.IsZero() {
		return start.Format("15:04")
	}
	return start.Format("15:04") + end.Format("～15:04")
}

// meetingAt is the meeting of the span sp, its date written with its hours
// up to end (zero for none) when sp has hours, read off lines[line].
func meetingAt(sp jpdate.Span, end time.Time, line int) meeting {
	m := meeting{date: sp.Start.Format("2006年1月2日"), day: sp.Start, timed: !sp.AllDay, line: line}
	if m.timed {
		m.date += " " + clockSpan(sp.Start, end)
	}
	return m
}

// meeting is one meeting a page lists.
type meeting struct {
	date   string // its date and hours as written
	day    time.Time
	timed  bool   // date gives its hours
	number string // 第22回, #5, vol.3: its number in the series, or ""
	part   string // 基礎編, 上級コース: the name of its part of a course, or ""
	theme  string // the line's own words after its date: 「…」, or ""
	title  string // a section's heading: the meeting's own title, or ""
	venue  string // a section's own 会場, or ""
	status string // a status word of its own (満席, 中止), or ""
	line   int    // the index of the line its date is on
	course bool   // the page says its meetings are one course's sessions
	off    bool   // a date a sentence takes off the list (calledOffSessions)
}

// fields is f for the meeting s: its day and hours, its title (its
// section's heading, or the series' name with its number and theme), its
// venue when it states one, its status when it has one.
func (s meeting) fields(f Fields) Fields {
	out := Merge(f, nil)
	out[FieldDate] = s.date
	delete(out, fieldEnd)
	if s.timed || s.off {
		delete(out, FieldTime) // (a date taken off without its hours has none known)
	}
	switch {
	case s.title != "":
		out[FieldTitle] = s.title
	case s.course || courseCount.MatchString(f[FieldTitle]):
		// 事業計画書講座（全2回）: the page names the course its sessions
		// are parts of; each meeting is that course.
	case s.part != "":
		// 基礎編：… / 実践編：… of 創業セミナー（基礎編・実践編）を開催します:
		// the course's name with its own part.
		out[FieldTitle] = partTitle(seriesName(f[FieldTitle]), s.part)
	case s.number+s.theme == "":
		// Nothing of its own to name it by (12月と1月の朝活のお知らせ's two
		// dates): the post's title, as for a course's sessions.
	default:
		name := seriesName(f[FieldTitle])
		own := s.number + s.theme
		if !strings.Contains(name, own) {
			name = strings.TrimSpace(name + " " + own)
		}
		out[FieldTitle] = name
	}
	if s.venue == "-" {
		delete(out, FieldVenue) // none known
		delete(out, FieldAddress)
	} else if s.venue != "" {
		out[FieldVenue] = s.venue
		delete(out, FieldAddress)
		splitAddress(out) // 会場：例ビル 8F（大阪市中央区本町3丁目4-8／…）
	}
	if s.status != "" {
		out[FieldStatus] = s.status
	}
	return out
}

// partTitle names a course's part: the course's name with the part in
// brackets, in place of the brackets that list all its parts
// (創業セミナー（基礎編・実践編） → 創業セミナー（基礎編）).
func partTitle(name, part string) string {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if i := strings.LastIndex(name, br[0]); i > 0 && strings.HasSuffix(name, br[1]) && strings.Contains(name[i:], part) {
			return name[:i] + br[0] + part + br[1]
		}
	}
	return name + "（" + part + "）"
}

// courseCount in a title says it names a course of several sessions: 全2回, 全3回.
var courseCount = regexp.MustCompile(`全\s*[0-9０-９一二三四五六七八九十]+\s*回`)

// courseSessions in a page's text say its meetings are the sessions of one
// course: 全2回, 2回にわたって開催します, 3回連続講座.
var courseSessions = regexp.MustCompile(`全\s*[0-9０-９一二三四五六七八九十]+\s*回|[0-9０-９一二三四五六七八九十]+\s*回(?:にわたって|にわたり|連続|シリーズ)`)

// courseText says whether a page's lines call its meetings one course's
// sessions: each is then that course, under the page's title.
func courseText(lines []pageLine) bool {
	for _, l := range lines {
		if courseSessions.MatchString(l.text) {
			return true
		}
	}
	return false
}

// fieldsDay is the day f's date falls on.
func fieldsDay(f Fields, ref time.Time) (time.Time, bool) {
	sp, err := parseDate(f[FieldDate], f[FieldTime], ref)
	if err != nil {
		return time.Time{}, false
	}
	return sp.Start, true
}

// series says whether ss are the meetings of a series that includes the
// page's event (on day): two or more, each on a day of its own, not only
// days in a row (the days of one event held over several).
func series(ss []meeting, day time.Time) bool {
	if len(ss) < 2 {
		return false
	}
	seen := map[string]bool{}
	own, apart := false, false
	for i, s := range ss {
		k := s.day.In(jpdate.Tokyo).Format("2006-01-02")
		if seen[k] {
			return false
		}
		seen[k] = true
		if sameDate(s.day, day) {
			own = true
		}
		if i > 0 && calendarDays(ss[i-1].day, s.day) != 1 {
			apart = true
		}
	}
	return own && apart
}

// ownDate says whether the page states its event's day (day) apart from
// the meetings it lists, under a label of its own: the page of one
// meeting of a recurring event (日時 2027/01/13 above its text's 第1回
// 2026年12月9日 / 第2回 2027年1月13日 / …) is that meeting's.
func ownDate(lines []pageLine, ss []meeting, day time.Time, ref time.Time) bool {
	listed := map[int]bool{}
	for _, m := range ss {
		listed[m.line] = true
	}
	for i, l := range lines {
		if listed[i] || sessionLead.FindStringSubmatch(normSpace(l.text))[1] != "" || len(dayInText.FindAllString(l.text, 3)) > 1 ||
			len(dayList(l.text)) > 1 || slotUnder(lines, i, ref) > 0 {
			// (開催日 1月19日（火） 1月26日（火）: a shop's choice of the
			// meetings' days, not a day of the page's own.)
			// 第31回 12月11日(金) ※満席: a meeting of the series
			// written again, not the page's own day. 12月3日（木）、
			// 10日（木）、17日（木）: the meetings' days, written once. A
			// booking slot's day over its hours: a meeting's.
			continue
		}
		text := ""
		if f, v := labelledLine(l.text); f == FieldDate {
			text = v
		} else if l.label != "" && containsAny(l.label, eventDateLabels) {
			text = l.text
		}
		if sp, err := jpdate.Parse(text, ref); text != "" && err == nil && sameDate(sp.Start, day) &&
			!sameDate(sp.End, ss[len(ss)-1].day) {
			// (日時 1月13日(水) 14:00 ～ 1月27日(水) 16:00 over 第1回 and
			// 第2回 is the course's span, not a day of its own.)
			return true
		}
	}
	return false
}

// zoneNote opens what follows a meeting's hours when it is only their time
// zone: 14:00～16:00 (JST).
var zoneNote = regexp.MustCompile(`^[(（]\s*(?:JST|日本時間|GMT\+9|UTC\+9)\s*[)）]`)

// sessionLead opens a line of a list of meetings: a bullet, then the
// meeting's number (第22回, #5, vol.3, 2回目, ①), then its date.
var sessionLead = regexp.MustCompile(`^[・■□●○◆◇▼▽◎★☆\-－*＊\s　]*(?:(第\s*[0-9０-９一二三四五六七八九十]+\s*回|#\s*[0-9０-９]+|[vV][oO][lL]\.?\s*[0-9０-９]+|[0-9０-９]+\s*回目|[①-⑳])\s*[:：.．]?[\s　]*|(\p{Han}{1,4}(?:編|コース|クラス))\s*[:：][\s　]*)?`)

// sessionDate says whether a labelled date is one session's of several
// (日時 第1講 12月3日（木）…, 第2講 on the next line): the page's marked
// date may be another of its sessions.
func sessionDate(date string) bool { return sessionMark.MatchString(date) }

// sessionMark opens a session's date: 第1講, 第2回, 基礎編：.
var sessionMark = regexp.MustCompile(`^[\s　]*(?:第\s*[0-9０-９一二三四五六七八九十]+\s*(?:回|講)|\p{Han}{1,4}(?:編|コース|クラス)\s*[:：])`)

// multiDayWords name the days of one event held over several.
var multiDayWords = []string{"日目", "初日", "最終日", "両日", "day1", "day 1", "day2", "day 2"}

// pastSectionWords, in the label or heading over dates, say they are
// meetings that took place.
var pastSectionWords = []string{"過去", "これまで", "前回", "実績", "履歴", "報告", "レポート", "アーカイブ"}

// sessionLines finds a list of meetings written one a line, each opening
// with its date (or its number and its date), the hours after it and maybe
// a theme: 第22回　12月17日（木）19:00〜21:00, 第1回　2027年2月6日（土）
// 10:00～12:00「数字で語る事業計画」. The lines follow one another; the
// label or heading over them is no deadline's nor past meetings'. Each
// run of two or more such lines is a list, in the page's order.
func sessionLines(lines []pageLine, ref time.Time) [][]meeting {
	var runs [][]meeting
	var run []meeting
	cells := false // the run's meetings are a table's rows, a cell a line
	for i := 0; i < len(lines); i++ {
		s, ok := sessionLine(lines[i], ref)
		if !ok && i+1 < len(lines) && bareNumber(lines[i].text) {
			// 第1回 | 2027年1月16日（土）13:30～17:30 | …: a table's row,
			// its number and its date a cell each.
			joined := lines[i+1]
			joined.text = normSpace(lines[i].text) + " " + lines[i+1].text
			if s, ok = sessionLine(joined, ref); ok {
				i++
				cells = true
			}
		}
		if n := slotUnder(lines, i, ref); n > 0 {
			// 2027年1月14日(木) / 14:00 〜 16:00 / 残り3席予約する: a
			// booking service's slot, its day over its hours and seats.
			joined := lines[i+n]
			for k := n - 1; k >= 0; k-- {
				joined.text = normSpace(lines[i+k].text) + " " + joined.text
			}
			if slot, isSlot := sessionLine(joined, ref); isSlot {
				s, ok = slot, true
				i += n
			}
		}
		if !ok && cells && len(run) > 0 && run[len(run)-1].line == i-1 && !bareNumber(lines[i].text) {
			if _, err := jpdate.Parse(lines[i].text, ref); err != nil && utf8.RuneCountInString(lines[i].text) <= 60 {
				// The row's third cell: what the meeting is about.
				if run[len(run)-1].theme == "" {
					run[len(run)-1].theme = normSpace(lines[i].text)
				}
				run[len(run)-1].line = i
				continue
			}
		}
		if ok && len(run) == 0 && !sessionContext(lines, i) {
			ok = false
		}
		if ok {
			s.line = i
			run = append(run, s)
			continue
		}
		if len(run) > 0 && i+1 < len(lines) {
			// 🌟1月の朝活 between 12月16日（水）7:30〜8:45 and 1月13日（水）
			// 7:30〜8:45: each date under a heading of its own month.
			if _, head := sectionHeading(lines, i); head {
				if _, next := sessionLine(lines[i+1], ref); next {
					continue
				}
			}
		}
		if n := len(run); n > 0 && i-run[n-1].line <= 3 {
			// ■11月5日（木） / 講師：… / テーマ：「純粋倫理と私」: the
			// meeting's speaker and theme labelled under its date.
			if label, value, ok := strings.Cut(strings.TrimLeft(normSpace(lines[i].text), sectionMarks), "："); ok && utf8.RuneCountInString(label) <= 4 {
				switch strings.TrimSpace(label) {
				case "テーマ", "演題", "題目", "内容":
					if run[n-1].theme == "" {
						run[n-1].theme = strings.TrimSpace(value)
					}
					fallthrough
				case "講師", "講話者", "報告者", "話題提供":
					continue
				}
			}
		}
		if n := len(run); n > 0 && run[n-1].theme == "" && run[n-1].line == i-1 {
			if t := strings.TrimSpace(normSpace(lines[i].text)); strings.HasPrefix(t, "「") && strings.HasSuffix(t, "」") {
				// The theme on the line under its meeting's date:
				// 第１回　12月9日（水）　午後2時～ / 「組合運営の基礎」.
				run[n-1].theme = t
				continue
			}
		}
		if len(run) >= 2 {
			runs = append(runs, run)
		}
		run = nil
	}
	if len(run) >= 2 {
		runs = append(runs, run)
	}
	return runs
}

// slotUnder says how many lines under lines[i] make a booking service's
// slot with it, or 0: lines[i] a date alone with its weekday, the next its
// hours, with the seats or the button after them or on the line after
// (2027年1月14日(木) / 14:00 〜 16:00 / 残り3席予約する, or 満席).
func slotUnder(lines []pageLine, i int, ref time.Time) int {
	if i+1 >= len(lines) {
		return 0
	}
	d := normSpace(lines[i].text)
	if datePrefix.FindString(d) != d || !hasWeekday(d) {
		return 0
	}
	if _, err := jpdate.Parse(d, ref); err != nil {
		return 0
	}
	t := normSpace(lines[i+1].text)
	clock := titleTime.FindString(t)
	if clock == "" {
		return 0
	}
	if rest := strings.TrimSpace(t[len(clock):]); rest != "" {
		if slotStock.MatchString(rest) {
			return 1
		}
		return 0
	}
	if i+2 < len(lines) && slotStock.MatchString(normSpace(lines[i+2].text)) {
		return 2
	}
	return 0
}

// bareNumber says whether a line is a meeting's number alone: 第1回, #5,
// ①.
func bareNumber(line string) bool {
	t := normSpace(line)
	m := sessionLead.FindStringSubmatch(t)
	return m[1] != "" && strings.TrimSpace(t[len(m[0]):]) == ""
}

// sessionContext says whether the label or heading over the first line
// of a list of meetings (lines[i]) leaves it a list of meetings to come:
// not past ones, not deadlines.
func sessionContext(lines []pageLine, i int) bool {
	over := lines[i].label
	if over == "" && i > 0 && lines[i-1].heading {
		over = lines[i-1].text
	}
	return !containsAny(over, pastSectionWords) && !containsAny(over, otherDateLabels)
}

// sessionLine reads one line of a list of meetings.
func sessionLine(l pageLine, ref time.Time) (meeting, bool) {
	if l.byline || l.heading || linkItem(l.node) {
		return meeting{}, false
	}
	text := normSpace(l.text)
	low := strings.ToLower(text)
	if containsAny(low, otherDateLabels) || containsAny(low, notStartWords) || containsAny(low, pastVerbs) {
		return meeting{}, false
	}
	m := sessionLead.FindStringSubmatch(text)
	rest := text[len(m[0]):]
	date := datePrefix.FindString(rest)
	if date == "" {
		return meeting{}, false
	}
	rest = rest[len(date):]
	clock := titleTime.FindString(rest)
	rest = strings.TrimSpace(strings.TrimLeft(rest[len(clock):], " 　|｜/／:：・"))
	rest = strings.TrimSpace(zoneNote.ReplaceAllString(rest, "")) // (JST)
	when := strings.TrimSpace(strings.TrimSpace(date) + " " + clock)
	sp, err := jpdate.Parse(when, ref)
	if err != nil {
		return meeting{}, false
	}
	if clock == "" && !hasWeekday(date) {
		return meeting{}, false // a bare 12/5: a date among others, not a meeting's line
	}
	if _, err := jpdate.Parse(rest, ref); err == nil {
		return meeting{}, false // a second date: 12月10日（木）〜11日（金）
	}
	s := meeting{date: when, day: sp.Start, timed: !sp.AllDay, number: normSpace(m[1]), part: m[2]}
	if clock != "" && slotStock.MatchString(rest) {
		// 2026年12月9日(水) 07:30 〜 09:00 残り6席 予約する: a booking
		// service's slot, its seats its own status.
		s.status = rest
		return s, true
	}
	if _, ok := statusIn(rest); ok && utf8.RuneCountInString(strings.TrimLeft(rest, "※*＊ 　")) <= 10 {
		s.status = rest // 満席, 【中止】, ※満席となりました: the line's own status, and all it says
		return s, true
	}
	if strings.HasPrefix(rest, "※") {
		rest = "" // 1月7日（木）7:00〜7:30 ※新年最初の役員朝礼です: a note on it
	}
	if rest != "" && s.number == "" && s.part == "" && !quotedTheme(rest) {
		// 12月10日（木） 例会 / 1月14日（木） 新年会: a schedule of
		// different events, not the meetings of one.
		return meeting{}, false
	}
	s.theme = rest
	return s, true
}

// slotStock is what a booking service writes after a slot's day and
// hours, and nothing else: its seats left (残り6席, 空きあり, 満席), its
// button (予約する, キャンセル待ち).
var slotStock = regexp.MustCompile(`^(?:[\s　/／|｜・]*(?:残り\s*(?:わずか|[0-9０-９]+\s*(?:席|名|枠|人))|空きあり|空席あり|空き\s*[0-9０-９]+\s*(?:席|名|枠)?|満席|満員|受付中|受付終了|キャンセル待ち(?:に登録|する|で予約)?|予約(?:する|へ進む)?|申し?込(?:む|み)))+$`)

// bookingSlots says whether a page's list of slots (sessionLines) is
// when a room or a service can be booked, not the dates of events: slots
// on each of four days in a row (a desk by the day, visits), or two on
// one day back to back (a room by the hour).
func bookingSlots(lines []pageLine, ref time.Time) bool {
	var slots []meeting
	for i := 0; i < len(lines); i++ {
		s, ok := sessionLine(lines[i], ref)
		if !ok || s.status == "" || !s.timed {
			if len(slots) >= 2 && bookable(slots, ref) {
				return true
			}
			slots = nil
			continue
		}
		s.line = i
		slots = append(slots, s)
	}
	return len(slots) >= 2 && bookable(slots, ref)
}

// bookable says whether slots, read off lines, are a room's or a
// service's hours (bookingSlots).
func bookable(slots []meeting, ref time.Time) bool {
	run := 1
	for i := 1; i < len(slots); i++ {
		prev, cur := slots[i-1], slots[i]
		if sameDate(prev.day, cur.day) {
			if end := slotEnd(prev, ref); !end.IsZero() && end.Equal(cur.day) {
				return true // 10:00〜11:00, 11:00〜12:00
			}
			continue
		}
		if calendarDays(prev.day, cur.day) == 1 {
			run++
			if run >= 4 {
				return true
			}
		} else {
			run = 1
		}
	}
	return false
}

// slotEnd is the end of a slot's hours (07:30 〜 09:00) on its day, or zero.
func slotEnd(s meeting, ref time.Time) time.Time {
	sp, err := jpdate.Parse(s.date, ref)
	if err != nil || sp.End.IsZero() || !sameDate(sp.Start, s.day) {
		return time.Time{}
	}
	return sp.End
}

// quotedTheme says whether a line's words after its date are a theme in
// brackets and nothing else: 「数字で語る事業計画」.
func quotedTheme(s string) bool {
	for _, br := range [][2]string{{"「", "」"}, {"『", "』"}, {"“", "”"}} {
		if strings.HasPrefix(s, br[0]) && strings.HasSuffix(s, br[1]) && strings.Count(s, br[0]) == 1 {
			return true
		}
	}
	return false
}

// dayListMeetings finds the meetings of a date line that lists their days
// (dayList), under 日時 or one of its kind: the sessions of a course
// written as one month's days. Hours after the list (各回 14:00～16:00) are
// each meeting's; hours on a line of their own are the page's time.
func dayListMeetings(lines []pageLine, ref time.Time) []meeting {
	for i, l := range lines {
		text := ""
		if f, v := labelledLine(l.text); f == FieldDate {
			text = v
		} else if l.label != "" && containsAny(l.label, eventDateLabels) {
			text = normSpace(l.text)
		} else if m := saidDateLabel.FindStringIndex(l.text); m != nil {
			// 日時は令和9年1月13日（水）・20日（水）・27日（水）の全3回、
			// いずれも午後7時から9時までです: the label in a sentence.
			text = normSpace(l.text[m[1]:])
		}
		days := dayList(text)
		if len(days) < 2 {
			continue
		}
		rest := strings.TrimSpace(strings.TrimLeft(text[days[len(days)-1].end:], " 　"))
		rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "各回"), "とも"))
		clock := titleTime.FindString(rest)
		var ss []meeting
		prev := ref
		for k, d := range days {
			when := text[:d.start] + d.text // 令和8年 before the first
			if k > 0 {
				when = dayWithMonth(d, ss[k-1])
			}
			sp, err := jpdate.Parse(strings.TrimSpace(when+" "+clock), prev)
			if err != nil || (k > 0 && !sp.Start.After(prev)) {
				return nil
			}
			ss = append(ss, meetingAt(sp, sp.End, i))
			prev = sp.Start
		}
		return ss
	}
	return nil
}

// saidDateLabel opens a sentence that says the dates: 日時は, 開催日は.
var saidDateLabel = regexp.MustCompile(`^\s*(?:日時|開催日時|開催日|日程|開催日程)\s*は\s*`)

// listedDay is one day of a dayList: where it is in the text, its month
// when it names one, and its text (12月3日（木曜日）, 10日（木曜日）).
type listedDay struct {
	start, end int
	month      string
	text       string
}

// dayWithMonth writes d with the month of the day before it when it names
// none: 10日（木曜日） after 12月3日 is 12月10日（木曜日）.
func dayWithMonth(d listedDay, prev meeting) string {
	t := d.text
	if d.month == "" {
		t = fmt.Sprintf("%d月%s", int(prev.day.Month()), t)
	}
	return t
}

// dayListItem is one day of a list of days: its month maybe, its day and
// its weekday, which a list of days always writes (12月3日（木曜日）, 20日（水）).
var dayListItem = regexp.MustCompile(`^(?:([0-9０-９]{1,2})\s*月\s*)?[0-9０-９]{1,2}\s*日\s*[（(]\s*[月火水木金土日](?:曜日?)?\s*(?:[・･]\s*祝)?\s*[)）]`)

// dayListSep is what a list of days writes between them.
var dayListSep = regexp.MustCompile(`^\s*[、，,・･／/]\s*`)

// dayListYear is what may come before a list's first day: its year.
var dayListYear = regexp.MustCompile(`^(?:(?:令和|平成)\s*(?:[0-9０-９]{1,2}|元)\s*年|[0-9０-９]{4}\s*年)?\s*$`)

// dayList returns the days a date line lists when it lists several, the
// first with its month and each later one with its month only when it
// changes: 令和8年12月3日（木曜日）、10日（木曜日）、17日（木曜日）,
// 1月13日（水）・20日（水）・2月3日（水）; nil otherwise.
func dayList(text string) []listedDay {
	loc := dayListFirst.FindStringIndex(text)
	if loc == nil || !dayListYear.MatchString(text[:loc[0]]) {
		return nil
	}
	var days []listedDay
	pos := loc[0]
	for {
		m := dayListItem.FindStringSubmatchIndex(text[pos:])
		if m == nil || (len(days) == 0 && m[2] < 0) {
			break
		}
		d := listedDay{start: pos, end: pos + m[1], text: text[pos : pos+m[1]]}
		if m[2] >= 0 {
			d.month = text[pos+m[2] : pos+m[3]]
		}
		days = append(days, d)
		pos = d.end
		sep := dayListSep.FindString(text[pos:])
		if sep == "" {
			break
		}
		pos += len(sep)
	}
	if len(days) < 2 {
		return nil
	}
	return days
}

// dayListFirst finds a list's first day, its month named.
var dayListFirst = regexp.MustCompile(`[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日`)

// tableSessions finds meetings a page's table lists under a header that
// names their date column (開催日 | 会場 | 時間 | 予約状況): a 相談会 held at
// several branches on several days. Each row's own hall, hours and state
// are its meeting's.
func tableSessions(doc *goquery.Document, lines []pageLine, ref time.Time) []meeting {
	var out []meeting
	doc.Find("table").EachWithBreak(func(_ int, t *goquery.Selection) bool {
		set := rowSet(t.Nodes[0]) // the header's columns, as a list's table is read
		if set == nil || len(set.records) < 2 || !slices.Contains(set.columns, FieldDate) {
			return true
		}
		for _, r := range set.records {
			var m meeting
			var clock string
			for i, c := range elementChildren(r.nodes[0]) {
				if i >= len(set.columns) {
					break
				}
				v := normSpace(nodeText(c))
				switch set.columns[i] {
				case FieldDate:
					m.date = v
				case FieldTime:
					clock = v
				case FieldVenue:
					m.venue = v
				case FieldStatus:
					m.status = v
				}
			}
			sp, err := parseDate(m.date, clock, ref)
			if err != nil {
				out = nil
				return true // not a table of dated rows
			}
			if clock != "" {
				m.date = strings.TrimSpace(m.date + " " + clock)
			}
			m.day, m.timed = sp.Start, !sp.AllDay
			m.line = lineOf(lines, r.nodes[0])
			out = append(out, m)
		}
		return false
	})
	return out
}

// lineOf is the index of the first line of lines inside n, or -1.
func lineOf(lines []pageLine, n *html.Node) int {
	for i, l := range lines {
		if l.node == n || l.node != nil && contains(n, l.node) {
			return i
		}
	}
	return -1
}

// sessionSections finds meetings written as sections of their own: a
// heading (■第31回 北摂ビジネス交流会 定例会) followed by the meeting's
// labelled date (日時：2027年1月21日（木）19:00〜21:00) and maybe its own
// 会場, up to the next such heading.
func sessionSections(lines []pageLine, ref time.Time) []meeting {
	var out []meeting
	for i := 0; i < len(lines); i++ {
		title, ok := sectionHeading(lines, i)
		if !ok {
			continue
		}
		s := meeting{title: title}
		for j := i + 1; j < len(lines) && j <= i+2; j++ {
			f, v := labelledLine(lines[j].text)
			if f == "" {
				// 📅 1月21日（木）: a pictograph for the label.
				f, v = FieldDate, markedDate(lines[j].text)
			}
			if f == FieldDate && v != "" {
				sp, err := parseDate(v, "", ref)
				if err != nil {
					break
				}
				s.date, s.day, s.timed, s.line = v, sp.Start, !sp.AllDay, j
				break
			}
		}
		if s.date == "" {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if _, next := sectionHeading(lines, j); next {
				break
			}
			if f, v := labelledLine(lines[j].text); f == FieldVenue && v != "" && s.venue == "" {
				s.venue = v
			}
		}
		out = append(out, s)
	}
	return out
}

// everyMeetingsHours are the hours a page writes once for all its
// meetings: 時間はどの回も 19:00〜21:00, いずれも午後6時30分から午後8時30分まで,
// 各回 14:00～16:00; "" when it writes none so.
func everyMeetingsHours(lines []pageLine) string {
	for _, l := range lines {
		if m := everyMeeting.FindStringSubmatch(normSpace(l.text)); m != nil {
			return m[1]
		}
	}
	return ""
}

// everyMeeting is hours said of every meeting. Its group is the hours.
var everyMeeting = regexp.MustCompile(`(?:どの回も|各回とも|各回|いずれの回も|全回)\s*[、,]?\s*((?:午前|午後)?[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時(?:[0-9０-９]{1,2}分|半)?)\s*(?:[〜～~\-－]|から)\s*(?:午前|午後)?[0-9０-９]{1,2}\s*(?:[:：]\s*[0-9０-９]{2}|時(?:[0-9０-９]{1,2}分|半)?))`)

// markedDate is the date a line under a section's heading writes after a
// pictograph that labels it (📅 1月21日（木）, 🗓 2月18日（木）※この回のみ
// 21:30 まで): the date without its note, or "".
func markedDate(line string) string {
	t := normSpace(line)
	rest := strings.TrimLeftFunc(t, func(r rune) bool { return pictograph(r) || r == ' ' })
	if rest == t || !datePrefix.MatchString(rest) {
		return ""
	}
	rest, _, _ = strings.Cut(rest, "※")
	return strings.TrimSpace(rest)
}

// sectionHeading says whether lines[i] heads a meeting's section: a
// heading, or a line marked ■ (●, ◆), that names something (not a label:
// ■開催概要 heads the details) and not meetings past, and returns its
// words.
func sectionHeading(lines []pageLine, i int) (string, bool) {
	l := lines[i]
	if l.byline {
		return "", false
	}
	t := normSpace(l.text)
	rest := strings.TrimLeft(t, sectionMarks)
	if !l.heading && rest == t || rest == "" || isLabelText(rest) || bareLabel(rest) && !namesGathering(rest) {
		return "", false
	}
	if f, _ := labelledLine(rest); f != "" {
		return "", false
	}
	// ■申込 12月25日（金）まで: a label and its value, not a heading.
	// (番外編：新春 朝活交流会 in a heading names a gathering.)
	if head, value, ok := strings.Cut(rest, " "); ok && value != "" && bareLabel(head) && !namesGathering(head) && !(l.heading && namesGathering(value)) {
		return "", false
	}
	if containsAny(rest, pastSectionWords) || containsAny(strings.ToLower(rest), multiDayWords) {
		return "", false
	}
	return sectionName(rest), true
}

// sectionMarks open a line that heads a section: ■ 第31回…, 🌟12月の朝活.
const sectionMarks = "■□●○◆◇★☆🌟◎ 　"

// sectionName is the name of the event a section's heading announces:
// without the newsletter's section number and marks, nor the words of
// announcing (【1】12月例会（第130回）のご案内◆ is 12月例会（第130回）).
func sectionName(heading string) string {
	t := strings.TrimRight(trimSectionNumber(heading), "■□●○◆◇★☆ 　")
	for _, w := range []string{"のご案内", "のお知らせ"} {
		if cut, ok := strings.CutSuffix(t, w); ok && utf8.RuneCountInString(strings.TrimSpace(cut)) >= 2 {
			return strings.TrimSpace(cut)
		}
	}
	return t
}

// scheduleTail is how a post announcing a series' next meetings names
// them after the series: 12月〜2月の日程, 10月・11月の日程, 【1月〜3月】.
var (
	monthRun  = regexp.MustCompile(`(?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月(?:\s*(?:[〜～~・、\-－ー–]|と|及び|および)\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月)*(?:分)?`)
	tailWords = []string{"が決まりました", "決定", "のお知らせ", "のご案内", "お知らせ", "ご案内", "開催日程", "開催予定", "日程", "予定", "スケジュール",
		"を開催します", "を開催いたします", "を開催致します", "の"}
)

// seriesName is the name of the series a post announces the meetings of,
// from its title: 堺Tech定例ミートアップ 12月〜2月の日程 is
// 堺Tech定例ミートアップ. The title itself when nothing is left.
func seriesName(title string) string {
	name := monthRun.ReplaceAllString(title, "")
	for _, br := range []string{"【】", "[]", "［］", "()", "（）"} {
		name = strings.ReplaceAll(name, br, "")
	}
	name = strings.TrimPrefix(strings.TrimSpace(name), "の") // 12月と1月の朝活 → 朝活
	for changed := true; changed; {
		changed = false
		for _, w := range tailWords {
			if cut, ok := strings.CutSuffix(name, w); ok {
				name, changed = strings.TrimRight(cut, " 　・|｜-－"), true
			}
		}
	}
	if utf8.RuneCountInString(name) < 2 {
		return title
	}
	return name
}
