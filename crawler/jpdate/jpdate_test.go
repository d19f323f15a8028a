package jpdate

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func at(y, m, d, h, min int) time.Time {
	return time.Date(y, time.Month(m), d, h, min, 0, 0, Tokyo)
}

func day(y, m, d int) time.Time { return at(y, m, d, 0, 0) }

// ref is when a page was read in these tests: 1 March 2026.
var ref = at(2026, 3, 1, 10, 0)

func TestParse(t *testing.T) {
	none := time.Time{}
	tests := []struct {
		text       string
		start, end time.Time
		allDay     bool
	}{
		// 西暦 in every spelling.
		{"2026年12月3日(木) 18:30〜20:30", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 30), false},
		{"2026/12/3 18:30", at(2026, 12, 3, 18, 30), none, false},
		{"2026-12-03 18:30", at(2026, 12, 3, 18, 30), none, false},
		{"2026.12.3", day(2026, 12, 3), none, true},
		// A webinar's room opening and a hall's doors are not the start.
		{"2026年12月17日(木) 19:00～20:30（入室開始 18:50）", at(2026, 12, 17, 19, 0), at(2026, 12, 17, 20, 30), false},
		{"12月17日 入場 18:30 開演 19:00", at(2026, 12, 17, 19, 0), none, false},
		// A month and day with a slash after a label's colon.
		{"日時：12/9（水）18:30～（受付18:00～）", at(2026, 12, 9, 18, 30), none, false},
		{"開催日:12/9(水)", day(2026, 12, 9), none, true},
		// A page builder's English: month.day before an English weekday,
		// and open / start / close as 開場, 開演, 終了.
		{"3.13 sat 14:00-16:00", at(2027, 3, 13, 14, 0), at(2027, 3, 13, 16, 0), false},
		// Eventbrite's hours, the meridiem written once at the end.
		{"Thursday, December 17 · 7 - 9:30pm JST", at(2026, 12, 17, 19, 0), at(2026, 12, 17, 21, 30), false},
		{"Saturday, December 12 · 6:30 - 9pm JST", at(2026, 12, 12, 18, 30), at(2026, 12, 12, 21, 0), false},
		{"Sat, Dec 12 11 - 1pm", at(2026, 12, 12, 11, 0), at(2026, 12, 12, 13, 0), false},
		{"Dec 12 - 1pm", day(2026, 12, 12), none, true}, // a day, then an hour alone
		{"2027.1.22 fri 18:30 open / 19:00 start", at(2027, 1, 22, 19, 0), none, false},
		{"2027.1.22 fri 18:30 OPEN / 19:00 START / 21:30 CLOSE", at(2027, 1, 22, 19, 0), at(2027, 1, 22, 21, 30), false},
		{"２０２６年１２月３日（木）１８：３０～２０：３０", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 30), false},
		{"2026年 12月 3 日", day(2026, 12, 3), none, true},
		{"8月26 日", day(2026, 8, 26), none, true},
		{"二〇二六年十二月三日", day(2026, 12, 3), none, true},
		{"十二月三日", day(2026, 12, 3), none, true},
		{"2026-12-03T09:30:00Z", at(2026, 12, 3, 18, 30), none, false},
		// 和暦.
		{"令和8年12月3日（木）", day(2026, 12, 3), none, true},
		{"令和元年5月1日", day(2019, 5, 1), none, true},
		{"平成31年4月30日(火)", day(2019, 4, 30), none, true},
		{"昭和64年1月7日", day(1989, 1, 7), none, true},
		{"R8.12.3", day(2026, 12, 3), none, true},
		{"H30/1/19", day(2018, 1, 19), none, true},
		// Weekdays in any bracket.
		{"12月3日【木】", day(2026, 12, 3), none, true},
		{"12月3日木曜日", day(2026, 12, 3), none, true},
		{"12月3日(木曜)", day(2026, 12, 3), none, true},
		{"12月3(木)", day(2026, 12, 3), none, true},
		// A calendar plugin's agenda: the day without 日 before "@ time",
		// and a range to another month's day.
		{"12月 9 @ 07:00 – 08:30", at(2026, 12, 9, 7, 0), at(2026, 12, 9, 8, 30), false},
		{"2月 18 – 2月 19", day(2026, 2, 18), day(2026, 2, 19), true},
		{"2026年11月3日(火・祝)", day(2026, 11, 3), none, true},
		{"12/3(Thu) 7:00 PM - 9:00 PM", at(2026, 12, 3, 19, 0), at(2026, 12, 3, 21, 0), false},
		// English month names, as Webflow and Wix date fields print them.
		{"December 10, 2026", day(2026, 12, 10), none, true},
		{"Dec 10, 2026", day(2026, 12, 10), none, true},
		{"10 December 2026", day(2026, 12, 10), none, true},
		{"Sept. 3rd, 2026 7:00 PM", at(2026, 9, 3, 19, 0), none, false},
		{"December 20, 2026（Sun） 18:00-21:00", at(2026, 12, 20, 18, 0), at(2026, 12, 20, 21, 0), false},
		{"Dec 3 (Thu)", day(2026, 12, 3), none, true},
		// Without a year: not more than two months before ref, else next year.
		{"12/3 18:30", at(2026, 12, 3, 18, 30), none, false},
		{"1月20日", day(2026, 1, 20), none, true},
		{"12月20日", day(2026, 12, 20), none, true},
		{"12月28日〜1月5日", day(2026, 12, 28), day(2027, 1, 5), true},
		// The weekday picks the year: 2025-12-03 is a Wednesday.
		{"12月3日(水)", day(2025, 12, 3), none, true},
		// Times.
		{"12月3日 18時30分", at(2026, 12, 3, 18, 30), none, false},
		{"12月3日 18時半〜20時", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 0), false},
		{"12月3日 午後6時半から8時まで", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 0), false},
		// An end in the start's own hour, later in it (a city newsletter's
		// おはなし会): not twelve hours on.
		{"12月20日（日曜日）午前11時～11時30分", at(2026, 12, 20, 11, 0), at(2026, 12, 20, 11, 30), false},
		{"12月20日 午後1時～1時30分", at(2026, 12, 20, 13, 0), at(2026, 12, 20, 13, 30), false},
		{"12月3日 午前10時から午後5時半まで", at(2026, 12, 3, 10, 0), at(2026, 12, 3, 17, 30), false},
		{"12月3日 正午〜", at(2026, 12, 3, 12, 0), none, false},
		{"12月3日 朝7時", at(2026, 12, 3, 7, 0), none, false},
		{"12月3日 夜7時", at(2026, 12, 3, 19, 0), none, false},
		{"12月3日 6:45〜8:30", at(2026, 12, 3, 6, 45), at(2026, 12, 3, 8, 30), false},
		{"12月3日 18:00–21:00", at(2026, 12, 3, 18, 0), at(2026, 12, 3, 21, 0), false},
		{"12月3日 18:00—21:00", at(2026, 12, 3, 18, 0), at(2026, 12, 3, 21, 0), false},
		{"12月3日 18:00 - 21:00", at(2026, 12, 3, 18, 0), at(2026, 12, 3, 21, 0), false},
		{"12月3日 開場 18:00 / 開始 18:30", at(2026, 12, 3, 18, 30), none, false},
		{"12月3日 18:00開場 18:30開演 20:30終了", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 30), false},
		{"12月3日 受付開始 18:00 講演 18:30〜20:00", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 0), false},
		{"12月3日 18:00〜翌1:00", at(2026, 12, 3, 18, 0), at(2026, 12, 4, 1, 0), false},
		{"12月3日 18:00〜25:00", at(2026, 12, 3, 18, 0), at(2026, 12, 4, 1, 0), false},
		{"12月3日 22:00〜2:00", at(2026, 12, 3, 22, 0), at(2026, 12, 4, 2, 0), false},
		{"12月3日 10:00〜12:00／13:00〜17:00", at(2026, 12, 3, 10, 0), at(2026, 12, 3, 17, 0), false},
		{"12月3日 10:00〜17:00（展示は16:00まで）", at(2026, 12, 3, 10, 0), at(2026, 12, 3, 17, 0), false},
		{"12月3日 所要時間2時間", day(2026, 12, 3), none, true},
		// The 24-hour clock beyond doubt: a leading zero, an hour past 12,
		// a colon, a word for the part of the day.
		{"公開日時：2026年06月28日 01時09分", at(2026, 6, 28, 1, 9), none, false},
		{"12月3日 9時30分から16時", at(2026, 12, 3, 9, 30), at(2026, 12, 3, 16, 0), false},
		{"12月3日 10時〜12時", at(2026, 12, 3, 10, 0), at(2026, 12, 3, 12, 0), false},
		{"12月3日 6時〜7:00", at(2026, 12, 3, 6, 0), at(2026, 12, 3, 7, 0), false},
		{"12月3日 10時〜3時", at(2026, 12, 3, 10, 0), at(2026, 12, 3, 15, 0), false},
		{"12月3日 20時15", at(2026, 12, 3, 20, 15), none, false},
		{"12月3日 18時30 〜 20時", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 20, 0), false},
		{"12月3日 18時30分15秒", at(2026, 12, 3, 18, 30).Add(15 * time.Second), none, false},
		{"12月3日 6時30分PM-11時PM", at(2026, 12, 3, 18, 30), at(2026, 12, 3, 23, 0), false},
		{"12月3日 1時20分P.M.から3時", at(2026, 12, 3, 13, 20), at(2026, 12, 3, 15, 0), false},
		{"12月3日 午後1時半から同3時半", at(2026, 12, 3, 13, 30), at(2026, 12, 3, 15, 30), false},
		{"12月3日 夕方5時から", at(2026, 12, 3, 17, 0), none, false},
		{"12月3日 朝6時45分より", at(2026, 12, 3, 6, 45), none, false},
		{"12月3日 23時20分から2時", at(2026, 12, 3, 23, 20), at(2026, 12, 4, 2, 0), false},
		// Midnight and past it.
		{"12月3日 夜12時", at(2026, 12, 4, 0, 0), none, false},
		{"12月3日 22時〜夜12時", at(2026, 12, 3, 22, 0), at(2026, 12, 4, 0, 0), false},
		{"12月3日 12:10AM", at(2026, 12, 3, 0, 10), none, false},
		{"12月3日 25時30分", at(2026, 12, 4, 1, 30), none, false},
		{"12月3日 翌1時", at(2026, 12, 4, 1, 0), none, false},
		{"12月3日 18時〜翌2時", at(2026, 12, 3, 18, 0), at(2026, 12, 4, 2, 0), false},
		{"12月3日 深夜24:00", at(2026, 12, 4, 0, 0), none, false},
		// A time zone written after the time.
		{"2026年12月3日 10:00 GMT+0", at(2026, 12, 3, 19, 0), none, false},
		{"2026年12月3日 10:00 JST", at(2026, 12, 3, 10, 0), none, false},
		// Ranges that carry a time at both ends.
		{"2026年12月03日 22時00分 ～ 2027年01月10日 18時00分", at(2026, 12, 3, 22, 0), at(2027, 1, 10, 18, 0), false},
		{"１２月３日（木）１２：００－１２月４日（金）１６：００", at(2026, 12, 3, 12, 0), at(2026, 12, 4, 16, 0), false},
		{"12月3日 18:00〜5日 12:00", at(2026, 12, 3, 18, 0), at(2026, 12, 5, 12, 0), false},
		{"12月3日 18:00〜12月5日", at(2026, 12, 3, 18, 0), none, false},
		{"2026/12/03 18:00 ～ 2026/12/03 20:30", at(2026, 12, 3, 18, 0), at(2026, 12, 3, 20, 30), false},
		{"２０２６年１２月３日ー2026年12月5日", day(2026, 12, 3), day(2026, 12, 5), true},
		// Several days.
		{"12月3日(木)〜5日(土)", day(2026, 12, 3), day(2026, 12, 5), true},
		// A WordPress event plugin's date @ time, to the same date @ time.
		{"2026-11-18 @ 19:00 - 2026-11-18 @ 21:00", at(2026, 11, 18, 19, 0), at(2026, 11, 18, 21, 0), false},
		// A slashed date's last day, 日 left out as the first leaves it.
		{"3/6(土)〜7(日) 1泊2日合宿", day(2027, 3, 6), day(2027, 3, 7), true},
		{"12/3(木)〜5(土)", day(2026, 12, 3), day(2026, 12, 5), true},
		{"2026年12月3日・4日", day(2026, 12, 3), day(2026, 12, 4), true},
		{"2026年12月3日、4日", day(2026, 12, 3), day(2026, 12, 4), true},
		{"12月3日と4日 午前10時〜午後5時", at(2026, 12, 3, 10, 0), at(2026, 12, 4, 17, 0), false},
		{"7月7・8・9日", day(2026, 7, 7), day(2026, 7, 9), true},
		{"7月7,8日", day(2026, 7, 7), day(2026, 7, 8), true},
		{"7月 7 〜 9 日", day(2026, 7, 7), day(2026, 7, 9), true},
		{"7月7日・9日", day(2026, 7, 7), none, true},
		{"2026/06/19(金)~2026/06/20(土)", day(2026, 6, 19), day(2026, 6, 20), true},
		{"6月30日〜7月2日", day(2026, 6, 30), day(2026, 7, 2), true},
		{"2026年12月31日〜2027年1月2日", day(2026, 12, 31), day(2027, 1, 2), true},
		// More ways to write a date.
		{"2026・12・3", day(2026, 12, 3), none, true},
		{"2026,12,3", day(2026, 12, 3), none, true},
		{"2026年/12月/3日", day(2026, 12, 3), none, true},
		{"令和8・12・3", day(2026, 12, 3), none, true},
		{"Ｒ8/12/3", day(2026, 12, 3), none, true},
		{"H三十年一月十九日(金曜日)", day(2018, 1, 19), none, true},
		{"Ｓ４１年三月十六日", day(1966, 3, 16), none, true},
		{"2026 12月 3", day(2026, 12, 3), none, true},
		{"2026年12月3", day(2026, 12, 3), none, true},
		{"12月3 18:30", at(2026, 12, 3, 18, 30), none, false},
		{"12.3(木)", day(2026, 12, 3), none, true},
		{"'26年12月3日", day(2026, 12, 3), none, true},
		{"今年12月3日", day(2026, 12, 3), none, true},
		{"来年1月15日", day(2027, 1, 15), none, true},
		{"来年3月15日", day(2027, 3, 15), none, true},
		{"昨年12月3日", day(2025, 12, 3), none, true},
		{"12月3日 2027年", day(2027, 12, 3), none, true},
		{"木曜日, 12月 3日 2026, 午後 6:30", at(2026, 12, 3, 18, 30), none, false},
		{"2月の最終日", day(2026, 2, 28), none, true},
		{"2028年2月末日", day(2028, 2, 29), none, true},
		{"3月1日〜末日", day(2026, 3, 1), day(2026, 3, 31), true},
		{"12/3の木曜日", day(2026, 12, 3), none, true},
		// Text around the date is ignored.
		{"日時：2026年12月3日（木）18:30〜 ※雨天決行", at(2026, 12, 3, 18, 30), none, false},
		{"開催日 2026年12月3日", day(2026, 12, 3), none, true},
		{"第3回　2026年12月3日&emsp;18:30", at(2026, 12, 3, 18, 30), none, false},
		{"定員 30/50名 12月3日", day(2026, 12, 3), none, true},
	}
	for _, tt := range tests {
		sp, err := Parse(tt.text, ref)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.text, err)
			continue
		}
		if !sp.Start.Equal(tt.start) || !sp.End.Equal(tt.end) || sp.AllDay != tt.allDay {
			t.Errorf("Parse(%q) = %v .. %v all_day=%v, want %v .. %v all_day=%v",
				tt.text, sp.Start, sp.End, sp.AllDay, tt.start, tt.end, tt.allDay)
		}
		if sp.Start.Location() != Tokyo {
			t.Errorf("Parse(%q): Start in %v, want Asia/Tokyo", tt.text, sp.Start.Location())
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ text, why string }{
		{"12月上旬", "part of it"},
		{"2026年12月", "no day of the month"},
		{"December 2026", "no date"},
		{"未定", "not decided"},
		{"毎月第2水曜", "recurring"},
		{"毎週金曜日 12:30〜13:30", "recurring"},
		{"19:00〜20:00", "a time without a date"},
		{"開催日 18日の第3金曜日", "recurring"},
		{"毎月18日 12時より", "recurring"},
		{"紀元前1989年3月7日", "another calendar"},
		{"旧暦2026年1月3日", "another calendar"},
		{"3日前に申込", "without its month"},
		{"8日目", "no date"},
		{"5位『代表的日本人』内村鑑三／6位『武士道』", "no date"}, // a name's 三, then a slash
		{"三／六", "no date"},
		{"18:30/2", "a time without a date"}, // a clock's colon, then a slash
		{"12月3日前日", "counted from the date"},
		{"2026年1月32", "no day of the month"},
		{"12月3日の翌日", "counted from the date"},
		{"5日間", "no date"},
		{"7.18メートル", "no date"},
		{"7.18 saturated", "no date"},
		{"1/50の模型", "no date"},
		{"31日(水)", "is a Wednesday"},
		{"2026年2月30日", "no such day"},
		{"2月29日(木)", "no such day"},
		{"12月3日(月)", "not a Monday"},
		{"12月5日〜3日", "not after the first"},
		{"", "no date"},
		{"こんにちは", "no date"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.text, ref)
		if !errors.Is(err, ErrNoDate) {
			t.Errorf("Parse(%q) error = %v, want ErrNoDate", tt.text, err)
			continue
		}
		if !strings.Contains(err.Error(), tt.why) || !strings.HasPrefix(err.Error(), `jpdate: "`) {
			t.Errorf("Parse(%q) error = %q, want it to say %q", tt.text, err, tt.why)
		}
	}
}

// TestParseAmbiguous checks the readings returned with ErrAmbiguous: the
// value of the conventions doc.go describes, and the error.
func TestParseAmbiguous(t *testing.T) {
	none := time.Time{}
	tests := []struct {
		text       string
		start, end time.Time
		allDay     bool
	}{
		// A bare 1 to 8時: 1 to 5 the afternoon, 6 to 8 the morning.
		{"12月3日 3時から", at(2026, 12, 3, 15, 0), none, false},
		{"12月3日 5時半から", at(2026, 12, 3, 17, 30), none, false},
		{"12月3日（木）6時45分より", at(2026, 12, 3, 6, 45), none, false},
		{"12月3日 7時〜9時", at(2026, 12, 3, 7, 0), at(2026, 12, 3, 9, 0), false},
		{"12月3日 4時45分頃から7時まで懇親会", at(2026, 12, 3, 16, 45), at(2026, 12, 3, 19, 0), false},
		{"12月3日 1時~2時", at(2026, 12, 3, 13, 0), at(2026, 12, 3, 14, 0), false},
		{"12月3日 2時〜17時", at(2026, 12, 3, 14, 0), at(2026, 12, 3, 17, 0), false},
		// A 24-hour start and a bare end that fits the same afternoon.
		{"12月3日 18時〜8時", at(2026, 12, 3, 18, 0), at(2026, 12, 3, 20, 0), false},
		// Which night, and which 12.
		{"12月3日 深夜2時", at(2026, 12, 3, 2, 0), none, false},
		{"12月3日 深夜0時", at(2026, 12, 3, 0, 0), none, false},
		{"12月3日 夜1時", at(2026, 12, 3, 1, 0), none, false},
		{"12月3日 午前12時", at(2026, 12, 3, 0, 0), none, false},
		{"12月3日 午後12時", at(2026, 12, 3, 12, 0), none, false},
		// A day without its month: the month of ref (1 March 2026), or the
		// neighbour the weekday names.
		{"8日", day(2026, 3, 8), none, true},
		{"10日午前7時", at(2026, 3, 10, 7, 0), none, false},
		{"18日の12時より", at(2026, 3, 18, 12, 0), none, false},
		{"3日(金)", day(2026, 4, 3), none, true},
		{"10日〜12日", day(2026, 3, 10), day(2026, 3, 12), true},
	}
	for _, tt := range tests {
		sp, err := Parse(tt.text, ref)
		if !errors.Is(err, ErrAmbiguous) || errors.Is(err, ErrNoDate) || errors.Is(err, ErrWeekday) {
			t.Errorf("Parse(%q) error = %v, want ErrAmbiguous", tt.text, err)
		}
		if !sp.Start.Equal(tt.start) || !sp.End.Equal(tt.end) || sp.AllDay != tt.allDay {
			t.Errorf("Parse(%q) = %v .. %v all_day=%v, want %v .. %v all_day=%v",
				tt.text, sp.Start, sp.End, sp.AllDay, tt.start, tt.end, tt.allDay)
		}
	}
	d := at(2026, 12, 3, 0, 0)
	if sp, err := ParseTime("7時から", d); !errors.Is(err, ErrAmbiguous) || !sp.Start.Equal(at(2026, 12, 3, 7, 0)) {
		t.Errorf("ParseTime(7時から) = %v, %v, want 07:00 with ErrAmbiguous", sp.Start, err)
	}
	// A weekday that contradicts and a bare hour: both doubts are told.
	sp, err := Parse("2026年12月3日(金) 3時", ref)
	if !errors.Is(err, ErrWeekday) || !errors.Is(err, ErrAmbiguous) || !sp.Start.Equal(at(2026, 12, 3, 15, 0)) {
		t.Errorf("Parse(2026年12月3日(金) 3時) = %v, %v, want 15:00 with ErrWeekday and ErrAmbiguous", sp.Start, err)
	}
}

// TestCalendar holds the parser's own day arithmetic to the time package's:
// the weekday of a day, and the day two months before ref.
func TestCalendar(t *testing.T) {
	for d := day(1899, 12, 1); d.Before(day(2101, 3, 1)); d = d.AddDate(0, 0, 1) {
		c := ymd{d.Year(), int(d.Month()), d.Day()}
		if got := c.weekday(); got != int(d.Weekday()) {
			t.Fatalf("%v: weekday %d, want %d", c, got, d.Weekday())
		}
		p := newParser(nil, d.Add(13*time.Hour))
		l := d.AddDate(0, -2, 0)
		if got, want := p.low(), (ymd{l.Year(), int(l.Month()), l.Day()}); got != want {
			t.Fatalf("%v: two months before is %v, want %v", c, got, want)
		}
	}
}

func TestParseNoRef(t *testing.T) {
	if _, err := Parse("12月3日", time.Time{}); !errors.Is(err, ErrNoDate) {
		t.Errorf("a date without a year and no ref: err = %v, want ErrNoDate", err)
	}
	if sp, err := Parse("2026年12月3日", time.Time{}); err != nil || !sp.Start.Equal(day(2026, 12, 3)) {
		t.Errorf("a full date needs no ref: %v, %v", sp, err)
	}
}

// TestParseWeekdayContradicts checks that the written date wins and the
// contradiction is reported.
func TestParseWeekdayContradicts(t *testing.T) {
	sp, err := Parse("2026年12月3日(金) 18:30", ref)
	if !errors.Is(err, ErrWeekday) || errors.Is(err, ErrNoDate) {
		t.Fatalf("err = %v, want ErrWeekday", err)
	}
	if !sp.Start.Equal(at(2026, 12, 3, 18, 30)) {
		t.Errorf("Start = %v, want the written date 2026-12-03 18:30", sp.Start)
	}
	if !strings.Contains(err.Error(), "Thursday") {
		t.Errorf("err = %q, want it to name the real weekday", err)
	}
	// The same for the last day of a range.
	sp, err = Parse("2026年12月3日(木)〜5日(金)", ref)
	if !errors.Is(err, ErrWeekday) || errors.Is(err, ErrNoDate) {
		t.Fatalf("range: err = %v, want ErrWeekday", err)
	}
	if !sp.Start.Equal(day(2026, 12, 3)) || !sp.End.Equal(day(2026, 12, 5)) {
		t.Errorf("range: %v .. %v, want the written days 2026-12-03 .. 2026-12-05", sp.Start, sp.End)
	}
}

func TestParseTime(t *testing.T) {
	d := at(2026, 12, 3, 15, 4)
	tests := []struct {
		text       string
		start, end time.Time
	}{
		{"19:00〜20:00", at(2026, 12, 3, 19, 0), at(2026, 12, 3, 20, 0)},
		{"午後6時半から", at(2026, 12, 3, 18, 30), time.Time{}},
		{"開場 18:00 / 開始 18:30", at(2026, 12, 3, 18, 30), time.Time{}},
		{"18:00〜翌1:00", at(2026, 12, 3, 18, 0), at(2026, 12, 4, 1, 0)},
	}
	for _, tt := range tests {
		sp, err := ParseTime(tt.text, d)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tt.text, err)
			continue
		}
		if !sp.Start.Equal(tt.start) || !sp.End.Equal(tt.end) || sp.AllDay {
			t.Errorf("ParseTime(%q) = %v .. %v, want %v .. %v", tt.text, sp.Start, sp.End, tt.start, tt.end)
		}
	}
	if _, err := ParseTime("会場：大阪市北区", d); !errors.Is(err, ErrNoTime) {
		t.Errorf("ParseTime without a time: err = %v, want ErrNoTime", err)
	}
	for _, text := range []string{"23時59秒", "5時70分", "午後13時", "30時", "3時-5時70分"} {
		if sp, err := ParseTime(text, d); !errors.Is(err, ErrNoTime) {
			t.Errorf("ParseTime(%q) = %v, %v, want ErrNoTime: it is no time", text, sp.Start, err)
		}
	}
}

// FuzzParse checks what holds for any text: an error without a value wraps
// ErrNoDate, a value comes with no error or with ErrWeekday or ErrAmbiguous,
// the value is in Tokyo, ends after it starts, and lies on a day the text
// names (see onNamedDay); ParseTime's value lies on the day it is given.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"2026年12月3日(木) 18:30〜20:30", "12/3 18:30", "令和元年5月1日", "R8.12.3",
		"12月3日(木)〜5日(土)", "7月7・8・9日", "開場 18:00 / 開始 18:30", "18:00〜翌1:00",
		"12月28日〜1月5日", "十二月三日", "2026-12-03T09:30:00Z", "12月上旬", "毎月第2水曜",
		"12月3日 22:00〜2:00", "2月29日(木)", "&emsp;",
		"12月3日 深夜0時", "12月3日 夜12時", "12月3日 25時30分", "12月3日 6時30分PM-11時PM",
		"2026年12月03日 22時00分 ～ 2027年01月10日 18時00分", "１２月３日（木）１２：００－１２月４日（金）１６：００",
		"今年12月3日", "来年1月15日", "12月3日 2027年", "日曜日, 2月 14日 2010, 午後 3:25:50",
		"2026・12・3", "Ｒ8/12/3", "H三十年一月十九日(金曜日)", "2026 12月 3", "8日", "10日午前7時",
		"2月の最終日", "3月1日〜末日", "2026年12月3日 10:00 GMT+0", "'26年12月3日", "12.3(木)",
		"午後1時半から同3時半", "12月3日 3時から", "12月3日 1時20分P.M.から3時", "紀元前1989年3月7日",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := Parse(s, ref)
		doubt := errors.Is(err, ErrWeekday) || errors.Is(err, ErrAmbiguous)
		if err != nil && !doubt {
			if !sp.Start.IsZero() || !errors.Is(err, ErrNoDate) {
				t.Fatalf("Parse(%q) = %v, %v: an error without a date must wrap ErrNoDate", s, sp, err)
			}
			return
		}
		if errors.Is(err, ErrNoDate) {
			t.Fatalf("Parse(%q) = %v, %v: a value with ErrNoDate", s, sp, err)
		}
		if sp.Start.IsZero() || sp.Start.Location() != Tokyo {
			t.Fatalf("Parse(%q): Start %v not in Tokyo", s, sp.Start)
		}
		if !sp.End.IsZero() && (sp.End.Before(sp.Start) || sp.End.Location() != Tokyo) {
			t.Fatalf("Parse(%q): End %v before Start %v or not in Tokyo", s, sp.End, sp.Start)
		}
		if sp.AllDay && (sp.Start.Hour() != 0 || sp.Start.Minute() != 0) {
			t.Fatalf("Parse(%q): all-day Start %v not at midnight", s, sp.Start)
		}
		if why := onNamedDay(s, sp, errors.Is(err, ErrAmbiguous)); why != "" {
			t.Fatalf("Parse(%q) = %v .. %v all_day=%v (%v): %s", s, sp.Start, sp.End, sp.AllDay, err, why)
		}
		d := sp.Start.In(Tokyo)
		if sp2, err := ParseTime(s, sp.Start); err == nil || errors.Is(err, ErrAmbiguous) {
			if sp2.Start.IsZero() || !sp2.End.IsZero() && sp2.End.Before(sp2.Start) {
				t.Fatalf("ParseTime(%q) = %v .. %v: End before Start", s, sp2.Start, sp2.End)
			}
			if !writesZone(s) && !sameDay(sp2.Start, d) && !sameDay(sp2.Start, d.AddDate(0, 0, 1)) {
				t.Fatalf("ParseTime(%q, %v) = %v: not on that day or the next", s, d, sp2.Start)
			}
		} else if !errors.Is(err, ErrNoTime) {
			t.Fatalf("ParseTime(%q) error %v does not wrap ErrNoTime", s, err)
		}
	})
}

// writesZone reports whether s names a time zone, or is a timestamp with
// one: its instant may then fall on another day in Tokyo.
func writesZone(s string) bool {
	if _, ok := parseISO(s); ok {
		return true
	}
	for _, t := range lex(nil, s) {
		if t.kind == kWord && t.w == wZone {
			return true
		}
	}
	return false
}

// onNamedDay returns why sp does not lie on a day the text names, or "".
// A day is named when its day and month are numbers written in the text (or
// 末日 for a month's last day; the month of ref, or the one before or after,
// for a day written alone, which comes with ErrAmbiguous) and its year is
// written too, as a year, a short year or an era year, or is near ref's. A
// time may fall on the day after a named day when the text writes 翌, an hour
// of 24 or more, or 夜12時. A timed start's hour is written in the text.
func onNamedDay(s string, sp Span, amb bool) string {
	toks := lex(nil, s)
	nums := map[int]bool{}
	var next, lastDay, noon bool
	for i, t := range toks {
		switch {
		case t.kind == kNum:
			nums[t.val] = true
			if t.val >= 24 && i+1 < len(toks) && toks[i+1].kind == kSym && (toks[i+1].r == '時' || toks[i+1].r == ':') {
				next = true
			}
			if t.val == 12 && i > 0 && toks[i-1].kind == kWord && (toks[i-1].w == wNight || toks[i-1].w == wLate) {
				next = true
			}
		case t.kind == kWord && t.w == wNext:
			next = true
		case t.kind == kWord && t.w == wLastDay:
			lastDay = true
		case t.kind == kWord && t.w == wNoon:
			noon = true
		}
	}
	zone := writesZone(s)
	refY, refM, _ := ref.Date()
	named := func(t time.Time) bool {
		y, m, d := t.In(Tokyo).Date()
		dayOK := nums[d] || lastDay && d == daysIn(y, int(m))
		months := (y-refY)*12 + int(m) - int(refM)
		monthOK := nums[int(m)] || amb && months >= -1 && months <= 1
		yearOK := y >= refY-1 && y <= refY+2 || nums[y] || nums[y%100]
		for _, base := range []int{2018, 1988, 1925, 1911} {
			yearOK = yearOK || y > base && nums[y-base]
		}
		return dayOK && monthOK && yearOK
	}
	onDay := func(t time.Time) bool {
		return named(t) || (next || zone) && named(t.AddDate(0, 0, -1)) || zone && named(t.AddDate(0, 0, 1))
	}
	if !onDay(sp.Start) {
		return "Start is on no day the text names"
	}
	// An end may also fall on the start's day, or after midnight on the next.
	pastMidnight := sameDay(sp.End, sp.Start.AddDate(0, 0, 1)) && !sp.AllDay && sp.End.In(Tokyo).Hour() <= sp.Start.In(Tokyo).Hour()
	if !sp.End.IsZero() && !onDay(sp.End) && !sameDay(sp.End, sp.Start) && !pastMidnight {
		return "End is on no day the text names"
	}
	if !sp.AllDay && !zone {
		h := sp.Start.In(Tokyo).Hour()
		if !nums[h] && !(h >= 12 && nums[h-12]) && !nums[h+24] && !(noon && h == 12) && !(h == 0 && (nums[12] || nums[24])) {
			return "the hour of Start is not written"
		}
	}
	return ""
}

// listings are date texts as Osaka event pages write them, one of each
// common shape, for BenchmarkParseListings.
var listings = []string{
	"2026年12月3日(木) 18:30〜20:30",
	"令和8年12月3日（木）18時30分～20時30分",
	"12月3日(木) 受付18:00 開始18:30",
	"日時：12/3(木) 19:00-21:00",
	"2026/12/03",
	"12月3日（木）・4日（金）10:00～17:00",
	"平成30年5月22日(火)  9時07分スタート",
	"12月3日 午後6時半から8時まで",
	"２０２６年１２月３日（木）１８：３０～",
	"12月上旬",
}

// BenchmarkParseListings parses each of listings once an iteration; ns/op
// over len(listings) is the cost of a date.
func BenchmarkParseListings(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range listings {
			Parse(s, ref)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("2026年12月3日(木) 18:30〜20:30", ref); err != nil {
			b.Fatal(err)
		}
	}
}

// WordPress plugins print "F j, Y" with Japanese month names: 12月 16,
// 2026 (My Calendar's day headings and event dates).
func TestParseMonthDayCommaYear(t *testing.T) {
	ref := time.Date(2026, 12, 6, 10, 0, 0, 0, Tokyo)
	for text, want := range map[string]time.Time{
		"12月 16, 2026":        time.Date(2026, 12, 16, 0, 0, 0, 0, Tokyo),
		"1月 14, 2027 18:30":   time.Date(2027, 1, 14, 18, 30, 0, 0, Tokyo),
		"令和8年12月16日（水）、19時から": time.Date(2026, 12, 16, 19, 0, 0, 0, Tokyo),
	} {
		sp, err := Parse(text, ref)
		if err != nil || !sp.Start.Equal(want) {
			t.Errorf("%q: %v, %v; want %v", text, sp.Start, err, want)
		}
	}
}
