// Package jpdate reads the dates and times Japanese event pages write, such as
// "2026年12月3日(木) 18:30〜20:30", and returns them as a Span in Tokyo time.
//
// A wrong date is the worst thing kouryu can publish, so the parser reads what
// it can exactly and returns an error, never a silent guess, for the rest.
// Three outcomes:
//
//   - a Span and no error: what the text writes, read exactly;
//   - a Span and an error wrapping ErrWeekday or ErrAmbiguous: a reading with
//     a doubt the error names (a contradicting weekday; a part filled in by
//     one of the conventions below). A caller with a better source prefers
//     it; a caller that checks only err != nil stays safe;
//   - no Span and an error wrapping ErrNoDate (ParseTime: ErrNoTime) that says
//     why.
//
// What it reads:
//
//   - Dates: 西暦 (2026年12月3日, 2026/12/3, 2026-12-03, 2026.12.3, 2026・12・3,
//     2026,12,3, 2026年/12月/3日, 2026 12月 3) and 和暦 (令和8年12月3日,
//     平成31年, 昭和, 元年, R8.12.3, H30.1.19, Ｓ４１年三月十六日); a month and
//     day without a year (12月3日, 12/3, 12月3(木), 12.3(木)); a year after the
//     day (12月3日 2026年); 今年, 本年, 来年, 再来年, 昨年, 去年 before a month;
//     '26年; 2月の最終日 and 2月末日 (the last day); full-width digits and
//     punctuation, kanji numerals (十二月三日, 一九八九年), stray spaces,
//     HTML spaces (&emsp;). A two-digit or era-less year (26年12月3日) counts
//     only when it agrees with the inferred one.
//   - Weekdays in any bracket or none, before or after the date: (木), （木）,
//     【木】, (木曜日), 木曜日, (木・祝), (Thu), の木曜日. A weekday confirms a
//     date; for a date without a year it picks the one nearby year where the
//     day falls on it. A weekday that contradicts an explicit date (the first
//     day or the last) returns the written date with ErrWeekday.
//   - Several days: 12月3日(木)〜5日(土), 12月3日・4日, 12月3日と4日, 7月17・18・19日,
//     6月12,13日, 12月28日〜1月5日, 2026/06/19(金)~2026/06/20(土), 3月1日〜末日,
//     2013年12月26日ー2014年1月7日 (ー as a dash). Days listed with a gap
//     (3日・5日) give the first day only.
//   - Times: 18:30, 18：30, 18:30:15, 18時30分, 18時30分15秒, 18時半, 20時15,
//     午後6時半, 夜7時, 朝7時, 夕方5時, 深夜2時, 正午, 7:00 PM, 6時30分PM,
//     1時20分P.M.; ranges with 〜 ～ ~ - – — から まで, 同 for the same half of
//     the day (午後1時半から同3時半); labels, where the start is 開始 or 開演
//     and not 開場 or 受付 (開場 18:00 / 開始 18:30, 18:00開場 18:30開始); an
//     end past midnight (18:00〜翌1:00, 〜25:00, 23時20分から2時); hours of 24
//     to 29 (25時30分 is 1:30 the next day); a time zone after the time (GMT+0,
//     UTC, JST), converted to Tokyo.
//   - A range with a time at both ends: 2026年12月3日 22時00分 ～ 2026年12月5日
//     18時00分, １２月３日（木）１２：００－１２月４日（金）１６：００.
//   - RFC 3339 timestamps (2026-12-03T09:30:00Z), converted to Tokyo.
//
// With several days and a time range, Start is the first day at the start
// time and End the last day at the end time. Later ranges of the same day
// outside brackets extend the end (10:00〜12:00／13:00〜17:00); times in
// brackets (展示は16:00まで) and after another date do not count.
//
// Text around the date (日時：, 開催日, ※雨天決行) is ignored; the first date in
// the text is the one read, and only the days and times that follow it count.
//
// A date without a year takes the year that puts it nearest to, and not more
// than two months before, the reference time (when the page was read).
//
// # Conventions, and the doubts they leave
//
// Where the text does not decide, Parse follows these conventions. Those
// marked ErrAmbiguous return their reading with an error wrapping it.
//
// The hours of the day. Listings write evening events on the 24-hour clock
// (18:30, 19時) or with 午後 or 夜 (午後6時半, 夜7時). In 442 Osaka and Kansai
// listings and date strings read while writing this, an hour of the evening
// (17 to 23) was written 74 times: 58 on the 24-hour clock, 16 with 午後 or
// 夜, and bare (5時半から) once as a start. An hour is therefore read on the
// 24-hour clock beyond doubt when it has a colon (7:00 is the morning), a
// leading zero (01時09分 is 1:09), is 0, 12 (noon) or 13 and more, or has a
// word for its half of the day. The same listings wrote 9, 10 and 11時 bare
// 20 times, all in the morning, so those are the morning too. A bare 1 to
// 8時 is not decided by the text: a breakfast meeting starts at 6時45分 and a
// party ends at 7時. It returns ErrAmbiguous with this reading: 1 to 5 the
// afternoon (4時45分から is 16:45: nobody meets at 4 at night, and the
// listings wrote 朝5時 for their 5 in the morning), 6 to 8 the morning. The other end of a range
// decides it when it can: 6時〜7:00 and 10時〜12時 are the morning, 1時〜午後3時
// the afternoon; 2時〜17時, where the 24-hour reading makes a day of more
// than 12 hours, stays ambiguous and is read 14:00. A bare end shares the
// half of the day of its start (午後6時〜8時 is 20:00; 10時〜3時 is 15:00); after
// a 24-hour start it also could be the next morning (18時〜8時), so it is read
// the same evening with ErrAmbiguous.
//
// Midnight. 夜12時 and 深夜12時 are 24:00, the midnight that ends the day
// written; 24時 to 29時 are hours of the next day. 深夜 before 0 to 5時, or 夜
// before 0 to 4時 (深夜2時), is read on the day written, 2:00, with
// ErrAmbiguous: listings also write it for the night after that day. 午前12時 is read 0:00 and 午後12時
// 12:00, both with ErrAmbiguous, since a decree of 1872 still cited makes them
// the other way round; 12:10 AM is 0:10 and 12:10 PM is 12:10.
//
// A day written alone (8日, 10日午前7時) takes the month of the reference
// time, or the month before or after when its weekday says so, with
// ErrAmbiguous: the page names its month elsewhere, if anywhere.
//
// What names no single day is an error wrapping ErrNoDate that says why:
// 12月上旬 (a part of a month), 2026年12月 (no day), 未定, 毎月第2水曜 (a
// recurring rule), 19:00〜20:00 alone (no date; see ParseTime), 2月30日 (no
// such day), 12月3日の前日 (a day counted from the date), 旧暦 and 紀元前 dates
// (another calendar), 3日間 and 8日目 (counts of days).
//
// testdata/conformance.tsv holds some 470 cases from other parsers' test
// suites (ja-timex, chrono, dateparser, Lingua-JA-FindDates,
// DateTime-Format-Japanese, moment, date-fns), with what jpdate returns where
// it is not the suite's value without an error, and why.
package jpdate
