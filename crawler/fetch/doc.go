// Package fetch is the crawler's polite HTTP client and the one place that
// decides a body's charset.
//
// A Client is made per crawl. Every request it makes, and each redirect hop
// and robots.txt request of it, goes through one transport that keeps the
// crawler's manners:
//
//   - robots.txt of every host (Disallow and Crawl-delay, read with
//     temoto/robotstxt), fetched once per Client, following up to five
//     redirects to any host as RFC 9309 allows; a redirect hop is checked
//     against its target's robots.txt too;
//   - a delay and a number of requests in flight per host, and a pause of
//     the whole host after a Retry-After;
//   - retries of 429, 5xx and timeouts with jittered exponential backoff;
//   - a time limit per request and a body limit that holds after gzip
//     decoding (a small compressed body may unpack to gigabytes);
//   - redirect checks (count, scheme, allowed hosts, the caller's own) and a
//     dial guard that refuses loopback, private and link-local addresses
//     unless Config.AllowPrivate, checked on the address actually dialled.
//
// The files: client.go (Config, Client.Get, retries), hosts.go (the host
// gates and robots.txt), transport.go (the transport, body limits, the dial
// guard), colly.go (the Colly collector that makes each request: the one
// file that imports Colly) and decode.go (Decode: BOM, header, <meta>, then
// the bytes).
package fetch
