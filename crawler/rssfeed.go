package crawler

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"

	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// ParseFeed reads an RSS 2.0, Atom (or JSON Feed) announcement feed of src
// fetched at fetched. Each item is an announcement: its title, link and
// text (HTML made plain) make the event, and the event's date is read from
// the text — a 日時/開催日 line first, then the title, then the rest — with
// jpdate, never from pubDate, which is when it was announced. pubDate is
// only the reference for a date written without a year. An item whose date
// cannot be read is counted in UnreadableDates and listed as a problem.
func ParseFeed(data []byte, src *Source, fetched time.Time) (FeedResult, error) {
	var res FeedResult
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(utf8Declared(data)))
	if err != nil {
		return res, fmt.Errorf("parse feed: %w", err)
	}
	feedURL := ""
	if len(src.StartURLs) > 0 {
		feedURL = src.StartURLs[0]
	}
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		e, notes, err := feedEvent(it, src, feedURL, fetched)
		res.Problems = append(res.Problems, notes...)
		if err != nil {
			if errors.Is(err, ErrUnreadableDate) {
				res.UnreadableDates++
			}
			res.Problems = append(res.Problems, err.Error())
			continue
		}
		res.Events = append(res.Events, e)
	}
	return res, nil
}

func feedEvent(it *gofeed.Item, src *Source, feedURL string, fetched time.Time) (event.Event, []string, error) {
	title := normSpace(htmlText(it.Title))
	link := strings.TrimSpace(it.Link)
	if !absoluteHTTP(link) {
		link = ""
	}
	where := link
	if where == "" {
		where = feedURL
	}
	if title == "" {
		return event.Event{}, nil, fmt.Errorf("%s: item without title", where)
	}
	body := it.Content
	if strings.TrimSpace(htmlText(body)) == "" || len(htmlText(it.Description)) > len(htmlText(body)) {
		body = it.Description
	}
	text := htmlText(body)
	ref := fetched
	if it.PublishedParsed != nil && it.PublishedParsed.Before(fetched) {
		ref = *it.PublishedParsed
	}
	f := labelledText(text)
	f[FieldTitle] = title
	if text != "" {
		f[FieldDescription] = text
	}
	var span jpdate.Span
	var err error
	for _, cand := range []string{f[FieldDate], title, text} {
		if cand == "" {
			continue
		}
		if span, err = parseDate(cand, f[FieldTime], ref); err == nil {
			break
		}
	}
	if span.Start.IsZero() {
		return event.Event{}, nil, fmt.Errorf("%s: %q: %w: no date in the title or the text", where, title, ErrUnreadableDate)
	}
	if span.AllDay && f[FieldDate] == "" && text != "" {
		// 【中止】勉強会（12月10日） over "12月10日（木）19:00〜 …にて予定して
		// おりました": the text gives the day's hours.
		if ts, err := parseDate(text, "", ref); err == nil && !ts.AllDay && ts.Start.Format(time.DateOnly) == span.Start.Format(time.DateOnly) {
			span = ts
		}
	}
	if f[FieldVenue] == "" {
		f[FieldVenue] = plannedPlace(text)
	}
	if f[FieldAddress] == "" {
		// 会場：ホテル阿波座 2F（大阪市西区立売堀1-9-XX）: the hall, and its
		// address in brackets.
		if v, a, ok := bracketed(f[FieldVenue]); ok {
			f[FieldVenue], f[FieldAddress] = v, a
		}
	}
	// Without the way there or a remark in brackets (（第2部は近隣店舗に
	// て）, （駐車場なし）), as auto reads an event page's venue.
	splitAddress(f)
	e := event.Event{
		Source:      src.ID,
		URL:         link,
		Title:       title,
		Description: f[FieldDescription],
		StartsAt:    span.Start,
		EndsAt:      span.End,
		AllDay:      span.AllDay,
		Venue:       f[FieldVenue],
		Address:     f[FieldAddress],
		Organizer:   f[FieldOrganizer],
		Fee:         f[FieldFee],
		Status:      statusOf("", title),
		FetchedAt:   fetched,
	}
	titleKey := ""
	if link == "" {
		e.URL, titleKey = feedURL, title
	}
	return finishEvent(src, e, titleKey)
}

// plannedAt is the place a cancellation names in its sentence: 12月10日
// （木）19:00〜 区民センター 第3会議室にて予定しておりました…, 12月3日（木）に
// 交野カントリー倶楽部で予定しておりました….
var plannedAt = regexp.MustCompile(`(?:[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}\s*[～〜~]?|日\s*[（(][^）)]{1,3}[）)]\s*に?)[\s　]*([^\s　、。0-9０-９][^、。\n]*?)\s*(?:にて|で)(?:開催を?)?予定`)

// plannedPlace is the place plannedAt finds in text, or "".
func plannedPlace(text string) string {
	if m := plannedAt.FindStringSubmatch(text); m != nil {
		// Without the hour before it: 午前10時から例ヶ丘公園で.
		return strings.TrimSpace(leadingClock.ReplaceAllString(m[1], ""))
	}
	return ""
}

// leadingClock is an hour that opens a place's words: 午前10時から, 14時～.
var leadingClock = regexp.MustCompile(`^(?:午前|午後)?[0-9０-９]{1,2}\s*時(?:\s*[0-9０-９]{1,2}\s*分|半)?\s*(?:から|より|～|〜|~)?\s*`)

// htmlText is the plain text of an HTML fragment, one line per block.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return icalText(s)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil || len(doc.Nodes) == 0 {
		return icalText(s)
	}
	return blockText(doc.Nodes[0])
}

// htmlMarkup is a tag or an entity of HTML, as generators put in text
// fields meant to be plain (iCalendar DESCRIPTION): <br />, <p>, <h1>,
// </li>, &amp;, &#8230;. A bare < or & of plain text (参加費<会員>, A&B)
// is not one.
var htmlMarkup = regexp.MustCompile(`(?i)</?(?:p|br|hr|h[1-6]|div|span|a|ul|ol|li|dl|dt|dd|strong|b|em|i|u|table|tbody|tr|td|th|img|section|article|blockquote|pre|code|font|small|big)\b[^<>]*>|&(?:[a-z]{2,8}|#[0-9]{2,6}|#x[0-9a-f]{2,5});`)

// plainText is the text of a field that should be plain but may carry
// HTML: its tags removed, entities decoded, one line per block or line.
// Text without markup keeps its < and & as written.
func plainText(s string) string {
	if !htmlMarkup.MatchString(s) {
		return icalText(s)
	}
	return htmlText(s)
}

var xmlEncoding = regexp.MustCompile(`(?i)^(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']+)(["'])`)

// utf8Declared makes the XML declaration of a body that is already UTF-8
// say so: the fetch has decoded a Shift_JIS or EUC-JP feed named in the
// Content-Type, and the parser must not decode it a second time.
func utf8Declared(data []byte) []byte {
	m := xmlEncoding.FindSubmatchIndex(data)
	if m == nil || !utf8.Valid(data) {
		return data
	}
	enc := strings.ToLower(string(data[m[4]:m[5]]))
	if enc == "utf-8" || enc == "utf8" {
		return data
	}
	out := append([]byte(nil), data[:m[4]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[5]:]...)
}

// FeedItems reads an RSS or Atom feed as list items for kind auto: each
// item's title and link, resolved against the feed's URL; an item without
// a link is left out (there is no page to read it from).
func FeedItems(data []byte, feedURL *url.URL) ([]ListItem, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(utf8Declared(data)))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	var out []ListItem
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		link := resolve(feedURL, it.Link)
		title := normSpace(htmlText(it.Title))
		if link == "" || title == "" {
			continue
		}
		out = append(out, ListItem{Link: link, Fields: Fields{FieldTitle: title}})
	}
	return out, nil
}
