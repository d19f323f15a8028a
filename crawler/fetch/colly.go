package fetch

import (
	"context"
	"net/http"

	"github.com/gocolly/colly/v2"
)

// engine makes each request of a Client with a Colly collector, the one
// place in kouryu that imports Colly. The collector is fresh per Client (per
// crawl) and every setting is explicit; what Colly leaves to the Client and
// why is told in the crawler's doc.go: robots.txt, delays, parallelism,
// revisits and retries are the Client's, because Colly's cannot read
// Crawl-delay, pause a host after a 429 or retry a URL; the charset is
// Decode's, because Colly reads only the header's.
type engine struct {
	col *colly.Collector
}

// responseKey names the Response a request's callbacks fill in, in the
// request's colly.Context (Colly's way to carry data through the callbacks
// of one request).
const responseKey = "kouryu.response"

func newEngine(ctx context.Context, cfg Config, rt http.RoundTripper, checkRedirect func(*http.Request, []*http.Request) error) *engine {
	col := colly.NewCollector()
	// Every setting explicitly, after NewCollector (which also reads COLLY_*
	// variables from the environment).
	col.UserAgent = cfg.UserAgent
	col.IgnoreRobotsTxt = true // the Client's, with Crawl-delay
	col.AllowURLRevisit = true // the crawl keeps its own visited set
	col.Async = false          // the Client runs requests in parallel
	col.DetectCharset = false  // Decode's
	// Every status reaches OnResponse: the Client tells errors from it.
	col.ParseHTTPErrorResponse = true
	col.CacheDir = ""
	col.CheckHead = false
	// One byte more than the limit tells a cut body from one that fits.
	col.MaxBodySize = cfg.MaxBodySize + 1
	col.MaxDepth = 1 // the crawl keeps its own queue and never follows links from callbacks
	col.Context = ctx
	col.WithTransport(rt)
	col.SetRequestTimeout(0) // politeTransport keeps Config.Timeout, per hop
	col.SetRedirectHandler(checkRedirect)
	col.OnResponseHeaders(func(r *colly.Response) {
		// Colly would decode the body by the header's charset alone, before
		// OnResponse; Decode also reads the BOM, the <meta> and the bytes.
		// The header is kept aside here and put back in OnResponse.
		res := r.Ctx.GetAny(responseKey).(*Response)
		res.Header = *r.Headers
		res.ctype = res.Header["Content-Type"]
		delete(res.Header, "Content-Type")
	})
	col.OnResponse(func(r *colly.Response) {
		res := r.Ctx.GetAny(responseKey).(*Response)
		if res.ctype != nil {
			res.Header["Content-Type"] = res.ctype
		}
		res.Status = r.StatusCode
		res.URL = r.Request.URL
		res.Body = r.Body
		if len(res.Body) > cfg.MaxBodySize {
			res.Body, res.Truncated = res.Body[:cfg.MaxBodySize], true
		}
	})
	return &engine{col: col}
}

// get makes one request for u with the request headers hdr. A status other
// than 2xx is an error, with the Response.
func (e *engine) get(u string, hdr http.Header) (*Response, error) {
	res := &Response{}
	cctx := colly.NewContext()
	cctx.Put(responseKey, res)
	h := make(http.Header, len(hdr)+3) // Colly adds User-Agent and Accept
	for k, v := range hdr {
		h[k] = v
	}
	// Asked for here, so politeTransport need not copy the request to ask.
	h["Accept-Encoding"] = []string{"gzip"}
	if err := e.col.Request(http.MethodGet, u, nil, cctx, h); err != nil {
		return res, err
	}
	switch {
	case res.Status == http.StatusNotModified:
		return res, ErrNotModified
	case res.Status/100 != 2:
		return res, &StatusError{Status: res.Status}
	}
	return res, nil
}
