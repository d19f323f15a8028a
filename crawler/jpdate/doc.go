// Package jpdate reads the dates and times Japanese event pages write, such as
// "2026年12月3日(木) 18:30〜20:30", and returns them as a Span in Tokyo time.
//
// A wrong date is the worst thing kouryu can publish, so the parser reads what
// it can exactly and returns an error, never a guess, for the rest.
//
// What it reads:
//
//   - Dates: 西暦 (2026年12月3日, 2026/12/3, 2026-12-03, 2026.12.3) and 和暦
//     (令和8年12月3日, 平成31年, 昭和, 元年, R8.12.3, H30.1.19); a month and day
//     without a year (12月3日, 12/3, 12月3(木)); a two-digit or era-less year
//     (26年12月3日) only when it agrees with the inferred one; full-width digits and punctuation, kanji
//     numerals (十二月三日), stray spaces (8月26 日), HTML spaces (&emsp;).
//   - Weekdays in any bracket or none: (木), （木）, 【木】, (木曜日), 木曜日,
//     (木・祝), (Thu). A weekday confirms a date; for a date without a year it
//     picks the one nearby year where the day falls on it. A weekday that
//     contradicts an explicit date returns the written date with ErrWeekday.
//   - Several days: 12月3日(木)〜5日(土), 12月3日・4日, 12月3日と4日, 7月17・18・19日,
//     6月12,13日, 12月28日〜1月5日, 2026/06/19(金)~2026/06/20(土). Days listed
//     with a gap (3日・5日) give the first day only.
//   - Times: 18:30, 18：30, 18時30分, 18時半, 午後6時半, 夜7時, 朝7時, 正午; ranges
//     with 〜 ～ ~ - – — から まで; labels, where the start is 開始 or 開演 and not
//     開場 or 受付 (開場 18:00 / 開始 18:30, 18:00開場 18:30開始); an end past
//     midnight (18:00〜翌1:00, 〜25:00). 時 times from 1 to 5 without 午前 or 朝
//     are read as the afternoon (4時45分から), as no business event starts then.
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
// What names no single day is an error wrapping ErrNoDate that says why:
// 12月上旬 (a part of a month), 2026年12月 (no day), 未定, 毎月第2水曜 (a
// recurring rule), 19:00〜20:00 alone (no date; see ParseTime), 2月30日 (no
// such day).
package jpdate
