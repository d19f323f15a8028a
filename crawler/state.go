package crawler

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"kouryu/internal/event"
)

// State is what crawls remember between them, shared by every crawler
// process (internal/bus keeps it in a NATS KV bucket): the validators of each
// event page and the content hash of each event published. Get returns nil
// and no error for a key never stored or expired. Keys are made of
// [a-z0-9.-]; values are JSON.
//
// With a State a crawl is incremental: event pages are fetched with
// If-None-Match / If-Modified-Since, and an event is published only when its
// content differs from what was last published under its id.
type State interface {
	Get(ctx context.Context, key string) ([]byte, error)
	Put(ctx context.Context, key string, value []byte) error
}

// Validators are the HTTP cache validators of a page.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

func (v Validators) empty() bool { return v.ETag == "" && v.LastModified == "" }

// header is the conditional request for v; nil when v is empty.
func (v Validators) header() http.Header {
	if v.empty() {
		return nil
	}
	h := http.Header{}
	if v.ETag != "" {
		h.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		h.Set("If-Modified-Since", v.LastModified)
	}
	return h
}

// pageMemo is what a crawl keeps of an event page: its validators and the
// event last published from it, re-used when the page answers 304.
type pageMemo struct {
	Validators
	Event event.Event `json:"event"`
}

// eventMemo is the content hash an event id was last published with.
type eventMemo struct {
	Hash      string    `json:"hash"`
	Published time.Time `json:"published"`
}

func pageKey(source, u string) string {
	sum := sha256.Sum256([]byte(event.CanonicalURL(u)))
	return "page." + source + "." + hex.EncodeToString(sum[:16])
}

func eventKey(source, id string) string { return "event." + source + "." + id }

// memory is what one crawl reads and writes of its source in the State. A
// nil *memory (a crawl that is not incremental) remembers nothing.
type memory struct {
	st     State
	source string
	log    *slog.Logger
	now    func() time.Time
}

// newMemory returns the memory of source in st; nil when st is nil.
func newMemory(st State, source string, log *slog.Logger, now func() time.Time) *memory {
	if st == nil {
		return nil
	}
	return &memory{st: st, source: source, log: log, now: now}
}

// loadJSON reads key into v; false when absent. A value that does not decode
// is treated as absent (it is overwritten on the next publish).
func (m *memory) loadJSON(ctx context.Context, key string, v any) bool {
	data, err := m.st.Get(ctx, key)
	if err != nil {
		m.log.Warn("crawl state unreadable, fetching in full", "source", m.source, "key", key, "err", err)
		return false
	}
	if data == nil {
		return false
	}
	if err := json.Unmarshal(data, v); err != nil {
		m.log.Warn("crawl state does not decode, ignored", "source", m.source, "key", key, "err", err)
		return false
	}
	return true
}

func (m *memory) storeJSON(ctx context.Context, key string, v any) {
	data, err := json.Marshal(v)
	if err == nil {
		err = m.st.Put(ctx, key, data)
	}
	if err != nil {
		// Not fatal: the next crawl fetches in full or publishes again,
		// and publishing is idempotent downstream.
		m.log.Warn("crawl state not stored", "source", m.source, "key", key, "err", err)
	}
}

// page returns what the state holds of the event page u; nil without state.
func (m *memory) page(ctx context.Context, u string) *pageMemo {
	if m == nil {
		return nil
	}
	var pm pageMemo
	if !m.loadJSON(ctx, pageKey(m.source, u), &pm) || pm.Event.ID == "" {
		return nil
	}
	return &pm
}

// forgetPage drops the page memo of u: the page is fetched in full next
// time. Its events' hashes stay.
func (m *memory) forgetPage(ctx context.Context, u string) {
	if m == nil {
		return
	}
	m.storeJSON(ctx, pageKey(m.source, u), pageMemo{})
}

// errUnchanged is emit's answer for an event published before as it is.
var errUnchanged = errors.New("unchanged since last published")

// emit publishes ev to pub unless the state says it was published with the
// same content already; then it returns errUnchanged. After a publish it
// records the event's hash and, when the page gave validators, the page
// memo of pageURL.
func (m *memory) emit(ctx context.Context, pub Publisher, ev event.Event, pageURL string, v Validators) error {
	if m == nil {
		return pub.Publish(ctx, ev)
	}
	hash := ev.ContentHash()
	ek := eventKey(m.source, ev.ID)
	var last eventMemo
	if m.loadJSON(ctx, ek, &last) && last.Hash == hash {
		if pageURL != "" && !v.empty() {
			m.rememberPage(ctx, pageURL, v, ev)
		}
		return errUnchanged
	}
	if err := pub.Publish(ctx, ev); err != nil {
		return err
	}
	m.storeJSON(ctx, ek, eventMemo{Hash: hash, Published: m.now()})
	if pageURL != "" && !v.empty() {
		m.rememberPage(ctx, pageURL, v, ev)
	}
	return nil
}

// rememberPage stores the page memo unless it holds these validators already.
func (m *memory) rememberPage(ctx context.Context, pageURL string, v Validators, ev event.Event) {
	if pm := m.page(ctx, pageURL); pm != nil && pm.Validators == v && pm.Event.ContentHash() == ev.ContentHash() {
		return
	}
	m.storeJSON(ctx, pageKey(m.source, pageURL), pageMemo{Validators: v, Event: ev})
}

// dedupPublisher gives the kinds that publish on their own (kinds.go) the
// same rule: an unchanged event is not published again. It answers nil for
// one, so the caller counts it as an event; Crawl moves those counts from
// Events to Unchanged afterwards.
type dedupPublisher struct {
	mem       *memory
	pub       Publisher
	mu        sync.Mutex
	unchanged int
}

func (d *dedupPublisher) Publish(ctx context.Context, ev event.Event) error {
	err := d.mem.emit(ctx, d.pub, ev, "", Validators{})
	if errors.Is(err, errUnchanged) {
		d.mu.Lock()
		d.unchanged++
		d.mu.Unlock()
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish %s: %w", ev.ID, err)
	}
	return nil
}
