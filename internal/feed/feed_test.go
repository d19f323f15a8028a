package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"kouryu/internal/event"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// hostile is text a page might hold and a feed must survive: markup, a CDATA
// end, entities, C0 and C1 controls, noncharacters, a lone surrogate in
// CESU-8 bytes, invalid UTF-8, emoji, iCalendar separators and CRLF.
const hostile = "<script>alert('x')</script> ]]> &amp; \x00\x01\x08\x0b\x1b\u0085 \uFFFE\uFFFF \xed\xa0\x80 \xff 😀🎉 \"引用\"; 区切り, バック\\スラッシュ\r\n改行"

func fixture() (Meta, []Item) {
	seen := time.Date(2026, 11, 20, 9, 15, 0, 0, event.Tokyo)
	m := Meta{
		Title:       "kouryu 大阪の交流会",
		Link:        "https://kouryu.example/",
		Description: "大阪のビジネス交流会・勉強会",
		SelfURL:     "https://kouryu.example/feeds/all.rss",
		Updated:     seen.Add(48 * time.Hour),
		Refresh:     time.Hour,
	}
	lo, hi, open := 1000, 2000, false
	items := []Item{
		{
			Event: event.Event{
				ID: "a1", Source: "kita-cci", URL: "https://cci.example/event/1?a=1&b=2",
				Title:     "北区 異業種交流会 2026冬",
				StartsAt:  time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo),
				EndsAt:    time.Date(2026, 12, 3, 20, 30, 0, 0, event.Tokyo),
				Venue:     "北区民センター 第1会議室",
				Address:   "大阪市北区扇町2丁目",
				Area:      "大阪市北区",
				Organizer: "北区商工会",
				Fee:       "会員 1,000円／一般 2,000円（名刺交換会・軽食付き）",
				FeeYenMin: &lo, FeeYenMax: &hi, Capacity: 50, MembersOnly: &open, Format: event.Hybrid,
				ApplyBy:  time.Date(2026, 12, 1, 23, 59, 59, 0, event.Tokyo),
				ApplyURL: "https://cci.example/form?e=1",
				Status:   event.StatusScheduled,
				Label:    event.CrossIndustry,
				Reasons: []string{
					"cross_industry ← title「異業種交流会」 (rule 4, 異業種, +3)",
					"regional ← organizer「商工会」 (rule 1, 地域の団体, +1)",
				},
			},
			Published: seen.Add(24 * time.Hour), Updated: seen.Add(48 * time.Hour), Sequence: 2,
		},
		{
			Event: event.Event{
				ID: "b2", Source: "sakai-doyu", URL: "https://doyu.example/e/2",
				Title:       "経営計画を学ぶ勉強会",
				Description: "決算書の読み方から。\n持ち物：電卓",
				StartsAt:    time.Date(2026, 12, 5, 0, 0, 0, 0, event.Tokyo),
				AllDay:      true,
				Area:        "堺市",
				Status:      event.StatusCancelled,
				Label:       event.StudyGroup,
			},
			Published: seen,
		},
		{
			Event: event.Event{
				ID: "c3", Source: "online-x", URL: "https://x.example/c3",
				Title:       hostile,
				Description: strings.Repeat("長い説明文です。", 100) + hostile,
				StartsAt:    time.Date(2027, 1, 9, 10, 0, 0, 0, event.Tokyo),
				EndsAt:      time.Date(2027, 1, 10, 17, 0, 0, 0, event.Tokyo),
				Venue:       hostile,
				Area:        "online",
				Fee:         hostile,
				Status:      event.StatusFull,
				Label:       event.SeminarSocial,
				Reasons:     []string{hostile},
			},
			Published: seen.Add(2 * time.Hour),
		},
	}
	return m, items
}

func render(t testing.TB, f func(io.Writer, Meta, []Item) error, m Meta, items []Item) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, m, items); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// strictXML parses b with encoding/xml in strict mode to the end.
func strictXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func TestTitleAndDescription(t *testing.T) {
	_, items := fixture()
	for i, want := range []string{
		"【12/3(木) 18:30】北区 異業種交流会 2026冬",
		"【12/5(土)】【中止】経営計画を学ぶ勉強会",
	} {
		if got := Title(items[i].Event); got != want {
			t.Errorf("title %d = %q, want %q", i, got, want)
		}
	}
	d := Description(items[0].Event)
	want := "日時：2026年12月3日(木) 18:30〜20:30\n" +
		"会場：北区民センター 第1会議室 大阪市北区扇町2丁目（オンライン参加も可）\n" +
		"参加費：会員 1,000円／一般 2,000円（名刺交換会・軽食付き）\n" +
		"参加：会員以外も参加可\n" +
		"定員：50名\n" +
		"申込締切：12月1日(火)まで\n" +
		"申込：https://cci.example/form?e=1\n" +
		"主催：北区商工会\n" +
		"分類：様々な業種が集まる異業種交流会（タイトルの「異業種交流会」から）\n" +
		"詳細：https://cci.example/event/1?a=1&b=2"
	if d != want {
		t.Errorf("description:\n%s\nwant\n%s", d, want)
	}
	// The rules' reasons are for operators: a reader sees one line.
	if strings.Contains(d, "rule 4") || strings.Contains(d, "←") {
		t.Errorf("the reasons are in the description:\n%s", d)
	}
	if got := When(items[2].Event); got != "2027年1月9日(土) 10:00〜1月10日(日) 17:00" {
		t.Errorf("multi-day when = %q", got)
	}
	if got := Where(items[1].Event); got != "堺市" {
		t.Errorf("where with area only = %q", got)
	}
	if got := Title(items[2].Event); !strings.HasPrefix(got, "【1/9(土) 10:00】【満席】") {
		t.Errorf("full event title = %q", got)
	}
	// A title the page marked itself is not marked twice.
	marked := items[1].Event
	marked.Title = "【中止】" + marked.Title
	if got := Title(marked); got != "【12/5(土)】【中止】経営計画を学ぶ勉強会" {
		t.Errorf("a title marked by its page = %q", got)
	}
}

// The facts read as a listing writes them.
func TestFactLines(t *testing.T) {
	yen := func(n int) *int { return &n }
	yes, no := true, false
	for _, c := range []struct {
		e    event.Event
		fee  string
		who  string
		by   string
		plac string
	}{
		{event.Event{FeeYenMin: yen(0), FeeYenMax: yen(0), MembersOnly: &yes, Format: event.Online}, "無料", "会員限定", "", "オンライン"},
		{event.Event{FeeYenMin: yen(0), FeeYenMax: yen(3000), Venue: "例会館", Format: event.Hybrid}, "無料〜3,000円", "", "", "例会館（オンライン参加も可）"},
		{event.Event{FeeYenMin: yen(2000), FeeYenMax: yen(12000), MembersOnly: &no, Venue: "例会館", Format: event.InPerson,
			ApplyBy: time.Date(2026, 12, 3, 17, 0, 0, 0, event.Tokyo)}, "2,000〜12,000円", "会員以外も参加可", "12月3日(木) 17:00まで", "例会館"},
		{event.Event{Fee: "実費", FeeYenMin: yen(1500), FeeYenMax: yen(1500), Area: "online", Format: event.Online,
			ApplyBy: time.Date(2026, 11, 30, 23, 59, 59, 0, event.Tokyo)}, "実費", "", "11月30日(月)まで", "オンライン"},
		{event.Event{FeeYenMin: yen(1234567), FeeYenMax: yen(1234567)}, "1,234,567円", "", "", ""},
	} {
		if got := Fee(c.e); got != c.fee {
			t.Errorf("Fee = %q, want %q", got, c.fee)
		}
		if got := Who(c.e); got != c.who {
			t.Errorf("Who = %q, want %q", got, c.who)
		}
		if got := Deadline(c.e); got != c.by {
			t.Errorf("Deadline = %q, want %q", got, c.by)
		}
		if got := Place(c.e); got != c.plac {
			t.Errorf("Place = %q, want %q", got, c.plac)
		}
	}
}

func TestClean(t *testing.T) {
	// Bidirectional controls: an override makes 交流会のご案内 read as a
	// file name; isolates and marks have no use in Japanese text either.
	if got := Clean("交流会のご案内\u202egpj.exe\u202c \u2066大阪\u2069\u200f\u200e\u061c"); got != "交流会のご案内gpj.exe 大阪" {
		t.Errorf("Clean kept a bidi control: %q", got)
	}
	got := Clean(hostile)
	if !utf8.ValidString(got) {
		t.Fatalf("not UTF-8: %q", got)
	}
	for _, bad := range []string{"\x00", "\x01", "\x1b", "\u0085", "\uFFFE", "\uFFFF", "\xed\xa0\x80", "\xff"} {
		if strings.Contains(got, bad) {
			t.Errorf("Clean kept %q", bad)
		}
	}
	for _, keep := range []string{"<script>", "]]>", "😀", "\r\n改行", "\\"} {
		if !strings.Contains(got, keep) {
			t.Errorf("Clean dropped %q", keep)
		}
	}
}

func TestRSS(t *testing.T) {
	m, items := fixture()
	out := render(t, RSS, m, items)
	golden(t, "all.rss", out)
	if err := strictXML(out); err != nil {
		t.Fatalf("strict XML: %v", err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	if f.FeedType != "rss" || f.FeedVersion != "2.0" || f.Title != m.Title {
		t.Errorf("feed %s %s %q", f.FeedType, f.FeedVersion, f.Title)
	}
	if len(f.Items) != len(items) {
		t.Fatalf("%d items, want %d", len(f.Items), len(items))
	}
	for i, it := range f.Items {
		e := items[i].Event
		if it.GUID != e.ID || it.Title != Title(e) || it.Link != e.URL {
			t.Errorf("item %d: guid %q title %q link %q", i, it.GUID, it.Title, it.Link)
		}
		if it.PublishedParsed == nil || !it.PublishedParsed.Equal(items[i].Published) {
			t.Errorf("item %d: pubDate %v, want %v", i, it.PublishedParsed, items[i].Published)
		}
	}
	if !strings.Contains(f.Items[2].Title, "<script>") || !strings.Contains(f.Items[2].Title, "]]>") {
		t.Errorf("hostile title lost its text: %q", f.Items[2].Title)
	}
	if !bytes.Contains(out, []byte(`<guid isPermaLink="false">a1</guid>`)) ||
		!bytes.Contains(out, []byte(`<atom:link href="https://kouryu.example/feeds/all.rss" rel="self" type="application/rss+xml"></atom:link>`)) {
		t.Error("guid or atom:link self missing")
	}
}

func TestAtom(t *testing.T) {
	m, items := fixture()
	m.SelfURL = "https://kouryu.example/feeds/all.atom"
	out := render(t, Atom, m, items)
	golden(t, "all.atom", out)
	if err := strictXML(out); err != nil {
		t.Fatalf("strict XML: %v", err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	if f.FeedType != "atom" || len(f.Items) != len(items) {
		t.Fatalf("feed %s with %d items", f.FeedType, len(f.Items))
	}
	for i, it := range f.Items {
		e := items[i].Event
		if it.GUID != AtomEntryID(e.ID) || it.Title != Title(e) || it.Link != e.URL {
			t.Errorf("entry %d: id %q title %q link %q", i, it.GUID, it.Title, it.Link)
		}
	}
	if u := f.Items[0].UpdatedParsed; u == nil || !u.Equal(items[0].Updated) {
		t.Errorf("entry 0 updated %v, want %v", u, items[0].Updated)
	}
}

// icsProps is one component's properties as a strict reader sees them.
type icsProps map[string][]string

// parseICS checks b against RFC 5545's syntax as this package uses it and
// returns the VEVENTs. It fails on a bare LF or CR, a line over 75 octets, a
// UTF-8 character split by folding, a malformed content line, an unbalanced
// BEGIN/END, or a TEXT value with an unescaped separator or a bad escape.
func parseICS(b []byte) ([]icsProps, error) {
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		return nil, errors.New("does not end in CRLF")
	}
	phys := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var logical []string
	for i, l := range phys {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d: %d octets", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d: invalid UTF-8 (split character?) %q", i+1, l)
		}
		if strings.HasPrefix(l, " ") {
			if len(logical) == 0 {
				return nil, errors.New("continuation before any line")
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	nameRE := regexp.MustCompile(`^[A-Z0-9-]+(;[A-Z0-9-]+=[^;:,"]+)*:`)
	var stack []string
	var events []icsProps
	var cur icsProps
	for i, l := range logical {
		loc := nameRE.FindStringIndex(l)
		if loc == nil {
			return nil, fmt.Errorf("content line %d malformed: %q", i+1, l)
		}
		name, value := l[:strings.IndexAny(l, ";:")], l[loc[1]:]
		for _, r := range value {
			if r < 0x20 && r != '\t' || r == 0x7F {
				return nil, fmt.Errorf("%s: control character %U", name, r)
			}
		}
		switch name {
		case "BEGIN":
			stack = append(stack, value)
			if value == "VEVENT" {
				cur = icsProps{}
			}
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != value {
				return nil, fmt.Errorf("END:%s does not close %v", value, stack)
			}
			stack = stack[:len(stack)-1]
			if value == "VEVENT" {
				events = append(events, cur)
				cur = nil
			}
			continue
		case "SUMMARY", "DESCRIPTION", "LOCATION", "CATEGORIES", "UID", "X-WR-CALNAME":
			v, err := icsUnescape(value)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			value = v
		}
		if cur != nil {
			cur[name] = append(cur[name], value)
		}
	}
	if len(stack) != 0 || len(logical) == 0 || logical[0] != "BEGIN:VCALENDAR" {
		return nil, fmt.Errorf("unbalanced components: %v", stack)
	}
	return events, nil
}

func icsUnescape(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				return "", errors.New("trailing backslash")
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("bad escape \\%c", v[i])
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %q in %q", c, v)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func TestICS(t *testing.T) {
	m, items := fixture()
	out := render(t, ICS, m, items)
	golden(t, "all.ics", out)
	evs, err := parseICS(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(items) {
		t.Fatalf("%d VEVENTs, want %d", len(evs), len(items))
	}
	if !bytes.Contains(out, []byte("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo")) {
		t.Error("TZID used without its VTIMEZONE")
	}
	// Clients are told how often to read the calendar again, by RFC 7986
	// and by the property Outlook reads.
	if !bytes.Contains(out, []byte("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n")) {
		t.Error("no REFRESH-INTERVAL and X-PUBLISHED-TTL")
	}
	// A client that drops a STATUS:CANCELLED event, or ignores the status,
	// still shows the cancellation: the summary says 【中止】.
	if got := evs[1]["SUMMARY"]; len(got) != 1 || !strings.Contains(got[0], "【中止】") {
		t.Errorf("cancelled SUMMARY = %q", got)
	}
	want := []map[string]string{
		{"UID": "a1@kouryu", "DTSTART": "20261203T183000", "DTEND": "20261203T203000", "SEQUENCE": "2", "STATUS": "CONFIRMED", "DTSTAMP": "20261122T001500Z"},
		{"UID": "b2@kouryu", "DTSTART": "20261205", "DTEND": "20261206", "SEQUENCE": "0", "STATUS": "CANCELLED"},
		{"UID": "c3@kouryu", "DTSTART": "20270109T100000", "DTEND": "20270110T170000"},
	}
	for i, w := range want {
		for k, v := range w {
			if got := evs[i][k]; len(got) != 1 || got[0] != v {
				t.Errorf("event %d %s = %q, want %q", i, k, got, v)
			}
		}
		e := items[i].Event
		if got := evs[i]["SUMMARY"]; len(got) != 1 || got[0] != Title(e) {
			t.Errorf("event %d SUMMARY = %q, want %q", i, got, Title(e))
		}
		if got := evs[i]["DESCRIPTION"]; len(got) != 1 || got[0] != strings.ReplaceAll(Description(e), "\r\n", "\n") {
			t.Errorf("event %d DESCRIPTION does not round-trip:\n%q\n%q", i, got, Description(e))
		}
	}
	if !bytes.Contains(out, []byte("DTSTART;VALUE=DATE:20261205\r\n")) || !bytes.Contains(out, []byte("DTSTART;TZID=Asia/Tokyo:20261203T183000\r\n")) {
		t.Error("DTSTART parameters missing")
	}
}

func TestICSFoldsBetweenCharacters(t *testing.T) {
	for n := 0; n < 8; n++ {
		e := event.Event{ID: "x", URL: "https://x.example/", Title: strings.Repeat("a", n) + strings.Repeat("交流😀", 40),
			StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo)}
		out := render(t, ICS, Meta{}, []Item{{Event: e}})
		evs, err := parseICS(out)
		if err != nil {
			t.Fatalf("offset %d: %v", n, err)
		}
		if got := evs[0]["SUMMARY"][0]; got != Title(e) {
			t.Fatalf("offset %d: folded summary reads back as %q", n, got)
		}
	}
}

func fuzzItem(title, text string) Item {
	return Item{
		Event: event.Event{
			ID: text, Source: "f", URL: "https://x.example/" + text, Title: title, Description: text,
			StartsAt: time.Date(2026, 12, 3, 18, 30, 0, 0, event.Tokyo), Venue: text, Address: title,
			Area: text, Organizer: text, Fee: title, Status: event.Status(text), Label: event.Label(title),
			Reasons: []string{text, title},
		},
		Published: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	}
}

func FuzzRSS(f *testing.F) {
	f.Add(hostile, hostile)
	f.Add("交流会", "]]><![CDATA[")
	f.Add("\x00", "\uFFFE")
	f.Fuzz(func(t *testing.T, title, text string) {
		items := []Item{fuzzItem(title, text)}
		m := Meta{Title: title, Link: text, Description: text, SelfURL: text}
		for name, fn := range map[string]func(io.Writer, Meta, []Item) error{"rss": RSS, "atom": Atom} {
			out := render(t, fn, m, items)
			if err := strictXML(out); err != nil {
				t.Fatalf("%s: strict XML: %v\n%s", name, err, out)
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%s: gofeed: %v\n%s", name, err, out)
			}
			if len(feed.Items) != 1 {
				t.Fatalf("%s: %d items", name, len(feed.Items))
			}
		}
	})
}

func FuzzICS(f *testing.F) {
	f.Add(hostile, hostile)
	f.Add(strings.Repeat("é", 80), "a\\b;c,d\ne")
	f.Fuzz(func(t *testing.T, title, text string) {
		it := fuzzItem(title, text)
		out := render(t, ICS, Meta{Title: title, Description: text}, []Item{it})
		evs, err := parseICS(out)
		if err != nil {
			t.Fatalf("%v\n%q", err, out)
		}
		if len(evs) != 1 {
			t.Fatalf("%d events", len(evs))
		}
		want := strings.ReplaceAll(strings.ReplaceAll(Title(it.Event), "\r\n", "\n"), "\r", "\n")
		if got := evs[0]["SUMMARY"]; len(got) != 1 || got[0] != want {
			t.Fatalf("SUMMARY %q, want %q", got, want)
		}
	})
}

// An event more than one source lists is one item in every format, its
// description linking the other listings after its own.
func TestItemSources(t *testing.T) {
	m, items := fixture()
	it := items[0]
	it.Sources = []Source{
		{Name: "kita-cci", URL: it.Event.URL},
		{Name: "peatix", URL: "https://peatix.com/event/4412873"},
		{Name: "kokuchpro", URL: "https://www.kokuchpro.com/event/kita_ibunya/?a=1&b=2"},
	}
	rss := string(render(t, RSS, m, []Item{it}))
	for _, want := range []string{
		"掲載：peatix &lt;a href=&#34;https://peatix.com/event/4412873&#34;&gt;",
		"掲載：kokuchpro &lt;a href=&#34;https://www.kokuchpro.com/event/kita_ibunya/?a=1&amp;amp;b=2&#34;&gt;",
	} {
		if !strings.Contains(rss, want) {
			t.Errorf("rss lacks %s:\n%s", want, rss)
		}
	}
	if strings.Contains(rss, "掲載：kita-cci") {
		t.Error("rss lists the item's own page as another listing")
	}
	ics := string(render(t, ICS, m, []Item{it}))
	if !strings.Contains(strings.ReplaceAll(ics, "\r\n ", ""), `詳細：https://cci.example/event/1?a=1&b=2\n掲載：peatix https://peatix.com/event/4412873\n掲載：kokuchpro`) {
		t.Errorf("ics description does not list the other listings after its own:\n%s", ics)
	}
	atom := string(render(t, Atom, m, []Item{it}))
	if strings.Count(atom, "<entry>") != 1 || !strings.Contains(atom, "掲載：peatix https://peatix.com/event/4412873") {
		t.Errorf("atom:\n%s", atom)
	}
	if one := string(render(t, RSS, m, []Item{items[0]})); strings.Contains(one, "掲載") {
		t.Error("an event listed once has a 掲載 line")
	}
}
