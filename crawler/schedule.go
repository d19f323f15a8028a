package crawler

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
)

// Schedules and month tables: what a table's rows write apart from their
// date — a day and a weekday in columns of their own under a month
// heading, a month merged over its rows as a sheet published from Excel
// writes it — and what a row's notes change.

// fieldWeekday is a table's weekday column (曜, 曜日): it goes with a day
// column that writes the day alone. It is not among FieldNames.
const fieldWeekday = "weekday"

// exactColumns name a column by its whole header: a header this short
// would name other columns too if it were looked for inside them.
var exactColumns = map[string]string{
	"日": FieldDate, "日にち": FieldDate,
	"曜": fieldWeekday, "曜日": fieldWeekday,
	"月": fieldMonth,
}

// fieldMonth is a table's month column (月) beside a day column, as a
// sheet of a half year writes it: 10月, or 10 shown as 10月, once for
// the month's rows (merged over them). It is not among FieldNames.
const fieldMonth = "month"

// monthCell matches a month column's cell: 10月, １２, 1.
var monthCell = regexp.MustCompile(`^([0-9０-９]{1,2})\s*月?$`)

var (
	// bareDays is a day cell of a month table: 3, 15・16, 28～31.
	bareDays = regexp.MustCompile(`^[0-9０-９]{1,2}(?:\s*[・、,，～〜~\-－]\s*[0-9０-９]{1,2})*$`)
	dayNum   = regexp.MustCompile(`[0-9０-９]{1,2}`)
	weekday  = regexp.MustCompile(`[日月火水木金土]`)
)

// dayOfMonth is a day cell that writes the day with its unit: 21日（水）.
var dayOfMonth = regexp.MustCompile(`^\s*[0-9０-９]{1,2}\s*日`)

// dayCellDate writes a month table's day cell as a date: 3 and 木 →
// 3日（木）, 15・16 and 火・水 → 15日（火）・16日（水）. The weekdays go with
// the days when there are as many of each; a holiday mark (祝) is left out.
// A cell that is not a bare day is returned as it is.
func dayCellDate(day, wday string) string {
	day = strings.TrimSpace(day)
	if !bareDays.MatchString(day) {
		return day
	}
	w := strings.NewReplacer("曜日", "", "曜", "", "祝", "", "休", "").Replace(wday)
	wdays := weekday.FindAllString(w, -1)
	days := dayNum.FindAllStringIndex(day, -1)
	if len(wdays) != len(days) {
		wdays = nil
	}
	var b strings.Builder
	last := 0
	for i, loc := range days {
		b.WriteString(day[last:loc[1]])
		b.WriteString("日")
		if wdays != nil {
			b.WriteString("（" + wdays[i] + "）")
		}
		last = loc[1]
	}
	b.WriteString(day[last:])
	return b.String()
}

// rowDayCell is the cell of a table row under its date column, and the
// date it writes when the cell is a bare day with the weekday column
// beside it (3 / 木 → 3日（木）); ok is false for a row of another set or a
// cell that is no bare day.
func rowDayCell(s *recordSet, r *record) (cell *html.Node, date string, ok bool) {
	if s.columns == nil || len(r.nodes) != 1 {
		return nil, "", false
	}
	cells := elementChildren(r.nodes[0])
	wday, month := "", ""
	for i, f := range s.columns {
		if f == fieldWeekday && i < len(cells) {
			wday = cellText(cells[i])
		}
		if f == fieldMonth && i < len(cells) {
			if m := monthCell.FindStringSubmatch(cellText(cells[i])); m != nil {
				month = m[1] + "月"
			}
		}
	}
	for i, f := range s.columns {
		if f != FieldDate || i >= len(cells) {
			continue
		}
		v := cellText(cells[i])
		if !bareDays.MatchString(v) {
			// A day written with its unit and weekday beside the month
			// column: 10月 | 21日（水）, 11月 | 7日（土）～8日（日）.
			if !dayOfMonth.MatchString(v) || strings.Contains(v, "月") {
				return nil, "", false
			}
			if month == "" {
				// 12月2日（水） then 9日（水）, 16日（水）: the rows under a
				// row with its month are in that month.
				month = monthAbove(r.nodes[0], i)
			}
			if month == "" {
				return nil, "", false
			}
			return cells[i], month + normSpace(v), true
		}
		if month == "" {
			month = rowsMonth(r.nodes[0])
		}
		return cells[i], month + dayCellDate(v, wday), true
	}
	return nil, "", false
}

// monthAbove is the month the nearest row above tr writes in its cell i
// (12月2日（水）), or "".
func monthAbove(tr *html.Node, i int) string {
	for p := tr.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type != html.ElementNode || p.Data != "tr" {
			continue
		}
		cells := elementChildren(p)
		if i >= len(cells) {
			continue
		}
		if m := leadingMonth.FindStringSubmatch(cellText(cells[i])); m != nil {
			return m[1] + "月"
		}
	}
	return ""
}

// leadingMonth is a cell's date that opens with its month: 12月2日（水）,
// 2026年12月2日.
var leadingMonth = regexp.MustCompile(`^\s*(?:(?:19|20)[0-9]{2}\s*年\s*)?([0-9０-９]{1,2})\s*月\s*[0-9０-９]{1,2}\s*日`)

// monthRow matches the text of a row that heads a month's rows in a
// year's table: １２月, 2027年1月.
var monthRow = regexp.MustCompile(`^(?:(?:19|20)[0-9]{2}\s*年\s*)?([0-9０-９]{1,2})\s*月$`)

// rowsMonth is the month a row of a year's table falls in when the table
// heads each month's rows with a row of one cell (<th colspan="6">１０月</th>):
// the nearest such row above it, or "".
func rowsMonth(tr *html.Node) string {
	for p := tr.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type != html.ElementNode || p.Data != "tr" {
			continue
		}
		cells := elementChildren(p)
		if len(cells) != 1 {
			continue
		}
		if m := monthRow.FindStringSubmatch(strings.ReplaceAll(cellText(cells[0]), " ", "")); m != nil {
			return m[1] + "月"
		}
	}
	return ""
}

// titleNotes splits a table row's title cell into its title and the notes
// written under it or after it: a line (or the rest of a line) from ※ on,
// and a line after the first wholly in brackets (（先輩起業家のお話と座談会）)
// unless it says who the event is for (（会員限定）) or the first line is a
// kind of a few characters it names (先進地視察研修 / （石川県金沢市方面）):
// then it is the title's.
// The notes may change that row's hours, room or status (see rowNote); they
// are no part of the title. A status mark (【中止】) is the title's.
func titleNotes(text string) (title string, notes []string) {
	var parts []string
	for _, line := range strings.Split(text, "\n") {
		line = normSpace(line)
		if line == "" {
			continue
		}
		if len(parts) == 1 && inBrackets(line) && (audienceNote(line) || utf8.RuneCountInString(parts[0]) <= 8 && namingLine(line)) {
			// 決算説明会 / （12月・1月決算法人対象）: who it is for, written
			// under the name, is the name's as it is after it. So is the
			// line that names what a name of a few characters only kinds:
			// 部会員交流会 / （ボジョレー・ヌーボーを楽しむ会）.
			parts[len(parts)-1] += line
			continue
		}
		if len(parts) > 0 && (inBrackets(line) || creditLine(line) || detailLine(line)) {
			notes = append(notes, line)
			continue
		}
		if i := strings.Index(line, "※"); i >= 0 && (i > 0 || len(parts) > 0) {
			if note := strings.TrimSpace(line[i:]); note != "※" {
				notes = append(notes, note)
			}
			line = strings.TrimSpace(line[:i])
		}
		if line != "" {
			parts = append(parts, line)
		}
	}
	return cleanTitle(strings.Join(parts, " ")), notes
}

// namingLine says whether a line in brackets under a title names what it
// is (（ボジョレー・ヌーボーを楽しむ会）, （石川県金沢市方面）) rather than
// giving a detail (（会費：3,000円）, （一般市民対象・予約不要）) or its agenda
// (（規約の改正について）).
func namingLine(line string) bool {
	t := strings.Trim(line, "（）()")
	return !detailLine(t) && !strings.HasSuffix(t, "について") && !strings.HasSuffix(t, "の件") && !strings.ContainsAny(t, "。、") &&
		!containsAny(t, []string{"予約", "不要", "申込", "先着", "定員", "無料"})
}

// audienceNote says whether a line in brackets says who an event is for,
// and only that: （会員限定）, （ドライバー向け）, （12月・1月決算法人対象）,
// not （一般市民対象・予約不要）.
func audienceNote(line string) bool {
	t := strings.TrimRight(line, "）)")
	return strings.HasSuffix(t, "対象") || strings.HasSuffix(t, "限定") || strings.HasSuffix(t, "向け")
}

// creditLabel starts a line that credits who holds or speaks at the
// meeting: 共催：…, 講師：…, 主催／…, 講師　税理士　例山 氏, 進行　研修部.
var creditLabel = regexp.MustCompile(`^(?:共催|主催|後援|協力|協賛|講師|講演者|報告者|登壇者?|進行)\s*[：:／/　 ]`)

// detailLine says whether a line under a title gives a detail of the
// event rather than more of its name: a label and its value (見学先：…,
// 会費 5,000円), or the hours of its parts (講演会 16:00～17:30／懇親会 17:45～19:30).
func detailLine(line string) bool {
	return shortLabel.MatchString(line) || feeLine.MatchString(line) || clockTimes.MatchString(line) && strings.ContainsAny(line, "～〜~-－")
}

// feeLine is a line of the fee, its label before the sum without a
// colon: 会費 5,000円, 参加費 無料.
var feeLine = regexp.MustCompile(`^(?:会費|参加費|受講料|費用|懇親会費)\s*[0-9０-９無￥¥]`)

// shortLabel opens a line with a label of a few characters and a colon.
var shortLabel = regexp.MustCompile(`^[^：:「」（）()]{1,6}[：:]`)

// creditLine says whether a line under a title only credits its
// organisers or speaker (共催：北大阪事業承継・引継ぎ支援ネットワーク).
func creditLine(line string) bool { return creditLabel.MatchString(line) }

// inBrackets says whether a line is wholly in one pair of brackets.
func inBrackets(line string) bool {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if strings.HasPrefix(line, br[0]) && strings.HasSuffix(line, br[1]) && strings.Count(line, br[0]) == 1 {
			return true
		}
	}
	return false
}

// notHoursWords before a time in a note say it is not the meeting's hours:
// when the doors open, the party after, a deadline.
var notHoursWords = []string{"受付", "開場", "開門", "入場", "集合", "懇親会", "二次会", "締切", "締め切り", "申込", "申し込み"}

// fieldRoom is a room a row's note names for that meeting alone (※この回の
// み 3階 サファイアの間): within the building of the venue stated for every
// row. It is not among FieldNames.
const fieldRoom = "room"

// floorAt finds the floor in a venue (… 2階 …, 3F): the building is what
// stands before it.
var floorAt = regexp.MustCompile(`(?:^|\s)(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:階|[FＦ])`)

// rowNote applies one note of a schedule's row to the row's fields: the
// labels it writes (会場：…), the hours it gives that meeting (※この回は午後5時
// ～午後8時30分, ※拡大版のため 6:45～9:00), a room or place for that meeting
// alone (※この回のみ 3階 サファイアの間), the status it announces (講師の都合
// により中止となりました).
func rowNote(f Fields, note string) {
	for k, x := range inlineLabels(note) {
		f[k] = x
	}
	if d := postponedTo(note); d != "" {
		// ※…令和9年1月27日(水)10:00-12:00に延期いたします: the meeting
		// takes place on the new date; the row's is no longer its.
		f[FieldDate] = d
		delete(f, FieldTime)
	}
	if t := noteHours(note); t != "" {
		f[FieldTime] = t
	}
	if place := notePlace(note); place != "" {
		if loc := floorAt.FindStringIndex(place); loc != nil && loc[0] == 0 {
			f[fieldRoom] = place
		} else {
			f[FieldVenue] = place
		}
	}
	if st, ok := statusIn(note); ok {
		f[FieldStatus] = statusWord(st)
	} else if w := statusNotice(note); w != "" {
		f[FieldStatus] = w // 講話者の都合により中止となりました
	}
}

var (
	// postponedWords follow the new date of a postponed meeting.
	postponedWords = []string{"に延期", "へ延期", "に日程変更", "へ日程変更"}
	// trailingDay is a date (and hours) at the end of a text, the year
	// optional: 令和9年1月27日(水)10:00-12:00.
	trailingDay = regexp.MustCompile(`(?:(?:令和|平成)\s*[0-9０-９元]{1,2}\s*年\s*|(?:19|20)[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日[^、。，,]{0,30}$`)
)

// postponedTo is the new date a note moves its meeting to (※講師の都合によ
// り、令和9年1月27日(水)10:00-12:00に延期いたします), or "".
func postponedTo(note string) string {
	for _, w := range postponedWords {
		i := strings.Index(note, w)
		if i < 0 {
			continue
		}
		if d := trailingDay.FindString(strings.TrimSpace(note[:i])); d != "" {
			return strings.TrimSpace(d)
		}
	}
	return ""
}

// anyDay is the day a time alone is read on.
var anyDay = time.Date(2001, 1, 1, 0, 0, 0, 0, jpdate.Tokyo)

// noteHours reads the hours a note gives its meeting, as 17:00～20:30: a
// range, or a start alone when the note says it is for this meeting only
// (この回は午後5時から). A time that follows 受付, 開場, 懇親会 … is not the
// meeting's.
func noteHours(note string) string {
	lead := note
	if i := strings.IndexAny(note, "0123456789０１２３４５６７８９"); i >= 0 {
		lead = note[:i]
	}
	if i := strings.Index(lead, "午"); i >= 0 {
		lead = lead[:i]
	}
	if containsAny(lead, notHoursWords) {
		return ""
	}
	sp, err := jpdate.ParseTime(note, anyDay)
	if err != nil {
		return ""
	}
	if sp.End.IsZero() {
		if !oneTimeOnly(note) {
			return ""
		}
		return sp.Start.Format("15:04") + "～"
	}
	if !sameDate(sp.Start, sp.End) {
		return ""
	}
	return sp.Start.Format("15:04") + "～" + sp.End.Format("15:04")
}

// notePlace is the place a note names for its meeting alone: ※この回のみ
// 3階 サファイアの間, 当日のみ 別館ホール. A note that does not say it is
// for this meeting only, or names no place, gives "".
func notePlace(note string) string {
	if !oneTimeOnly(note) {
		return ""
	}
	if m := quotedPlace.FindStringSubmatch(note); m != nil {
		// ※第50回のみ会場が「ホテル… 3F 芙蓉の間」（住所）となります.
		return strings.TrimSpace(m[1])
	}
	rest := strings.TrimSpace(strings.TrimLeft(normSpace(note), "※＊* "))
	for _, lead := range []string{"この回のみ", "今回のみ", "当日のみ", "この日のみ", "この回は", "今回は"} {
		rest = strings.TrimSpace(strings.TrimPrefix(rest, lead))
	}
	rest = strings.TrimLeft(rest, "、，,:： ")
	if rest == "" || utf8.RuneCountInString(rest) > 40 || strings.ContainsAny(rest, "0123456789０１２３４５６７８９") && floorAt.FindStringIndex(rest) == nil {
		return ""
	}
	if f, _ := labelledLine(rest); f != "" {
		return "" // 会場：… is read as a label
	}
	if _, err := jpdate.ParseTime(rest, anyDay); err == nil {
		return ""
	}
	if !containsAny(strings.ToLower(rest), placeWords) && !strings.HasSuffix(rest, "の間") {
		return ""
	}
	if i := strings.IndexAny(rest, "（("); i > 0 {
		rest = strings.TrimSpace(rest[:i]) // （エレベーター前に案内あり）
	}
	return rest
}

// quotedPlace is a place a note names in brackets after 会場: 会場が「…」,
// 会場は「…」.
var quotedPlace = regexp.MustCompile(`(?:会場|場所)\s*(?:が|は|を)?\s*[:：]?\s*「([^」]{2,40})」`)

// lineNotes are the notes a block of text lines writes: each line's part
// from ※ on (第50回 … 50回記念パーティー ※2月1日より受付開始 / ※第50回のみ
// 会場が「…」となります).
func lineNotes(lines []pageLine) []string {
	var out []string
	for _, ln := range lines {
		if i := strings.Index(ln.text, "※"); i >= 0 {
			out = append(out, strings.TrimSpace(ln.text[i:]))
		}
	}
	return out
}

// roomIn puts a room a note names (3階 サファイアの間) in the building of
// the venue every row shares (ホテルベイサイド大阪 2階 ルビーの間 →
// ホテルベイサイド大阪 3階 サファイアの間); without a building before a
// floor there, the room stands alone.
func roomIn(venue, room string) string {
	if loc := floorAt.FindStringIndex(venue); loc != nil && loc[0] > 0 {
		return strings.TrimSpace(venue[:loc[0]]) + " " + room
	}
	return room
}

var (
	// themeLabel is the theme a schedule's line gives its meeting:
	// テーマ「苦難は幸福の門」, 演題「…」.
	themeLabel = regexp.MustCompile(`(?:テーマ|演題)\s*[：:]?\s*「(.+?)」`)
	// roundNumber is a meeting's number at the start of its line: 第47回.
	roundNumber = regexp.MustCompile(`^第\s*[0-9０-９]+\s*回`)
	// inlineDate is a date written inside a line, after a meeting's
	// number (第47回　2026年12月18日(金)).
	inlineDate = regexp.MustCompile(`(?:(?:(?:19|20)[0-9]{2}|(?:令和|平成)\s*(?:[0-9０-９]{1,2}|元))\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:[（(][^）)]{1,4}[）)])?`)
	// tailCount is the attendance a past meeting's line ends with
	// (参加者41名).
	tailCount = regexp.MustCompile(`\s+(?:参加者?|参加人数)\s*[：:]?\s*[0-9０-９]+\s*名(?:様)?$`)
	// speakerLabel starts the speaker's part of a line (講師：…).
	speakerLabel = regexp.MustCompile(`\s*(?:講師|講演者|報告者|話題提供|スピーカー)\s*[：:]`)
)

// tailStatusWords end a schedule line after its name: the state of its
// bookings, which the status (or nothing) says, not the title.
var tailStatusWords = []string{"残りわずか", "残席わずか", "残席僅か", "残りわずか！", "満席", "満員", "受付中", "募集中", "受付終了", "募集終了", "締切", "終了"}

// scheduleTitle is the name of a meeting as a schedule's one-line row
// writes it among the rest: the row's theme (テーマ「…」) after its number
// (第49回), else what is left when its date and hours, its speaker (講師：…),
// its notes (※…), its booking state (満席, 受付中) and its attendance
// (参加者41名) are taken away.
func scheduleTitle(title string) string {
	t := normSpace(title)
	if i := strings.Index(t, "※"); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	if loc := inlineDate.FindStringIndex(t); loc != nil && !heldOnMark.MatchString(t) {
		// Not a date a bracket marks as the day it is held (（1月23日
		// （土）開催）): that is part of the name as the row writes it.
		before := strings.TrimSpace(t[:loc[0]])
		after := strings.TrimLeft(t[loc[1]:], " 　")
		if rest, clock := cutTitleTime(after); clock != "" {
			after = rest
		}
		t = strings.TrimSpace(before + " " + after)
	}
	if m := themeLabel.FindStringSubmatch(t); m != nil {
		theme := strings.TrimSpace(m[1])
		if n := roundNumber.FindString(cleanTitle(t)); n != "" {
			return n + " " + theme
		}
		return theme
	}
	if loc := speakerLabel.FindStringIndex(t); loc != nil && loc[0] > 0 {
		t = strings.TrimSpace(t[:loc[0]])
	}
	for {
		u := tailCount.ReplaceAllString(t, "")
		for _, w := range tailStatusWords {
			if r, ok := strings.CutSuffix(u, w); ok && (strings.HasSuffix(r, " ") || strings.HasSuffix(r, "　")) {
				u = strings.TrimSpace(r)
			}
		}
		if u == t || u == "" {
			break
		}
		t = u
	}
	return cleanTitle(t)
}

// gatherAndPart is a tour's hours as a schedule writes them: when it
// gathers and when it parts (8:30集合 17:30頃解散).
var gatherAndPart = regexp.MustCompile(`^\s*([0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2})\s*(?:集合|出発|開始|スタート)\s*([0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2})\s*頃?\s*(?:解散|終了|帰着|着)`)

// gatherHours reads a time cell that gives a tour's gathering and parting
// times as the range they are (8:30～17:30); any other cell stays as it is.
func gatherHours(v string) string {
	if m := gatherAndPart.FindStringSubmatch(v); m != nil {
		return m[1] + "～" + m[2]
	}
	return v
}

// gatheringOnly says whether a time cell gives only when to gather (8:30
// 新大阪駅集合, 7:45集合): a tour's meeting time, not the event's hours, when
// no start or parting time follows it.
func gatheringOnly(v string) bool {
	if !strings.Contains(v, "集合") || containsAny(v, []string{"開始", "スタート", "開演", "開会", "解散"}) {
		return false
	}
	sp, err := jpdate.ParseTime(v, anyDay)
	return err == nil && sp.End.IsZero()
}

// placeLabelPrefix is a short label before a place in its cell (見学先：…).
var placeLabelPrefix = regexp.MustCompile(`^([^\s：:0-9０-９]{1,5})\s*[：:]\s*`)

// venueCell is a venue cell's place: a short label before it (見学先：) and
// a bracketed note under it that is labelled (（集合：…駅 北口、貸切バスにて移
// 動）) left out; an address under it stays, for the address to be split
// off.
func venueCell(text string) string {
	var keep []string
	for i, line := range strings.Split(text, "\n") {
		line = normSpace(line)
		if line == "" {
			continue
		}
		if i == 0 || len(keep) == 0 {
			if m := placeLabelPrefix.FindStringSubmatch(line); m != nil && (labelField(m[1]) == "" || labelField(m[1]) == FieldVenue) && len(line) > len(m[0]) {
				line = line[len(m[0]):]
			}
		} else if inBrackets(line) && placeLabelPrefix.MatchString(strings.TrimLeft(line, "（(")) {
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, " ")
}

// maxRowspan bounds the rows one merged cell is copied into.
const maxRowspan = 60

// spreadRowspans copies each table cell merged over the rows below it
// (rowspan, as a sheet merges a month's cells) into those rows, in its
// column: each row then holds all its cells, as the header names them.
// Only short cells are copied (a month, a date, a venue), and the title
// the header names: a long one is a note beside the rows, not their
// field.
func spreadRowspans(root *html.Node) {
	walkElements(root, func(n *html.Node) bool {
		if n.Data == "table" {
			spreadTable(n)
		}
		return true
	})
}

// spreading is a merged cell still to be copied into the rows below.
type spreading struct {
	cell *html.Node
	left int
}

func spreadTable(t *html.Node) {
	rows := tableRows(t)
	var header []string // the fields the header row names, by column
	for _, tr := range rows {
		cells := elementChildren(tr)
		if len(cells) >= 2 && !slices.ContainsFunc(cells, func(c *html.Node) bool { return c.Data != "th" }) {
			for _, c := range cells {
				for range spanOf(c, "colspan") {
					header = append(header, columnField(blockText(c)))
				}
			}
			break
		}
	}
	active := map[int]*spreading{} // by column
	var prev *html.Node            // the row above, its merged cells in place
	for _, tr := range rows {
		if len(active) == 0 && !hasRowspan(tr) {
			prev = tr
			continue
		}
		if continuedDay(tr, active, prev) {
			// The second day of a two-day event (先進地視察研修 over 18
			// and 19, its name, place and note merged over both): its
			// day ends the row above's, not a second event.
			for col, sp := range active {
				if sp.left--; sp.left == 0 {
					delete(active, col)
				}
			}
			tr.Parent.RemoveChild(tr)
			continue
		}
		prev = tr
		col := 0
		cells := elementChildren(tr)
		for i := 0; i < len(cells) || hasSpanFrom(active, col); {
			if sp := active[col]; sp != nil {
				copyCell := cloneTree(sp.cell)
				if i < len(cells) {
					tr.InsertBefore(copyCell, cells[i])
				} else {
					tr.AppendChild(copyCell)
				}
				if sp.left--; sp.left == 0 {
					delete(active, col)
				}
				col += spanOf(sp.cell, "colspan")
				continue
			}
			if i == len(cells) {
				col++ // a gap before a merged cell further right
				continue
			}
			c := cells[i]
			i++
			if rs := spanOf(c, "rowspan"); rs > 1 && (utf8.RuneCountInString(cellText(c)) <= 40 || col < len(header) && header[col] == FieldTitle) {
				// (A long cell under a header naming it the title, 研修名,
				// is the rows' title: 経営セミナー「…」 over its 午前の部
				// and 午後の部.)
				active[col] = &spreading{cell: c, left: min(rs, maxRowspan) - 1}
			}
			col += spanOf(c, "colspan")
		}
	}
}

// dayCell is a cell that holds only a day of the month or a weekday.
var dayCell = regexp.MustCompile(`^(?:[0-9０-９]{1,2}日?|[月火水木金土日](?:曜日?)?|[（(][月火水木金土日][）)])$`)

// continuedDay reports whether tr holds only a day (and its weekday) while
// cells merged from above give it everything else, a title among them
// (a cell longer than a date's): then its day is the last of the event
// of the row above, prev, and is written into prev's day cell (18 →
// 18～19).
func continuedDay(tr *html.Node, active map[int]*spreading, prev *html.Node) bool {
	if prev == nil || len(active) < 2 {
		return false
	}
	titled := false
	for _, sp := range active {
		if utf8.RuneCountInString(cellText(sp.cell)) > 6 {
			titled = true
		}
	}
	own := elementChildren(tr)
	if !titled || len(own) == 0 {
		return false
	}
	var day *html.Node
	for _, c := range own {
		t := normSpace(cellText(c))
		if !dayCell.MatchString(t) {
			return false
		}
		if dayNum.MatchString(t) {
			if day != nil {
				return false
			}
			day = c
		}
	}
	if day == nil {
		return false
	}
	// The day's column in tr, then the cell of prev in that column.
	col := 0
	for _, c := range own {
		for hasActive(active, col) {
			col++
		}
		if c == day {
			break
		}
		col += spanOf(c, "colspan")
	}
	at := 0
	for _, c := range elementChildren(prev) {
		if at == col {
			t := normSpace(cellText(c))
			if !dayCell.MatchString(t) {
				return false
			}
			c.AppendChild(&html.Node{Type: html.TextNode, Data: "～" + strings.TrimSuffix(normSpace(cellText(day)), "日")})
			return true
		}
		at += spanOf(c, "colspan")
	}
	return false
}

func hasActive(active map[int]*spreading, col int) bool {
	_, ok := active[col]
	return ok
}

func hasRowspan(tr *html.Node) bool {
	for _, c := range elementChildren(tr) {
		if spanOf(c, "rowspan") > 1 {
			return true
		}
	}
	return false
}

func hasSpanFrom(active map[int]*spreading, col int) bool {
	for c := range active {
		if c >= col {
			return true
		}
	}
	return false
}

// spanOf is a cell's rowspan or colspan, 1 when absent or unreadable.
func spanOf(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, 1000)
}

// cloneTree is a deep copy of n without its rowspan: a cell of its own row.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace}
	for _, a := range n.Attr {
		if a.Key != "rowspan" {
			c.Attr = append(c.Attr, a)
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
