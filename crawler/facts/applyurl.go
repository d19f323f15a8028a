package facts

import (
	"net/url"
	"regexp"
	"strings"
)

// urlRE finds an http(s) URL written in text; it stops at the first
// character a URL does not hold (Japanese text, a space, a bracket).
var urlRE = regexp.MustCompile(`https?://[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+`)

// applyLinkWords name a link or a line that leads to a registration.
var applyLinkWords = []string{"申込", "申し込", "エントリー", "参加登録", "登録フォーム", "予約フォーム", "チケット購入",
	"チケットを購入", "チケット申込", "register", "registration", "apply", "entry"}

// notApplyLinkWords name a link about applying that is not the form: how to
// apply, the terms, a paper form to fill in, the list of events.
var notApplyLinkWords = []string{"方法", "について", "規約", "pdf", "ダウンロード", "書式", "様式", "キャンセル", "状況",
	"一覧", "詳細", "お問い合わせ", "問合せ", "よくある"}

// fileEndings are documents, not a place to register.
var fileEndings = []string{".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".jpg", ".png"}

// applyURL is where to register: a URL in the value of an application label
// (申込フォーム：https://…), or on a line about applying, or the page's link
// whose text says so (お申込みはこちら), never a file or a page about how to
// apply.
func (l *listing) applyURL() string {
	for _, v := range l.values[catApply] {
		if u := firstURL(v); u != "" {
			return u
		}
	}
	for line := range l.with(hintURL, false, false) {
		if !containsAny(line, applyLinkWords) || containsAny(strings.ToLower(line), notApplyLinkWords) {
			continue
		}
		if u := firstURL(line); u != "" {
			return u
		}
	}
	return ApplyLink(l.in.Links)
}

// ApplyLink returns the URL of the first link whose text says it leads to a
// registration (お申込みはこちら, 参加申込, エントリー), leaving out links to a
// file (申込書（PDF）) or to a page about how to apply; "" when none does.
func ApplyLink(links []Link) string {
	for _, lk := range links {
		if !ApplyLinkText(lk.Text) {
			continue
		}
		if u := absoluteURL(lk.URL); u != "" {
			return u
		}
	}
	return ""
}

// ApplyLinkText reports whether a link's text says it leads to a
// registration, as ApplyLink reads it: a caller with many links may ask
// this before it makes their URLs absolute.
func ApplyLinkText(text string) bool {
	t := strings.ToLower(normalize(text))
	return containsAny(t, applyLinkWords) && !containsAny(t, notApplyLinkWords)
}

// firstURL is the first usable URL written in s, or "".
func firstURL(s string) string {
	for _, m := range urlRE.FindAllString(s, -1) {
		if u := absoluteURL(strings.TrimRight(m, ".,;:!?'")); u != "" {
			return u
		}
	}
	return ""
}

// absoluteURL returns s when it is an absolute http(s) URL that is not a
// file, else "".
func absoluteURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	p := strings.ToLower(u.Path)
	for _, ext := range fileEndings {
		if strings.HasSuffix(p, ext) {
			return ""
		}
	}
	return u.String()
}
