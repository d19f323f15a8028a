package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/crawler"
	"kouryu/internal/event"
)

const (
	crawlPerList    = 50 // events per list page
	crawlParallel   = 16
	crawlSourceID   = "bench-site"
	crawlVisitedURL = 100000
)

// crawlSite is an httptest site of list pages (/list/N.html, crawlPerList
// events each, a 次へ link to the next) and one page per event
// (/event/K.html, with a <dl> of 日時/会場/参加費/主催), rendered up front so
// neither crawler pays for the rendering.
type crawlSite struct {
	srv   *httptest.Server
	pages map[string][]byte
	lists int
}

func newCrawlSite(events int, now time.Time) *crawlSite {
	s := &crawlSite{pages: map[string][]byte{}, lists: (events + crawlPerList - 1) / crawlPerList}
	s.pages["/robots.txt"] = []byte("User-agent: *\nAllow: /\n")
	for l := 1; l <= s.lists; l++ {
		var b bytes.Buffer
		fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>イベント一覧 %dページ</title></head><body>\n", l)
		b.WriteString("<header><nav><a href=\"/\">トップ</a> <a href=\"/about.html\">協議会について</a></nav></header>\n<ul class=\"events\">\n")
		for k := (l - 1) * crawlPerList; k < l*crawlPerList && k < events; k++ {
			st := genStart(k, now)
			fmt.Fprintf(&b, "<li><a href=\"/event/%d.html\"><h3>%s</h3></a><span class=\"date\">%d年%d月%d日</span> <span class=\"area\">%s</span></li>\n",
				k, html.EscapeString(genTitle(k)), st.Year(), st.Month(), st.Day(), genAreas[k%len(genAreas)])
		}
		b.WriteString("</ul>\n")
		if l < s.lists {
			fmt.Fprintf(&b, "<p class=\"pager\"><a class=\"next\" href=\"/list/%d.html\">次へ</a></p>\n", l+1)
		}
		b.WriteString("<footer>なにわ経営者ネットワーク 事務局</footer></body></html>\n")
		s.pages["/list/"+strconv.Itoa(l)+".html"] = b.Bytes()
	}
	for k := range events {
		st := genStart(k, now)
		var b bytes.Buffer
		fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>%s</title></head><body>\n", html.EscapeString(genTitle(k)))
		b.WriteString("<header><nav><a href=\"/\">トップ</a> <a href=\"/list/1.html\">イベント一覧</a></nav></header>\n<main>\n")
		fmt.Fprintf(&b, "<h1>%s</h1>\n<dl class=\"info\">\n", html.EscapeString(genTitle(k)))
		fmt.Fprintf(&b, "<dt>日時</dt><dd>%d年%d月%d日 %02d:%02d〜%02d:%02d</dd>\n", st.Year(), st.Month(), st.Day(), st.Hour(), st.Minute(), st.Hour()+2, st.Minute())
		fmt.Fprintf(&b, "<dt>会場</dt><dd>%s</dd>\n", genVenues[k%len(genVenues)])
		fmt.Fprintf(&b, "<dt>参加費</dt><dd>%d円</dd>\n", 1000+(k%5)*500)
		fmt.Fprintf(&b, "<dt>主催</dt><dd>%s</dd>\n</dl>\n", genOrganizers[(k/3)%len(genOrganizers)])
		fmt.Fprintf(&b, "<div class=\"entry-content\"><p>%s</p><p>お問い合わせは事務局まで。</p></div>\n", genDescription(k))
		b.WriteString("</main><footer>なにわ経営者ネットワーク 事務局</footer></body></html>\n")
		s.pages["/event/"+strconv.Itoa(k)+".html"] = b.Bytes()
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".txt") {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	}))
	return s
}

func (s *crawlSite) source() crawler.Source {
	return crawler.Source{
		ID:        crawlSourceID,
		Name:      "ベンチ用サイト",
		Kind:      crawler.KindHTML,
		StartURLs: []string{s.srv.URL + "/list/1.html"},
		Area:      "大阪市",
		// Zero means "the default, 1s" to crawler.Source, so the smallest
		// positive delay stands for none.
		Delay:    time.Nanosecond,
		MaxPages: 10000,
		List: crawler.ListSpec{
			Item:   "ul.events > li",
			Link:   "a@href",
			Next:   "a.next@href",
			Fields: map[string]string{"title": "h3", "date": ".date"},
		},
		Detail: crawler.DetailSpec{Fields: map[string]string{
			"title":       "h1",
			"date":        "dt:contains('日時') + dd",
			"venue":       "dt:contains('会場') + dd",
			"fee":         "dt:contains('参加費') + dd",
			"organizer":   "dt:contains('主催') + dd",
			"description": ".entry-content",
		}},
	}
}

// countPublisher counts the events a crawl publishes.
type countPublisher struct{ n atomic.Int64 }

func (p *countPublisher) Publish(_ context.Context, _ event.Event) error {
	p.n.Add(1)
	return nil
}

type crawlRun struct {
	pages, events int
	secs          float64
	cpu           time.Duration // this process's CPU time, the test site's included
	peak          uint64
}

func (r crawlRun) pagesPerSec() float64 { return float64(r.pages) / r.secs }

func crawlKouryu(ctx context.Context, site *crawlSite, log *slog.Logger) (crawlRun, error) {
	cr, err := crawler.New(crawler.Config{AllowPrivate: true, Parallelism: crawlParallel, Timeout: 30 * time.Second}, log)
	if err != nil {
		return crawlRun{}, err
	}
	var pub countPublisher
	stop := peakHeap()
	t0, cpu0 := time.Now(), processCPU()
	rep, err := cr.Crawl(ctx, site.source(), &pub)
	secs, cpu := time.Since(t0).Seconds(), processCPU()-cpu0
	peak := stop()
	if err != nil {
		return crawlRun{}, fmt.Errorf("kouryu crawl: %w", err)
	}
	if rep.Errors > 0 {
		return crawlRun{}, fmt.Errorf("kouryu crawl: %d errors, first problems %q", rep.Errors, first(rep.Problems, 3))
	}
	return crawlRun{pages: rep.Pages, events: int(pub.n.Load()), secs: secs, cpu: cpu, peak: peak}, nil
}

// crawlBare is the baseline: net/http and goquery, the list pages one after
// the other, the event pages by crawlParallel workers, read with the same
// pure extractors (crawler.ExtractList, ExtractDetail, BuildEvent). No
// robots.txt, no charset sniffing, no limits: what a throwaway script does.
func crawlBare(ctx context.Context, site *crawlSite) (crawlRun, error) {
	src := site.source()
	tr := &http.Transport{DialContext: (&net.Dialer{Timeout: 10 * time.Second}).DialContext, MaxIdleConnsPerHost: crawlParallel}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	get := func(u string) (*goquery.Document, *url.URL, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, nil, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			_, _ = io.Copy(io.Discard, resp.Body)
			return nil, nil, fmt.Errorf("get %s: status %d", u, resp.StatusCode)
		}
		doc, err := goquery.NewDocumentFromReader(resp.Body)
		return doc, resp.Request.URL, err
	}
	stop := peakHeap()
	t0, cpu0 := time.Now(), processCPU()
	type item struct {
		it      crawler.ListItem
		fetched time.Time
	}
	var items []item
	pages := 0
	for next := src.StartURLs[0]; next != ""; {
		fetched := time.Now()
		doc, u, err := get(next)
		if err != nil {
			stop()
			return crawlRun{}, err
		}
		pages++
		lp := crawler.ExtractList(doc, u, src.List)
		for _, it := range lp.Items {
			items = append(items, item{it, fetched})
		}
		next = ""
		if len(lp.Next) > 0 {
			next = lp.Next[0]
		}
	}
	jobs := make(chan item)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		events   int
		firstErr error
	)
	for range crawlParallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				fetched := time.Now()
				doc, _, err := get(j.it.Link)
				if err == nil {
					df, _ := crawler.ExtractDetail(doc, src.Detail.Fields)
					_, err = crawler.BuildEvent(&src, j.it.Link, true, crawler.Merge(j.it.Fields, df), fetched)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				if err == nil {
					events++
				}
				mu.Unlock()
			}
		}()
	}
	for _, it := range items {
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	secs, cpu := time.Since(t0).Seconds(), processCPU()-cpu0
	peak := stop()
	if firstErr != nil {
		return crawlRun{}, fmt.Errorf("bare crawl: %w", firstErr)
	}
	return crawlRun{pages: pages + len(items), events: events, secs: secs, cpu: cpu, peak: peak}, nil
}

func benchCrawl(ctx context.Context, c config, res *Result, log *slog.Logger) error {
	site := newCrawlSite(c.crawlEvents, time.Now())
	defer site.srv.Close()
	// Alternate the two, c.crawlRounds times (five by default), and keep
	// each one's best run: on a shared machine the best run is the one least
	// disturbed by neighbours. CPU time per page, also the best, is steadier
	// than the wall clock.
	var best, bestBare crawlRun
	var cpu, cpuBare time.Duration
	for range c.crawlRounds {
		b, err := crawlBare(ctx, site)
		if err != nil {
			return err
		}
		k, err := crawlKouryu(ctx, site, log)
		if err != nil {
			return err
		}
		if k.events != c.crawlEvents || b.events != c.crawlEvents {
			return fmt.Errorf("events read: kouryu %d, bare loop %d, site has %d", k.events, b.events, c.crawlEvents)
		}
		if cpu == 0 || k.cpu < cpu {
			cpu = k.cpu
		}
		if cpuBare == 0 || b.cpu < cpuBare {
			cpuBare = b.cpu
		}
		if best.secs == 0 || k.secs < best.secs {
			best = k
		}
		if bestBare.secs == 0 || b.secs < bestBare.secs {
			bestBare = b
		}
	}
	ratio := best.pagesPerSec() / bestBare.pagesPerSec()
	res.Checks = append(res.Checks, Check{
		Stage: "crawl", Metric: fmt.Sprintf("%d pages, %d in parallel", best.pages, crawlParallel), Unit: "pages/s",
		Figure: round(best.pagesPerSec(), 0), Baseline: round(bestBare.pagesPerSec(), 0), BaseName: "bare loop",
		Ratio: round(ratio, 2), Target: "≥ 0.8× bare", Pass: ratio >= 0.8,
	})
	res.Extra["crawl.kouryu_peak_heap_mib"] = round(float64(best.peak)/mib, 1)
	res.Extra["crawl.bare_peak_heap_mib"] = round(float64(bestBare.peak)/mib, 1)
	res.Extra["crawl.kouryu_cpu_us_per_page"] = round(float64(cpu.Microseconds())/float64(best.pages), 0)
	res.Extra["crawl.bare_cpu_us_per_page"] = round(float64(cpuBare.Microseconds())/float64(bestBare.pages), 0)
	res.Extra["crawl.kouryu_seconds"] = round(best.secs, 2)
	res.Extra["crawl.bare_seconds"] = round(bestBare.secs, 2)
	visited, err := visitedCost(site.srv.URL)
	if err != nil {
		return err
	}
	res.Extra["crawl.visited_100k_urls_mib"] = round(float64(visited)/mib, 1)
	return nil
}

// visitedCost measures what the crawler keeps per visited URL, for
// crawlVisitedURL URLs: its own set of canonical URLs (session.seen,
// map[string]bool) and Colly's visited set (map[uint64]bool of URL hashes),
// built the same way here since neither is reachable from outside.
func visitedCost(base string) (uint64, error) {
	before := heapNow()
	seen := make(map[string]bool)
	colly := make(map[uint64]bool)
	for i := range crawlVisitedURL {
		u := event.CanonicalURL(fmt.Sprintf("%s/event/detail/%d.html?from=list", base, i))
		seen[u] = true
		colly[uint64(i)*0x9e3779b97f4a7c15] = true
	}
	after := heapNow()
	runtime.KeepAlive(seen)
	runtime.KeepAlive(colly)
	if len(seen) != crawlVisitedURL || len(colly) != crawlVisitedURL {
		return 0, errors.New("visited sets lost entries")
	}
	return after - before, nil
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
