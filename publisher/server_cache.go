package publisher

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"kouryu/internal/store"
)

// entry is a cached, ready-to-send body.
type entry struct {
	stamp   store.Stamp
	body    body
	gz      []byte // nil when not worth compressing
	etag    string // strong, without quotes
	lastMod time.Time
}

// current reports whether e is the body for the store at st and time now.
func (e *entry) current(st store.Stamp, now time.Time) bool {
	return e.stamp == st && (e.body.expires.IsZero() || now.Before(e.body.expires))
}

// entryOverhead is what an entry costs besides its bodies and key: the
// structs, the map and list nodes, the strings (a rough count, so that many
// tiny entries are not free).
const entryOverhead = 512

func (e *entry) size(key string) int64 {
	return int64(len(e.body.data) + len(e.gz) + len(key) + entryOverhead)
}

func newEntry(st store.Stamp, key string, b body) *entry {
	h := sha256.New()
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(st.Count))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(st.LastChange.UnixNano()))
	h.Write(buf[:])
	binary.BigEndian.PutUint64(buf[:], uint64(b.modified.UnixNano()))
	h.Write(buf[:])
	h.Write([]byte(key))
	e := &entry{stamp: st, body: b, etag: hex.EncodeToString(h.Sum(nil)[:12])}
	e.lastMod = st.LastChange
	if b.modified.After(e.lastMod) {
		e.lastMod = b.modified
	}
	if len(b.data) >= 512 {
		var zb bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&zb, gzip.BestSpeed) // a valid level never fails
		_, _ = zw.Write(b.data)                           // writes to a bytes.Buffer do not fail
		_ = zw.Close()
		e.gz = zb.Bytes()
	}
	return e
}

// bodyCache holds rendered bodies by key, bounded in entries and in bytes;
// the least recently used go first. An entry stays after the store moves on:
// it is then the last good copy of its body, served when a new one cannot be
// rendered, until newer bodies push it out.
type bodyCache struct {
	mu         sync.Mutex
	maxEntries int
	maxBytes   int64
	maxBody    int64 // larger entries are not kept: one would flush many
	bytes      int64
	lru        *list.List // of *cacheItem, most recently used first
	items      map[string]*list.Element
}

type cacheItem struct {
	key  string
	e    *entry
	size int64
}

func newBodyCache(maxEntries int, maxBytes int64) *bodyCache {
	return &bodyCache{maxEntries: maxEntries, maxBytes: maxBytes, maxBody: maxBytes / 8,
		lru: list.New(), items: make(map[string]*list.Element)}
}

// get returns the entry of key, current or not, and marks it used; nil if
// none.
func (c *bodyCache) get(key string) *entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.items[key]
	if el == nil {
		return nil
	}
	c.lru.MoveToFront(el)
	return el.Value.(*cacheItem).e
}

// put keeps e under key, replacing what was there, and evicts the least
// recently used entries beyond the bounds. An entry larger than maxBody is
// not kept (the one it would replace is dropped: it is out of date).
func (c *bodyCache) put(key string, e *entry) {
	size := e.size(key)
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.items[key]; el != nil {
		c.remove(el)
	}
	if size > c.maxBody {
		return
	}
	c.items[key] = c.lru.PushFront(&cacheItem{key: key, e: e, size: size})
	c.bytes += size
	for c.bytes > c.maxBytes || c.lru.Len() > c.maxEntries {
		c.remove(c.lru.Back())
	}
}

func (c *bodyCache) remove(el *list.Element) {
	it := c.lru.Remove(el).(*cacheItem)
	delete(c.items, it.key)
	c.bytes -= it.size
}

// len and bytesHeld are the entries and the bytes the cache holds.
func (c *bodyCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

func (c *bodyCache) bytesHeld() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// send writes e with its validators through http.ServeContent, which answers
// If-None-Match, If-Modified-Since (and If-Match, If-Unmodified-Since, Range)
// as RFC 9110 orders them, and HEAD. The gzipped body has its own ETag, as a
// different representation must.
func (s *Server) send(w http.ResponseWriter, r *http.Request, e *entry) {
	h := w.Header()
	data, etag := e.body.data, e.etag
	if e.gz != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		data, etag = e.gz, e.etag+"-gz"
		h.Set("Content-Encoding", "gzip")
		// ServeContent leaves the length of an encoded body to the caller.
		h.Set("Content-Length", strconv.Itoa(len(data)))
	}
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", `"`+etag+`"`)
	h.Set("Cache-Control", "public, max-age=60")
	h.Set("Content-Type", e.body.contentType)
	h.Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", e.lastMod, bytes.NewReader(data))
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip: listed
// (or *) without q=0.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name != "gzip" && name != "x-gzip" && name != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
			return false
		}
		return true
	}
	return false
}
