package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"kouryu/crawler/area"
	"kouryu/internal/event"
)

// The work one iCalendar feed may cost. A feed is text from the Internet:
// one RRULE line of 600 bytes can describe an occurrence every second since
// 1970, and 5 MB hold 30,000 VEVENTs of 24 occurrences a day. So expansion
// counts every occurrence it visits, past ones too; keeps one a day as it
// goes (an event's id is its day, the others would be dropped as doubles);
// and stops a series, or the whole feed, at these budgets. What is cut is a
// problem naming the VEVENT or the feed. Real feeds stay far below: a weekly
// meeting held since 2009 visits about 930 occurrences.
const (
	maxOccurrences  = 400       // days kept per series
	maxSeriesVisits = 100_000   // occurrences visited per series
	maxFeedVisits   = 1_000_000 // occurrences visited per feed (about 0.1 s)
	maxFeedEvents   = 20_000    // events per feed
	// icalTimeBudget bounds the time spent expanding a feed's rules: a
	// rule that never occurs (30 February) walks day by day to year 9999
	// without visiting anything, some 60 ms each. Only the expansion is
	// timed: making the events is bounded by maxFeedEvents, and a busy
	// machine must not cut a large feed of ordinary rules (1,000,000
	// visits take 25 ms).
	icalTimeBudget = 2 * time.Second
)

// icalBudget is what is left of a feed's budget while it is read.
type icalBudget struct {
	ctx    context.Context
	time   time.Duration // icalTimeBudget, or a test's shorter one
	used   time.Duration // expanding rules, up to the series under way
	since  time.Time     // when the series under way began; zero between series
	visits int
	events int
	spent  string // which budget is spent, "" while none is
}

// check notes the budget spent by now, if any, and returns the context's
// error when the crawl is cancelled.
func (b *icalBudget) check() error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	switch {
	case b.spent != "":
	case b.visits >= maxFeedVisits:
		b.spent = fmt.Sprintf("budget of %d occurrences", maxFeedVisits)
	case b.events >= maxFeedEvents:
		b.spent = fmt.Sprintf("budget of %d events", maxFeedEvents)
	case b.used+b.running() >= b.time:
		b.spent = fmt.Sprintf("time budget of %v", b.time)
	}
	return nil
}

// running is the time spent on the series under way.
func (b *icalBudget) running() time.Duration {
	if b.since.IsZero() {
		return 0
	}
	return time.Since(b.since)
}

// FeedResult is what a feed (iCalendar, RSS/Atom) or an API answer yields:
// its events and, for the operator, what could not be read.
type FeedResult struct {
	Events          []event.Event
	Problems        []string
	UnreadableDates int // items whose date could not be read (RSS)
	// Flags holds, by event id, a doubt about an event for the operator:
	// a start its own text contradicts (checkStart). The event is kept.
	Flags map[string]string
}

// flag notes a doubt about the event of id.
func (r *FeedResult) flag(id, reason string) {
	if reason == "" {
		return
	}
	if r.Flags == nil {
		r.Flags = map[string]string{}
	}
	r.Flags[id] = reason
}

// ParseICal reads an iCalendar feed (RFC 5545) of src fetched from feedURL
// at fetched: one event per VEVENT, a recurring one (RRULE, less EXDATE and
// the occurrences moved by a RECURRENCE-ID) expanded from the day of the
// fetch to horizon after it. Times with a TZID are read in that zone, UTC
// ones converted, floating ones read in X-WR-TIMEZONE or else Tokyo; a DATE
// is an all-day event. An event without URL has no page of its own: its URL
// is the feed's and its UID (or title) is part of its id. A VEVENT that
// cannot be read is a problem, not an error; only a feed that does not
// decode is an error.
//
// The work is bounded (maxSeriesVisits, maxFeedVisits, maxFeedEvents,
// icalTimeBudget): what a budget cuts is a problem. A cancelled ctx stops
// the reading with its error.
func ParseICal(ctx context.Context, data []byte, src *Source, feedURL string, fetched time.Time, horizon time.Duration) (FeedResult, error) {
	return parseICal(ctx, data, src, feedURL, fetched, horizon, icalTimeBudget)
}

// parseICal is ParseICal with a time budget of its own, for the tests of
// the budget, which need not wait two seconds for it.
func parseICal(ctx context.Context, data []byte, src *Source, feedURL string, fetched time.Time, horizon, budget time.Duration) (FeedResult, error) {
	var res FeedResult
	b := &icalBudget{ctx: ctx, time: budget}
	if err := b.check(); err != nil {
		return res, fmt.Errorf("read iCalendar: %w", err)
	}
	cal, err := decodeICal(data)
	if err != nil {
		return res, err
	}
	floating := event.Tokyo
	if p := cal.Props.Get("X-WR-TIMEZONE"); p != nil {
		floating = zone(p.Value)
	}
	if horizon <= 0 {
		horizon = DefaultHorizon
	}
	from := startOfDay(fetched)
	until := fetched.Add(horizon)

	// Occurrences moved or changed by a VEVENT with RECURRENCE-ID are left
	// out of their series: that VEVENT is the occurrence.
	moved := map[string][]time.Time{}
	for _, ve := range cal.Events() {
		if p := ve.Props.Get(ical.PropRecurrenceID); p != nil {
			if t, _, err := icalTime(p, floating); err == nil {
				uid := textProp(ve.Component, ical.PropUID)
				moved[uid] = append(moved[uid], t)
			}
		}
	}
	vevents := cal.Events()
	for i, ve := range vevents {
		if err := b.check(); err != nil {
			return res, fmt.Errorf("read iCalendar: %w", err)
		}
		if b.spent != "" {
			res.Problems = append(res.Problems, fmt.Sprintf("feed %s spent: %d of %d VEVENTs not read, from %q on",
				b.spent, len(vevents)-i, len(vevents), veventName(ve.Component)))
			break
		}
		evs, err := icalEvents(ve.Component, src, feedURL, fetched, floating, from, until, moved, b, &res)
		if b.ctx.Err() != nil {
			return res, fmt.Errorf("read iCalendar: %w", b.ctx.Err())
		}
		if err != nil {
			res.Problems = append(res.Problems, err.Error())
			if errors.Is(err, ErrUnreadableDate) {
				res.UnreadableDates++
			}
			continue
		}
		res.Events = append(res.Events, evs...)
	}
	return res, nil
}

// decodeICal decodes a calendar. go-ical's decoder panics on some malformed
// content lines (a parameter cut short: found by FuzzICal); a feed from the
// Internet must never crash a crawl, so the panic becomes the feed's error.
func decodeICal(data []byte) (cal *ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cal, err = nil, fmt.Errorf("decode iCalendar: malformed content line (%v)", r)
		}
	}()
	cal, err = ical.NewDecoder(bytes.NewReader(data)).Decode()
	if err != nil {
		return nil, fmt.Errorf("decode iCalendar: %w", err)
	}
	return cal, nil
}

// veventName names a VEVENT in a problem: its title, else its UID.
func veventName(c *ical.Component) string {
	if title := normSpace(textProp(c, ical.PropSummary)); title != "" {
		return cutRunes(title, 80)
	}
	return "UID " + cutRunes(textProp(c, ical.PropUID), 80)
}

// icalEvents reads one VEVENT: its event, or the events of its series
// within from and until, at one a day. It spends b; a series cut by a
// budget is a problem added to res.
func icalEvents(c *ical.Component, src *Source, feedURL string, fetched time.Time, floating *time.Location,
	from, until time.Time, moved map[string][]time.Time, b *icalBudget, res *FeedResult) ([]event.Event, error) {
	title := normSpace(textProp(c, ical.PropSummary))
	uid := textProp(c, ical.PropUID)
	name := veventName(c)
	if title == "" {
		return nil, fmt.Errorf("VEVENT %q: no SUMMARY", name)
	}
	sp := c.Props.Get(ical.PropDateTimeStart)
	if sp == nil {
		return nil, fmt.Errorf("VEVENT %q: %w: no DTSTART", name, ErrUnreadableDate)
	}
	start, allDay, err := icalTime(sp, floating)
	if err != nil {
		return nil, fmt.Errorf("VEVENT %q: %w: DTSTART: %v", name, ErrUnreadableDate, err)
	}
	var dur time.Duration
	if ep := c.Props.Get(ical.PropDateTimeEnd); ep != nil {
		if end, _, err := icalTime(ep, floating); err == nil && end.After(start) {
			dur = end.Sub(start)
		}
	} else if dp := c.Props.Get(ical.PropDuration); dp != nil {
		if d, err := dp.Duration(); err == nil && d > 0 {
			dur = d
		}
	}

	base := event.Event{
		Source:      src.ID,
		URL:         feedURL,
		Title:       title,
		Description: plainText(textProp(c, ical.PropDescription)),
		AllDay:      allDay,
		FetchedAt:   fetched,
		Status:      statusOf("", title),
	}
	if st := strings.ToUpper(textProp(c, ical.PropStatus)); st == "CANCELLED" {
		base.Status = event.StatusCancelled
	} else if w := statusNotice(base.Description); w != "" && base.Status == event.StatusScheduled {
		// DESCRIPTION:登壇予定者の都合により延期となりました。: a calendar
		// that keeps the event, and says in its note what became of it.
		base.Status = statusOf(w, title)
	}
	titleKey := title
	if uid != "" {
		titleKey = "uid:" + uid
	}
	if p := c.Props.Get(ical.PropURL); p != nil {
		u := strings.TrimSpace(p.Value)
		if fu, err := url.Parse(feedURL); err == nil && strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && absoluteHTTP(feedURL) {
			// URL:/event/kitahama-startup-24/ in a site's own feed: the
			// page on the feed's host.
			u = resolve(fu, u)
		}
		if absoluteHTTP(u) {
			base.URL, titleKey = u, ""
		}
	}
	base.Venue, base.Address = splitLocation(icalText(textProp(c, ical.PropLocation)))
	if p := c.Props.Get(ical.PropOrganizer); p != nil {
		base.Organizer = normSpace(p.Params.Get(ical.ParamCommonName))
		if base.Organizer == "" {
			base.Organizer = strings.TrimPrefix(strings.TrimPrefix(p.Value, "mailto:"), "MAILTO:")
		}
	}

	starts := []time.Time{start}
	b.visits++
	if c.Props.Get(ical.PropRecurrenceRule) != nil {
		var cut string
		starts, cut, err = occurrences(c, start, floating, from, until, moved[uid], b)
		if err != nil {
			return nil, fmt.Errorf("VEVENT %q: RRULE: %v", name, err)
		}
		if cut != "" {
			res.Problems = append(res.Problems, fmt.Sprintf("VEVENT %q: RRULE expansion cut by the %s: %d days kept", name, cut, len(starts)))
		}
	}
	var out []event.Event
	for _, st := range starts {
		e := base
		e.StartsAt = st
		if dur > 0 {
			e.EndsAt = st.Add(dur)
			if allDay {
				// DTEND of a DATE is exclusive; a one-day event has no end.
				e.EndsAt = e.EndsAt.AddDate(0, 0, -1)
				if !e.EndsAt.After(e.StartsAt) {
					e.EndsAt = time.Time{}
				}
			}
		}
		var fe event.Event
		var notes []string
		var err error
		if len(out) > 0 {
			// Another occurrence of a series: the same text, so the same
			// place, area and limits as the first; only the times and the
			// id (its day) differ.
			fe = out[0]
			fe.StartsAt, fe.EndsAt = e.StartsAt, e.EndsAt
			fe.ID = event.ID(src.ID, fe.URL, fe.StartsAt, titleKey)
			fe.Normalize()
			out = append(out, fe)
			continue
		}
		if c.Props.Get(ical.PropRecurrenceRule) == nil {
			var flag string
			fe, notes, flag, err = finishChecked(src, e, titleKey, stamps(c, floating), fetched)
			if err == nil {
				res.flag(fe.ID, flag)
			}
		} else {
			// The text of a series cannot speak for each occurrence.
			fe, notes, err = finishEvent(src, e, titleKey)
		}
		if err != nil {
			return nil, err
		}
		res.Problems = append(res.Problems, notes...)
		out = append(out, fe)
	}
	b.events += len(out)
	return out, nil
}

// stamps are the times a VEVENT says it was written: DTSTAMP, CREATED,
// LAST-MODIFIED.
func stamps(c *ical.Component, floating *time.Location) []time.Time {
	var out []time.Time
	for _, name := range []string{ical.PropDateTimeStamp, ical.PropCreated, ical.PropLastModified} {
		if p := c.Props.Get(name); p != nil {
			if t, _, err := icalTime(p, floating); err == nil {
				out = append(out, t)
			}
		}
	}
	return out
}

// occurrences expands the RRULE of c (less its EXDATEs and moved
// occurrences) between from and until, the first occurrence of each day,
// spending b. cut names the budget that stopped the series early, if any;
// the days found until then are kept.
func occurrences(c *ical.Component, start time.Time, floating *time.Location, from, until time.Time,
	moved []time.Time, b *icalBudget) (out []time.Time, cut string, err error) {
	defer func() {
		if r := recover(); r != nil { // a rule rrule-go cannot expand: that event's problem
			out, cut, err = nil, "", fmt.Errorf("cannot expand: %v", r)
		}
	}()
	b.since = time.Now()
	defer func() { b.used += time.Since(b.since); b.since = time.Time{} }()
	opt, err := c.Props.RecurrenceRule()
	if err != nil {
		return nil, "", err
	}
	switch opt.Freq {
	case rrule.SECONDLY, rrule.MINUTELY, rrule.HOURLY:
		return nil, "", fmt.Errorf("frequency %v is not one of events", opt.Freq)
	}
	distinctRuleValues(opt)
	opt.Dtstart = start
	r, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, "", err
	}
	var set rrule.Set
	set.RRule(r)
	for _, p := range c.Props.Values(ical.PropExceptionDates) {
		for _, v := range strings.Split(p.Value, ",") {
			q := p
			q.Value = strings.TrimSpace(v)
			if t, _, err := icalTime(&q, floating); err == nil {
				set.ExDate(t)
			}
		}
	}
	for _, p := range c.Props.Values(ical.PropRecurrenceDates) {
		for _, v := range strings.Split(p.Value, ",") {
			q := p
			q.Value = strings.TrimSpace(v)
			if t, _, err := icalTime(&q, floating); err == nil {
				set.RDate(t)
			}
		}
	}
	for _, t := range moved {
		set.ExDate(t)
	}
	next := set.Iterator()
	var lastDay time.Time
	for visits := 0; ; visits++ {
		if visits%256 == 0 {
			if err := b.check(); err != nil {
				return nil, "", err
			}
			if b.spent != "" {
				return out, "feed " + b.spent, nil
			}
		}
		if visits >= maxSeriesVisits {
			return out, fmt.Sprintf("series budget of %d occurrences", maxSeriesVisits), nil
		}
		if len(out) >= maxOccurrences {
			return out, fmt.Sprintf("limit of %d days", maxOccurrences), nil
		}
		if b.events+len(out) >= maxFeedEvents {
			return out, fmt.Sprintf("feed budget of %d events", maxFeedEvents), nil
		}
		t, ok := next()
		if !ok || t.After(until) {
			break
		}
		b.visits++
		if t.Before(from) {
			continue
		}
		// The set yields in order, so the day's first occurrence comes first.
		if day := startOfDay(t); !day.Equal(lastDay) {
			lastDay = day
			out = append(out, t)
		}
	}
	return out, "", nil
}

// distinctRuleValues keeps each value of a BY list once: rrule-go builds
// the product of BYHOUR, BYMINUTE and BYSECOND as given, so a rule writing
// BYHOUR=9,9,9,… and BYMINUTE=30,30,… thousands of times would allocate
// gigabytes for the same 09:30.
func distinctRuleValues(opt *rrule.ROption) {
	for _, l := range []*[]int{&opt.Bysecond, &opt.Byminute, &opt.Byhour, &opt.Bymonthday, &opt.Byyearday,
		&opt.Byweekno, &opt.Bymonth, &opt.Bysetpos, &opt.Byeaster} {
		slices.Sort(*l)
		*l = slices.Compact(*l)
	}
	seen := map[string]bool{}
	days := opt.Byweekday[:0]
	for _, d := range opt.Byweekday {
		if k := d.String(); !seen[k] {
			seen[k] = true
			days = append(days, d)
		}
	}
	opt.Byweekday = days
}

// icalTime reads a DATE or DATE-TIME property: UTC (…Z), in its TZID, or
// floating (in floating). allDay is true for a DATE.
func icalTime(p *ical.Prop, floating *time.Location) (t time.Time, allDay bool, err error) {
	v := strings.TrimSpace(p.Value)
	if strings.EqualFold(p.Params.Get(ical.ParamValue), "DATE") || len(v) == 8 {
		t, err = time.ParseInLocation("20060102", v, event.Tokyo)
		return t, true, err
	}
	if strings.HasSuffix(v, "Z") {
		t, err = time.Parse("20060102T150405Z", v)
		return t.In(event.Tokyo), false, err
	}
	loc := floating
	if tz := p.Params.Get(ical.ParamTimezoneID); tz != "" {
		loc = zone(tz)
	}
	t, err = time.ParseInLocation("20060102T150405", v, loc)
	return t.In(event.Tokyo), false, err
}

// zone is the location of a TZID: Japan's names without tzdata, others
// from the system, and Tokyo when the system does not know the name.
func zone(tzid string) *time.Location {
	tzid = strings.Trim(strings.TrimSpace(tzid), `"/`)
	switch tzid {
	case "Asia/Tokyo", "Japan", "JST", "Tokyo Standard Time", "Asia/Osaka":
		return event.Tokyo
	case "UTC", "Etc/UTC", "GMT", "Z":
		return time.UTC
	}
	if loc, err := time.LoadLocation(tzid); err == nil {
		return loc
	}
	return event.Tokyo
}

func textProp(c *ical.Component, name string) string {
	p := c.Props.Get(name)
	if p == nil {
		return ""
	}
	if t, err := p.Text(); err == nil {
		return t
	}
	return p.Value
}

// icalText keeps the lines of a text value, white space normalised in each.
func icalText(s string) string {
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = normSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// splitLocation splits a location text such as 大阪産業創造館（大阪市中央区本町1-4-5）,
// "Hub, 大阪府大阪市北区…" or, as connpass writes it, 大阪府大阪市中央区本町1-4-5
// (大阪産業創造館) into the venue and its address: the address starts
// where a prefecture, a 〒 or an Osaka municipality does.
func splitLocation(loc string) (venue, addr string) {
	loc = normSpace(strings.ReplaceAll(loc, "\n", " "))
	if loc == "" {
		return "", ""
	}
	if v, a, ok := bracketed(loc); ok {
		return v, a
	}
	if m := mapsAddress.FindStringSubmatchIndex(loc); m != nil && m[0] > 0 {
		// KAWACHI BASE, 日本、〒581-0869 大阪府八尾市桜ケ丘１: Google
		// Calendar's place, its name, the country, then the address.
		return strings.TrimSpace(loc[:m[0]]), strings.TrimSpace(loc[m[2]:m[3]])
	}
	at := -1
	for _, w := range []string{"〒", "大阪府"} {
		if i := strings.Index(loc, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		if a := area.Lookup(loc); a != "" && a != area.Online {
			city := a
			if strings.HasPrefix(a, "大阪市") {
				city = "大阪市"
			}
			at = strings.Index(loc, city)
		}
	}
	if at <= 0 {
		if at == 0 {
			return loc, loc
		}
		return loc, ""
	}
	venue = strings.TrimRight(loc[:at], " ,、，(（/／:：-")
	addr = strings.TrimRight(loc[at:], " )）")
	if venue == "" {
		venue = loc
	}
	return venue, addr
}

// bracketed splits "address (venue)" and "venue（address）", whichever
// side looks like an address (looksAddress) while the other does not:
// 大阪府大阪市北区中之島5-3-51 (大阪府立国際会議場), 堺市産業振興センター
// （堺市北区長曽根町130-42）.
func bracketed(loc string) (venue, addr string, ok bool) {
	var open string
	switch {
	case strings.HasSuffix(loc, ")"):
		open = "("
	case strings.HasSuffix(loc, "）"):
		open = "（"
	default:
		return "", "", false
	}
	i := strings.LastIndex(loc, open)
	if i <= 0 {
		return "", "", false
	}
	before := strings.TrimSpace(loc[:i])
	inside := strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(loc[i+len(open):], ")"), "）"))
	if before == "" || inside == "" {
		return "", "", false
	}
	switch a, b := looksAddress(before), looksAddress(inside); {
	case a && !b:
		return inside, before, true
	case b && !a:
		return before, inside, true
	}
	return "", "", false
}

// looksAddress reports whether s is an address: it starts as one and has
// its block numbers (大阪府立国際会議場 starts as one, but is a venue; so
// is 島本町ふれあいセンター 3階, whose number is a floor's).
func looksAddress(s string) bool {
	return startsAnAddress(s) && blockNumber.MatchString(s)
}

// blockNumber is how an address numbers its block: 3丁目4番1号, 4番地,
// 1-4-5.
var blockNumber = regexp.MustCompile(`[0-9０-９]+\s*(?:丁目|番地?|号)|[0-9０-９]+\s*[-－−‐ー]\s*[0-9０-９]+`)

// districtPrefix is a 郡 written before its town: 三島郡島本町.
var districtPrefix = regexp.MustCompile(`^\p{Han}{1,3}郡\s*`)

// startsAnAddress reports whether s begins as an address does: 〒, a
// prefecture (大阪府, 香川県, 東京都, 北海道) or an Osaka municipality.
func startsAnAddress(s string) bool {
	if strings.HasPrefix(s, "〒") {
		return true
	}
	r := []rune(s)
	for n := 2; n <= 4 && n < len(r); n++ {
		switch string(r[n]) {
		case "都", "道", "府", "県":
			if p := area.Prefecture(string(r[:n+1])); p != "" {
				return true
			}
		}
	}
	s = districtPrefix.ReplaceAllString(s, "")
	a := area.Lookup(s)
	if !area.InOsaka(a) {
		return false
	}
	if strings.HasPrefix(a, "大阪市") {
		a = "大阪市"
	}
	return strings.HasPrefix(s, a)
}

func startOfDay(t time.Time) time.Time {
	t = t.In(event.Tokyo)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, event.Tokyo)
}

func absoluteHTTP(s string) bool {
	return (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) && len(s) > len("https://")
}
