package fetch

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"syscall"
)

// politeTransport is the transport of every request of a Client, pages and
// robots.txt, each redirect hop included, so the manners hold whoever makes
// the request: it checks the robots.txt of a redirect target, waits for the
// host's delay and a free slot (held until the body is closed), decodes gzip
// itself and bounds every body, so that the limit holds for what is
// decompressed and not only for what travels. The wrapped transport must
// have DisableCompression set.
type politeTransport struct {
	c  *Client
	rt http.RoundTripper
}

// robotsKey marks the context of a robots.txt request: it is not checked
// against robots.txt (that would wait on itself) nor counted as a page.
type robotsKey struct{}

func isRobots(ctx context.Context) bool { return ctx.Value(robotsKey{}) != nil }

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	c := t.c
	robots := isRobots(ctx)
	// A page's first request was checked by Get; a redirect hop
	// (req.Response set) is checked here.
	if req.Response != nil && !robots {
		ok, err := c.robotsAllow(ctx, req.URL)
		if err != nil {
			return nil, err
		}
		if !ok {
			c.disallowed()
			return nil, fmt.Errorf("%s: %w", req.URL, ErrDisallowed)
		}
	}
	g := c.gate(req.URL)
	if err := g.acquire(ctx); err != nil {
		return nil, err
	}
	// The time limit is kept here rather than by http.Client.Timeout: a
	// client's timeout around a transport it does not know (this one) costs
	// a goroutine, a timer and a cancel channel per request. Each redirect
	// hop has its own, and MaxRedirects bounds the hops.
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	res, err := t.roundTrip(req.WithContext(ctx))
	if !robots && c.cfg.OnAttempt != nil {
		status := 0
		if res != nil {
			status = res.StatusCode
		}
		c.cfg.OnAttempt(status, err)
	}
	if err != nil {
		cancel()
		g.release()
		return nil, err
	}
	res.Body = &releasingBody{ReadCloser: res.Body, g: g, cancel: cancel}
	return res, nil
}

// releasingBody ends its request's time limit and frees its host slot when
// closed.
type releasingBody struct {
	io.ReadCloser
	g      *hostGate
	cancel context.CancelFunc
	once   sync.Once
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(func() {
		b.cancel()
		b.g.release()
	})
	return err
}

func (t *politeTransport) roundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Accept-Encoding") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("Accept-Encoding", "gzip")
	}
	res, err := t.rt.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	limit := int64(t.c.cfg.MaxBodySize)
	ce := strings.ToLower(strings.TrimSpace(res.Header.Get("Content-Encoding")))
	switch ce {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(io.LimitReader(res.Body, limit+1))
		if err != nil {
			res.Body.Close()
			return nil, fmt.Errorf("gzip body of %s: %w", req.URL, err)
		}
		res.Body = &gzipBody{zr: zr, raw: res.Body}
		res.Header.Del("Content-Encoding")
		res.Header.Del("Content-Length")
		res.ContentLength = -1
		res.Uncompressed = true
	default:
		res.Body.Close()
		return nil, fmt.Errorf("%s: Content-Encoding %q not read", req.URL, ce)
	}
	// A compressed file is no page, and Colly would gunzip it again, past
	// the limit: refuse it.
	if ct := strings.ToLower(res.Header.Get("Content-Type")); strings.Contains(ct, "gzip") || strings.HasSuffix(strings.ToLower(res.Request.URL.Path), ".gz") {
		res.Body.Close()
		return nil, fmt.Errorf("%s: compressed file (Content-Type %q) not read", req.URL, ct)
	}
	res.Body = &limitedBody{r: io.LimitReader(res.Body, limit+1), c: res.Body}
	return res, nil
}

type gzipBody struct {
	zr  *gzip.Reader
	raw io.ReadCloser
}

func (b *gzipBody) Read(p []byte) (int, error) { return b.zr.Read(p) }
func (b *gzipBody) Close() error               { b.zr.Close(); return b.raw.Close() }

type limitedBody struct {
	r io.Reader
	c io.Closer
}

func (b *limitedBody) Read(p []byte) (int, error) { return b.r.Read(p) }
func (b *limitedBody) Close() error               { return b.c.Close() }

// dialControl is the dialer's Control hook: it sees the address actually
// dialled, after DNS, for every connection, redirects and robots.txt
// included, and refuses what is not public before any packet is sent.
func (c *Client) dialControl(network, address string, _ syscall.RawConn) error {
	err := refusePrivate(address)
	if err != nil && c.exempt[address] {
		err = nil
	}
	if c.cfg.OnDial != nil {
		c.cfg.OnDial(address, err != nil)
	}
	return err
}

func refusePrivate(address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read address %q", ErrPrivateAddress, address)
	}
	if a := ap.Addr().Unmap(); !publicAddr(a) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, a)
	}
	return nil
}

var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10") // carrier-grade NAT

func publicAddr(a netip.Addr) bool {
	return a.IsValid() && a.IsGlobalUnicast() && !a.IsPrivate() && !a.IsLoopback() &&
		!a.IsLinkLocalUnicast() && !sharedAddressSpace.Contains(a)
}
