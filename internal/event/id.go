package event

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
	"time"
	"unicode"
)

// ID returns the stable id of an event: the same event gets the same id on
// every crawl, so a changed title or venue is an update, not a new event.
//
// It hashes the source, the canonical form of the event's URL and its start
// date in Tokyo. titleKey is empty when the event has a page of its own; when
// a listing has no page per event (every event shares the list's URL), pass the
// title and its normalised form is hashed too.
func ID(source, eventURL string, start time.Time, titleKey string) string {
	h := sha256.New()
	h.Write([]byte(source))
	h.Write([]byte{0})
	h.Write([]byte(CanonicalURL(eventURL)))
	h.Write([]byte{0})
	if !start.IsZero() {
		h.Write([]byte(start.In(Tokyo).Format("2006-01-02")))
	}
	h.Write([]byte{0})
	if titleKey != "" {
		h.Write([]byte(normalizeTitle(titleKey)))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// CanonicalURL returns u with the scheme and host lower-cased, the default
// port, the fragment and tracking parameters (utm_*, fbclid, gclid) removed and
// the query sorted. A string that does not parse is returned trimmed.
func CanonicalURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return strings.TrimSpace(u)
	}
	p.Scheme = strings.ToLower(p.Scheme)
	host := strings.ToLower(p.Hostname())
	if port := p.Port(); port != "" && !(p.Scheme == "http" && port == "80") && !(p.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	p.Host = host
	p.Fragment = ""
	p.RawFragment = ""
	if p.Path == "" {
		p.Path = "/"
	}
	q := p.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
			q.Del(k)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	p.RawQuery = b.String()
	return p.String()
}

// normalizeTitle folds what changes between crawls without changing the
// event: white space, and ASCII case.
func normalizeTitle(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
