package crawler

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/crawler/fetch"
	"kouryu/internal/event"
)

// session is the state of one crawl: its fetch client, budget and report.
// The kinds' crawls (htmlcrawl.go, kinds.go, jsonld.go, connpass.go,
// doorkeeper.go) are its methods; how a page is fetched is the fetch
// client's, what a crawl remembers between crawls state.go's.
type session struct {
	cfg    Config
	log    *slog.Logger
	src    *Source
	client *fetch.Client
	mem    *memory       // nil: not incremental (state.go)
	m      *crawlMetrics // nil: no metrics

	// progMu serialises Config.Progress calls; lastProgress is the last one.
	progMu       sync.Mutex
	lastProgress Progress

	mu     sync.Mutex
	rep    *Report
	budget int
	seen   map[string]bool
	// siblings are the pages event pages link as the event before or
	// after theirs (kind auto), read once the lists' events are built.
	siblings []string
	// detail selectors that matched nothing: count and a first page.
	detailPages   int
	detailMissing map[string]int
	detailExample map[string]string
	queued        int                        // list pages and items waiting (Progress.PagesQueued)
	dropped       int                        // problems past maxProblems
	noted         map[string]bool            // events named in the report's notes (notes.go)
	series        map[string]*seriesPage     // kind auto: pages several list rows share
	lists         map[[sha256.Size]byte]bool // the texts of the list pages read (listecho.go)
	wholeSeen     map[string]bool            // kind auto: title and start of the events read whole from text files
	callOffs      []callOff                  // kind auto: posts that call off an event of another post (calloff.go)
}

// rawDoc is a fetched document, its body decoded to UTF-8: a page, a feed,
// an API answer.
type rawDoc struct {
	url        *url.URL
	body       []byte
	ctype      string
	fetched    time.Time
	validators Validators // the response's ETag and Last-Modified
}

// page is a fetched and parsed HTML page.
type page struct {
	url        *url.URL
	doc        *goquery.Document
	fetched    time.Time
	validators Validators // the response's ETag and Last-Modified
	feed       []byte     // an RSS or Atom feed's body, for a page that is one (doc is empty)
	text       bool       // plain text made a page (textPage)
}

// errRevisit ends a redirect to a page this crawl has read already: nothing
// new there, and nothing to report.
var errRevisit = errors.New("redirect to a page read already")

func (c *Crawler) newSession(ctx context.Context, src *Source, rep *Report) (*session, error) {
	s := &session{cfg: c.cfg, log: c.log, src: src, rep: rep, budget: src.MaxPages, seen: map[string]bool{},
		detailMissing: map[string]int{}, detailExample: map[string]string{}, m: c.m}
	fc := c.fetch
	fc.Delay = src.Delay
	fc.AllowHost = src.hostAllowed
	fc.Redirect = s.checkRedirect
	fc.OnAttempt = func(status int, err error) { c.m.page(src.ID, status, err) }
	fc.OnDisallowed = func() { c.m.robots(src.ID) }
	fc.OnDial = c.dialed
	for a := range c.exempt {
		fc.Exempt = append(fc.Exempt, a)
	}
	client, err := fetch.New(ctx, fc, c.log.With("source", src.ID))
	if err != nil {
		return nil, err
	}
	s.client = client
	return s, nil
}

func (s *session) close() { s.client.Close() }

// checkRedirect is the crawl's part of every redirect hop's check: a
// redirect to a page this crawl has read already ends with errRevisit.
func (s *session) checkRedirect(req *http.Request, via []*http.Request) error {
	key := event.CanonicalURL(req.URL.String())
	s.mu.Lock()
	defer s.mu.Unlock()
	if key != event.CanonicalURL(via[0].URL.String()) && s.seen[key] {
		return errRevisit
	}
	s.seen[key] = true
	return nil
}

// maxProblems bounds a report: past it, problems are counted, not listed.
const maxProblems = 200

func (s *session) problem(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.rep.Problems) < maxProblems {
		s.rep.Problems = append(s.rep.Problems, fmt.Sprintf(format, args...))
	} else {
		s.dropped++
	}
}

// publishFailed counts and names an event the bus refused.
func (s *session) publishFailed(e *event.Event, err error) {
	s.mu.Lock()
	s.rep.Errors++
	s.mu.Unlock()
	s.problem("publish %s: %v", e.URL, err)
	s.log.Warn("publish failed", "source", s.src.ID, "url", e.URL, "event_id", e.ID, "err", err)
}

// claim takes one page of the budget for u; false when u was seen already.
func (s *session) claim(u string) (bool, error) {
	// Every page is claimed before it is fetched: the moment to tell how
	// far the crawl has come, whatever its kind.
	s.notify(false)
	s.mu.Lock()
	defer s.mu.Unlock()
	key := event.CanonicalURL(u)
	if s.seen[key] {
		return false, nil
	}
	if s.budget <= 0 {
		return false, errBudget
	}
	s.seen[key] = true
	s.budget--
	return true, nil
}

// fetch gets u and parses it as HTML. Every failure is logged once here and
// recorded as a problem; the caller only decides what to skip.
func (s *session) fetch(ctx context.Context, u string) (*page, error) {
	return s.fetchIf(ctx, u, Validators{})
}

// fetchIf is fetch with a conditional request when v holds validators: a 304
// returns fetch.ErrNotModified and no page, and counts in Report.NotModified.
func (s *session) fetchIf(ctx context.Context, u string, v Validators) (*page, error) {
	var doc *goquery.Document
	var feed []byte
	text := false
	d, err := s.fetchChecked(ctx, u, v.header(), func(d *rawDoc) error {
		body := d.body
		if err := notText(d); err != nil {
			// A page cut off into an image or an archive, or served
			// garbled: its "text" would be read as an event.
			return err
		}
		switch {
		case isHTML(d.ctype):
		case s.src.Kind == KindAuto && isFeed(d.ctype):
			// A list's link to the feed that holds its events (購読する):
			// read by the caller as a feed.
			feed = d.body
			body = nil
		case s.src.Kind == KindAuto && mediaType(d.ctype) == "text/plain":
			// A mail-news issue or notice published as it was sent (.txt):
			// its text read as a hand-written page's one <pre> block.
			body, text = textPage(d.body), true
		default:
			return fmt.Errorf("not an HTML page (Content-Type %q)", d.ctype)
		}
		var err error
		doc, err = goquery.NewDocumentFromReader(bytes.NewReader(body))
		if err == nil {
			dropHidden(doc)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return &page{url: d.url, doc: doc, fetched: d.fetched, validators: d.validators, feed: feed, text: text}, nil
}

// notText is why a fetched page is no text to read, or nil: binary bytes
// past its first tags.
func notText(d *rawDoc) error {
	if binaryBytes(d.body) {
		return fmt.Errorf("not a text page: it holds binary bytes (Content-Type %q)", d.ctype)
	}
	return nil
}

// binaryBytes says whether a body served as text is rather binary: more
// than one byte in a hundred control codes that no text writes (tab, line
// ends, form feed and the escape of ISO-2022-JP apart). NUL does not count:
// a page padded with zeros, or with a stray one, still has its text read.
func binaryBytes(b []byte) bool {
	controls := 0
	for _, c := range b {
		if c != 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			controls++
		}
	}
	return controls*100 > len(b)
}

// mediaType is a Content-Type's type and subtype, lower case.
func mediaType(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return mt
}

// isFeed tells from a Content-Type whether the body is an RSS or Atom feed.
func isFeed(contentType string) bool {
	switch mediaType(contentType) {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return true
	}
	return false
}

// textPage is plain text as an HTML page: its first line of words the
// title (a mail's subject line, between rules), the whole one <pre>.
func textPage(text []byte) []byte {
	title := ""
	for _, l := range strings.Split(string(text), "\n") {
		if l = strings.TrimSpace(strings.Trim(l, "━─=-*＝ \t\r　")); l != "" {
			title = l
			break
		}
	}
	return []byte("<html><head><title>" + html.EscapeString(title) + "</title></head><body><pre>" +
		html.EscapeString(string(text)) + "</pre></body></html>")
}

// fetchChecked gets u with the request headers hdr (validators, API keys)
// through the fetch client — robots.txt, allowed domains, delays, retries
// and the body limit apply — decodes the body to UTF-8 and, when check is
// not nil, lets it read the result. It does the accounting every fetch
// shares: a 304 counts in Report.NotModified and returns
// fetch.ErrNotModified; any other failure, the check's too, is logged once,
// named in the problems and counted in Report.Errors; a success counts a page.
func (s *session) fetchChecked(ctx context.Context, u string, hdr http.Header, check func(*rawDoc) error) (*rawDoc, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fetched := s.cfg.Now()
	res, err := s.client.Get(ctx, u, hdr)
	if errors.Is(err, fetch.ErrNotModified) {
		s.mu.Lock()
		s.rep.NotModified++
		s.mu.Unlock()
		return nil, err
	}
	var d *rawDoc
	if err == nil {
		if res.Truncated {
			s.problem("%s: body cut at %d bytes (max body size)", u, s.client.MaxBodySize())
		}
		ctype := res.ContentType()
		d = &rawDoc{url: res.URL, body: fetch.Decode(res.Body, ctype), ctype: ctype, fetched: fetched,
			// "Etag" is how Header keeps ETag: asked so, Get need not make
			// the key canonical on every page.
			validators: Validators{ETag: res.Header.Get("Etag"), LastModified: res.Header.Get("Last-Modified")}}
		if d.url == nil {
			d.url, _ = url.Parse(u)
		}
		if check != nil {
			err = check(d)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, errRevisit) {
			return nil, err // a redirect to a page read already: nothing to report
		}
		if errors.Is(err, fetch.ErrDisallowed) {
			// Not a failure: the site asked us not to. No request was made.
			s.mu.Lock()
			s.budget++
			s.mu.Unlock()
			s.problem("robots.txt disallows %s: not fetched", u)
			s.log.Debug("robots.txt disallows", "source", s.src.ID, "url", u)
			return nil, fmt.Errorf("fetch %s: %w", u, err)
		}
		s.mu.Lock()
		s.rep.Errors++
		s.mu.Unlock()
		// A page that answered 2xx failed its check (not HTML, say): the
		// reason, not the status, is what the operator needs.
		status := 0
		if res != nil {
			status = res.Status
		}
		if se := (*fetch.StatusError)(nil); errors.As(err, &se) && !errors.Is(err, fetch.ErrRetryAfterTooLong) {
			s.problem("fetch %s: status %d", u, se.Status)
		} else {
			s.problem("fetch %s: %v", u, err)
		}
		// The crawl's closing line counts it (and names it when the crawl
		// failed for it): at warn here it would say the same twice.
		s.log.Debug("fetch failed", "source", s.src.ID, "url", u, "status", status, "err", err)
		return nil, fmt.Errorf("fetch %s: %w", u, err)
	}
	s.mu.Lock()
	s.rep.Pages++
	s.mu.Unlock()
	return d, nil
}

// isHTML tells from a Content-Type whether the body is read as HTML.
func isHTML(contentType string) bool {
	if contentType == "" {
		return true // sniffed as HTML by the parser; many old sites send none
	}
	// Most pages say text/html, with a charset or nothing after it: HTML
	// whatever mime makes of the parameters (a refused one falls back on
	// "html" below), so they need not be parsed.
	if len(contentType) >= 9 && strings.EqualFold(contentType[:9], "text/html") && (len(contentType) == 9 || contentType[9] == ';') {
		return true
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return strings.Contains(strings.ToLower(contentType), "html")
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}
