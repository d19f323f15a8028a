package crawler

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"kouryu/internal/event"
)

// associationPage is the event page of a business association's WordPress
// site as most are: a navigation, the title, a dl of 日時/会場/参加費/主催,
// the entry's paragraphs with a registration link, a side column and a
// footer. The benchmarks below read it the way a crawl of kind html reads
// every event page (session.pageFields, then buildEvent).
const associationPage = `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>【大阪市北区】第12回 異業種交流会｜なにわ経営者ネットワーク</title></head>
<body>
<header><nav><a href="/">トップ</a> <a href="/event/">イベント一覧</a> <a href="/member/">会員専用ページ</a></nav></header>
<main>
<h1>【大阪市北区】第12回 異業種交流会</h1>
<dl class="info">
<dt>日時</dt><dd>2026年12月10日（木） 18:30〜20:30</dd>
<dt>会場</dt><dd>梅田第2ビル 12階 会議室</dd>
<dt>参加費</dt><dd>2,000円</dd>
<dt>主催</dt><dd>なにわ経営者ネットワーク</dd>
</dl>
<div class="entry-content">
<p>業種や規模を問わず、大阪で事業を営む方どうしが顔を合わせ、互いの仕事を知る場として毎月開いています。前半は講師による三十分ほどの話題提供、後半は自己紹介と名刺交換、最後に軽食を囲んだ懇親の時間です。</p>
<p>初めての方も多く参加されますので、スタッフがテーブルを回り、話しやすい雰囲気づくりを心がけています。今回のテーマは人手不足の時代の採用と定着で、現場ですぐに使える工夫を具体的な事例とともに紹介します。</p>
<p>会場は駅から徒歩五分、エレベーターがございます。お車でお越しの方は近くの有料駐車場をご利用ください。参加費には資料代と飲み物代が含まれます。領収書が必要な方は受付でお申し出ください。</p>
<p>お申し込みはフォームから、開催日の三日前までにお願いいたします。定員に達し次第締め切ります。当日は名刺を三十枚ほどお持ちください。事業の紹介は一人一分程度でお願いしています。</p>
<p><a href="/form/entry?e=1210">お申込みはこちら</a>　<a href="/files/1210.pdf">チラシ（PDF）</a></p>
<p>お問い合わせは事務局まで。</p>
</div>
</main>
<aside><h2>会員限定コンテンツ</h2><p>会員の皆様限定の情報です。</p></aside>
<footer>なにわ経営者ネットワーク 事務局　TEL 06-0000-0000</footer>
</body></html>`

// associationSource reads associationPage with detail selectors, as the
// crawl benchmark's source does.
func associationSource() *Source {
	return &Source{ID: "naniwa", Name: "なにわ経営者ネットワーク", Kind: KindHTML, Area: "大阪市",
		Detail: DetailSpec{Fields: map[string]string{
			"title":       "h1",
			"date":        "dt:contains('日時') + dd",
			"venue":       "dt:contains('会場') + dd",
			"fee":         "dt:contains('参加費') + dd",
			"organizer":   "dt:contains('主催') + dd",
			"description": ".entry-content",
		}}}
}

func associationDoc(tb testing.TB) (*goquery.Document, *url.URL) {
	tb.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(associationPage))
	if err != nil {
		tb.Fatal(err)
	}
	u, _ := url.Parse("https://naniwa.example.jp/event/1210.html")
	return doc, u
}

// BenchmarkEventPage reads an event page as a crawl does once it has the
// parsed page: the detail selectors, the page's text and links for facts
// (addPageFacts), JSON-LD, and the event built from the merged fields.
func BenchmarkEventPage(b *testing.B) {
	doc, u := associationDoc(b)
	src := associationSource()
	s := &session{src: src, detailMissing: map[string]int{}, detailExample: map[string]string{}}
	p := pending{item: ListItem{Link: u.String(), Fields: Fields{FieldTitle: "第12回 異業種交流会", FieldDate: "2026年12月10日"}}}
	dp := &page{url: u, doc: doc, fetched: tokyo(2026, 11, 20, 9, 0)}
	b.ReportAllocs()
	for b.Loop() {
		df, ok := s.pageFields(p, dp)
		if !ok {
			b.Fatal("no event")
		}
		e, _, err := buildEvent(src, u.String(), true, Merge(p.item.Fields, df), dp.fetched)
		if err != nil || e.FeeYenMin == nil {
			b.Fatalf("%v %+v", err, e)
		}
	}
}

// BenchmarkAddPageFacts is the part of BenchmarkEventPage that reads the
// page's text and links.
func BenchmarkAddPageFacts(b *testing.B) {
	doc, u := associationDoc(b)
	b.ReportAllocs()
	for b.Loop() {
		f := Fields{}
		addPageFacts(f, doc, u)
		if f[fieldPageText] == "" || f[fieldApplyURL] == "" {
			b.Fatalf("%q", f)
		}
	}
}

// The Events Calendar marks the days a group does not meet as an Event
// too, in its JSON-LD: 【休会】年末年始 モーニングセミナーお休み is no event.
func TestAutoEventCalendarRecessEntry(t *testing.T) {
	_, err := readEventPage(docOf(t, `<html><head><title>【休会】年末年始 モーニングセミナーお休み &#8211; 例天神倫理法人会</title>
<script type="application/ld+json">[{"@context":"http://schema.org","@type":"Event","name":"\u3010\u4f11\u4f1a\u3011\u5e74\u672b\u5e74\u59cb \u30e2\u30fc\u30cb\u30f3\u30b0\u30bb\u30df\u30ca\u30fc\u304a\u4f11\u307f","eventStatus":"https://schema.org/EventScheduled","startDate":"2026-12-28T00:00:00+09:00","endDate":"2027-01-05T23:59:59+09:00"}]</script></head>
<body><main><h1 class="tribe-events-single-event-title">【休会】年末年始 モーニングセミナーお休み</h1>
<div class="tribe-events-single-event-description"><p>年末年始のため、12月29日（火）・2027年1月5日（火）のモーニングセミナーは休会とさせていただきます。</p></div></main></body></html>`),
		mustURL("https://example.jp/event/kyukai-nenmatsu/"), goldenRef, nil)
	if !errors.Is(err, ErrNotEvent) {
		t.Errorf("a recess entry read as an event (err %v)", err)
	}
}

// A ticketing service's event page: the event's own 開催日時 under a
// heading, then boxes of the organiser's other events and of recommended
// ones, each card with its own 開催日 label. The date is the event's, the
// status its 全席完売.
func TestAutoEventOtherEventsCardsAreNotItsLabels(t *testing.T) {
	e, _ := autoEventOf(t, `<html><head><title>経営者のための相続・事業承継セミナー | 例チケット</title></head><body>
<div class="tp-2col"><main class="tp-main"><section class="tp-evdetail">
<h1 class="tp-evdetail__ttl">経営者のための相続・事業承継セミナー</h1>
<h2>開催日時</h2><p class="tp-evdetail__datetime">2027年1月14日(木) 13:30～16:00（開場 13:00）</p>
<h2>会場</h2><p>北浜例フォーラムビル 3階 会議室B</p>
<h2>イベント詳細</h2><p>おかげさまで全席完売となりました。たくさんのお申込みありがとうございます。</p>
</section></main>
<aside class="tp-side"><div class="tp-reco"><h2 class="tp-reco__ttl">あなたへのおすすめイベント</h2>
<ul><li><a href="/event/show/detail/09x.html"><p>経理担当者のための Excel 講座</p><dl><dt>開催日</dt><dd>2026/12/11(金) 13:30～</dd></dl></a></li></ul></div></aside></div>
<section class="tp-orgother"><h2 class="tp-sec-ttl">この主催者の他のイベント</h2>
<ul class="tp-evcard-list"><li class="tp-evcard"><a href="/event/show/detail/01a.html"><p class="tp-evcard__title">年末調整 直前対策セミナー</p>
<dl class="tp-evcard__meta"><dt>開催日</dt><dd>2026/12/08(火) 13:30～</dd><dt>料金</dt><dd>無料～</dd></dl></a></li></ul></section>
</body></html>`)
	if got := jst(e.StartsAt); got != "2027-01-14 13:30" || jst(e.EndsAt) != "2027-01-14 16:00" {
		t.Errorf("start %s end %s, want 2027-01-14 13:30–16:00", got, jst(e.EndsAt))
	}
	if e.Status != event.StatusFull {
		t.Errorf("status %s, want full (全席完売)", e.Status)
	}
}
