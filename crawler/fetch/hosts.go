package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// hostGate is one host's manners within a Client: its robots.txt, the delay
// between requests and the requests in flight.
type hostGate struct {
	origin string // scheme://host:port
	sem    chan struct{}

	robotsOnce sync.Once
	robots     *robotstxt.RobotsData
	robotsErr  error

	mu    sync.Mutex
	delay time.Duration
	next  time.Time // no request starts before
}

// originKey names a host's gate: scheme and host[:port], lower case.
type originKey struct{ scheme, host string }

// gate returns the gate of u's host, creating it on first use. It is asked
// several times a page, so it allocates only then, and the scheme and host
// as u spells them are kept with the gate they led to last: a crawl asks for
// one host page after page, and the same spelling leads to the same gate.
func (c *Client) gate(u *url.URL) *hostGate {
	if last := c.lastGate.Load(); last != nil && last.scheme == u.Scheme && last.host == u.Host {
		return last.g
	}
	k := originKey{strings.ToLower(u.Scheme), strings.ToLower(u.Host)}
	c.mu.Lock()
	g := c.hosts[k]
	if g == nil {
		g = &hostGate{origin: k.scheme + "://" + k.host, sem: make(chan struct{}, c.cfg.Parallelism), delay: c.cfg.Delay}
		c.hosts[k] = g
	}
	c.mu.Unlock()
	c.lastGate.Store(&spelledGate{scheme: u.Scheme, host: u.Host, g: g})
	return g
}

// spelledGate is a gate with the scheme and host, as a URL spelled them,
// that led to it.
type spelledGate struct {
	scheme, host string
	g            *hostGate
}

// acquire waits for a free slot and the host's delay, then takes the slot.
func (g *hostGate) acquire(ctx context.Context) error {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	for {
		g.mu.Lock()
		wait := time.Until(g.next)
		if wait <= 0 {
			g.next = time.Now().Add(g.delay)
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.sem
			return ctx.Err()
		}
	}
}

// release frees the slot; the next request waits the delay after this one ended.
func (g *hostGate) release() {
	g.mu.Lock()
	if n := time.Now().Add(g.delay); n.After(g.next) {
		g.next = n
	}
	g.mu.Unlock()
	<-g.sem
}

// pauseUntil holds every request to the host until t (a Retry-After).
func (g *hostGate) pauseUntil(t time.Time) {
	g.mu.Lock()
	if t.After(g.next) {
		g.next = t
	}
	g.mu.Unlock()
}

// errTooManyRobotsRedirects ends a robots.txt fetch that redirects more than
// MaxRedirects times; RFC 9309 lets the crawler then take robots.txt as
// unavailable, which allows everything.
var errTooManyRobotsRedirects = errors.New("robots.txt: too many redirects")

// robotsRedirect follows a robots.txt's redirects as RFC 9309 (2.3.1.2)
// allows: up to five hops, to any host (a site moved to www., or to a CDN),
// http(s) only. The dial guard still checks every address.
func robotsRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > MaxRedirects {
		return errTooManyRobotsRedirects
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("robots.txt redirect to %q: not http(s)", req.URL)
	}
	return nil
}

// loadRobots fetches the host's robots.txt once per Client. A 4xx allows
// everything, a 5xx disallows everything (as RFC 9309 asks); a robots.txt
// that cannot be fetched at all fails every request to the host.
func (c *Client) loadRobots(ctx context.Context, g *hostGate) error {
	g.robotsOnce.Do(func() {
		u := g.origin + "/robots.txt"
		req, err := http.NewRequestWithContext(context.WithValue(ctx, robotsKey{}, true), http.MethodGet, u, nil)
		if err != nil {
			g.robotsErr = err
			return
		}
		req.Header.Set("User-Agent", c.cfg.UserAgent)
		client := &http.Client{Transport: c.rt, CheckRedirect: robotsRedirect} // c.rt keeps the time limit
		var rd *robotstxt.RobotsData
		res, err := client.Do(req)
		switch {
		case errors.Is(err, errTooManyRobotsRedirects):
			c.log.Warn("robots.txt redirects too often, treated as absent", "url", u)
			rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
		case err != nil:
			g.robotsErr = fmt.Errorf("robots.txt: %w", err)
			return
		default:
			defer res.Body.Close()
			body, err := io.ReadAll(res.Body)
			if err != nil {
				g.robotsErr = fmt.Errorf("robots.txt: %w", err)
				return
			}
			rd, err = robotstxt.FromStatusAndBytes(res.StatusCode, body)
			if err != nil {
				// Unreadable: as if there were none.
				c.log.Warn("robots.txt unreadable, treated as absent", "url", u, "err", err)
				rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
			}
		}
		g.robots = rd
		if cd := rd.FindGroup(c.cfg.UserAgent).CrawlDelay; cd > 0 {
			cd = min(cd, maxCrawlDelay)
			g.mu.Lock()
			if cd > g.delay {
				g.delay = cd
				c.log.Info("robots.txt crawl-delay honoured", "host", g.origin, "delay", cd)
			}
			g.mu.Unlock()
		}
	})
	return g.robotsErr
}

// robotsAllow reports whether robots.txt lets us read u, loading it first.
func (c *Client) robotsAllow(ctx context.Context, u *url.URL) (bool, error) {
	g := c.gate(u)
	if err := c.loadRobots(ctx, g); err != nil {
		return false, err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return g.robots.TestAgent(path, c.cfg.UserAgent), nil
}
