package crawler

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestDefaultSourcesParse(t *testing.T) {
	srcs := DefaultSources()
	if len(srcs) < 3 {
		t.Fatalf("want the Osaka sources, got %d", len(srcs))
	}
	ids := map[string]bool{}
	for _, s := range srcs {
		ids[s.ID] = true
		if len(s.AllowedDomains) == 0 || s.Delay <= 0 || s.MaxPages <= 0 || s.Every <= 0 {
			t.Errorf("%s: defaults not applied: %+v", s.ID, s)
		}
	}
	for _, id := range []string{"osaka-cci", "sansokan", "osaka-doyu"} {
		if !ids[id] {
			t.Errorf("default sources lack %s", id)
		}
	}
}

func TestParseSourcesDefaults(t *testing.T) {
	srcs, err := ParseSources([]byte(`
sources:
  - id: example-cci
    name: 例商工会議所
    kind: html
    start_urls: [https://www.example-cci.or.jp/event/]
    list:
      item: "ul.events > li"
      link: "a@href"
      fields: {title: "h3", date: ".date"}
    detail:
      fields:
        venue: "dt:contains('会場') + dd"
`))
	if err != nil {
		t.Fatal(err)
	}
	s := srcs[0]
	if got := s.AllowedDomains; len(got) != 1 || got[0] != "www.example-cci.or.jp" {
		t.Errorf("allowed_domains default = %v", got)
	}
	if s.Delay != time.Second || s.MaxPages != 100 || s.Every != 6*time.Hour {
		t.Errorf("defaults: delay %v max_pages %d every %v", s.Delay, s.MaxPages, s.Every)
	}
	if s.List.Fields["title"] != "h3" || s.Detail.Fields["venue"] == "" {
		t.Errorf("fields not read: %+v", s)
	}
}

func TestParseSourcesNamesEveryFault(t *testing.T) {
	_, err := ParseSources([]byte(`
sources:
  - id: good-one
    name: 良い
    kind: html
    start_urls: [https://a.example.jp/]
    list: {item: li, fields: {title: a, date: .d}}
  - id: Bad_ID
    name: 悪い
    kind: html
    start_urls: [https://b.example.jp/]
    list: {item: li, fields: {title: a, date: .d}}
  - id: good-one
    name: 重複
    kind: html
    start_urls: [https://c.example.jp/]
    list: {item: li, fields: {title: a, date: .d}}
  - id: kinds
    name: 種類
    kind: pdf
    start_urls: [https://d.example.jp/]
  - id: urls
    name: URL
    kind: auto
    start_urls: ["ftp://e.example.jp/", "https://elsewhere.example.jp/"]
    allowed_domains: [e.example.jp]
  - id: durations
    name: 時間
    kind: auto
    start_urls: [https://f.example.jp/]
    every: often
    delay: 2 seconds
    max_pages: many
  - id: selectors
    name: セレクタ
    kind: html
    start_urls: [https://g.example.jp/]
    colour: blue
    list:
      item: "ul >"
      link: "a[href@href"
      fields: {title: h3, date: .date, speaker: .who}
  - id: no-item
    name: 項目なし
    kind: html
    start_urls: [https://h.example.jp/]
    list: {fields: {title: a}}
    detail: {fields: {venue: dd}}
  - id: until
    name: 範囲
    kind: auto
    start_urls: [https://i.example.jp/]
    list: {until: "h3@id"}
  - id: until-feed
    name: 範囲フィード
    kind: ical
    start_urls: [https://j.example.jp/cal.ics]
    list: {until: "h3"}
  - id: areas
    name: 地域
    kind: auto
    area: osaka-city
    start_urls: [https://k.example.jp/]
`))
	var se *SourcesError
	if !errors.As(err, &se) {
		t.Fatalf("want *SourcesError, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`source "Bad_ID": id: "Bad_ID" is not [a-z0-9-]+`,
		`source "good-one": id: duplicate id`,
		`source "kinds": kind: unknown kind "pdf"`,
		`source "urls": start_urls: "ftp://e.example.jp/" is not an absolute http(s) URL`,
		`source "urls": start_urls: host of "https://elsewhere.example.jp/" is not in allowed_domains`,
		`source "durations": every: line`,
		`bad duration "often"`,
		`source "durations": delay: line`,
		`source "durations": max_pages: line`,
		`source "selectors": colour: line`,
		`unknown key`,
		`source "selectors": list.item: malformed selector "ul >"`,
		`source "selectors": list.link: malformed selector`,
		`source "selectors": list.fields.speaker: unknown field`,
		`source "no-item": list.item: missing`,
		`source "no-item": list.fields.date: missing`,
		`source "no-item": detail.fields: given but list.link is empty`,
		`source "until": list.until: "h3@id": want a CSS selector without @attr`,
		`source "until": list.until: given but list.item is empty`,
		`source "until-feed": list: kind ical reads a feed or an API: no selectors`,
		`source "areas": area: "osaka-city" is not an area of 大阪府`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q", want)
		}
	}
	for _, f := range se.Faults {
		if strings.HasPrefix(f, `source "good-one"`) && !strings.Contains(f, "duplicate") {
			t.Errorf("a good source was faulted: %s", f)
		}
	}
	if t.Failed() {
		t.Logf("faults:\n%s", strings.Join(se.Faults, "\n"))
	}
}

func TestParseSourcesRefusesNonFiles(t *testing.T) {
	for _, in := range []string{"", "sources: 3", "[1, 2]", "sources: []", "other: 1\nsources:\n  - 5", "sources: [\"x\""} {
		if _, err := ParseSources([]byte(in)); err == nil {
			t.Errorf("ParseSources(%q) accepted", in)
		}
	}
}

func FuzzParseSources(f *testing.F) {
	f.Add(defaultSourcesYAML)
	f.Add([]byte("sources:\n  - id: a\n    kind: html\n    list: {item: 'li', fields: {title: '@x'}}\n"))
	f.Add([]byte("sources: [{id: x, start_urls: [http://[::1]/], delay: -1s}]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, err := ParseSources(data)
		if err != nil {
			var se *SourcesError
			if !errors.As(err, &se) || len(se.Faults) == 0 {
				t.Fatalf("error without faults: %v", err)
			}
			return
		}
		for _, s := range srcs {
			if err := s.Validate(); err != nil {
				t.Fatalf("accepted source does not validate: %v", err)
			}
		}
	})
}
