package crawler

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"kouryu/internal/event"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenRef is when the golden pages were "read".
var goldenRef = time.Date(2026, 11, 27, 9, 0, 0, 0, event.Tokyo)

// extractCase runs the pure half of a crawl over a directory: source.yaml,
// list.html read as the first start URL, and event pages as files at their
// path relative to it (detail/101.html). A link without a file is a page that
// could not be fetched.
func extractCase(t *testing.T, dir string) string {
	t.Helper()
	srcs, err := LoadSources(filepath.Join(dir, "source.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	src := srcs[0]
	start, _ := url.Parse(src.StartURLs[0])
	doc := parseFile(t, filepath.Join(dir, "list.html"))
	lp := ExtractList(doc, start, src.List)

	var out bytes.Buffer
	fmt.Fprintf(&out, "next: %q\n", lp.Next)
	for _, p := range lp.Problems {
		fmt.Fprintf(&out, "problem: %s\n", p)
	}
	for _, it := range lp.Items {
		fields, pageURL, own := it.Fields, start.String(), false
		if it.Link != "" {
			pageURL, own = it.Link, true
			rel := strings.TrimPrefix(it.Link, start.ResolveReference(&url.URL{Path: "."}).String())
			if len(src.Detail.Fields) > 0 {
				path := filepath.Join(dir, filepath.FromSlash(rel))
				if _, err := os.Stat(path); err != nil {
					fmt.Fprintf(&out, "no page: %s\n", it.Link)
					continue
				}
				page := parseFile(t, path)
				df, missing := ExtractDetail(page, src.Detail.Fields)
				pu, _ := url.Parse(it.Link)
				addPageFacts(df, page, pu)
				for _, m := range missing {
					fmt.Fprintf(&out, "missing on %s: %s\n", rel, m)
				}
				fields = Merge(fields, df)
			}
		}
		e, err := BuildEvent(&src, pageURL, own, fields, goldenRef)
		if err != nil {
			fmt.Fprintf(&out, "error (unreadable date: %v): %v\n", errors.Is(err, ErrUnreadableDate), err)
			continue
		}
		b, err := json.MarshalIndent(e, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	return out.String()
}

func parseFile(t *testing.T, path string) *goquery.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestExtractGolden(t *testing.T) {
	dirs, err := filepath.Glob("testdata/extract/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := extractCase(t, dir)
			golden := filepath.Join(dir, "events.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden file (run with -update and review the diff):\n%s", dir, got)
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	for _, tc := range []struct {
		status, title string
		want          event.Status
	}{
		{"", "【中止】新年会", event.StatusCancelled},
		{"", "交流会（延期になりました）", event.StatusPostponed},
		{"", "交流会【満席】", event.StatusFull},
		{"定員に達しました", "交流会", event.StatusFull},
		{"受付中", "【中止】は誤記", event.StatusScheduled}, // the status field wins
		{"", "雨天決行 交流会", event.StatusScheduled},
	} {
		if got := statusOf(tc.status, tc.title); got != tc.want {
			t.Errorf("statusOf(%q, %q) = %q, want %q", tc.status, tc.title, got, tc.want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, p := range []string{"testdata/extract/table-detail/list.html", "testdata/extract/cards/list.html", "testdata/extract/broken/list.html",
		"testdata/extract/dl-pairs/list.html", "testdata/extract/heading-sections/list.html"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "li", "a@href")
	}
	f.Add([]byte("<table><tr><td>12月3日<a href='//x'>t"), "tr:has(td)", "@href")
	f.Add([]byte("<base href='::'><a href='%zz'>"), "a", "a:contains('x')@href")
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[{"@type":["Event"],"name":"x","startDate":"2026-12-01","offers":[{"price":0}],"location":[{"@type":"VirtualLocation"}]}]}</script>`), "script", "@src")
	f.Add([]byte("<li>12月3日 <a href='/e/1'>交流会</a></li><li>12月4日 <a href='https://evil.example/'>x</a></li>"), "li", "a@href")
	f.Add([]byte("<dl><dt>12月3日<dd><a href='/e/1'>交流会</a><dd>x<dt><dt>12月4日</dl>"), "dt", "dt")
	base, _ := url.Parse("https://www.example.jp/event/")
	f.Fuzz(func(t *testing.T, page []byte, item, link string) {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
		if err != nil {
			return
		}
		spec := ListSpec{Item: item, Link: link, Next: link,
			Fields: map[string]string{FieldTitle: item, FieldDate: "td, .date", FieldDescription: "*", FieldVenue: link}}
		lp := ExtractList(doc, base, spec)
		// The same with blocks that run on to the next element link
		// matches (list.until).
		spec.Until = link
		lp.Items = append(lp.Items, ExtractList(doc, base, spec).Items...)
		src := &Source{ID: "fuzz", Area: "大阪市"}
		for _, it := range lp.Items {
			if it.Link != "" && !strings.HasPrefix(it.Link, "http") {
				t.Fatalf("link %q is not absolute http(s)", it.Link)
			}
			e, err := BuildEvent(src, base.String(), false, it.Fields, goldenRef)
			if err == nil {
				if verr := e.Validate(); verr != nil {
					t.Fatalf("built an invalid event: %v", verr)
				}
			}
		}
		ExtractDetail(doc, spec.Fields)
		for _, it := range AutoList(doc, base, func(h string) bool { return h == "www.example.jp" }, goldenRef).Items {
			// A block that is the event keeps its link (a flyer, a page
			// elsewhere) as its URL but is never read from it.
			if !it.Whole && !strings.HasPrefix(it.Link, "https://www.example.jp/") {
				t.Fatalf("auto followed %q off the allowed host", it.Link)
			}
			if it.Whole && it.Link != "" && !strings.HasPrefix(it.Link, "http") {
				t.Fatalf("link %q is not absolute http(s)", it.Link)
			}
		}
		if e, err := BuildEvent(src, base.String(), true, AutoDetail(doc), goldenRef); err == nil {
			if verr := e.Validate(); verr != nil {
				t.Fatalf("built an invalid event: %v", verr)
			}
		}
		if f, err := AutoEvent(doc, base, goldenRef); err == nil {
			if e, err := BuildEvent(src, base.String(), true, f, goldenRef); err == nil {
				if verr := e.Validate(); verr != nil {
					t.Fatalf("built an invalid event: %v", verr)
				}
			}
		}
	})
}

// BenchmarkExtractList reads a list page of 500 linked rows.
func BenchmarkExtractList(b *testing.B) {
	var page strings.Builder
	page.WriteString("<table class='list'>")
	for i := range 500 {
		fmt.Fprintf(&page, "<tr><td class='date'>12月%d日（木）</td><td><a href='detail/%d.html'>第%d回 交流会</a></td></tr>", i%28+1, i, i)
	}
	page.WriteString("</table>")
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page.String()))
	if err != nil {
		b.Fatal(err)
	}
	base, _ := url.Parse("https://www.example.jp/event/")
	spec := ListSpec{Item: "table.list tr", Link: "td a@href", Fields: map[string]string{FieldTitle: "td a", FieldDate: "td.date"}}
	b.ReportAllocs()
	for b.Loop() {
		if lp := ExtractList(doc, base, spec); len(lp.Items) != 500 {
			b.Fatalf("%d items", len(lp.Items))
		}
	}
}

// TestParseDateAmbiguousHour checks that a time jpdate could only guess (a
// bare 7時 is a morning seminar or an evening party) gives way to the time
// field when that one decides, and is kept when nothing on the page does.
func TestParseDateAmbiguousHour(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, event.Tokyo) }
	tests := []struct {
		date, clock string
		start, end  time.Time
	}{
		{"12月3日(木) 7時から", "19:00〜21:00", at(3, 19, 0), at(3, 21, 0)},
		{"12月3日(木) 7時から", "", at(3, 7, 0), time.Time{}},
		{"12月3日(木) 7時から", "7時半", at(3, 7, 0), time.Time{}},
		{"12月3日(木)", "7時〜9時", at(3, 7, 0), at(3, 9, 0)},
		{"12月3日(木) 18:30〜", "7時", at(3, 18, 30), time.Time{}},
		{"3日(木)", "18:30〜20:30", at(3, 18, 30), at(3, 20, 30)},
	}
	for _, tt := range tests {
		sp, err := parseDate(tt.date, tt.clock, goldenRef)
		if err != nil {
			t.Errorf("parseDate(%q, %q): %v", tt.date, tt.clock, err)
			continue
		}
		if !sp.Start.Equal(tt.start) || !sp.End.Equal(tt.end) {
			t.Errorf("parseDate(%q, %q) = %v .. %v, want %v .. %v", tt.date, tt.clock, sp.Start, sp.End, tt.start, tt.end)
		}
	}
}

// TestParseDateLastDayEarlier checks hours over several days whose note
// ends the last day earlier: a fair open 10:00～17:00, 16:00 on its second
// day. A note on another day, or none, keeps the hours.
func TestParseDateLastDayEarlier(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, event.Tokyo) }
	tests := []struct {
		date, clock string
		start, end  time.Time
	}{
		{"2026年12月9日（水）～2026年12月10日（木）", "10:00～17:00（10日は16:00まで）", at(9, 10, 0), at(10, 16, 0)},
		{"12月9日～11日", "10時～18時（最終日は15時まで）", at(9, 10, 0), at(11, 15, 0)},
		{"12月9日～11日", "10:00～17:00（9日は15:00まで）", at(9, 10, 0), at(11, 17, 0)},
		{"12月9日～10日", "10:00～17:00", at(9, 10, 0), at(10, 17, 0)},
	}
	for _, tt := range tests {
		sp, err := parseDate(tt.date, tt.clock, goldenRef)
		if err != nil {
			t.Errorf("parseDate(%q, %q): %v", tt.date, tt.clock, err)
			continue
		}
		if !sp.Start.Equal(tt.start) || !sp.End.Equal(tt.end) {
			t.Errorf("parseDate(%q, %q) = %v .. %v, want %v .. %v", tt.date, tt.clock, sp.Start, sp.End, tt.start, tt.end)
		}
	}
}

// Hours written after an event's name are its time when it starts at them,
// and leave the name; other hours stay in it.
func TestBuildEventHoursAfterTheName(t *testing.T) {
	for _, c := range []struct{ title, date, want string }{
		{"朝活モーニング交流会 7:30〜9:00", "12/5(土) 7:30〜9:00", "朝活モーニング交流会"},
		{"【中止】朝活ミニ交流会 7:00〜", "12/9(水) 7:00", "【中止】朝活ミニ交流会"},
		// The title's hours are not when it starts: a second part.
		{"セミナー＆懇親会 18:00〜20:00", "12/9(水) 14:00〜17:00", "セミナー＆懇親会 18:00〜20:00"},
		// A day without a time keeps them: they may be all it says.
		{"朝活交流会 7:30〜9:00", "12/5(土)", "朝活交流会 7:30〜9:00"},
		{"7:30〜9:00", "12/5(土) 7:30", "7:30〜9:00"},
	} {
		e, err := BuildEvent(&Source{ID: "t", Area: "大阪市"}, "https://www.example.jp/", true, Fields{FieldTitle: c.title, FieldDate: c.date}, goldenRef)
		if err != nil {
			t.Fatalf("%q: %v", c.title, err)
		}
		if e.Title != c.want {
			t.Errorf("%q on %q: title %q, want %q", c.title, c.date, e.Title, c.want)
		}
	}
}
