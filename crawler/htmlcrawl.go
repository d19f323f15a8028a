package crawler

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"path"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"kouryu/crawler/fetch"
	"kouryu/crawler/jpdate"
	"kouryu/internal/event"
)

// The crawl of kinds html and auto: list pages read one after the other,
// each naming the next, while Config.Parallelism workers read the event
// pages they list.

// pending is a list item waiting for its event page, or an event read
// whole from a feed the list page advertised.
type pending struct {
	item    ListItem
	listURL string
	fetched time.Time
	ev      *event.Event
	rank    int // the item's place among those the lists gave, in order
}

// outcome is what became of one list item.
type outcome struct {
	ev  event.Event
	err error
	// evs, when set, are the events of a page that lists several
	// meetings (meetings.go), in place of ev.
	evs []event.Event
	// page and validators: the event page to remember once ev is published.
	page       string
	validators Validators
	// offName, when set, is the name of the event a list's notice calls
	// off (plannedCancelled): ev is that event only if the crawl reads it
	// nowhere else.
	offName string
	// issue is set for the events of an issue of a mail magazine or a
	// newsletter (issues.go): they are merged with the other issues' at
	// the end of the crawl. sent is when the issue went out.
	issue bool
	sent  time.Time
	rank  int
}

// events are the events of o: evs, or ev alone.
func (o outcome) events() []event.Event {
	if len(o.evs) > 0 {
		return o.evs
	}
	return []event.Event{o.ev}
}

func (s *session) run(ctx context.Context, pub Publisher) error {
	// The list pages are read one after the other (each names the next)
	// while Config.Parallelism workers read the event pages they list.
	found := make(chan pending)
	jobs := make(chan pending)
	listsDone := make(chan struct{})
	var listErr error
	go func() {
		defer close(found)
		defer close(listsDone)
		listErr = s.readLists(ctx, found)
	}()
	go func() {
		// Holds what the list pages gave until a worker is free.
		defer close(jobs)
		var buf []pending
		in := found
		for in != nil || len(buf) > 0 {
			var send chan pending
			var next pending
			if len(buf) > 0 {
				send, next = jobs, buf[0]
			}
			select {
			case p, ok := <-in:
				if !ok {
					in = nil
					continue
				}
				buf = append(buf, p)
			case send <- next:
				buf = buf[1:]
			case <-ctx.Done():
				return
			}
		}
	}()
	out := make(chan outcome)
	var wg sync.WaitGroup
	for range s.cfg.Parallelism {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				o := s.buildGuarded(ctx, p)
				select {
				case out <- o:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	published := map[string]bool{}
	var sent []sentEvent    // what was published, for the posts that call events off
	var notices []outcome   // events a list's notice calls off, held to the end
	var issues []issueEvent // events of a mail magazine's issues, held to the end
	send := func(o outcome) {
		for _, ev := range o.events() {
			if published[ev.ID] || ctx.Err() != nil || !s.admit(ev) {
				continue
			}
			published[ev.ID] = true
			emitted := s.publish(ctx, pub, ev, o.page, o.validators)
			sent = append(sent, sentEvent{ev: ev, page: o.page, validators: o.validators, emitted: emitted})
		}
	}
	handle := func(o outcome) {
		s.mu.Lock()
		s.queued--
		s.mu.Unlock()
		s.notify(false)
		if o.err != nil {
			s.failed(o.err)
			return
		}
		if o.offName != "" && len(o.evs) == 0 {
			notices = append(notices, o)
			return
		}
		if o.issue {
			for _, ev := range o.events() {
				issues = append(issues, issueEvent{ev: ev, sent: o.sent, rank: o.rank})
			}
			return
		}
		send(o)
	}
	for o := range out {
		handle(o)
	}
	// The events before and after those read, that their pages link
	// (前へ / 次へ between a collection's events): past events a list no
	// longer shows, or shows only behind robots.txt. Each page is read as
	// any event page, and only what reads as an event is published.
	for n := 0; n < maxSiblings && ctx.Err() == nil; n++ {
		s.mu.Lock()
		if len(s.siblings) == 0 {
			s.mu.Unlock()
			break
		}
		u := s.siblings[0]
		s.siblings = s.siblings[1:]
		s.queued++
		s.mu.Unlock()
		handle(s.buildGuarded(ctx, pending{item: ListItem{Link: u, Fields: Fields{}}}))
	}
	<-listsDone // listErr is set
	// One gathering of several issues is one event (issues.go).
	for _, ev := range mergeIssueEvents(issues) {
		send(outcome{ev: ev})
	}
	// A notice that calls off an event the crawl read elsewhere (a
	// schedule's row of the same day) marks that event; one naming an event
	// listed nowhere else is that event, cancelled.
	for _, o := range notices {
		c := callOff{name: o.offName, day: o.ev.StartsAt.In(event.Tokyo).Format(time.DateOnly), status: o.ev.Status, url: o.ev.URL}
		if slices.ContainsFunc(sent, func(se sentEvent) bool { return c.calls(se.ev, sent) }) {
			s.mu.Lock()
			s.callOffs = append(s.callOffs, c)
			s.mu.Unlock()
			continue
		}
		send(o)
	}
	if ctx.Err() == nil {
		s.applyCallOffs(ctx, pub, sent)
	}
	if listErr != nil {
		return listErr
	}
	for _, name := range sortedKeys(s.src.Detail.Fields) {
		if n := s.detailMissing[name]; n > 0 {
			s.problem("detail.fields.%s %q matched nothing on %d of %d event pages (first: %s)",
				name, s.src.Detail.Fields[name], n, s.detailPages, s.detailExample[name])
		}
	}
	if s.dropped > 0 {
		s.rep.Problems = append(s.rep.Problems, fmt.Sprintf("… and %d more problems", s.dropped))
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, err)
	}
	return nil
}

// failed counts and reports an event that could not be built.
func (s *session) failed(err error) {
	if errors.Is(err, ErrUnreadableDate) {
		s.mu.Lock()
		s.rep.UnreadableDates++
		s.mu.Unlock()
	}
	if !errors.Is(err, errSkipped) {
		s.problem("%v", err)
	}
}

// publish publishes ev unless the state says it is unchanged, and counts
// it; page and validators are its event page's, to remember.
func (s *session) publish(ctx context.Context, pub Publisher, ev event.Event, page string, validators Validators) (emitted bool) {
	if err := s.mem.emit(ctx, pub, ev, page, validators); errors.Is(err, errUnchanged) {
		s.mu.Lock()
		s.rep.Unchanged++
		s.rep.Fill.add(&ev)
		s.mu.Unlock()
		return false
	} else if err != nil {
		s.publishFailed(&ev, err)
		return false
	}
	s.mu.Lock()
	s.rep.Events++
	s.rep.Fill.add(&ev)
	s.mu.Unlock()
	return true
}

// readLists reads the list pages from the start URLs on, following their
// next links, and sends each listed item to found, once per link. A list
// page takes its place in the budget when it is found, before the items of
// the page that names it: the events of the pages read are not left without
// their page to make room for the next list page, nor the reverse.
func (s *session) readLists(ctx context.Context, found chan<- pending) error {
	var queue []string
	enqueue := func(urls []string) {
		for i, u := range urls {
			ok, err := s.claim(u)
			if errors.Is(err, errBudget) {
				s.problem("max_pages %d reached: list page %s and %d more not fetched", s.src.MaxPages, u, len(urls)-i-1)
				return
			}
			if ok {
				queue = append(queue, u)
				s.mu.Lock()
				s.queued++
				s.mu.Unlock()
			}
		}
	}
	enqueue(s.src.StartURLs)
	links := map[string]bool{}
	feedsRead := map[string]bool{} // the iCalendar feeds read beside a page's events
	rank := 0
	var firstErr error
	for len(queue) > 0 && ctx.Err() == nil {
		u := queue[0]
		queue = queue[1:]
		s.mu.Lock()
		s.queued--
		s.mu.Unlock()
		p, err := s.fetch(ctx, u)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		s.noteList(p)
		var lp ListPage
		if err := s.guard(u, func() {
			if s.src.Kind == KindAuto && s.src.List.Item == "" {
				lp = autoStart(p.doc, p.url, s.src.hostAllowed, p.fetched)
			} else {
				lp = ExtractList(p.doc, p.url, s.src.List)
				if s.src.Kind == KindAuto {
					lp.Items, lp.Refused = noEventItems(lp.Items, lp.Refused)
					markSeries(lp.Items, p.fetched) // the dates of a recurring event, as AutoList marks them
				}
			}
		}); err != nil {
			s.problem("%v", err)
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		for _, pr := range lp.Problems {
			s.problem("%s", pr)
		}
		for _, r := range lp.Refused {
			s.refuse(r)
		}
		enqueue(lp.Next)
		listURL := p.url.String()
		var fromFeeds []pending
		if s.src.Kind == KindAuto && len(lp.Items) == 0 && len(lp.Feeds) > 0 {
			// No event in the page's HTML (a calendar embedded from
			// elsewhere, say): the feed it advertises holds them.
			fromFeeds = s.autoFeeds(ctx, lp.Feeds, listURL)
		} else if s.src.Kind == KindAuto && len(lp.Feeds) > 0 && lp.Feeds[0].ICal && !feedsRead[lp.Feeds[0].URL] {
			// The page writes some events and advertises the calendar
			// that holds them (行事予定 with its Google Calendar's .ics):
			// the calendar's events are read as it states them, and the
			// page's rows are kept where the calendar has no event of
			// that day and name (a 新年会 written only on the page).
			// A calendar event that links a page the list links is read
			// from that page, as the list's item.
			feedsRead[lp.Feeds[0].URL] = true
			linked := map[string]bool{}
			for _, it := range lp.Items {
				if it.Link != "" && !it.Whole {
					linked[withoutFragment(it.Link)] = true
				}
			}
			fromFeeds = slices.DeleteFunc(s.autoFeeds(ctx, lp.Feeds[:1], listURL), func(p pending) bool {
				return p.ev != nil && linked[withoutFragment(p.ev.URL)]
			})
			lp.Items = slices.DeleteFunc(lp.Items, func(it ListItem) bool { return inFeed(it, fromFeeds, p.fetched) })
		}
		for _, p := range fromFeeds {
			if p.item.Link != "" {
				if links[p.item.Link] {
					continue
				}
				links[p.item.Link] = true
			}
			s.mu.Lock()
			s.queued++
			s.mu.Unlock()
			select {
			case found <- p:
			case <-ctx.Done():
				return fmt.Errorf("crawl source %q: %w", s.src.ID, ctx.Err())
			}
		}
		for _, it := range lp.Items {
			if it.Link != "" && !it.Whole {
				key := it.Link
				if it.Fields[fieldSeries] != "" {
					key += "\x00" + it.Fields[FieldDate] // one date of several
				}
				if links[key] {
					continue // listed twice: one event
				}
				links[key] = true
			}
			s.mu.Lock()
			s.queued++
			s.mu.Unlock()
			rank++
			select {
			case found <- pending{item: it, listURL: listURL, fetched: p.fetched, rank: rank}:
			case <-ctx.Done():
				return fmt.Errorf("crawl source %q: %w", s.src.ID, ctx.Err())
			}
		}
		s.notify(false) // the page's events are queued
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, err)
	}
	s.mu.Lock()
	pages := s.rep.Pages
	s.mu.Unlock()
	if pages == 0 {
		if firstErr == nil {
			firstErr = errors.New("no list page fetched")
		}
		return fmt.Errorf("crawl source %q: %w", s.src.ID, firstErr)
	}
	return nil
}

// errSkipped marks an item left out for a reason already reported.
var errSkipped = errors.New("skipped")

// build makes the event of one list item, reading its own page first when
// the source has detail fields or is read by kind auto.
// buildGuarded is build, with a panic while reading the event's page
// turned into that event's error.
func (s *session) buildGuarded(ctx context.Context, p pending) (o outcome) {
	what := p.item.Link
	if what == "" {
		what = p.listURL
	}
	if err := s.guard(what, func() { o = s.build(ctx, p) }); err != nil {
		return outcome{err: err}
	}
	o.offName = p.item.Fields[fieldCalledOff]
	if p.item.Fields[fieldIssue] != "" && o.err == nil {
		o.issue, o.sent, o.rank = true, issueSent(p.item.Fields[fieldListDate], p.fetched), p.rank
	}
	return o
}

// guard runs read, turning a panic in it into an error naming pageURL: a
// page a reader has a bug on costs that page's events, never the crawl
// or the process. The stack goes to the log, for the bug report.
func (s *session) guard(pageURL string, read func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("crawler bug: reading a page panicked", "source", s.src.ID, "url", pageURL, "panic", r, "stack", string(debug.Stack()))
			err = fmt.Errorf("read %s: internal error (%v): a bug in the crawler, the page was skipped", pageURL, r)
		}
	}()
	read()
	return nil
}

func (s *session) build(ctx context.Context, p pending) outcome {
	if p.ev != nil {
		return outcome{ev: *p.ev}
	}
	if p.item.Fields[fieldSeries] != "" && s.src.Kind == KindAuto {
		return s.buildOccurrence(ctx, p)
	}
	fields, pageURL, ownPage, fetched := p.item.Fields, p.listURL, false, p.fetched
	var validators Validators
	var meetings []meeting
	auto := s.src.Kind == KindAuto
	if p.item.Link != "" {
		pageURL, ownPage = p.item.Link, true
		lu, err := url.Parse(p.item.Link)
		external := err != nil || !s.src.hostAllowed(lu.Hostname())
		// An event whose page is on another site (a ticketing service,
		// say) keeps that page as its URL; the list is all we read.
		if !external && !p.item.Whole && (len(s.src.Detail.Fields) > 0 || auto) {
			ok, err := s.claim(p.item.Link)
			if errors.Is(err, errBudget) {
				s.problem("max_pages %d reached: event page %s not fetched", s.src.MaxPages, p.item.Link)
				return outcome{err: errSkipped}
			}
			if !ok {
				return outcome{err: errSkipped}
			}
			// Validators apply to event pages only: a list page answered
			// 304 would leave no body to find its events in.
			var cond Validators
			memo := s.mem.page(ctx, p.item.Link)
			if memo != nil {
				cond = memo.Validators
			}
			dp, err := s.fetchIf(ctx, p.item.Link, cond)
			if err == nil && auto && s.isListAgain(dp) {
				// The list again (listecho.go): its row says all there is.
				if p.item.Fields[FieldDate] == "" {
					s.refuse(Refusal{URL: p.item.Link, Title: p.item.Fields[FieldTitle], Reason: "its page shows the list again and the list gives no event date"})
					return outcome{err: errSkipped}
				}
				dp = nil
				// As an event page's venue, without the way there or the
				// address in brackets.
				fields = maps.Clone(fields)
				splitAddress(fields)
			}
			if errors.Is(err, fetch.ErrNotModified) {
				ev := memo.Event
				ev.FetchedAt = s.cfg.Now()
				return outcome{ev: ev, page: p.item.Link, validators: memo.Validators}
			}
			switch {
			case err == nil:
			case errors.Is(err, fetch.ErrDisallowed):
				if auto {
					s.refuse(Refusal{URL: p.item.Link, Title: p.item.Fields[FieldTitle], Reason: "robots.txt disallows its page"})
				}
				return outcome{err: errSkipped}
			case auto && memo == nil && p.item.Fields[FieldDate] != "":
				// Reported by fetch. The list row says when and what: it
				// stands for the event until its page answers.
			default:
				// Reported by fetch. No event from the list alone when an
				// earlier crawl read the page (it would overwrite what the
				// page said), nor when the list gives no event date.
				if auto && memo == nil {
					s.refuse(Refusal{URL: p.item.Link, Title: p.item.Fields[FieldTitle],
						Reason: fmt.Sprintf("its event page failed (%s) and the list gives no event date", fetchReason(err))})
				}
				return outcome{err: errSkipped}
			}
			if dp != nil && auto && (dp.feed != nil || dp.text || p.item.Fields[fieldIssue] != "") {
				return s.buildWhole(p.item.Link, dp)
			}
			if dp != nil && auto {
				if dates := seriesDates(dp); len(dates) >= 2 {
					// A series' page: its picker lists each date's own
					// page, which is read as an event in its place.
					s.addSiblings(dates)
					s.refuse(Refusal{URL: p.item.Link, Title: p.item.Fields[FieldTitle],
						Reason: fmt.Sprintf("a series: its %d dates are read from their own pages", len(dates))})
					return outcome{err: errSkipped}
				}
			}
			if dp != nil {
				df, ok := s.pageFields(p, dp)
				if !ok {
					return outcome{err: errSkipped}
				}
				validators = dp.validators
				fields, fetched = Merge(fields, df), dp.fetched
				if auto {
					s.noteSiblings(dp)
					if s.src.Detail.Fields[FieldDate] == "" {
						meetings = pageMeetings(dp.doc, fields, fetched)
					}
				}
				if len(meetings) > 0 && memo != nil {
					// The page was read as one event before: its memo
					// would answer a 304 with that one.
					s.mem.forgetPage(ctx, p.item.Link)
				}
			}
		}
	}
	if len(meetings) > 0 {
		return s.buildMeetings(pageURL, fields, fetched, meetings)
	}
	if fields[fieldSharedLink] != "" {
		ownPage = false // the link is not its alone: its title tells it apart
	}
	ev, notes, err := buildEvent(s.src, pageURL, ownPage, fields, fetched)
	if err != nil {
		return outcome{err: err}
	}
	for _, n := range notes {
		s.problem("%s", n)
	}
	o := outcome{ev: ev}
	if ownPage && !validators.empty() {
		o.page, o.validators = pageURL, validators
	}
	return o
}

// pastRowOfReport says whether a list's row states a past event's day
// itself, under a title of its own, and links a page that reports on it
// (pageTitle, 【開催レポート】…): the row stands for the event.
func pastRowOfReport(row Fields, pageTitle string, fetched time.Time) bool {
	if reportWord(pageTitle) == "" || reportWord(row[FieldTitle]) != "" || row[FieldDate] == "" {
		return false
	}
	sp, err := parseDate(row[FieldDate], row[FieldTime], fetched)
	return err == nil && sp.Start.Before(startOfDay(fetched))
}

// buildWhole makes the events of a page a list links that is no event
// page: a feed (its items' text gives each event's date and place, as
// kind rss reads it) or a text file (a mail-news issue: its sections read
// as a list's blocks). Each is whole; none is remembered for a 304.
func (s *session) buildWhole(pageURL string, dp *page) outcome {
	var o outcome
	if dp.feed != nil {
		src := *s.src
		src.StartURLs = []string{pageURL}
		res, err := ParseFeed(dp.feed, &src, dp.fetched)
		if err != nil {
			s.problem("%s: %v", pageURL, err)
			return outcome{err: errSkipped}
		}
		for _, e := range res.Events {
			if noticeWord(e.Title) != "" || closure(e.Title) != "" {
				continue
			}
			o.evs = append(o.evs, e)
		}
	} else {
		lp := AutoList(dp.doc, dp.url, s.src.hostAllowed, dp.fetched)
		for _, it := range lp.Items {
			it.Fields[FieldTitle] = trimSectionNumber(it.Fields[FieldTitle])
			if v := plannedPlace(it.Fields[FieldDate]); v != "" && (it.Fields[FieldVenue] == "" || strings.Contains(it.Fields[FieldVenue], v)) {
				// 14:00～ 支部会議室にて予定していた…: a cancellation's
				// sentence, read as its date and place.
				it.Fields[FieldVenue] = v
			}
			// Not the file's own event: an issue holds several, two of
			// them maybe on one day.
			ev, notes, err := buildEvent(s.src, pageURL, false, it.Fields, dp.fetched)
			if err == nil && s.seenWhole(ev) {
				continue // announced again in a later issue (再掲): one event
			}
			s.addEvent(&o, ev, notes, err)
		}
	}
	return o.orSkipped()
}

// addEvent adds to o the event buildEvent made, noting its problems, or
// counts why it could not be made.
func (s *session) addEvent(o *outcome, ev event.Event, notes []string, err error) {
	if err != nil {
		s.failed(err)
		return
	}
	for _, n := range notes {
		s.problem("%s", n)
	}
	o.evs = append(o.evs, ev)
}

// orSkipped is o, or a skipped page's outcome when o holds no event.
func (o outcome) orSkipped() outcome {
	if len(o.evs) == 0 {
		return outcome{err: errSkipped}
	}
	return o
}

// seenWhole says whether an event of this title and start was read from
// another text file of the crawl already, and notes it.
func (s *session) seenWhole(ev event.Event) bool {
	key := strings.Join(strings.Fields(ev.Title), "") + "\x00" + ev.StartsAt.Format(time.RFC3339)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wholeSeen == nil {
		s.wholeSeen = map[string]bool{}
	}
	if s.wholeSeen[key] {
		return true
	}
	s.wholeSeen[key] = true
	return false
}

// sectionNumber is the number a newsletter gives its sections (１．支部研修会,
// 2. 交流会), not the event's; bracketNumber one in brackets (【1】, [2]);
// spacedNumber one set apart by a space alone (■1 12月 実務研究会),
// which is the title's when a unit follows it (3 月例会 is no section 3).
var (
	sectionNumber = regexp.MustCompile(`^[0-9０-９]{1,2}[．.]\s*`)
	bracketNumber = regexp.MustCompile(`^(?:【[0-9０-９]{1,2}】|[\[［][0-9０-９]{1,2}[\]］])[\s　]*`)
	spacedNumber  = regexp.MustCompile(`^[0-9０-９]{1,2}[ 　]+`)
)

// trimSectionNumber is a title without its section number; a decimal
// (1.5時間, written in one width) is kept, a number after it (５．3月
// 支部研修会) is the title's.
func trimSectionNumber(title string) string {
	if m := bracketNumber.FindString(title); m != "" && len(m) < len(title) {
		return title[len(m):]
	}
	m := sectionNumber.FindString(title)
	if m == "" {
		if m = spacedNumber.FindString(title); m != "" {
			if r, _ := utf8.DecodeRuneInString(title[len(m):]); r != utf8.RuneError && !strings.ContainsRune("年月日時分回名人部期号周歳", r) {
				return title[len(m):]
			}
		}
		return title
	}
	r, _ := utf8.DecodeRuneInString(title[len(m):])
	if r == utf8.RuneError || unicode.IsDigit(r) && m == strings.TrimSpace(m) && halfWidth(m) == (r < utf8.RuneSelf) {
		return title
	}
	return title[len(m):]
}

// halfWidth says whether s is written in ASCII alone.
func halfWidth(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// buildMeetings makes the events of a page that lists several meetings,
// one a meeting, with what the page states once for all of them. Each has
// the page as its URL and its own day, hence its own id. The page's
// validators are not remembered: a 304 must not stand for one meeting.
func (s *session) buildMeetings(pageURL string, fields Fields, fetched time.Time, meetings []meeting) outcome {
	var o outcome
	for _, m := range meetings {
		ev, notes, err := buildEvent(s.src, pageURL, true, m.fields(fields), fetched)
		s.addEvent(&o, ev, notes, err)
	}
	return o.orSkipped()
}

// maxSiblings bounds the pages read as the events before and after those
// listed.
const maxSiblings = 24

// noteSiblings keeps the links an event page gives to the event before or
// after its own (rel=prev, rel=next): pages beside it in its directory
// (/events/a → /events/b), not yet read. A post's link to the next post in
// another directory (/2026/12/03/…) is not followed.
func (s *session) noteSiblings(dp *page) {
	dir := path.Dir(strings.TrimSuffix(dp.url.Path, "/"))
	var links []string
	dp.doc.Find("a[rel~=prev][href], a[rel~=next][href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := dp.url.Parse(href)
		if err != nil || u.Host != dp.url.Host || u.RawQuery != "" || path.Dir(strings.TrimSuffix(u.Path, "/")) != dir || dir == "/" || dir == "." {
			return
		}
		u.Fragment = ""
		links = append(links, u.String())
	})
	s.addSiblings(links)
}

// addSiblings queues event pages to read after the lists, each once.
func (s *session) addSiblings(links []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, link := range links {
		if !s.seen[event.CanonicalURL(link)] && !slices.Contains(s.siblings, link) {
			s.siblings = append(s.siblings, link)
		}
	}
}

// trailingID is the number that ends a path: an event's id after its slug.
var trailingID = regexp.MustCompile(`[0-9]+/?$`)

// idStem is a path without the id that ends it: the pages of one series'
// dates share it (/e/uibn-monthly-business-mixer-tickets-…).
func idStem(p string) string { return trailingID.ReplaceAllString(p, "") }

// slugged says whether a path's last part names its page before the id
// (/e/uibn-monthly-business-mixer-tickets-1048…), rather than being the id
// alone (/event/40357), which every event of a site shares.
func slugged(p string) bool {
	stem := idStem(p)
	return strings.Trim(stem[strings.LastIndex(stem, "/")+1:], "-_") != ""
}

// seriesDates are the pages of the dates a series' page offers in its
// picker (Eventbrite's "Multiple dates": Thu, Dec 17 7:00 PM - 9:30 PM
// JST, Thu, Jan 21 …, each its own event page): links of one list to other
// pages of the site that share the page's path but for its id, each named
// by a date with its hours. The series' page itself spans them all and is
// no event.
func seriesDates(dp *page) []string {
	if !slugged(dp.url.Path) {
		return nil
	}
	byList := map[*html.Node][]string{}
	var order []*html.Node
	dp.doc.Find("li a[href]").Each(func(_ int, a *goquery.Selection) {
		href, _ := a.Attr("href")
		u, err := dp.url.Parse(href)
		if err != nil || u.Host != dp.url.Host || sameDoc(u, dp.url) || idStem(u.Path) != idStem(dp.url.Path) {
			return
		}
		// Its parts are spans side by side: Thu, Dec 17 | 7:00 PM - 9:30 PM JST.
		var parts []string
		a.Find("*").AddBack().Contents().Each(func(_ int, c *goquery.Selection) {
			if c.Nodes[0].Type == html.TextNode {
				parts = append(parts, c.Nodes[0].Data)
			}
		})
		sp, err := jpdate.Parse(normSpace(strings.Join(parts, " ")), dp.fetched)
		if err != nil || sp.AllDay || sp.Start.IsZero() {
			return
		}
		li := a.Closest("li").Nodes[0]
		list := li.Parent
		if _, ok := byList[list]; !ok {
			order = append(order, list)
		}
		u.Fragment = ""
		if link := u.String(); !slices.Contains(byList[list], link) {
			byList[list] = append(byList[list], link)
		}
	})
	for _, list := range order {
		if len(byList[list]) >= 2 && len(byList[list]) == len(elementChildren(list)) {
			return byList[list]
		}
	}
	return nil
}

// pageFields reads an event page: the source's detail selectors, over what
// auto (kind auto) or JSON-LD found. ok is false when auto finds no event
// there; the page is then named among the refusals.
func (s *session) pageFields(p pending, dp *page) (df Fields, ok bool) {
	df, missing := ExtractDetail(dp.doc, s.src.Detail.Fields)
	addPageFacts(df, dp.doc, dp.url)
	s.mu.Lock()
	s.detailPages++
	for _, name := range missing {
		if s.detailMissing[name] == 0 {
			s.detailExample[name] = p.item.Link
		}
		s.detailMissing[name]++
	}
	s.mu.Unlock()
	// What the page's selectors found wins over what auto or JSON-LD
	// found, which wins over the list.
	var found Fields
	if s.src.Kind == KindAuto {
		var err error
		found, err = autoEvent(dp.doc, dp.url, dp.fetched, p.item.Fields)
		if note := found[fieldLDConflict]; note != "" {
			s.problem("%s: %q: %s", p.item.Link, cutRunes(found[FieldTitle], 60), note)
			delete(found, fieldLDConflict)
		}
		if err != nil && df[FieldDate] == "" && pastRowOfReport(p.item.Fields, found[FieldTitle], dp.fetched) {
			// 2026.11.20 fri 11月定例会「…」 in a list of past events,
			// linking its report: the row is the event, the page only
			// tells how it went.
			return Fields{}, true
		}
		if err != nil && df[FieldDate] == "" && p.item.Fields[FieldDate] != "" && noticesPage(found[FieldTitle]) && namesGathering(p.item.Fields[FieldTitle]) {
			// 11月28日(土) 14:00～ 合同交流会 in a schedule, linking the
			// group's お知らせ page, where the event is one post among
			// others: the row that names a gathering is the event (a
			// sale's row, 歳末大売出し 実施中, is none).
			return Fields{}, true
		}
		if errors.Is(err, errNoEventDate) && df[FieldDate] == "" && p.item.Fields[FieldDate] != "" && namesGathering(p.item.Fields[FieldTitle]) &&
			sameName(found[FieldTitle], p.item.Fields[FieldTitle]) && thinPage(dp.doc) {
			// 11月例会「…」 2026-11-18 @ 19:00 in a list of past events,
			// linking its page that now says only このリストは期限切れです
			// (or a members' page behind a login): the page says nothing
			// against the row, and the row is the event.
			return Fields{}, true
		}
		if err != nil && df[FieldDate] == "" {
			// A linked page that is no event (news, a notice).
			title := cmp.Or(found[FieldTitle], p.item.Fields[FieldTitle])
			s.refuse(Refusal{URL: p.item.Link, Title: title, Reason: strings.TrimPrefix(err.Error(), ErrNotEvent.Error()+": ")})
			c, ok := calledOff(title, p.item.Link, dp.fetched)
			if !ok {
				c, ok = venueMoved(title, dp.doc, p.item.Link, dp.fetched)
			}
			if ok {
				s.mu.Lock()
				s.callOffs = append(s.callOffs, c)
				s.mu.Unlock()
			}
			return nil, false
		}
	} else {
		found = JSONLDFields(dp.doc)
	}
	if len(found) > 0 {
		df = Merge(found, df)
	}
	return df, true
}

// fetchReason is a fetch error without the "fetch URL: " its caller knows.
func fetchReason(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "fetch "); ok {
		if _, after, ok := strings.Cut(rest, ": "); ok {
			return after
		}
	}
	return msg
}

// autoFeeds reads the first feed of a list page that yields something: an
// iCalendar feed's events, whole; an RSS or Atom feed's items, as links
// whose pages are read (a feed's posts are announcements, and their
// pages say whether they are events).
func (s *session) autoFeeds(ctx context.Context, feeds []Feed, listURL string) []pending {
	for _, f := range feeds {
		d, err := s.fetchRaw(ctx, f.URL, nil)
		if err != nil {
			continue // reported by the fetch
		}
		var out []pending
		if f.ICal {
			res, err := ParseICal(ctx, d.body, s.src, d.url.String(), d.fetched, DefaultHorizon)
			for _, p := range res.Problems {
				s.problem("%s: %s", d.url, p)
			}
			if err != nil {
				s.problem("%s: %v", d.url, err)
				continue
			}
			s.mu.Lock()
			s.rep.UnreadableDates += res.UnreadableDates
			s.mu.Unlock()
			for i := range res.Events {
				e := &res.Events[i]
				// The office's days in its calendar (臨時休業, 年末年始休業,
				// 受付締切) are no events, as in a list.
				if why := entryNotEvent(e.Title); why != "" {
					s.refuse(Refusal{URL: d.url.String(), Title: e.Title, Reason: why})
					continue
				}
				out = append(out, pending{listURL: listURL, fetched: d.fetched, ev: e})
			}
		} else {
			items, err := FeedItems(d.body, d.url)
			if err != nil {
				s.problem("%s: %v", d.url, err)
				continue
			}
			for _, it := range items {
				out = append(out, pending{item: it, listURL: listURL, fetched: d.fetched})
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// seriesPage is an event page several list rows link, each row one date of
// a recurring event (毎月第3水曜日): read once for all of them.
type seriesPage struct {
	once sync.Once
	dp   *page
}

// buildOccurrence makes the event of one date of a recurring event: the
// list row's date, the page's hours, title, venue and the rest.
func (s *session) buildOccurrence(ctx context.Context, p pending) outcome {
	if title := p.item.Fields[FieldTitle]; p.item.Fields[fieldSeries] == seriesTitled {
		if w := noticeWord(title); w != "" {
			// 年末大売出し（抽選券配布期間） beside the 大抽選会 that links
			// the same page: a row titled on its own is a notice by its
			// title, whatever the page says of the others.
			s.refuse(Refusal{URL: p.item.Link, Title: title, Reason: fmt.Sprintf("no event: a notice (%s)", w)})
			return outcome{err: errSkipped}
		}
	}
	s.mu.Lock()
	if s.series == nil {
		s.series = map[string]*seriesPage{}
	}
	sp := s.series[p.item.Link]
	if sp == nil {
		sp = &seriesPage{}
		s.series[p.item.Link] = sp
	}
	s.mu.Unlock()
	sp.once.Do(func() {
		ok, err := s.claim(p.item.Link)
		if errors.Is(err, errBudget) {
			s.problem("max_pages %d reached: event page %s not fetched", s.src.MaxPages, p.item.Link)
		}
		if ok {
			sp.dp, _ = s.fetch(ctx, p.item.Link) // a failure is reported by the fetch
		}
	})
	fields, fetched := p.item.Fields, p.fetched
	if sp.dp != nil {
		// The page is read as the series', not as this date's.
		q := p
		q.item.Fields = Merge(p.item.Fields, nil)
		delete(q.item.Fields, FieldDate)
		df, ok := s.pageFields(q, sp.dp)
		if !ok {
			return outcome{err: errSkipped}
		}
		// The page states the series (12:00 PM - 1:30 PM 毎月 第3水曜日
		// 2026年12月16日 から …): its hours apply to the row's day.
		day, err := jpdate.Parse(p.item.Fields[FieldDate], p.fetched)
		if err == nil {
			if t, err := jpdate.ParseTime(df[FieldDate]+" "+df[FieldTime], day.Start); err == nil {
				df[FieldDate] = t.Start.Format(time.RFC3339)
				delete(df, FieldTime)
				delete(df, fieldEnd)
				if !t.End.IsZero() {
					df[fieldEnd] = t.End.Format(time.RFC3339)
				}
			} else {
				df[FieldDate] = p.item.Fields[FieldDate]
				delete(df, fieldEnd)
			}
		}
		fields, fetched = Merge(fields, df), sp.dp.fetched
		if p.item.Fields[fieldSession] != "" {
			// A course's date with its own place and status in the list:
			// the page's 満席 or 会場 may be another date's.
			for _, k := range []string{FieldVenue, FieldStatus} {
				if v := p.item.Fields[k]; v != "" {
					fields[k] = v
				} else if k == FieldStatus {
					delete(fields, k)
				}
			}
		}
		if p.item.Fields[fieldSeries] == seriesTitled {
			// 第1回「…」 of a course whose page is titled …を開催します.
			fields[FieldTitle] = p.item.Fields[FieldTitle]
		}
	}
	ev, notes, err := buildEvent(s.src, p.item.Link, true, fields, fetched)
	if err != nil {
		return outcome{err: err}
	}
	for _, n := range notes {
		s.problem("%s", n)
	}
	return outcome{ev: ev}
}

// noEventItems leaves out of the items a pinned list of kind auto reads
// those whose titles say they are no event, as auto's own reading of a
// list does: a closed day (休会), a deadline (年会費 納入締切). The pinned selectors were written from one page; the months
// after it hold such blocks too.
func noEventItems(items []ListItem, refused []Refusal) ([]ListItem, []Refusal) {
	kept := items[:0]
	for _, it := range items {
		title := it.Fields[FieldTitle]
		why := ""
		if w := deadlineWord(title); w != "" {
			why = fmt.Sprintf("no event: a deadline (%s)", w)
		} else if w := closure(title); w != "" && !eventTitle(strings.ReplaceAll(title, w, "")) {
			why = fmt.Sprintf("no event: the day is marked %s", w)
		}
		if why != "" {
			refused = append(refused, Refusal{URL: it.Link, Title: title, Reason: why})
			continue
		}
		kept = append(kept, it)
	}
	return kept, refused
}

// sameName says whether two titles name one event: the same words, white
// space aside, or one within the other (a page's heading and a list's row
// that adds or leaves out a part).
func sameName(a, b string) bool {
	a, b = strings.Join(strings.Fields(a), ""), strings.Join(strings.Fields(b), "")
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}

// thinPageRunes is the most text a page says nothing of an event with.
const thinPageRunes = 160

// thinPage says whether a page's main text is a line or two beside its
// title and chrome: a listing that has expired (このリストは期限切れです),
// a members' page behind a login, not a post that writes no date.
func thinPage(doc *goquery.Document) bool {
	main := doc.Find(mainContent + ", body").First()
	return main.Length() > 0 && utf8.RuneCountInString(contentText(main.Nodes[0])) < thinPageRunes
}

// inFeed says whether a list item is an event a feed read beside it holds:
// one of its events falls on the item's day with a name alike (the page's
// 【中止】日帰り視察研修（淡路島） and the calendar's 日帰り視察研修（淡路島）;
// 朝活勉強会（全5回） and 青年部 朝活勉強会).
func inFeed(it ListItem, feed []pending, ref time.Time) bool {
	sp, err := parseDate(it.Fields[FieldDate], it.Fields[FieldTime], ref)
	if err != nil {
		return false
	}
	name := coreName(it.Fields[FieldTitle])
	for _, p := range feed {
		if p.ev == nil || !sameDay(p.ev.StartsAt, sp.Start) {
			continue
		}
		if sameName(name, coreName(p.ev.Title)) {
			return true
		}
	}
	return false
}

// coreName is a title without its status marks (【中止】), its bracketed
// notes (（全5回）) and its spaces: what two listings of one event share.
func coreName(t string) string {
	t = anyBracket.ReplaceAllString(t, "")
	return strings.Join(strings.Fields(t), "")
}

// anyBracket is a mark or a note in brackets: 【中止】, （全5回）, (Zoom).
var anyBracket = regexp.MustCompile(`【[^】]*】|［[^］]*］|\[[^\]]*\]|（[^）]*）|\([^)]*\)`)
