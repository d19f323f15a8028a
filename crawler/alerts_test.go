package crawler

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"kouryu/internal/alert"
	"kouryu/internal/bus"
	"kouryu/internal/testutil"
)

// A chamber of commerce's event list: a table of twelve events, the date
// in its own cell, each linking to a page that gives the hours, the venue,
// the fee and the organiser in a definition list. The site can be
// "renewed": its CMS then writes the date cell with another class, or the
// venue under another heading, as happens when a site changes templates.
type chamberSite struct {
	mu       sync.Mutex
	template string // "", "date-class" or "venue-heading"
}

var chamberEvents = []struct{ date, title, hours, venue, fee string }{
	{"2027年1月13日(水)", "新春賀詞交歓会", "18:00～20:00", "ホテルアウィーナ大阪 3階 金剛の間", "会員 5,000円／一般 7,000円"},
	{"2027年1月21日(木)", "第42回 異業種交流会「ビジネス交流サロン」", "18:30～20:30", "東成商工会議所 5階 大会議室", "2,000円（軽食付き）"},
	{"2027年1月28日(木)", "女性経営者の会 1月例会・懇親会", "15:00～17:30", "東成区民センター 小ホール", "3,000円"},
	{"2027年2月4日(木)", "経営セミナー「人手不足時代の採用と定着」と交流会", "14:00～17:00", "東成商工会議所 5階 大会議室", "無料（交流会 1,000円）"},
	{"2027年2月10日(水)", "製造業ものづくり交流会 in 東成", "16:00～19:00", "大阪産業創造館 4階 イベントホール", "1,500円"},
	{"2027年2月18日(木)", "若手経営者・後継者 名刺交換会", "19:00～21:00", "東成商工会議所 3階 研修室", "1,000円"},
	{"2027年2月25日(木)", "飲食・サービス業 業種別交流会", "18:00～20:00", "今里新地 料亭「菊水」", "5,000円"},
	{"2027年3月4日(木)", "創業塾 修了生交流会", "18:30～20:30", "東成商工会議所 5階 大会議室", "無料"},
	{"2027年3月11日(木)", "IT活用勉強会「生成AIで事務を減らす」", "14:00～16:00", "東成商工会議所 3階 研修室", "会員無料／一般 2,000円"},
	{"2027年3月17日(水)", "地域事業者ビジネスマッチング商談会", "13:00～17:00", "大阪産業創造館 6階 会議室E", "無料"},
	{"2027年3月24日(水)", "建設・不動産部会 合同例会", "17:00～19:30", "ホテルアウィーナ大阪 2階 葛城の間", "6,000円"},
	{"2027年3月30日(火)", "年度末 会員交流パーティー", "18:30～21:00", "ホテルアウィーナ大阪 3階 金剛の間", "会員 4,000円"},
}

func (s *chamberSite) set(template string) {
	s.mu.Lock()
	s.template = template
	s.mu.Unlock()
}

func (s *chamberSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	tpl := s.template
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	var id int
	switch {
	case r.URL.Path == "/robots.txt":
		io.WriteString(w, "User-agent: *\nDisallow: /admin/\n")
	case r.URL.Path == "/event/":
		dateClass := "date"
		if tpl == "date-class" {
			dateClass = "ev-day"
		}
		var b strings.Builder
		b.WriteString(`<!DOCTYPE html><html lang="ja"><head><title>イベント・セミナー一覧｜東成商工会議所</title></head><body>
<h1>イベント・セミナー</h1><table class="event-list"><tr><th>開催日</th><th>イベント名</th></tr>`)
		for i, e := range chamberEvents {
			fmt.Fprintf(&b, "<tr class=\"event\"><td class=%q>%s</td><td><a href=\"/event/%d.html\">%s</a></td></tr>\n", dateClass, e.date, i+1, e.title)
		}
		b.WriteString("</table></body></html>")
		io.WriteString(w, b.String())
	case func() bool { _, err := fmt.Sscanf(r.URL.Path, "/event/%d.html", &id); return err == nil }() && id >= 1 && id <= len(chamberEvents):
		e := chamberEvents[id-1]
		venueHeading := "会場"
		if tpl == "venue-heading" {
			venueHeading = "開催場所"
		}
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="ja"><head><title>%s｜東成商工会議所</title></head><body>
<h1>%s</h1>
<dl class="event-detail">
<dt>開催日</dt><dd>%s</dd>
<dt>時間</dt><dd>%s</dd>
<dt class="place">%s</dt><dd>%s</dd>
<dt>参加費</dt><dd>%s</dd>
<dt>主催</dt><dd>東成商工会議所 中小企業相談所</dd>
</dl>
<div class="entry-body"><p>会員事業所の皆さまの交流の場として開催いたします。お気軽にご参加ください。</p></div>
</body></html>`, e.title, e.title, e.date, e.hours, venueHeading, e.venue, e.fee)
	default:
		http.NotFound(w, r)
	}
}

func chamberSource(t *testing.T, url string) Source {
	t.Helper()
	srcs, err := ParseSources(fmt.Appendf(nil, `sources:
  - id: higashinari-cci
    name: 東成商工会議所
    kind: html
    start_urls: [%s/event/]
    area: 大阪市東成区
    every: 6h
    delay: 1ms
    list:
      item: "table.event-list tr.event"
      link: "a@href"
      fields: {title: "a", date: "td.date"}
    detail:
      fields:
        time: "dt:contains('時間') + dd"
        venue: "dt:contains('会場') + dd"
        fee: "dt:contains('参加費') + dd"
        organizer: "dt:contains('主催') + dd"
        description: "div.entry-body"
`, url))
	if err != nil {
		t.Fatal(err)
	}
	return srcs[0]
}

// webhookReceiver keeps the alerts it is sent.
type webhookReceiver struct {
	mu     sync.Mutex
	alerts []Alert
}

func (rv *webhookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var a Alert
	if err := json.NewDecoder(r.Body).Decode(&a); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	rv.mu.Lock()
	rv.alerts = append(rv.alerts, a)
	rv.mu.Unlock()
}

func (rv *webhookReceiver) got() []Alert {
	rv.mu.Lock()
	defer rv.mu.Unlock()
	return slices.Clone(rv.alerts)
}

// crawlProcess is one crawler process: its NATS connection, its Runner
// and its webhook.
type crawlProcess struct {
	r  *Runner
	wh *alert.Webhook
}

func newCrawlProcess(t *testing.T, b *bus.Bus, src Source, hook string, reg prometheus.Registerer, log *slog.Logger) crawlProcess {
	t.Helper()
	cr, err := New(Config{AllowPrivate: true}, log)
	if err != nil {
		t.Fatal(err)
	}
	wh, err := alert.New(alert.Config{URL: hook, RetryBase: time.Millisecond, RetryCap: 10 * time.Millisecond}, log)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRunner(b, cr, []Source{src}, RunnerConfig{Alerts: wh, Metrics: reg, Worker: fmt.Sprintf("proc-%p", b)}, log)
	return crawlProcess{r: r, wh: wh}
}

// Two crawler processes take turns crawling a chamber's site. Its template
// changes so that no date is found: the source is flagged, the dates named,
// and the webhook called once, although the other process crawls it next;
// restored, the source recovers and the webhook is called once more.
func TestTemplateChangeAlertsOnceAndRecovers(t *testing.T) {
	log := testutil.LoggerAt(t, slog.LevelWarn)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	first, err := bus.Open(ctx, bus.Config{DataDir: t.TempDir(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := bus.Open(ctx, bus.Config{URL: first.ClientURL(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	site := &chamberSite{}
	srv := httptest.NewServer(site)
	defer srv.Close()
	rv := &webhookReceiver{}
	hook := httptest.NewServer(rv)
	defer hook.Close()
	src := chamberSource(t, srv.URL)
	reg := prometheus.NewRegistry()
	procs := []crawlProcess{
		newCrawlProcess(t, first, src, hook.URL+"/hooks/kouryu", reg, log),
		newCrawlProcess(t, second, src, hook.URL+"/hooks/kouryu", nil, log),
	}
	health, err := first.KV(ctx, bus.BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	crawls := 0
	crawl := func() Health {
		t.Helper()
		p := procs[crawls%2]
		crawls++
		if failed, err := p.r.CrawlAll(ctx); err != nil || failed != 0 {
			t.Fatalf("crawl %d: %d failed, %v", crawls, failed, err)
		}
		h, _, err := ReadHealth(ctx, health, src.ID)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	alerted := func(state string) {
		t.Helper()
		testutil.Eventually(t, 10*time.Second, func() error {
			h, _, err := ReadHealth(ctx, health, src.ID)
			if err != nil || h.Alerted != state || h.AlertSending != "" {
				return fmt.Errorf("alerted %q, sending %q, %v", h.Alerted, h.AlertSending, err)
			}
			return nil
		})
	}

	for range 4 {
		if h := crawl(); !h.Healthy() || h.Yield() != 12 {
			t.Fatalf("crawl %d of the site as it was: %d events, reasons %q, problems %q", crawls, h.Yield(), h.Reasons, h.Problems)
		}
	}
	if n := len(rv.got()); n != 0 {
		t.Fatalf("%d alerts while healthy", n)
	}

	site.set("date-class")
	h := crawl() // the first process
	wantReason := "dates read in 0% of 12 event blocks, recent median 100%"
	if h.Healthy() || !slices.Contains(h.Reasons, wantReason) || !slices.Contains(h.Flags, CheckDates) {
		t.Fatalf("dates no longer found: reasons %q, flags %q", h.Reasons, h.Flags)
	}
	alerted(StateUnhealthy)
	if got := gaugeValue(t, reg, "kouryu_crawler_check_failed", "check", "dates"); got != 1 {
		t.Errorf("kouryu_crawler_check_failed{check=dates} = %v", got)
	}
	if h := crawl(); h.Healthy() { // the second process: still broken, no alert
		t.Fatalf("still broken: healthy")
	}

	site.set("")
	if h := crawl(); !h.Healthy() { // the first process again
		t.Fatalf("restored: reasons %q", h.Reasons)
	}
	alerted(StateOK)
	crawl() // the second: healthy, nothing to say
	for _, p := range procs {
		if err := p.wh.Close(ctx); err != nil {
			t.Fatal(err)
		}
	}

	got := rv.got()
	if len(got) != 2 {
		t.Fatalf("%d webhook calls, want 2 (unhealthy, recovered): %+v", len(got), got)
	}
	sick, well := got[0], got[1]
	if sick.Source != src.ID || sick.Name != "東成商工会議所" || sick.State != "unhealthy" ||
		!slices.Contains(sick.Reasons, wantReason) || !strings.Contains(sick.Text, wantReason) || sick.Time.IsZero() {
		t.Errorf("unhealthy alert: %+v", sick)
	}
	if sick.Crawl.Events != 0 || sick.Crawl.DatesAttempted != 12 || sick.Crawl.DatesRead == nil || *sick.Crawl.DatesRead != 0 ||
		sick.Recent.DatesRead == nil || *sick.Recent.DatesRead != 1 || sick.Recent.Events == nil || *sick.Recent.Events != 12 {
		t.Errorf("unhealthy alert's figures: crawl %+v, recent %+v", sick.Crawl, sick.Recent)
	}
	if well.State != "recovered" || well.Source != src.ID || len(well.Reasons) != 0 || well.Crawl.Events != 12 ||
		well.Crawl.Fill["venue"] != 1 || well.ID == sick.ID {
		t.Errorf("recovery alert: %+v", well)
	}
}

// A site whose events keep coming, without their venue: the field is named
// with its figures, in the record, the metrics and the alert.
func TestFieldDriftIsFlaggedAndAlerted(t *testing.T) {
	log := testutil.LoggerAt(t, slog.LevelWarn)
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	b, err := bus.Open(ctx, bus.Config{DataDir: t.TempDir(), MaxBytes: 16 << 20}, log)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	site := &chamberSite{}
	srv := httptest.NewServer(site)
	defer srv.Close()
	rv := &webhookReceiver{}
	hook := httptest.NewServer(rv)
	defer hook.Close()
	src := chamberSource(t, srv.URL)
	reg := prometheus.NewRegistry()
	p := newCrawlProcess(t, b, src, hook.URL, reg, log)
	health, err := b.KV(ctx, bus.BucketHealth)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		if i == 3 {
			site.set("venue-heading")
		}
		if _, err := p.r.CrawlAll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	h, _, err := ReadHealth(ctx, health, src.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := "venue filled in 0% of 12 events, recent median 100%"
	if !slices.Equal(h.Reasons, []string{want}) || h.Yield() != 12 {
		t.Fatalf("venue lost: reasons %q, %d events", h.Reasons, h.Yield())
	}
	if got := gaugeValue(t, reg, "kouryu_crawler_field_fill_ratio", "field", "venue"); got != 0 {
		t.Errorf("venue fill ratio %v", got)
	}
	if got := gaugeValue(t, reg, "kouryu_crawler_field_fill_ratio", "field", "start_time"); got != 1 {
		t.Errorf("start time fill ratio %v", got)
	}
	if got := gaugeValue(t, reg, "kouryu_crawler_source_unhealthy", "", ""); got != 1 {
		t.Errorf("unhealthy gauge %v", got)
	}
	if err := p.wh.Close(ctx); err != nil {
		t.Fatal(err)
	}
	got := rv.got()
	if len(got) != 1 || got[0].Reasons[0] != want || got[0].Crawl.Fill["venue"] != 0 || got[0].Recent.Fill["venue"] != 1 {
		t.Errorf("alerts %+v", got)
	}
}

// gaugeValue gathers reg and returns the value of the series of metric
// name whose label has value (the first series of the metric when label is
// empty).
func gaugeValue(t *testing.T, reg *prometheus.Registry, name, label, value string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, m := range mf.GetMetric() {
			for _, lp := range m.GetLabel() {
				if label == "" || lp.GetName() == label && lp.GetValue() == value {
					return m.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatalf("no series %s{%s=%q}", name, label, value)
	return 0
}
