package crawler

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// ErrNotEvent is wrapped by the error AutoEvent returns for a page that
// holds no event: a notice, a newsletter, a report of what took place, a
// page with no event date. Its message says which.
var ErrNotEvent = errors.New("not an event")

// errNoEventDate is the ErrNotEvent of a page that writes no date that
// can be its event's.
var errNoEventDate = fmt.Errorf("%w: no event date on the page", ErrNotEvent)

func notEvent(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNotEvent, fmt.Sprintf(format, args...))
}

// AutoEvent reads an event page without selectors, as AutoDetail does, and
// goes on where the page has no schema.org JSON-LD and no 日時 label: it
// finds the event's date among every date the page writes (a styled date
// paragraph, a <time> element, og:title, a sentence of the text), leaving
// out the dates that are not the start — when the post was published, an
// application deadline, office hours, the sidebar's other events — and
// gives a date without a time the time a line of its own states (開場
// 18:00 / 開始 18:30). An event in several parts, or one whose closing time
// stands apart (閉会 20:00), gets its end. ref is when the page was read.
//
// A page that is not an event — a notice of closure or of a move, a
// newsletter, a report of a gathering that took place, a page with no
// event date — is an error wrapping ErrNotEvent, with the reason.
func AutoEvent(doc *goquery.Document, pageURL *url.URL, ref time.Time) (Fields, error) {
	f, err := autoEvent(doc, pageURL, ref, nil)
	delete(f, fieldLDConflict)
	return f, err
}

// autoEvent is AutoEvent knowing what the list said of the event (list,
// nil when nothing): a date the list showed that may be the posting date
// is not taken for the start; a time the list gave completes a page that
// names the day only; the venue as the list names it wins over the same
// venue followed by its address in brackets.
func autoEvent(doc *goquery.Document, pageURL *url.URL, ref time.Time, list Fields) (Fields, error) {
	f, err := readEventPage(doc, pageURL, ref, list)
	if err != nil {
		return f, err
	}
	dropUndecided(f)
	splitAddress(f)
	if list == nil {
		return f, nil
	}
	if lv, pv := list[FieldVenue], f[FieldVenue]; lv != "" && pv != lv && strings.HasPrefix(pv, lv) {
		rest := strings.TrimSpace(strings.TrimPrefix(pv, lv))
		for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
			if inner, ok := strings.CutPrefix(rest, br[0]); ok {
				if inner, ok := strings.CutSuffix(inner, br[1]); ok && addressLike.MatchString(inner) {
					f[FieldVenue] = lv
					if f[FieldAddress] == "" {
						f[FieldAddress] = inner
					}
				}
			}
		}
	}
	if st, ok := statusIn(list[FieldStatus]); ok && st == event.StatusFull && f[FieldStatus] == "" && heldBefore(f, ref) {
		// SOLD OUT on a past event's card says only that its sales
		// closed: the event took place as planned.
		f[FieldStatus] = "終了"
	}
	if ld := list[FieldDate]; ld != "" && f[FieldTime] == "" {
		lsp, lerr := jpdate.Parse(ld, ref)
		psp, perr := jpdate.Parse(f[FieldDate], ref)
		if lerr == nil && perr == nil && psp.AllDay && !lsp.AllDay && sameDate(lsp.Start, psp.Start) {
			f[FieldDate] = ld
		}
	}
	return f, nil
}

// floorFigure is a floor of a building: 7階, ７階, 5F.
var floorFigure = regexp.MustCompile(`[0-9０-９]+\s*(?:階|F|Ｆ)`)

// floorsOnly says whether the only figures of a text are floors: a
// building and its floor (本町センタービル７階), which names the place
// rather than giving its address.
func floorsOnly(s string) bool {
	rest := floorFigure.ReplaceAllString(s, "")
	return rest != s && !strings.ContainsAny(rest, "0123456789０１２３４５６７８９XＸ") && !cityOnly.MatchString(s)
}

// splitAddress moves an address written in brackets after a venue
// (例ホテル 3階（大阪市北区中之島9-2-2）) to the address, when none is given:
// the venue is the place as a person names it.
func splitAddress(f Fields) {
	v := f[FieldVenue]
	if m := mapsAddress.FindStringSubmatchIndex(v); m != nil && m[0] > 0 {
		// 例会館, 日本、〒591-8025 大阪府堺市…: a place as Google Maps
		// writes it, the name before the address.
		f[FieldVenue] = strings.TrimSpace(v[:m[0]])
		if f[FieldAddress] == "" {
			f[FieldAddress] = strings.TrimSpace(v[m[2]:m[3]])
		}
		return
	}
	if m := spacedAddress.FindStringIndex(v); m != nil && m[0] > 0 && addressLike.MatchString(strings.TrimSpace(v[m[0]:])) {
		// カフェ&バル KOEN 大阪市西区靱本町1丁目 1F: the place, then its
		// address after a space, on one line (a caption whose line break
		// became a space).
		f[FieldVenue] = strings.TrimSpace(v[:m[0]])
		if f[FieldAddress] == "" {
			f[FieldAddress] = strings.TrimSpace(v[m[0]:])
		}
		return
	}
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(v, br[1]) {
			continue
		}
		i := strings.LastIndex(v, br[0])
		if i <= 0 {
			continue
		}
		inner := strings.TrimSpace(v[i+len(br[0]) : len(v)-len(br[1])])
		if venueAside(inner) {
			// （阪急十三駅から徒歩約10分）, （2回とも）: how to get
			// there, or a note, not part of the place.
			f[FieldVenue] = strings.TrimSpace(v[:i])
			return
		}
		if !addressLike.MatchString(inner) && !cityOnly.MatchString(inner) || floorsOnly(inner) {
			continue
		}
		f[FieldVenue] = strings.TrimSpace(v[:i])
		if f[FieldAddress] == "" {
			f[FieldAddress] = inner
		}
		return
	}
}

// spacedAddress is where an address written after a place on its line
// begins: a space, then the prefecture or a city of it (大阪市, 堺市, 東大
// 阪市 …), not inside a bracket.
var spacedAddress = regexp.MustCompile(`[ 　]+(?:大阪府|〒|\p{Han}{1,4}市\p{Han}{1,3}区|\p{Han}{1,4}市)`)

// venueAsideWords in a bracket after a place say it tells the way there
// (駅から徒歩5分, 3番出口すぐ), notes the sessions it serves (2回とも,
// 両日とも) or remarks on the place — its parking (駐車場なし), that it is
// not yet fixed (予定), the hall if it rains (雨天時は…), a change (会場が
// 変更になりました), a request (お越しください) — and is not the place. A
// building, floor or room (例ビル5F), the hall's other name, the quarter
// it is in and how it is booked (貸切) are its name as the page gives it.
var venueAsideWords = []string{"徒歩", "下車", "駅から", "駅より", "出口", "すぐ", "とも", "全回", "各回",
	"駐車", "予定", "雨天", "荒天", "変更", "ください", "下さい"}

func venueAside(inner string) bool {
	return containsAny(inner, venueAsideWords) || otherPartPlace.MatchString(inner)
}

// otherPartPlace opens a bracket that says where another part of the event
// is held (（懇親会は同ホテル 2F レストラン）, （二次会：別会場）): the event's
// place is the one before it.
var otherPartPlace = regexp.MustCompile(`^[^、。（）()]{1,8}?(?:会|部)\s*(?:は|も|[:：])`)

// mapsAddress is the address Google Maps writes after a place's name: ", 日本、〒591-8025 大阪府…", ", 〒530-0001 …".
// The corpus writes the digits it would not print as X (〒536-00XX).
var mapsAddress = regexp.MustCompile(`\s*[,，]\s*(?:日本\s*[、,，]?\s*)?(〒\s*[0-9０-９]{3}\s*[-－−‐]\s*[0-9０-９XＸ]{4}.*)$`)

// undecided venues name no place.
var undecided = []string{"未定", "調整中", "後日", "決まり次第", "tbd", "TBD"}

func dropUndecided(f Fields) {
	if undecidedPlace(f[FieldVenue]) {
		delete(f, FieldVenue)
	}
}

// undecidedPlace says whether a venue says only that it is not decided
// yet (未定, 会場調整中, 場所：未定), or nothing at all: ～, the dash a
// row's hours leave open (19:00～).
func undecidedPlace(venue string) bool {
	v := strings.Trim(venue, "　 ()（）")
	if v != "" && !strings.ContainsFunc(v, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return true
	}
	for _, label := range []string{"会場", "場所"} {
		if rest, ok := strings.CutPrefix(v, label); ok {
			v = strings.TrimLeft(rest, "　 :：は")
		}
	}
	for _, w := range undecided {
		if v == w || strings.HasPrefix(v, w) && utf8.RuneCountInString(v) <= 8 {
			return true
		}
	}
	return false
}

// heldBefore says whether the event of f started before ref's day.
func heldBefore(f Fields, ref time.Time) bool {
	sp, err := parseDate(f[FieldDate], f[FieldTime], ref)
	return err == nil && sp.Start.Before(startOfDay(ref))
}

func sameDate(a, b time.Time) bool {
	ay, am, ad := a.In(jpdate.Tokyo).Date()
	by, bm, bd := b.In(jpdate.Tokyo).Date()
	return ay == by && am == bm && ad == bd
}

func readEventPage(doc *goquery.Document, pageURL *url.URL, ref time.Time, list Fields) (Fields, error) {
	if len(doc.Nodes) > 0 {
		keepPreWrapLines(doc.Nodes[0])
		dropMovedDates(doc.Nodes[0])
	}
	f := autoFields(doc)
	if t := listTitle(doc, f[FieldTitle], list); t != "" {
		f[FieldTitle] = t
	}
	ld := JSONLDFields(doc)
	if ld[FieldDate] == "" {
		if md := microdataFields(doc); md[FieldDate] != "" {
			ld = Merge(ld, md)
		}
	}
	if ld[FieldDate] != "" {
		if t := cmp.Or(ld[FieldTitle], f[FieldTitle]); recessNotice.MatchString(t) {
			// 【休会】年末年始 モーニングセミナーお休み: a calendar plugin
			// marks the days without meeting as an Event too.
			return f, notEvent("%q is a notice (%s) that a meeting is not held, not an event", t, recessNotice.FindString(t))
		}
		if ld[FieldVenue] == onlineVenue && strings.HasPrefix(f[FieldVenue], onlineVenue) {
			// JSON-LD says only that it is online; the page names how.
			delete(ld, FieldVenue)
		}
		if lv := ld[FieldVenue]; lv != "" {
			// JSON-LD names the building (靱本町ビジネスセンター), the
			// page's venue line the room in it too (… 3階 セミナールーム),
			// or how it is held online (オンライン（Zoom）).
			if v := cmp.Or(f[FieldVenue], classVenue(doc, ref)); v != lv && strings.HasPrefix(v, lv) && !strings.Contains(v, "。") {
				ld[FieldVenue] = v
			}
		}
		return withLD(doc, pageURL, ref, list, f, ld), nil // ldpage.go
	}
	labelled := f[FieldDate]
	out, err := readPageText(doc, pageURL, ref, list, f, ld)
	if err != nil || !sessionDate(labelled) {
		return out, err
	}
	if mf := microformatDates(doc); mf[FieldDate] != "" {
		// 日時 第1講 12月3日（木）… / 第2講 2027年1月14日（木）… on the page
		// of the second: the date the calendar marks (dtstart) is this
		// page's session.
		if sp, err := jpdate.Parse(mf[FieldDate], ref); err == nil && writesDay(doc, sp.Start, ref) {
			out[FieldDate] = mf[FieldDate]
			delete(out, FieldTime)
			delete(out, fieldEnd)
			if mf[fieldEnd] != "" {
				out[fieldEnd] = mf[fieldEnd]
			}
		}
	}
	return out, nil
}

// listTitle is the title the list gave the event when the page has no
// heading of it and its <title> names both the site and the event
// (例法人会 - 行事予定 - 年末調整説明会): of the <title>'s parts, the one
// the list names is the event's. "" when the list does not settle it.
func listTitle(doc *goquery.Document, title string, list Fields) string {
	lt := normSpace(list[FieldTitle])
	if lt == "" || lt == title {
		return ""
	}
	parts := titleParts(doc)
	if slices.Contains(parts, lt) && slices.Contains(parts, title) {
		return lt
	}
	if strings.Contains(lt, title) && namesGathering(lt) && !namesGathering(title) {
		// 第14回 税に関する絵はがきコンクール 表彰式 for the page 税に関する
		// 絵はがきコンクール: the page is about the contest, the row names
		// the gathering of it that is the event.
		return lt
	}
	if rest, ok := strings.CutPrefix(title, lt); ok && callTail.MatchString(rest) {
		// 合同企業説明会「すいたしごとフェア2027」の出展企業を募集します
		// for the list's 合同企業説明会「すいたしごとフェア2027」: the page
		// calls for those who take part in the event the list names.
		return lt
	}
	for _, w := range []string{"開催のご案内", "のご案内", "のお知らせ", "ご案内"} {
		// 11月例会のご案内 for the list's 11月例会「事業承継を考える」, or
		// its 11月例会: the page announces the meeting the list names.
		if stem, ok := strings.CutSuffix(title, w); ok && utf8.RuneCountInString(stem) >= 2 &&
			strings.HasPrefix(lt, stem) && (lt == stem || strings.ContainsAny(lt[len(stem):], "「『")) {
			return lt
		}
	}
	return ""
}

// callTail is what a page's title adds to an event's name when it calls
// for its exhibitors or its participants: の出展企業を募集します, 参加者募集.
var callTail = regexp.MustCompile(`^\s*(?:の)?\s*(?:出展|出店|参加|協賛)(?:企業|事業者|者|団体)?(?:を|の)?\s*(?:募集|ご案内)(?:します|しています|中|について)?\s*$`)

// readPageText is readEventPage's reading of the page's text, f the
// labelled fields autoFields read; ld, schema.org fields without a start,
// fill what it leaves.
func readPageText(doc *goquery.Document, pageURL *url.URL, ref time.Time, list, f, ld Fields) (Fields, error) {
	title := f[FieldTitle]
	report := reportWord(title)
	if w := noticeWord(title); w != "" && w != report {
		return f, notEvent("%q is a notice (%s), not an event", title, w)
	}
	if noticesPage(title) {
		return f, notEvent("%q is a page of notices, not an event's", title)
	}
	if m := recordingSale.FindString(title); m != "" {
		return f, notEvent("%q sells the recording of an event (%s), not a place at one", title, m)
	}
	if m := venueChange.FindString(title); m != "" {
		return f, notEvent("%q is a notice (%s) of a change to an event announced in its own post, not an event", title, m)
	}
	if m := datedCancel.FindString(title); m != "" {
		return f, notEvent("%q is a notice (%s) that the event of that day is called off, not an event", title, m)
	}
	if m := namedCancel.FindString(title); m != "" {
		return f, notEvent("%q is a notice (%s) that an event announced in its own post is called off, not an event", title, m)
	}
	if m := monthSchedule.FindString(title); m != "" {
		// 12月の商店街行事予定: the month's events listed, each announced
		// in a post of its own; the page is no one event of them.
		return f, notEvent("%q lists a month's events (%s), it is not one of them", title, m)
	}
	if m := recessNotice.FindString(title); m != "" {
		return f, notEvent("%q is a notice (%s) that a meeting is not held, not an event", title, m)
	}
	lines := pageLines(doc)
	if bookingSlots(lines, ref) {
		return f, notEvent("%q lists the hours a room or a service can be booked, not an event's", title)
	}
	if t := namedTitle(lines); t != "" {
		if mark, _, ok := strings.Cut(f[FieldTitle], "】"); ok && strings.HasPrefix(mark, "【") && !strings.Contains(t, mark+"】") {
			if _, isStatus := statusIn(mark + "】"); isStatus {
				t = mark + "】" + t // 【中止】 of the headline
			}
		}
		if w := noticeWord(t); w != "" && w != reportWord(t) {
			// 行事名 賦課金 口座振替日 under a heading every record shares.
			return f, notEvent("%q is a notice (%s), not an event", t, w)
		}
		f[FieldTitle] = t
	} else if t := markedHeadingTitle(lines); t != "" {
		f[FieldTitle] = t
	} else {
		f[FieldTitle] = statusMarkDate(f[FieldTitle])
	}
	if f[FieldVenue] == "" {
		if v := onlineForm(lines); v != "" {
			f[FieldVenue] = v
		}
	}
	posted := postingDates(doc, lines, ref)
	if d := list[fieldListDate]; d != "" {
		// The list showed this date and it may be when the post was
		// published: not the start unless the page labels it so.
		if sp, err := jpdate.Parse(d, ref); err == nil {
			posted[sp.Start.Format("2006-01-02")] = true
		}
	}
	if m := compactDate.FindStringSubmatch(strings.TrimSpace(f[FieldDate])); m != nil {
		// 20261217: a date field a CMS prints unformatted.
		f[FieldDate] = fmt.Sprintf("%s年%s月%s日", m[1], strings.TrimPrefix(m[2], "0"), strings.TrimPrefix(m[3], "0"))
	}
	if start, end, ok := dayHours(f[FieldDate], ref); ok && f[fieldEnd] == "" {
		// As timestamps: the first day's own close is not the event's.
		f[FieldDate], f[fieldEnd] = start.Format(time.RFC3339), end.Format(time.RFC3339)
		delete(f, FieldTime)
	}
	if d := f[FieldDate]; d != "" && !usableDate(d, ref) {
		delete(f, FieldDate)
	}
	if t := f[FieldTime]; t != "" {
		if _, err := jpdate.ParseTime(t, ref); err != nil {
			delete(f, FieldTime) // a 時間 column's header, not a time
			if f[FieldDate] == "" && allDayDates(t, ref) {
				// 時間: 2027年2月9日（火） - 2月10日（水） (終日): a
				// calendar plugin's days, all day, under its 時間 row.
				f[FieldDate] = t
			}
		}
	}
	if d := f[FieldDate]; d != "" && f[FieldTime] == "" {
		if sp, err := jpdate.Parse(d, ref); err == nil && sp.AllDay {
			if t := clockLines(lines, d); t != "" {
				f[FieldTime] = t
			} else if hours := sameDayHours(lines, sp, ref); hours != "" {
				f[FieldDate] = hours
			}
		}
	}
	after := "" // what the text says after the date: 午後8時30分終了予定です
	if f[FieldDate] == "" && availabilityGrid(lines) {
		// 12/7(月) … 12/11(金) over 10:00 × ○ ○ ○ ○ / 10:30 …: when a
		// consultation can be booked, not an event.
		return f, notEvent("%q shows free slots to book (○ ×), not an event", title)
	}
	if f[FieldDate] == "" {
		c := bestDate(lines, headLines(doc), posted, ref)
		if c == nil {
			return f, errNoEventDate
		}
		f[FieldDate] = c.text
		if f[FieldTime] == "" && !c.timed {
			if t := timeLine(lines, c.line); t != "" {
				f[FieldTime] = t
			}
		}
		if f[FieldVenue] == "" {
			if v := proseVenue(lines, c.line); v != "" {
				f[FieldVenue] = v
			} else if v := classVenue(doc, ref); v != "" {
				f[FieldVenue] = v
			}
		}
		after = c.after
	}
	if f[FieldVenue] == "" {
		// 11月29日（日）に例カントリー倶楽部にて開催を予定しておりまし
		// た…は中止: a cancellation's sentence names the place.
		f[FieldVenue] = plannedPlace(f[FieldDate])
	}
	if f[FieldVenue] == "" {
		// 日時：1/15(金) 19時〜21時 labelled, the place said once in a
		// sentence for all the post's meetings: …場所は梅田の貸会議室です.
		f[FieldVenue] = saidVenue(lines)
		if f[FieldVenue] == "" {
			delete(f, FieldVenue)
		}
	}
	if e := f[fieldEnd]; e != "" {
		// 終了: 2026年12月5日 5:00 PM, or a time alone on the start's day.
		f[fieldEnd] = ""
		if start, err := parseDate(f[FieldDate], f[FieldTime], ref); err == nil {
			if sp, err := jpdate.Parse(e, ref); err == nil && sp.Start.After(start.Start) {
				f[fieldEnd] = sp.Start.Format(time.RFC3339)
			} else if t, err := jpdate.ParseTime(e, start.Start); err == nil && t.Start.After(start.Start) {
				f[fieldEnd] = t.Start.Format(time.RFC3339)
			}
		}
		if f[fieldEnd] == "" {
			delete(f, fieldEnd)
		}
	}
	if f[fieldEnd] == "" {
		if end := partsEnd(f[FieldDate], f[FieldTime], after, ref); !end.IsZero() {
			// The start as a timestamp: the first part's own end (14:30 of
			// 第1部 13:00～14:30) is not the event's.
			if sp, err := parseDate(f[FieldDate], f[FieldTime], ref); err == nil {
				f[FieldDate] = sp.Start.Format(time.RFC3339)
				delete(f, FieldTime)
			}
			f[fieldEnd] = end.Format(time.RFC3339)
		}
	}
	if ld != nil {
		f = Merge(f, ld)
	}
	if sp, err := jpdate.Parse(f[FieldDate], ref); err == nil && sp.AllDay && sp.End.Sub(sp.Start) > maxEventSpan {
		// 2027年4月1日～2028年3月31日の1年間: a membership's or a
		// campaign's term, not days someone goes to.
		return f, notEvent("%q spans %s to %s, a term rather than an event", title, sp.Start.Format("2006-01-02"), sp.End.Format("2006-01-02"))
	}
	if postponeNotice.MatchString(title) {
		// 経営勉強会 延期のお知らせ that gives the new day: the event on
		// that day is the meeting it names (11月19日（木）に予定しておりまし
		// た第3回 経営勉強会「SNS活用術」は…延期), scheduled there.
		for _, l := range pageLines(doc) {
			if m := postponedName.FindStringSubmatch(normSpace(l.text)); m != nil {
				f[FieldTitle] = strings.TrimSpace(m[1])
				f[FieldStatus] = "新しい日程" // no status word: held then, as planned
				break
			}
		}
	}
	if report != "" {
		// A report announces an event only when the date it names is
		// still to come (the next meeting); else it tells of one past.
		sp, err := parseDate(f[FieldDate], f[FieldTime], ref)
		if err != nil || sp.Start.Before(startOfDay(ref)) {
			return f, notEvent("%q reports on an event that took place (%s), not an event", title, report)
		}
		if day, err := parseDate(f[FieldDate], "", ref); (sp.AllDay || err == nil && day.AllDay && reportTitleOnly(title)) && f[FieldVenue] == "" ||
			reportTitleOnly(title) && report == "報告" {
			// 次回は12月9日（水）です: the next meeting named in passing,
			// announced in its own post; its hours are not those the
			// page states elsewhere (a header's 毎週火曜日 朝6:00～7:00)
			// when the title only reports. A title that is a meeting
			// and 報告 (11月例会 報告) says no more, whatever hours and
			// hall the sentence gives.
			return f, notEvent("%q reports on an event that took place (%s) and names only the next date", title, report)
		}
	}
	return f, nil
}

// postponeNotice is the title of a post that moves an event to a later day it
// gives (延期のお知らせ, 日程変更について); postponedName the sentence that
// names the event, its first group the name.
var (
	postponeNotice = regexp.MustCompile(`(?:延期|日程変更)(?:の)?(?:お知らせ|について|のご案内)`)
	postponedName  = regexp.MustCompile(`予定(?:して)?(?:おりました|いた|しておりました|されていた)\s*(.{2,60}?)\s*(?:は|を)[、,\s]?.{0,60}?(?:延期|日程を変更|日程変更)`)
)

// reportTitleOnly says whether a report's title names nothing to come:
// 11月の経営者の集いを開催しました, not 開催報告と次回のご案内.
func reportTitleOnly(title string) bool {
	return !containsAny(title, []string{"次回", "ご案内", "お知らせ", "予定", "募集"})
}

// allDayDates says whether text is days and says so: 終日 with a date.
func allDayDates(text string, ref time.Time) bool {
	if !strings.Contains(text, "終日") {
		return false
	}
	sp, err := jpdate.Parse(text, ref)
	return err == nil && sp.AllDay
}

// maxEventSpan is the longest an event's days run: a trade fair's week, an
// exhibition's season.
const maxEventSpan = 92 * 24 * time.Hour

var compactDate = regexp.MustCompile(`^((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$`)

// onlineVenue is the venue JSON-LD gives an event held online.
const onlineVenue = "オンライン"

// usableDate says whether a labelled date text reads as a day.
func usableDate(text string, ref time.Time) bool {
	sp, err := jpdate.Parse(text, ref)
	return err == nil || errors.Is(err, jpdate.ErrWeekday) && !sp.Start.IsZero()
}

// noticeWords, in a page's title, say it is a notice or a newsletter,
// whatever dates it names (a closure from 12月29日 to 1月3日, the day an
// office moves). weakNotices say so only when the title names no
// gathering: 人事 in 人事評価制度セミナー, 求人 in 求人票の書き方 勉強会 are
// the theme.
var (
	noticeWords = []string{
		"休業", "休館", "休所", "休診", "臨時休", "年末年始", "夏季休暇", "お盆休み", "営業時間", "開館時間", "業務時間",
		"移転", "住所変更", "電話番号", "メールアドレス変更",
		"会報", "ニュースレター", "メールマガジン", "メルマガ", "号を発行", "発行しました", "掲載されました", "掲載のお知らせ",
		"結果発表", "受賞",
		// an announcement posted again (its event is the first post's),
		// a member's death (its 通夜 and 告別式 are no gathering of the
		// listing)
		"【再掲】", "訃報",
		"口座振替", "引落日", "引き落とし日",
		// the month's tax deadlines
		"税務カレンダー", "納税カレンダー",
	}
	weakNotices = []string{"キャンペーン", "販売", "採択", "公募", "求人", "採用情報", "入会案内", "会員募集", "役員", "人事",
		"メンテナンス", "障害", "システム", "サイトリニューアル", "ホームページ",
		// a grant's applications, a counter or a machine out of service,
		// a rule's revision (最低賃金の改定について)
		"申請受付", "休止", "改定について", "改正について",
		// works in the street or the building, things handed out to members
		// (アーケード照明のLED化工事について, 抽選券の配布について)
		"工事", "通行止", "交通規制", "停電", "断水", "配布",
		// goods a shop sells beside its tickets
		"お歳暮", "お中元", "ギフト", "発送",
		// a city newsletter's notices: a counter open on some days, a
		// building's works, a rule that changes, a housing call
		// (マイナンバーカードの休日臨時窓口, エレベーターを改修します,
		// 駐車場の一部が使えません, 申込方法が変わります)
		"窓口", "申告相談", "改修", "使えません", "利用できません", "変わります", "入居者"}
)

// recordingSale names, in a title, the recording of an event on sale:
// 【アーカイブ配信】, 見逃し視聴チケット, 録画版 — not a live one with a
// recording besides (アーカイブ配信あり).
var recordingSale = regexp.MustCompile(`(?:見逃し|アーカイブ|録画)(?:配信|視聴)?(?:チケット|】|\]|版|動画)`)

// reportWords, in a page's title, say it reports on an event that took
// place or thanks those who came: the page is no event unless the date
// it names is still to come (開催報告と次回のご案内). 御礼 after 満席, 満員
// or 完売 is the event's status, not thanks.
var (
	reportWords = []string{"開催しました", "開催いたしました", "行いました", "行われました", "開催報告", "ご報告", "活動報告",
		"実施報告", "レポート", "ありがとうございました", "有難うございました", "御礼"}
	fullThanks = []string{"満席御礼", "満員御礼", "完売御礼", "満席につき御礼"}
)

// reportWord returns the report word of a title, or "".
func reportWord(title string) string {
	t := strings.ToLower(title)
	for _, w := range fullThanks {
		t = strings.ReplaceAll(t, w, "")
	}
	for _, w := range reportWords {
		if strings.Contains(t, w) {
			return w
		}
	}
	if strings.HasSuffix(strings.TrimRight(strings.TrimSpace(t), "!！。."), "報告") {
		return "報告" // 11月例会 報告 (a 報告会 is a meeting)
	}
	return ""
}

// gatheringWords name a gathering in a title, unlike the wider eventWords
// (会 is also 入会, 商工会).
var gatheringWords = []string{"交流会", "懇親会", "勉強会", "例会", "研修会", "講演会", "説明会", "相談会", "発表会", "大会", "総会",
	"セミナー", "講座", "講習", "教室", "フォーラム", "シンポジウム", "ワークショップ", "ハンズオン", "もくもく会", "ミートアップ",
	"見学", "ツアー", "商談会", "マッチング", "集い", "つどい", "サロン", "懇談会", "祭", "まつり", "フェア", "塾", "新年会", "忘年会", "賀詞交歓", "互礼会", "研修",
	// a body's meetings (支部役員会 is a meeting, 役員改選 a notice)
	"役員会", "理事会", "幹事会", "委員会", "朝礼",
	// ceremonies and parties (a 青年部's 卒業式, a 周年 celebration)
	"式典", "卒業式", "入会式", "表彰式", "授賞式", "祝賀会", "交歓会", "パーティー", "パーティ", "レセプション"}

// withoutLawNames takes out of a title the names of laws that hold a
// notice's or a closure's word: 育児・介護休業法 is no 休業.
func withoutLawNames(title string) string { return strings.ReplaceAll(title, "休業法", "") }

// strongNotice returns the word of noticeWords a text holds, or "".
func strongNotice(text string) string {
	t := withoutLawNames(strings.ToLower(text))
	for _, w := range noticeWords {
		if strings.Contains(t, strings.ToLower(w)) {
			return w
		}
	}
	return ""
}

// noticeWord returns the notice word of a title, or "". A report's word
// counts: a list's report is no event of the list either.
func noticeWord(title string) string {
	t := strings.ToLower(title)
	if w := strongNotice(t); w != "" {
		return w
	}
	if w := reportWord(title); w != "" {
		return w
	}
	if containsAny(t, gatheringWords) {
		return ""
	}
	for _, w := range weakNotices {
		if strings.Contains(t, strings.ToLower(w)) {
			return w
		}
	}
	return ""
}

// noticesTitles name a page of a site's notices (お知らせ): a sale, the
// office's holidays, the year's fee, each a paragraph under it.
var noticesTitles = []string{"お知らせ", "おしらせ", "新着情報", "更新情報", "インフォメーション", "ニュース", "news", "information", "info", "topics", "トピックス"}

// noticesPage says whether a page's title is nothing but noticesTitles'
// word, said or not by whom (事務局からのお知らせ, 本部よりお知らせ,
// 例経営研究会　事務局からのお知らせ): an event's page names its event.
func noticesPage(title string) bool {
	t := strings.ToLower(strings.Trim(normSpace(title), "■□●○◆◇★☆・【】[] 　"))
	if slices.Contains(noticesTitles, t) {
		return true
	}
	for _, from := range []string{"からの", "より"} {
		if who, what, ok := strings.Cut(t, from); ok && who != "" && utf8.RuneCountInString(who) <= 16 && !namesGathering(who) &&
			slices.Contains(noticesTitles, strings.TrimSpace(what)) {
			return true
		}
	}
	return false
}

// nameLabels head the line of an event's outline that names it: 名称：…,
// イベント名：…, or ■イベント名 alone on its line with the name on the next.
var (
	nameLabels    = regexp.MustCompile(`^[■□●○◆◇・\s　]*[【\[]?(?:名称|イベント名|セミナー名|催し物名|催事名|行事名|講座名)[】\]]?\s*[:：]\s*(.+)$`)
	bareNameLabel = regexp.MustCompile(`^[■□●○◆◇・\s　]*[【\[]?(?:名称|イベント名|セミナー名|催し物名|催事名|行事名|講座名)[】\]]?\s*[:：]?$`)
)

// namedTitle is the event's name as its outline labels it (名称：…, or
// ■イベント名 with the name on the next line as a shop's item description
// writes it; the date labelled on one of the next lines), or "": a press
// release's headline or a ticket's item name says more (「…」を12月9日に開催,
// 【12/12(土)】… 参加チケット) than the name.
func namedTitle(lines []pageLine) string {
	found := ""
	for i, ln := range lines {
		m := nameLabels.FindStringSubmatch(normSpace(ln.text))
		if m == nil && bareNameLabel.MatchString(normSpace(ln.text)) && i+1 < len(lines) {
			if f, _ := labelledLine(lines[i+1].text); f == "" {
				m = []string{"", lines[i+1].text}
				i++
			}
		}
		if m == nil {
			continue
		}
		// The date labelled on one of the next lines, or under its own
		// label a few fields on (kintone's 行事名 / 区分 / 状態 / 開催日,
		// each label above its value).
		dated := false
		for k, next := range lines[i+1 : min(i+9, len(lines))] {
			if f, _ := labelledLine(next.text); f == FieldDate && k < 3 || labelField(next.label) == FieldDate {
				dated = true
			}
		}
		if !dated {
			continue
		}
		if found != "" {
			return ""
		}
		found = normSpace(m[1])
	}
	return found
}

// markedHeadingTitle is the title an article's body gives its event: the
// one heading marked ■ (●, ◆) that the event's 日時 line follows —
// "■ランチタイム ミニセミナー「…」" under the post's headline "【オンライン】
// 11/26（木）ランチタイム…". "" when no heading, or more than one, is so.
func markedHeadingTitle(lines []pageLine) string {
	found := ""
	for i, ln := range lines {
		if !ln.heading || i+1 >= len(lines) {
			continue
		}
		t := normSpace(ln.text)
		rest := strings.TrimLeft(t, sectionMarks)
		if rest == t || rest == "" || isLabelText(rest) {
			continue // ■開催概要 heads the details, not the event
		}
		if f, _ := labelledLine(lines[i+1].text); f != FieldDate {
			continue
		}
		if found != "" {
			return ""
		}
		found = sectionName(rest)
	}
	return found
}

// statusMarkDate takes out of a title the date written after its status
// mark: 【中止】12/5（土）朝活勉強会 is 【中止】朝活勉強会, the date being
// the event's own.
func statusMarkDate(title string) string {
	mark, rest, ok := strings.Cut(title, "】")
	if !ok || !strings.HasPrefix(mark, "【") {
		return title
	}
	if _, isStatus := statusIn(mark + "】"); !isStatus {
		return title
	}
	cut := datePrefix.ReplaceAllString(strings.TrimLeft(rest, " 　"), "")
	if cut == strings.TrimLeft(rest, " 　") || cut == "" {
		return title
	}
	return mark + "】" + cut
}

// formLabels label how an event is held (形式：オンライン（Zoom）).
var formLabels = []string{"形式", "開催形式", "開催方法", "参加方法", "実施形式", "方式", "開催"}

// onlineForm is the value of a line that says the event is held online
// under a label of its form: オンライン（Zoom）, after 開催方法： on its
// line or in the table cell beside it. "" when none does.
func onlineForm(lines []pageLine) string {
	for _, ln := range lines {
		// Marks and pictographs before the label: ■, ・, 💻.
		l := strings.TrimLeftFunc(normSpace(ln.text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if lb := strings.Trim(ln.label, "　 :：【】[]■□●○◆◇★☆・"); lb != "" && slices.Contains(formLabels, lb) &&
			strings.HasPrefix(l, "オンライン") && utf8.RuneCountInString(l) <= 30 {
			return l
		}
		for _, lb := range formLabels {
			rest, ok := strings.CutPrefix(l, lb)
			if !ok {
				continue
			}
			rest = strings.TrimSpace(strings.TrimLeft(rest, "：: 　】"))
			if strings.HasPrefix(rest, "オンライン") && utf8.RuneCountInString(rest) <= 30 {
				return rest
			}
		}
	}
	return ""
}

// monthSchedule is the title of a post listing a month's events: 12月の
// 商店街行事予定, 1月の予定, 今月のスケジュール.
var monthSchedule = regexp.MustCompile(`^\s*(?:[0-9０-９]{1,2}\s*月|今月|来月)の[^。]{0,12}?(?:行事予定|予定|スケジュール|イベント予定)\s*$`)

// recessNotice, in a title, says a regular meeting is not held: 1月第2週の
// 例会は休会です, 8月は休会となります, 休会のお知らせ.
var recessNotice = regexp.MustCompile(`(?:は|を)\s*休会|休会(?:です|となります|となりました|とさせていただ|いたします|致します|のお知らせ|について|のご案内)|^[【\[［]休会[】\]］]|(?:セミナー|例会|朝会)(?:は)?お休み`)

// venueChange opens the title of a post that moves an event announced in
// its own post to another hall: 【会場変更】12/12 創業カフェ vol.30.
var venueChange = regexp.MustCompile(`^\s*[【\[［〈《]\s*(?:会場|場所|開催場所|開催会場)(?:の)?変更(?:の)?(?:お知らせ|のご案内)?\s*[】\]］〉》]`)

// datedCancel is the title of a post that calls off the event of a day it
// names, in a sentence (11月3日（火・祝）のモーニングセミナーは中止いたします)
// or as a notice (【延期】12月8日(火)店主勉強会 延期のお知らせ). Its first
// group is the day.
var datedCancel = regexp.MustCompile(`^\s*(?:[【\[［]\s*(?:中止|延期|休会)\s*[】\]］]\s*)?((?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:[（(][^）)]{1,5}[）)])?)\s*(?:` +
	`(?:の|開催の|開催予定の|予定の)\s*[^。]{2,40}?\s*(?:は|を)\s*(?:中止|延期|休会)(?:いたします|致します|します|となりました|といたします|とさせていただきます|させていただきます|いたしました)|` +
	`(?:の|開催の|開催予定の|予定の)?\s*[^。「」]{2,40}?\s*(?:の)?(?:開催)?(?:中止|延期)(?:の)?(?:お知らせ|について|のご案内))`)

// namedCancel is the title of a post that calls off an event it names in
// brackets, announced in a post of its own: 「組合BCP策定セミナー」開催中止の
// お知らせ. Its groups are the name and what is done to it (calloff.go).
var namedCancel = regexp.MustCompile(`「([^「」]{2,60})」\s*(?:の)?(?:開催)?(中止|延期)(?:の)?(?:お知らせ|について|のご案内)`)

// pageLine is one line of a page's text (one block element's own text) and
// what the markup says of it.
type pageLine struct {
	text     string
	byline   bool       // in a post's meta line: author, category, posting date
	heading  bool       // h1–h6
	datetime string     // the datetime of a <time> element in the line
	timeText string     // that element's text
	endTime  string     // the datetime of a second <time> marked as the end (class end)
	label    string     // the text of the line before when it is a bare label
	node     *html.Node // the block element the line is the text of
}

// skippedBlock says whether an element holds no part of the event: page
// chrome (navigation, footer, sidebars and their widgets, breadcrumbs,
// share buttons, pagers), contact boxes, whose 受付時間 is not the
// event's, and a program's code (a post's sample, whose dated lines are
// its data). It goes by the element's name and the words of its id and
// class, and for a <pre> by what it holds.
func skippedBlock(n *html.Node) bool {
	switch n.Data {
	case "html", "body", "main", "article":
		return false
	case "form":
		// A search or login form; but a CMS's list (Joomla's category
		// list, a page of ASP.NET) sits in a form that sorts and pages it.
		return !holdsContent(n) && !linkedRows(n)
	case "nav", "footer", "aside", "script", "style", "noscript", "template", "iframe", "svg", "select", "button":
		return true
	}
	if n.Data == "a" {
		// A post's links to the posts before and after it.
		if rel := strings.Fields(attr(n, "rel")); has(rel, "prev") || has(rel, "next") {
			return true
		}
		// The same without rel, named by its words: 次の記事 1月20日(水)
		// 第33回 …のご案内 names the next post, and its date is that post's.
		if hasAnyPrefix(strings.TrimLeft(normSpace(nodeText(n)), "«»<>‹›←→ 　"), postNavWords) {
			return true
		}
	}
	if n.Data == "pre" && codeBlock(n) {
		return true
	}
	return chromeClass(n) && !holdsContent(n) || relatedBox(n)
}

// relatedWords head a box of other pages beside the page's own: a shop's
// 関連商品, a blog's 関連記事, おすすめ.
var relatedWords = []string{"関連商品", "関連記事", "関連イベント", "おすすめ商品", "おすすめ記事", "この商品を見た人", "最近チェックした", "その他のイベント",
	"他のイベント", "おすすめイベント", "おすすめのイベント"}

// elsewhereWords head a portal's box of events of the areas around the one
// searched, which its cards (each an <article>) list apart from the
// results: 近隣のイベント.
var elsewhereWords = []string{"近隣のイベント", "近くのイベント", "周辺のイベント", "近隣エリアのイベント"}

// relatedBox says whether an element is such a box: its first child a
// short heading of those words (RELATED 関連商品), with no h1 in it.
func relatedBox(n *html.Node) bool {
	first := elementChildren(n)
	if len(first) < 2 {
		return false
	}
	t := normSpace(nodeText(first[0]))
	if t == "" || utf8.RuneCountInString(t) > 24 {
		return false
	}
	if containsAny(t, elsewhereWords) {
		return !holdsMain(n)
	}
	return containsAny(t, relatedWords) && !holdsContent(n)
}

// holdsMain says whether n holds the page's own heading or main part.
func holdsMain(n *html.Node) bool {
	found := false
	walkElements(n, func(e *html.Node) bool {
		found = found || e.Data == "h1" || e.Data == "main"
		return !found
	})
	return found
}

// postNavWords open a link to the post before or after a blog's post.
var postNavWords = []string{"次の記事", "前の記事", "次の投稿", "前の投稿", "次のエントリー", "前のエントリー", "新しい記事", "古い記事"}

// chromeClass says whether an element's id or class names page chrome. A
// class also names what merely sits beside chrome (ast-right-sidebar on a
// theme's <body>, mec-widget around a plugin's list): holdsContent tells.
func chromeClass(n *html.Node) bool {
	words := idClassWords(n)
	for _, w := range words {
		if w == "widget" && (has(words, "elementor") || has(words, "widgetspan") || has(words, "hscoswrapper")) {
			// Page builders call every block of a page a widget:
			// Elementor's elementor-widget-heading, HubSpot's grid cells
			// (span12 widget-span) and modules (hs_cos_wrapper_widget).
			// Content, not a sidebar's.
			continue
		}
		switch w {
		case "side", "sidebar", "sidemenu", "sidenav", "subcontents", "widget", "widgets", "related", "recent", "relation",
			"breadcrumb", "breadcrumbs", "pankuzu", "topicpath", "gnav", "gnavi", "globalnav", "nav", "navi", "navigation",
			"menu", "footer", "pager", "pagination", "paging", "share", "sns", "social", "ranking", "banner", "banners",
			"contact", "inquiry", "toiawase", "otoiawase", "masthead", "tags", "tagcloud",
			"prev", "next", "nextprev", "prevnext", "postnav", "postnavi", "pagenav":
			return true
		}
	}
	return has(words, "header") && (has(words, "site") || has(words, "global") || has(words, "page") || has(words, "l"))
}

// linkedRows says whether an element holds a table of two or more rows
// that each link a page: a list, not a form's fields.
func linkedRows(n *html.Node) bool {
	rows := 0
	walkElements(n, func(e *html.Node) bool {
		if e.Data != "tr" {
			return true
		}
		linked := false
		walkElements(e, func(a *html.Node) bool {
			if a.Data == "a" && attr(a, "href") != "" {
				linked = true
			}
			return !linked
		})
		if linked {
			rows++
		}
		return false
	})
	return rows >= 2
}

// holdsContent says whether an element holds the page's own content: its
// h1, its <main>, an <article>, a post's body or title as a blog theme
// marks them (Blogger's <div class="widget Blog"> holds the post's
// h3.post-title and div.post-body).
func holdsContent(n *html.Node) bool {
	found := false
	for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
		walkElements(c, func(e *html.Node) bool {
			if e.Data == "h1" || e.Data == "main" || e.Data == "article" {
				found = true
			} else if words := idClassWords(e); has(words, "postbody") || has(words, "entrycontent") || isHeading(e) && postTitleClass(words) {
				found = true
			}
			return !found
		})
	}
	return found
}

// bylineBlock says whether an element is a post's meta line. The post
// itself is none, whatever its classes say: Hatena's <article class="entry
// … date-first"> holds the whole post, its meta line and its body.
func bylineBlock(n *html.Node) bool {
	if n.Data == "article" || n.Data == "main" || n.Data == "body" {
		return false
	}
	for _, a := range n.Attr {
		if a.Key == "pubdate" {
			// <time pubdate>: HTML5's mark of a post's publication date.
			return true
		}
	}
	words := idClassWords(n)
	for _, w := range words {
		switch w {
		case "byline", "posted", "postdate", "published", "updated", "entrymeta", "postmeta", "author", "modified",
			"pubdate", "entrypubdate", "publishdate":
			return true
		}
	}
	// "meta" alone or a post's (entry-meta, asset-meta), not an event's
	// (event-meta holds the event's own date).
	if has(words, "meta") && !has(words, "event") {
		return true
	}
	// entry-date, post-date, blog-article__date (Ameba Ownd), blog-date.
	return has(words, "date") && (has(words, "entry") || has(words, "post") || has(words, "article") || has(words, "blog"))
}

// idClassWords splits an element's id and class into lowercase words:
// "c-info__row side-bar" → c, info, row, side, bar, sidebar.
func idClassWords(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if a.Key != "id" && a.Key != "class" {
			continue
		}
		for _, token := range strings.Fields(strings.ToLower(a.Val)) {
			parts := strings.FieldsFunc(token, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
			out = append(out, parts...)
			if len(parts) > 1 {
				out = append(out, strings.Join(parts, ""))
			}
		}
	}
	return out
}

func has(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// pageLines is the text of a page's body as lines, page chrome left out.
func pageLines(doc *goquery.Document) []pageLine {
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return nil
	}
	return walkLines(body.Nodes[0], true)
}

// walkLines is the text under root as lines, page chrome left out (also
// root itself when chrome is true).
func walkLines(root *html.Node, chrome bool) []pageLine {
	var lines []pageLine
	var b strings.Builder
	var cur pageLine
	flush := func() {
		if t := normSpace(b.String()); t != "" {
			cur.text = t
			if n := len(lines); n > 0 && bareLabel(lines[n-1].text) {
				cur.label = lines[n-1].text
			}
			lines = append(lines, cur)
		}
		b.Reset()
		cur = pageLine{}
	}
	var walk func(n, blk *html.Node, byline, heading bool)
	walk = func(n, blk *html.Node, byline, heading bool) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			cur.byline = cur.byline || byline
			cur.heading = cur.heading || heading
			if cur.node == nil && strings.TrimSpace(n.Data) != "" {
				cur.node = blk
			}
			return
		case html.ElementNode:
			if (n != root || chrome) && skippedBlock(n) {
				return
			}
			byline = byline || bylineBlock(n)
			switch n.Data {
			case "h1", "h2", "h3", "h4", "h5", "h6":
				heading = true
			case "time":
				if dt := attr(n, "datetime"); dt != "" && cur.datetime == "" {
					cur.datetime = dt
					if strings.TrimSpace(b.String()) == "" {
						cur.timeText = normSpace(blockText(n))
					}
				} else if dt != "" && cur.endTime == "" && has(idClassWords(n), "end") {
					// <time class="start">13:30</time> - <time class="end">16:30</time>
					cur.endTime = dt
				}
			}
		}
		block := n.Type == html.ElementNode && (blockElements[n.Data] || ownLine(n))
		if block {
			flush()
			blk = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, blk, byline, heading)
		}
		if block {
			flush()
		}
	}
	walk(root, root, false, false)
	flush()
	return lines
}

// contentText is the text under n, a line per block, with the chrome
// inside it left out: a post's links to the posts before and after it, a
// box of related posts, share buttons, an inquiry box. Their words are
// other events' (前の記事 秋の交流会), not this one's.
func contentText(n *html.Node) string {
	lines := walkLines(n, false)
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	return strings.Join(texts, "\n")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// bareLabel says whether a line is a label alone (日時, 開催日, 申込締切),
// the value on the next line.
func bareLabel(line string) bool {
	l := strings.Trim(line, "　 :：【】[]■□●○◆◇★☆・")
	return l != "" && utf8.RuneCountInString(l) <= 8 && !strings.ContainsAny(l, "0123456789０１２３４５６７８９")
}

// headLines are the page's <title> and og:title, read as headings: a
// post's title often carries its event's date (【12/10開催】…).
func headLines(doc *goquery.Document) []pageLine {
	var out []pageLine
	if og, _ := doc.Find(`meta[property="og:title"]`).Attr("content"); normSpace(og) != "" {
		out = append(out, pageLine{text: normSpace(og), heading: true})
	}
	if t := normSpace(doc.Find("title").First().Text()); t != "" {
		out = append(out, pageLine{text: t, heading: true})
	}
	return out
}

// dateRoles sort the labels written before a date: the event's own, and
// those of dates that are not its start.
var (
	eventDateLabels = []string{"開催日時", "開催日", "開催期間", "日時", "日程", "期日", "会期", "日付", "とき", "開催"}
	otherDateLabels = []string{"締切", "締め切", "〆切", "期限", "最終", "申込期間", "申込受付", "受付期間", "募集期間", "応募期間", "受付開始", "申込開始", "募集開始", "販売開始", "提供開始", "発売日",
		"投稿日", "掲載日", "更新日", "公開日", "登録日", "作成日", "配信日", "発行日", "最終更新", "posted", "updated"}
)

// asOfDate is a date a figure is stated as of: 10月1日現在, 12月1日時点.
var asOfDate = regexp.MustCompile(`[0-9０-９]\s*日\s*(?:[（(][月火水木金土日祝・]{1,3}[）)])?\s*(?:現在|時点)`)

// notStartWords in the sentence of a date say it is not the event's start:
// a deadline, a posting, a closure, the sale of tickets, a product's launch.
var notStartWords = []string{"締切", "締め切", "〆切", "期限", "必着", "までに", "までの", "まで受付", "まで受け付け", "申込開始",
	"受付開始", "申込受付", "発売", "投稿", "掲載", "更新", "公開日", "休業", "休館", "休み", "移転", "発行",
	"提供開始", "提供を開始", "販売を開始", // a service's launch: 12月1日より提供を開始します
	"にご案内した", "にお知らせした"} // when an earlier post was: 11月12日にご案内した忘年会

// eventVerbs near a date say it is when something takes place.
var eventVerbs = []string{"開催", "行います", "行ないます", "実施", "開始", "スタート", "開演", "開会", "から", "より", "にて", "で開", "開きます", "予定"}

// pastVerbs say the sentence reports what took place.
var pastVerbs = []string{"しました", "されました", "行われました", "開かれました", "開かれた", "ました。", "でした"}

// dateCand is a date the page writes and how likely it is the event's start.
type dateCand struct {
	text  string
	after string // the sentences after it in its line and the next
	line  int    // index in the page's lines; -1 for the <title>
	score int
	timed bool // the text gives a time of day
	day   time.Time
}

// bestDate picks the event's date among the page's dates, or nil.
func bestDate(lines, head []pageLine, posted map[string]bool, ref time.Time) *dateCand {
	var best *dateCand
	consider := func(c *dateCand) {
		if c != nil && (best == nil || c.score > best.score) {
			best = c
		}
	}
	for i, l := range lines {
		for _, c := range lineDates(l, i, posted, ref) {
			if i+1 < len(lines) {
				c.after += "。" + lines[i+1].text
			}
			consider(c)
		}
	}
	for _, l := range head {
		for _, c := range lineDates(l, -1, posted, ref) {
			consider(c)
		}
	}
	if best == nil || best.score <= 0 {
		return nil
	}
	return best
}

// lineDates reads the dates of one line, one per sentence, with their
// scores; dates that cannot be the start are left out.
func lineDates(l pageLine, i int, posted map[string]bool, ref time.Time) []*dateCand {
	if l.byline || linkItem(l.node) || noticeLine(l.text) {
		return nil
	}
	var out []*dateCand
	if l.datetime != "" {
		if sp, err := jpdate.Parse(l.datetime, ref); err == nil {
			// The machine-readable date wins over the text around it (a
			// weekday printed wrong, a year left out), and the text after
			// the element adds what it does not say (〜20:30).
			text := sp.Start.Format("2006年1月2日")
			score := 70
			if !sp.AllDay {
				text = sp.Start.Format("2006年1月2日 15:04")
				score += 15
			}
			if ep, err := jpdate.Parse(l.endTime, ref); l.endTime != "" && err == nil && !sp.AllDay && !ep.AllDay &&
				ep.Start.After(sp.Start) && sameDate(ep.Start, sp.Start) {
				text += "～" + ep.Start.Format("15:04")
			} else if rest, ok := strings.CutPrefix(l.text, l.timeText); ok && l.timeText != "" {
				text += rest
			}
			c := &dateCand{text: text, line: i, score: score, timed: !sp.AllDay, day: sp.Start}
			scoreContext(c, l.text, l.label, posted)
			out = append(out, c)
		}
	}
	ss := sentences(l.text)
	for k, s := range ss {
		// （11/24更新）, （12月1日追記）: when the text was changed.
		s = updateStamp.ReplaceAllString(s, "")
		sp, err := jpdate.Parse(s, ref)
		if m := heldOnMark.FindStringSubmatch(s); m != nil {
			// 2026.11.27 創業支援セミナー（1月23日（土）開催）のご案内:
			// the date marked 開催 is the event's, not the one that comes
			// first on the line (the post's).
			if held, herr := jpdate.Parse(m[1], ref); herr == nil && (err != nil || !sameDate(sp.Start, held.Start)) {
				out = append(out, &dateCand{text: m[1], line: i, score: 60, timed: !held.AllDay, day: held.Start})
			}
		}
		if err != nil && !(errors.Is(err, jpdate.ErrWeekday) && !sp.Start.IsZero()) {
			continue
		}
		c := &dateCand{text: s, after: strings.Join(ss[k+1:], "。"), line: i, score: 30, timed: !sp.AllDay, day: sp.Start}
		switch {
		case l.heading:
			c.score = 40
		case datesAlone(s):
			c.score = 45
		}
		if c.timed {
			c.score += 15
		}
		if hasWeekday(s) {
			c.score += 5
		}
		if dateYear.MatchString(s) {
			// 2026/09/26 over the 9/26 of og:title, which a year-less
			// reading may put in the wrong year.
			c.score += 10
		}
		scoreContext(c, s, l.label, posted)
		out = append(out, c)
	}
	return out
}

// updateStamp is a bracket that dates a change of the text: （11/24更新）,
// （12月1日 追記）, 【12/5 追記】.
var updateStamp = regexp.MustCompile(`[（(【]\s*(?:[0-9０-９]{2,4}\s*[年/／.]\s*)?[0-9０-９]{1,2}\s*[月/／.]\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][月火水木金土日]{1,2}[）)])?\s*(?:更新|追記|掲載|現在|時点)\s*[）)】]`)

// noticeLine says whether a line opens with a notice's bracketed heading
// (【年末年始休業のお知らせ】12月29日～1月4日は休業いたします。ご返信は
// 1月5日以降となります): its dates are all the notice's, a site's header
// bar over every page.
func noticeLine(text string) bool {
	head, _, ok := strings.Cut(text, "】")
	return ok && strings.HasPrefix(head, "【") && strongNotice(head) != ""
}

// heldOnMark is a date marked as the day an event is held, in brackets
// in a title: （1月23日（土）開催）, 【12/17開催】.
var heldOnMark = regexp.MustCompile(`[（(【\[［]\s*((?:[0-9０-９]{4}\s*[年/／.]\s*)?[0-9０-９]{1,2}\s*[月/／]\s*[0-9０-９]{1,2}\s*日?\s*(?:[（(][^）)]{1,4}[）)])?)\s*開催\s*[）)】\]］]`)

// linkItem says whether n is a list item that is a link to another page
// and its date: 「…」を公開 2026年12月4日 11時00分 in a list of the
// publisher's other posts under the post. Its date is that post's.
func linkItem(n *html.Node) bool {
	if n == nil || n.Data != "li" {
		return false
	}
	linked := 0
	walkElements(n, func(e *html.Node) bool {
		if e.Data == "a" && attr(e, "href") != "" && !strings.HasPrefix(attr(e, "href"), "#") {
			linked += utf8.RuneCountInString(normSpace(nodeText(e)))
		}
		return e.Data != "a"
	})
	if linked < 8 {
		return false
	}
	rest := utf8.RuneCountInString(normSpace(nodeText(n))) - linked
	return linked >= rest
}

// scoreContext weighs what surrounds a date: its label, the words of its
// sentence, whether it is the day the post was published.
func scoreContext(c *dateCand, sentence, label string, posted map[string]bool) {
	lead := sentence
	if i := strings.IndexAny(sentence, "0123456789０１２３４５６７８９令平"); i >= 0 {
		lead = sentence[:i]
	}
	if strings.ContainsAny(lead, "❌✖✕") {
		// ❌ 12/9(水) 14:00～ / ⭕ 12/16(水) 14:00～15:30: a post strikes
		// the old date with a cross, as a page strikes it out.
		c.score = -1
		return
	}
	for _, l := range []string{label, lead} {
		if l == "" {
			continue
		}
		if containsAny(l, otherDateLabels) {
			c.score = -1
			return
		}
		if containsAny(l, eventDateLabels) {
			c.score += 60
		}
	}
	if asOfDate.MatchString(sentence) {
		// 利率：令和8年10月1日現在 年1.85％: the day a figure holds from.
		c.score = -1
		return
	}
	// 受付開始前 (reception not open yet) is a status beside the date.
	// A second date's words are that date's: 1月26日（火）午後4時より…
	// 開催いたしますので、…1月15日（金）までにご出欠を: the deadline is
	// the second's.
	own := sentence
	if locs := inlineDate.FindAllStringIndex(sentence, 2); len(locs) == 2 && locs[0][0] < len(lead)+8 {
		own = sentence[:locs[1][0]]
	}
	if containsAny(strings.ReplaceAll(own, "受付開始前", ""), notStartWords) && !containsAny(lead, eventDateLabels) || untilOnly(own) {
		c.score = -1
		return
	}
	if containsAny(sentence, eventVerbs) {
		c.score += 15
	}
	if containsAny(sentence, pastVerbs) {
		c.score -= 25
	}
	if c.timed && posted[c.day.In(jpdate.Tokyo).Format(postedInstant)] {
		// The very minute the post was published (2026年10月14日 10時00分
		// under a release's headline): its time stamp, not an event.
		c.score = -1
		return
	}
	day := c.day.Format("2006-01-02")
	if posted[day] {
		c.score -= 50
	}
}

// dayUntil is a day followed by まで: the end of a period (12月31日まで).
var dayUntil = regexp.MustCompile(`日\s*(?:[（(][^）)]{1,4}[）)])?\s*まで`)

// untilOnly says whether a sentence's date is the end of a period with no
// start (キャンペーン（12月31日まで）, 12月18日までにお寄せください) rather
// than the last day of an event (12月5日から7日まで), or the day from which
// something resumes (dayOnward).
func untilOnly(sentence string) bool {
	loc := dayUntil.FindStringIndex(sentence)
	return loc != nil && !strings.ContainsAny(sentence[:loc[0]], "～〜~－-") && !strings.Contains(sentence[:loc[0]], "から") ||
		dayOnward.MatchString(sentence)
}

// dayOnward is a day followed by 以降: from when something resumes or may
// be done (返信は1月6日（水）以降となります), not an event's start.
var dayOnward = regexp.MustCompile(`日\s*(?:[（(][^）)]{1,4}[）)])?\s*以降`)

func containsAny(s string, words []string) bool {
	l := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// sentences splits a line at 。 and at the full stops of its sentences,
// and before a ※: the note after it (※2月1日より受付開始) is a sentence of
// its own, whose words say nothing of the date before it.
func sentences(line string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(line, func(r rune) bool { return r == '。' || r == '！' || r == '？' }) {
		for i, part := range strings.Split(s, "※") {
			if i > 0 {
				part = "※" + part
			}
			if part = strings.TrimSpace(part); part != "" && part != "※" {
				out = append(out, part)
			}
		}
	}
	return out
}

// dateYear is a year written as part of a date (2026/12/19, 2026年12月,
// 令和8年), not a number in a title (Go 2026 年末LT大会).
var dateYear = regexp.MustCompile(`(?:19|20|１９|２０)[0-9０-９]{2}\s*[年/／.．\-－]\s*[0-9０-９]{1,2}|令和|平成`)

// dateChars are what a date written alone is made of.
var dateAlone = regexp.MustCompile(`^[\s0-9０-９年月日/／.．\-－()（）月火水木金土日曜祝・～〜~:：時分令和平成元RH]+$`)

// datesAlone says whether a line is a date and nothing else (a styled date
// paragraph, <p class="ymd">令和8年12月9日（水）</p>).
func datesAlone(s string) bool { return dateAlone.MatchString(s) }

var weekdayMark = regexp.MustCompile(`[（(][月火水木金土日][曜]?[日]?[・･]?[祝]?[）)]|[月火水木金土日]曜|(?i:\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day)?\b)`)

func hasWeekday(s string) bool { return weekdayMark.MatchString(s) }

// postingDates are the days the page says it was published or updated:
// article:published_time, JSON-LD datePublished, a byline's <time> or
// date, a 掲載日/投稿日 line.
// postedInstant keys, in postingDates' map, the minute a post was
// published when its time is known.
const postedInstant = "2006-01-02T15:04"

// headingPostDay is a full date in brackets that ends a heading.
var headingPostDay = regexp.MustCompile(`\S\s*[（(]((?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日|(?:19|20)[0-9]{2}[/.\-][0-9]{1,2}[/.\-][0-9]{1,2})[）)]$`)

func postingDates(doc *goquery.Document, lines []pageLine, ref time.Time) map[string]bool {
	out := map[string]bool{}
	add := func(text string) {
		if sp, err := jpdate.Parse(text, ref); err == nil {
			out[sp.Start.Format("2006-01-02")] = true
			if !sp.AllDay {
				out[sp.Start.In(jpdate.Tokyo).Format(postedInstant)] = true
			}
		}
	}
	doc.Find(`meta[property="article:published_time"], meta[property="article:modified_time"], meta[itemprop="datePublished"]`).Each(func(_ int, s *goquery.Selection) {
		if v, ok := s.Attr("content"); ok {
			add(v)
		}
	})
	for _, m := range ldPublished.FindAllStringSubmatch(doc.Find(`script[type="application/ld+json"]`).Text(), -1) {
		add(m[1])
	}
	doc.Find("time").Each(func(_ int, s *goquery.Selection) {
		for n := s.Nodes[0]; n != nil && n.Type == html.ElementNode; n = n.Parent {
			if bylineBlock(n) {
				if dt, ok := s.Attr("datetime"); ok {
					add(dt)
				} else {
					add(s.Text())
				}
				return
			}
		}
	})
	doc.Find("h2, h3, div, p").Each(func(_ int, s *goquery.Selection) {
		if dateHeader(s.Nodes[0]) {
			add(normSpace(s.Text()))
		}
	})
	// A blog skin's heading, the post's title then its day in brackets
	// (【中止】第12回ゴルフコンペ (2026年10月30日)), when the page's <title>
	// names the post without that day: the day is the skin's, the post's.
	title := normSpace(doc.Find("title").First().Text())
	doc.Find("h1, h2").Each(func(_ int, s *goquery.Selection) {
		if m := headingPostDay.FindStringSubmatch(normSpace(s.Text())); m != nil && !strings.Contains(title, m[1]) {
			add(m[1])
		}
	})
	for _, l := range lines {
		if l.byline {
			add(l.text)
			continue
		}
		lead := l.text
		if i := strings.IndexAny(lead, "0123456789０１２３４５６７８９"); i >= 0 {
			lead = lead[:i]
		}
		if containsAny(lead, []string{"投稿日", "掲載日", "更新日", "公開日", "登録日", "作成日", "配信日", "発行日", "最終更新"}) ||
			containsAny(l.label, []string{"投稿日", "掲載日", "更新日", "公開日", "登録日"}) {
			add(l.text)
		}
	}
	return out
}

// dateHeader says whether n is a blog's date header: a date alone, marked
// date (Seesaa's and Movable Type's <h2 class="date">, date-header), right
// before the post it dates (div.blog, div.entry, <article>). It says when
// the post was written, not when anything takes place. An event's date
// before its title (div.schedule_date, then h3.schedule_title) is not one.
func dateHeader(n *html.Node) bool {
	words := idClassWords(n)
	if !has(words, "date") && !has(words, "dateheader") || has(words, "event") || has(words, "schedule") {
		return false
	}
	next := n.NextSibling
	for next != nil && next.Type != html.ElementNode {
		next = next.NextSibling
	}
	if next == nil {
		return false
	}
	nw := idClassWords(next)
	post := has(nw, "blog") || has(nw, "entry") || has(nw, "post") || has(nw, "article") || has(nw, "hentry") || next.Data == "article"
	return post && !has(nw, "event") && !has(nw, "schedule") && datesAlone(normSpace(nodeText(n)))
}

var ldPublished = regexp.MustCompile(`"date(?:Published|Modified|Created)"\s*:\s*"([^"]+)"`)

// sameDayHours is a labelled date line of the page that gives the day sp
// with its hours (開催日時：令和8年12月9日（水）午後2時～午後4時 under a
// header's 開催日 2026.12.09 (水)), or "".
func sameDayHours(lines []pageLine, sp jpdate.Span, ref time.Time) string {
	for _, l := range lines {
		v := ""
		if f, val := labelledLine(l.text); f == FieldDate {
			v = val
		} else if labelField(l.label) == FieldDate {
			v = l.text
		}
		if v == "" {
			continue
		}
		if o, err := parseDate(v, "", ref); err == nil && !o.AllDay && sameDate(o.Start, sp.Start) && (sp.End.IsZero() || sameDate(o.End, sp.End) || o.End.IsZero()) {
			return v
		}
	}
	return ""
}

// clockLines are the lines of times (clockLabelLine) right under the
// labelled date line that reads date (its label on the line or above it),
// joined: 開場 07:15 / 開演 07:30 /
// 終演 08:45 under 日時 2026/12/08(火). "" when there are none.
func clockLines(lines []pageLine, date string) string {
	for i, l := range lines {
		own := l.label != "" && normSpace(l.text) == normSpace(date)
		if f, v := labelledLine(l.text); f == FieldDate && normSpace(v) == normSpace(date) {
			own = true // ■日時：2026年12月9日（水）
		}
		if !own {
			continue
		}
		return strings.Join(clockRun(lines, i+1, clockRow), " / ")
	}
	return ""
}

// clockRun is the lines from lines[from] on, up to three, that ok says
// give hours: the times of one event written a line each.
func clockRun(lines []pageLine, from int, ok func(string) bool) []string {
	var run []string
	for j := from; j < len(lines) && j < from+3 && ok(lines[j].text); j++ {
		run = append(run, lines[j].text)
	}
	return run
}

// clockRow says whether a line under a date gives its hours: one time and
// what happens then (clockLabelLine), or the doors and the start on one
// line with no day of its own (受付 18:00／開始 18:30（20:30 終了予定）), or
// the hours of every day above (いずれも午後6時30分から午後8時30分まで).
func clockRow(line string) bool {
	return clockLabelLine.MatchString(line) || everyDayHours.MatchString(line) && !strings.ContainsAny(line, "月日") || clockLead.MatchString(line) && !strings.ContainsAny(line, "月日") && !slashDay.MatchString(line)
}

// slashDay is a day written 12/5.
var slashDay = regexp.MustCompile(`[0-9０-９]{1,2}\s*[/／]\s*[0-9０-９]{1,2}`)

// everyDayHours opens a line with the hours of each of the days above it.
var everyDayHours = regexp.MustCompile(`^\s*(?:いずれも|各回とも|各回|毎回|全回とも|全日程とも|両日とも)\s*[:：、,]?\s*(?:午前|午後)?\s*` + clockRe)

// clockLead opens a line with the doors' or the start's time.
var clockLead = regexp.MustCompile(`^\s*(?:開場|開演|開始|開会|受付開始|受付)\s*[:：]?\s*` + clockRe)

// clockLabelLine is a line of a time and what happens then, alone: 開場
// 18:30, 開演19:00, 終演 21:30 (a ticket service's rows), 例会 17:30～18:50,
// 懇親会 19:00～21:00 (the parts of an evening).
var clockLabelLine = regexp.MustCompile(`^\s*(?:開場|開演|開始|開会|受付開始|受付|終演|終了|閉会|閉場|第\s*[0-9０-９一二三四五]\s*部|\p{Han}{0,4}(?:例会|交流会|懇親会|勉強会|講演会?|セミナー|研修会?|講座))\s*[:：]?\s*` + clockRe + `(?:\s*[〜～~\-－]\s*` + clockRe + `)?\s*[〜～~]?\s*$`)

const clockRe = `[0-9０-９]{1,2}\s*[:：時]\s*[0-9０-９]{0,2}\s*分?`

// officeHours in a line with a time say it is not the event's: the hours
// a desk or a telephone answers.
var officeHours = []string{"受付時間", "営業時間", "業務時間", "開館時間", "窓口", "平日", "電話", "tel", "fax", "問い合わせ", "問合せ", "お問合", "土日祝", "休館"}

// timeLine finds the time of an event whose date line gives none: a line
// near it that states times and no date (開場 18:00 / 開始 18:30, 18時45分より
// …), office hours left out. The lines after the date are tried first.
func timeLine(lines []pageLine, at int) string {
	ok := func(l pageLine) string {
		if l.byline || containsAny(l.text, officeHours) || containsAny(l.label, officeHours) {
			return ""
		}
		for _, s := range sentences(l.text) {
			if _, err := jpdate.ParseTime(s, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo)); err != nil {
				continue
			}
			if _, err := jpdate.Parse(s, time.Date(2000, 1, 1, 0, 0, 0, 0, jpdate.Tokyo)); err == nil {
				continue // a line with a date of its own
			}
			return s
		}
		return ""
	}
	// The line found and, when it is a part's (第1部, 1日目), the other
	// parts' lines after it.
	withParts := func(i int, t string) string {
		if clockLabelLine.MatchString(t) && !partLine.MatchString(t) {
			// 開場 07:15 / 開演 07:30 / 終演 08:45, a line each: the
			// doors, the start and the end together.
			return strings.Join(append([]string{t}, clockRun(lines, i+1, clockLabelLine.MatchString)...), " / ")
		}
		if !partLine.MatchString(t) {
			return t
		}
		parts := []string{t}
		for j := i + 1; j < len(lines) && j <= i+8; j++ {
			for _, line := range strings.Split(lines[j].text, "\n") {
				if partLine.MatchString(line) && clockTimes.MatchString(line) {
					parts = append(parts, line)
				}
			}
		}
		return strings.Join(parts, " / ")
	}
	if at >= 0 {
		for i := at + 1; i < len(lines) && i <= at+6; i++ {
			if t := ok(lines[i]); t != "" {
				return withParts(i, t)
			}
		}
	}
	for i, l := range lines {
		if t := ok(l); t != "" {
			return withParts(i, t)
		}
	}
	return ""
}

// partLine is a line of one part of an event or one of its days: 第1部
// 基調講演 13:00～14:30, 2日目 9:00～12:00.
var partLine = regexp.MustCompile(`^\s*(?:第\s*[0-9０-９一二三四五六七八九十]+\s*部|[0-9０-９一二三四五]+\s*日目|最終日|[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}\s*[～〜~\-－])`)

var isoStamp = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T`)

// clockTimes are the times of day a text writes: 18:30, 18時, 18時30分.
var clockTimes = regexp.MustCompile(`([0-9０-９]{1,2})\s*(?:[:：]\s*([0-9０-９]{2})|時\s*(?:([0-9０-９]{1,2})\s*分|(半))?)`)

// partsEnd finds the end of an event whose date and time texts give a start
// and no end, but a later time: the close of its last part (第1部 14:00～
// 16:00 … 第2部 懇親会 16:30～18:30) or a closing time standing apart (閉会
// 20:00). It returns the zero time when there is none.
func partsEnd(date, clock, after string, ref time.Time) time.Time {
	if date == "" {
		return time.Time{}
	}
	sp, err := parseDate(date, clock, ref)
	if err != nil || sp.AllDay {
		return time.Time{}
	}
	days, _ := jpdate.Parse(date, ref)
	lastDay := days.Start
	if days.AllDay && !days.End.IsZero() {
		lastDay = days.End // 2027.02.25（木）～02.26（金）
	}
	parts := partLine.MatchString(clock) || strings.Contains(clock, " / ")
	if !sp.End.IsZero() && !parts {
		return time.Time{}
	}
	latest := time.Time{}
	for _, text := range []string{date, clock} {
		if isoStamp.MatchString(text) {
			continue // 2026-12-08T06:30:00+09:00: its offset is no time
		}
		for _, seg := range strings.Split(text, " / ") {
			day := sp.Start
			if dayN.MatchString(seg) && !strings.HasPrefix(strings.TrimSpace(seg), "1日目") && !strings.HasPrefix(strings.TrimSpace(seg), "１日目") {
				day = lastDay // 2日目 9:00～12:00, 最終日 …
			}
			for _, m := range clockTimes.FindAllStringSubmatch(seg, -1) {
				h := atoiWide(m[1])
				mi := 0
				switch {
				case m[2] != "":
					mi = atoiWide(m[2])
				case m[3] != "":
					mi = atoiWide(m[3])
				case m[4] != "":
					mi = 30
				}
				if h > 29 || mi > 59 {
					continue
				}
				t := time.Date(day.Year(), day.Month(), day.Day(), h, mi, 0, 0, jpdate.Tokyo)
				if t.After(sp.Start) && t.After(latest) {
					latest = t
				}
			}
		}
	}
	if !sp.End.IsZero() && !latest.After(sp.End) {
		return time.Time{}
	}
	// The date's sentence or one after it says when it ends: …午後八時に
	// 終了の予定です, 午後8時30分終了予定です.
	if latest.IsZero() {
		for i, s := range append([]string{date}, sentences(after)...) {
			m := endsAt.FindStringSubmatch(s)
			if m == nil {
				continue
			}
			if _, err := jpdate.Parse(s, ref); err == nil && i > 0 {
				continue // another day's
			}
			if t, err := jpdate.ParseTime(m[1], sp.Start); err == nil && t.Start.After(sp.Start) {
				return t.Start
			}
		}
	}
	return latest
}

// dayN starts a line of one day of several: 2日目, 最終日.
var dayN = regexp.MustCompile(`^\s*(?:[0-9０-９一二三四五]+\s*日目|最終日)`)

// endsAt is a time followed by a word saying the event ends then; its
// first group is the time.
var endsAt = regexp.MustCompile(`((?:午前|午後)?\s*[0-9０-９一二三四五六七八九十]{1,3}\s*(?:[:：]\s*[0-9０-９]{2}|時\s*(?:[0-9０-９一二三四五六七八九十]{1,3}\s*分|半)?))\s*(?:に|頃|ごろ)?\s*(?:終了|閉会|終演|お開き|散会|解散|帰着)`)

// venuePhrases are how a sentence names the place: 会場は淀川区民ホールです,
// …より、ホテル新大阪グランデ 3階「葵の間」にて, …まで、例会館 2階で開催.
var venuePhrases = []*regexp.Regexp{
	regexp.MustCompile(`(?:会場|場所)\s*(?:は|：|:)\s*([^、。]{2,40}?)\s*(?:です|となります|にて|で開催|を予定|$)`),
	// 場所は ほんまちベース 5F（大阪市中央区…／堺筋本町駅 13番出口から
	// 徒歩2分）です: the place, then its address and the way there.
	regexp.MustCompile(`(?:会場|場所)\s*(?:は|：|:)\s*([^、。（(]{2,40}?)\s*[（(][^）)]{2,80}[）)]\s*(?:です|となります|にて|で開催|を予定)`),
	regexp.MustCompile(`(?:^|、|より|から|まで)\s*([^、。]{2,40}?)\s*(?:にて|において)`),
	// 午後2時から午後4時まで、例市ビジネスプラザ 2階 大会議室で開催します:
	// right after the hours, what it is held in.
	regexp.MustCompile(`(?:から|まで)\s*、\s*([^、。]{2,40}?)\s*で(?:開催|行い|行います|実施)`),
}

// paymentWords say how a fee is paid, not where: 当日現金にて申し受けます.
var paymentWords = []string{"現金", "振込", "振り込み", "支払", "カード決済", "申し受け"}

// proseVenue finds the venue a sentence of the text names near the date's
// line, without the address in brackets after it.
func proseVenue(lines []pageLine, at int) string {
	if at < 0 {
		return ""
	}
	for i := at; i < len(lines) && i <= at+2; i++ {
		if containsAny(lines[i].text, officeHours) {
			continue
		}
		for _, s := range sentences(lines[i].text) {
			if v := sentenceVenue(s); v != "" {
				return v
			}
		}
	}
	return ""
}

// availabilityGrid says whether a page's lines hold a booking service's
// grid of free slots: a dozen cells or more that are a mark alone (○, ×,
// △, －).
func availabilityGrid(lines []pageLine) bool {
	n := 0
	for _, l := range lines {
		switch strings.TrimSpace(l.text) {
		case "○", "◯", "×", "✕", "△", "－", "-", "◎":
			n++
		}
	}
	return n >= 12
}

// saidVenue is the place a sentence of the page's text names after 会場は
// or 場所は, or "".
func saidVenue(lines []pageLine) string {
	for _, l := range lines {
		if l.heading || l.byline || containsAny(l.text, officeHours) {
			continue
		}
		for _, s := range sentences(l.text) {
			if !strings.Contains(s, "会場は") && !strings.Contains(s, "場所は") {
				continue
			}
			if v := sentenceVenue(s); v != "" {
				return v
			}
		}
	}
	return ""
}

// sentenceVenue is the venue a sentence names (venuePhrases), without the
// address in brackets after it; "" when it names none.
func sentenceVenue(s string) string {
	for _, re := range venuePhrases {
		m := re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[1])
		if j := strings.LastIndexAny(v, "（("); j > 0 && strings.HasSuffix(v, "）") || strings.HasSuffix(v, ")") {
			if j := strings.LastIndexAny(v, "（("); j > 0 && addressLike.MatchString(v[j+len("（"):]) {
				v = strings.TrimSpace(v[:j])
			}
		}
		if v == "" || clockTimes.MatchString(v) || dayUntil.MatchString(v) || strings.ContainsAny(v, "0123456789０１２３４５６７８９") && !strings.ContainsAny(v, "階FＦ") ||
			containsAny(v, paymentWords) {
			continue
		}
		return v
	}
	return ""
}

func atoiWide(s string) int {
	var b strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		b.WriteRune(r)
	}
	n, _ := strconv.Atoi(b.String())
	return n
}

// microdataFields reads a schema.org Event written as microdata
// (itemscope itemtype=".../Event", itemprop="startDate" on a <time> or a
// <meta content>): name, start, end, the location's name and address, the
// event's status. It returns nil when the page has none.
func microdataFields(doc *goquery.Document) Fields {
	var scope *goquery.Selection
	doc.Find("[itemscope][itemtype]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t, _ := s.Attr("itemtype")
		if strings.HasSuffix(strings.TrimRight(t, "/ "), "Event") {
			scope = s
			return false
		}
		return true
	})
	if scope == nil {
		return nil
	}
	value := func(s *goquery.Selection) string {
		for _, a := range []string{"content", "datetime"} {
			if v, ok := s.Attr(a); ok && strings.TrimSpace(v) != "" {
				return normSpace(v)
			}
		}
		if href, ok := s.Attr("href"); ok && goquery.NodeName(s) == "link" {
			return href
		}
		return normSpace(strings.ReplaceAll(blockText(s.Nodes[0]), "\n", " "))
	}
	// own finds an itemprop of this scope, not of a scope nested in it.
	own := func(sc *goquery.Selection, prop string) *goquery.Selection {
		var found *goquery.Selection
		sc.Find("[itemprop]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if !has(strings.Fields(s.AttrOr("itemprop", "")), prop) {
				return true
			}
			if p := s.Parent().Closest("[itemscope]"); p.Length() > 0 && p.Nodes[0] != sc.Nodes[0] {
				return true
			}
			found = s
			return false
		})
		return found
	}
	f := Fields{}
	if s := own(scope, "name"); s != nil {
		f[FieldTitle] = value(s)
	}
	if s := own(scope, "startDate"); s != nil {
		f[FieldDate] = value(s)
	}
	if s := own(scope, "endDate"); s != nil {
		if v := value(s); isoStamp.MatchString(v) {
			f[fieldEnd] = v
		}
	}
	if s := own(scope, "eventStatus"); s != nil {
		v := strings.ToLower(value(s))
		switch {
		case strings.Contains(v, "cancel"):
			f[FieldStatus] = "中止"
		case strings.Contains(v, "postpone"), strings.Contains(v, "rescheduled"):
			f[FieldStatus] = "延期"
		}
	}
	if loc := own(scope, "location"); loc != nil {
		if _, ok := loc.Attr("itemscope"); ok {
			if s := own(loc, "name"); s != nil {
				f[FieldVenue] = value(s)
			}
			if s := own(loc, "address"); s != nil {
				f[FieldAddress] = value(s)
			}
		} else {
			f[FieldVenue] = value(loc)
		}
	}
	for k, v := range f {
		if v == "" {
			delete(f, k)
		}
	}
	return f
}

// classVenue is the text of the element the page's markup calls the place
// (class venue, place, location…; its name part when it has one), outside
// page chrome, or "".
func classVenue(doc *goquery.Document, ref time.Time) string {
	body := doc.Find("body").First()
	if body.Length() == 0 {
		return ""
	}
	var found string
	walkElements(body.Nodes[0], func(e *html.Node) bool {
		if found != "" || skippedBlock(e) {
			return false
		}
		words := idClassWords(e)
		online := has(words, "online") // er-event__online: オンライン（Zoom）
		if !(has(words, "venue") || has(words, "place") || has(words, "location") || has(words, "kaijo") || has(words, "basho") || online) {
			return true
		}
		v := normSpace(strings.ReplaceAll(blockText(e), "\n", " "))
		if online && (!strings.HasPrefix(v, onlineVenue) || v == onlineVenue) { // a badge says no more than JSON-LD
			return true
		}
		if lines := strings.Split(blockText(e), "\n"); len(lines) > 1 {
			v = normSpace(lines[0]) // the name, before its address and map
		}
		if _, err := jpdate.Parse(v, ref); v != "" && err != nil && !isLabelText(v) && utf8.RuneCountInString(v) <= 60 {
			found = v
			return false
		}
		if v != "" && utf8.RuneCountInString(v) <= 6 && !strings.ContainsAny(v, "0123456789") {
			found = v // オンライン
			return false
		}
		return true
	})
	return found
}

// microformatDates reads the start and end an hCalendar page marks (class
// dtstart and dtend, their datetime, title or content, or those of a <time>
// in them: My Calendar's page of one date of a course, 2027-01-14T18:30:00
// +09:00, whose text lists every session). Nothing when the page marks no
// start, or several different ones (a list's).
func microformatDates(doc *goquery.Document) Fields {
	value := func(class string) string {
		found, ok := "", true
		doc.Find("." + class).Each(func(_ int, s *goquery.Selection) {
			v := ""
			for _, c := range []*goquery.Selection{s, s.Find("time").First()} {
				for _, a := range []string{"datetime", "content", "title"} {
					if x := strings.TrimSpace(c.AttrOr(a, "")); v == "" && isoStamp.MatchString(x) {
						v = x
					}
				}
			}
			if v == "" || found != "" && v != found {
				ok = false
			}
			found = v
		})
		if !ok {
			return ""
		}
		return found
	}
	start := value("dtstart")
	if start == "" {
		return nil
	}
	f := Fields{FieldDate: start}
	if end := value("dtend"); end != "" {
		f[fieldEnd] = end
	}
	return f
}
