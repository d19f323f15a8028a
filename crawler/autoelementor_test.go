package crawler

import "testing"

// An Elementor page: every block a widget (elementor-widget-heading,
// elementor-widget-icon-list), the cards in a row's columns, each card's
// date, time and venue an icon list. The widgets are the page's content,
// not a sidebar's: each card is read with its date.
func TestAutoListElementorIconListCards(t *testing.T) {
	card := func(slug, status, title, date, hours, place string) string {
		return `<div class="elementor-column elementor-col-50 elementor-top-column elementor-element" data-element_type="column"><div class="elementor-widget-wrap elementor-element-populated">
<div class="elementor-element elementor-widget elementor-widget-text-editor" data-widget_type="text-editor.default"><div class="elementor-widget-container"><p><span class="seminar-status">` + status + `</span></p></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading" data-widget_type="heading.default"><div class="elementor-widget-container"><h3 class="elementor-heading-title elementor-size-medium"><a href="/seminar/` + slug + `/">` + title + `</a></h3></div></div>
<div class="elementor-element elementor-widget elementor-widget-icon-list" data-widget_type="icon-list.default"><div class="elementor-widget-container"><ul class="elementor-icon-list-items">
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-calendar-alt"></i></span><span class="elementor-icon-list-text">` + date + `</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="far fa-clock"></i></span><span class="elementor-icon-list-text">` + hours + `</span></li>
<li class="elementor-icon-list-item"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas fa-map-marker-alt"></i></span><span class="elementor-icon-list-text">` + place + `</span></li>
</ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-button" data-widget_type="button.default"><div class="elementor-widget-container"><a class="elementor-button elementor-button-link" href="/seminar/` + slug + `/"><span class="elementor-button-text">詳細を見る</span></a></div></div>
</div></div>`
	}
	row := func(cards string) string {
		return `<section class="elementor-section elementor-top-section elementor-element elementor-section-boxed seminar-row"><div class="elementor-container elementor-column-gap-default">` + cards + `</div></section>`
	}
	page := `<html><head><title>セミナー・イベント | 例の税理士法人</title></head><body class="page-template-elementor_header_footer">
<div data-elementor-type="wp-page" class="elementor elementor-120">
<section class="elementor-section elementor-top-section elementor-element page-head"><div class="elementor-container"><div class="elementor-column elementor-col-100"><div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title">セミナー・イベント</h1></div></div></div></div></div></section>` +
		row(card("invoice", "受付中", "インボイス制度 振り返りセミナー", "2026年12月10日（木）", "14:00〜15:30", "例ビル 8F セミナールーム")+
			card("shokei", "満席", "事業承継セミナー＆懇親会", "2026年12月16日（水）", "18:30〜20:30", "例ビル 8F セミナールーム")) +
		row(card("zeisei", "受付中", "税制改正大綱 速報解説セミナー", "2027年1月21日（木）", "15:00〜16:30", "オンライン（Zoom）")) +
		`</div></body></html>`
	lp := autoItems(t, "https://www.example.jp/seminar/", page)
	want := map[string]string{
		"https://www.example.jp/seminar/invoice/": "2026年12月10日（木）",
		"https://www.example.jp/seminar/shokei/":  "2026年12月16日（水）",
		"https://www.example.jp/seminar/zeisei/":  "2027年1月21日（木）",
	}
	if len(lp.Items) != len(want) {
		t.Errorf("%d items, want %d: %+v", len(lp.Items), len(want), lp.Items)
	}
	for _, it := range lp.Items {
		if d, ok := want[it.Link]; !ok || !containsAny(it.Fields[FieldDate], []string{d}) {
			t.Errorf("item %s: title %q, date %q", it.Link, it.Fields[FieldTitle], it.Fields[FieldDate])
		}
	}
}
