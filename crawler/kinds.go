package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"kouryu/internal/event"
)

// The environment variables that hold the API credentials of the kinds
// connpass and doorkeeper; the sources file never holds a key.
const (
	EnvConnpassKey     = "KOURYU_CONNPASS_API_KEY"
	EnvDoorkeeperToken = "KOURYU_DOORKEEPER_TOKEN"
)

// DefaultHorizon is how far ahead of the fetch an iCalendar RRULE is expanded.
const DefaultHorizon = 90 * 24 * time.Hour

// errSeen is returned by fetchRaw for a URL this crawl has read already.
var errSeen = errors.New("already read in this crawl")

// fetchRaw gets u through the crawl's fetch client — robots.txt, allowed
// domains, the private-address dial check, per-host delay, timeouts and the
// body limit all apply — and returns its bytes, whatever their type. It
// takes one page of the budget. Failures are recorded as problems, as
// fetch does; the caller only decides what to skip. Unlike fetch it takes
// any content type and parses nothing.
func (s *session) fetchRaw(ctx context.Context, u string, hdr http.Header) (*rawDoc, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ok, err := s.claim(u)
	if errors.Is(err, errBudget) {
		s.problem("max_pages %d reached: %s not fetched", s.src.MaxPages, u)
		return nil, err
	}
	if !ok {
		return nil, errSeen
	}
	return s.fetchChecked(ctx, u, hdr, nil)
}

// runKind crawls a source of a kind other than html and auto: jsonld pages,
// an iCalendar or RSS/Atom feed, the connpass or Doorkeeper API.
func (s *session) runKind(ctx context.Context, pub Publisher) error {
	em := &emitter{s: s, pub: pub, published: map[string]bool{}}
	var err error
	switch s.src.Kind {
	case KindJSONLD:
		err = s.runJSONLD(ctx, em)
	case KindICal:
		err = s.runFeeds(ctx, em, func(d *rawDoc) ([]event.Event, error) {
			res, err := ParseICal(ctx, d.body, s.src, d.url.String(), d.fetched, DefaultHorizon)
			for _, p := range res.Problems {
				s.problem("%s: %s", d.url, p)
			}
			for id, why := range res.Flags {
				em.flag(id, why)
			}
			s.mu.Lock()
			s.rep.UnreadableDates += res.UnreadableDates
			s.mu.Unlock()
			return res.Events, err
		})
	case KindRSS:
		err = s.runFeeds(ctx, em, func(d *rawDoc) ([]event.Event, error) {
			res, err := ParseFeed(d.body, s.src, d.fetched)
			for _, p := range res.Problems {
				s.problem("%s: %s", d.url, p)
			}
			for id, why := range res.Flags {
				em.flag(id, why)
			}
			s.mu.Lock()
			s.rep.UnreadableDates += res.UnreadableDates
			s.mu.Unlock()
			return res.Events, err
		})
	case KindConnpass:
		err = s.runConnpass(ctx, em)
	case KindDoorkeeper:
		err = s.runDoorkeeper(ctx, em)
	default:
		err = fmt.Errorf("kind %s not implemented", s.src.Kind)
	}
	if s.dropped > 0 {
		s.rep.Problems = append(s.rep.Problems, fmt.Sprintf("… and %d more problems", s.dropped))
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, cerr)
	}
	if err != nil {
		return fmt.Errorf("crawl source %q: %w", s.src.ID, err)
	}
	return nil
}

// runFeeds fetches every start URL and publishes what read makes of it. It
// fails only when no start URL could be read.
func (s *session) runFeeds(ctx context.Context, em *emitter, read func(*rawDoc) ([]event.Event, error)) error {
	var firstErr error
	readOne := false
	for _, u := range s.src.StartURLs {
		d, err := s.fetchRaw(ctx, u, nil)
		if err != nil {
			if errors.Is(err, errBudget) || ctx.Err() != nil {
				break
			}
			if firstErr == nil && !errors.Is(err, errSeen) {
				firstErr = err
			}
			continue
		}
		evs, err := read(d)
		if ctx.Err() != nil {
			break // a long parse outlived the crawl: nothing of it is published
		}
		if err != nil {
			s.mu.Lock()
			s.rep.Errors++
			s.mu.Unlock()
			s.problem("%s: %v", u, err)
			s.log.Debug("feed unreadable", "source", s.src.ID, "url", u, "err", err)
			if firstErr == nil {
				firstErr = fmt.Errorf("read %s: %w", u, err)
			}
			continue
		}
		readOne = true
		for _, e := range evs {
			em.emit(ctx, e)
		}
	}
	if !readOne {
		if firstErr == nil {
			firstErr = errors.New("no feed read")
		}
		return firstErr
	}
	return nil
}

// emitter publishes a crawl's events once each, those its session admits
// (a nationwide source keeps Osaka prefecture and online events). flags
// holds, by event id, the doubts a reader had about an event (a start its
// text contradicts): the event is flagged with them when it is published.
type emitter struct {
	s         *session
	pub       Publisher
	published map[string]bool
	flags     map[string]string
}

// flag notes a reader's doubt about the event of id, for emit.
//
//lint:ignore U1000 the hook a detail reader calls when it doubts an event; none does yet
func (em *emitter) flag(id, reason string) {
	if em.flags == nil {
		em.flags = map[string]string{}
	}
	em.flags[id] = reason
}

func (em *emitter) emit(ctx context.Context, e event.Event) {
	s := em.s
	if em.published[e.ID] || ctx.Err() != nil || !s.admit(e) {
		return
	}
	if reason := em.flags[e.ID]; reason != "" {
		s.flagEvent(e, reason)
	}
	em.published[e.ID] = true
	if err := em.pub.Publish(ctx, e); err != nil {
		s.publishFailed(&e, err)
		return
	}
	s.mu.Lock()
	s.rep.Events++ // and unchanged ones: Crawl moves them to Unchanged
	s.rep.Fill.add(&e)
	s.mu.Unlock()
}

// apiKey reads a credential from the environment. A source whose key is
// missing is skipped with one log line and one problem, not an error per page.
func (s *session) apiKey(env string) (string, bool) {
	v := strings.TrimSpace(os.Getenv(env))
	if v == "" {
		s.problem("%s is not set: source skipped", env)
		s.log.Warn("API key missing: source skipped", "source", s.src.ID, "kind", string(s.src.Kind), "env", env)
		return "", false
	}
	return v, true
}

// nationwide reports whether the source lists events of all Japan, so that
// only those in Osaka prefecture (and online) are kept: the connpass and
// Doorkeeper APIs always, other kinds when the source says nationwide: true.
func (s *Source) nationwide() bool {
	return s.Nationwide || s.Kind == KindConnpass || s.Kind == KindDoorkeeper
}
