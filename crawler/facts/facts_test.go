package facts

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

// labelled is one case of testdata/facts.jsonl (see its README).
type labelled struct {
	ID      string      `json:"id"`
	Title   string      `json:"title"`
	Fee     string      `json:"fee"`
	Venue   string      `json:"venue"`
	Text    string      `json:"text"`
	Links   [][2]string `json:"links"`
	Start   string      `json:"start"`
	Fetched string      `json:"fetched"`
	Want    Facts       `json:"want"`
}

func (c labelled) input(t *testing.T) Input {
	t.Helper()
	in := Input{Title: c.Title, Fee: c.Fee, Venue: c.Venue, Text: c.Text}
	for _, l := range c.Links {
		in.Links = append(in.Links, Link{Text: l[0], URL: l[1]})
	}
	var err error
	start, fetched := c.Start, c.Fetched
	if start == "" {
		start = "2026-12-10T18:30:00+09:00"
	}
	if fetched == "" {
		fetched = "2026-11-05T10:00:00+09:00"
	}
	if in.Start, err = time.Parse(time.RFC3339, start); err != nil {
		t.Fatalf("%s: start: %v", c.ID, err)
	}
	if in.Fetched, err = time.Parse(time.RFC3339, fetched); err != nil {
		t.Fatalf("%s: fetched: %v", c.ID, err)
	}
	return in
}

func loadLabelled(t *testing.T) []labelled {
	t.Helper()
	f, err := os.Open("testdata/facts.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var c labelled
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("facts.jsonl:%d: %v", n, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// factValues lists the seven facts of f by record name, "" for unset.
func factValues(f Facts) [][2]string {
	optInt := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	s := [][2]string{
		{"fee_yen_min", optInt(f.FeeMin)},
		{"fee_yen_max", optInt(f.FeeMax)},
		{"capacity", ""},
		{"apply_by", ""},
		{"members_only", ""},
		{"format", f.Format},
		{"apply_url", f.ApplyURL},
	}
	if f.Capacity != 0 {
		s[2][1] = strconv.Itoa(f.Capacity)
	}
	if !f.ApplyBy.IsZero() {
		s[3][1] = f.ApplyBy.Format(time.RFC3339)
	}
	if f.MembersOnly != nil {
		s[4][1] = strconv.FormatBool(*f.MembersOnly)
	}
	return s
}

// TestLabelledSet scores Read on the labelled set: of the facts the
// listings state, at least 95% read right, and no fact read where a
// listing states none (an invented value sends a person to the wrong
// gathering). A stated fact read with another value is wrong, not
// invented. go test -run TestLabelledSet -v ./crawler/facts prints the
// score and every miss.
func TestLabelledSet(t *testing.T) {
	cases := loadLabelled(t)
	if len(cases) < 150 {
		t.Fatalf("%d cases in the labelled set; want at least 150", len(cases))
	}
	var stated, right, wrong, missed, invented int
	perFact := map[string][2]int{} // right, stated
	for _, c := range cases {
		got := factValues(Read(c.input(t)))
		want := factValues(c.Want)
		for i := range want {
			name, w, g := want[i][0], want[i][1], got[i][1]
			pf := perFact[name]
			switch {
			case w == "" && g != "":
				invented++
				t.Errorf("%s: %s = %s invented (the listing states none)", c.ID, name, g)
			case w == "":
				continue
			case g == w:
				right++
				pf[0]++
			case g == "":
				missed++
				t.Logf("miss %s: %s: want %s, read nothing", c.ID, name, w)
			default:
				wrong++
				t.Logf("miss %s: %s: want %s, read %s", c.ID, name, w, g)
			}
			if w != "" {
				stated++
				pf[1]++
			}
			perFact[name] = pf
		}
	}
	score := float64(right) / float64(stated)
	t.Logf("%d cases, %d stated facts: %d right (%.1f%%), %d read wrong, %d missed; %d invented",
		len(cases), stated, right, 100*score, wrong, missed, invented)
	for _, name := range []string{"fee_yen_min", "fee_yen_max", "capacity", "apply_by", "members_only", "format", "apply_url"} {
		pf := perFact[name]
		t.Logf("  %-12s %3d of %3d", name, pf[0], pf[1])
	}
	if score < 0.95 {
		t.Errorf("%.1f%% of the stated facts read right; want at least 95%%", 100*score)
	}
	if invented > 0 {
		t.Errorf("%d invented facts; want none", invented)
	}
}

// TestLabelledSetIDs keeps the set's ids unique, so a miss names one case.
func TestLabelledSetIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range loadLabelled(t) {
		if c.ID == "" || seen[c.ID] {
			t.Errorf("id %q is empty or repeated", c.ID)
		}
		seen[c.ID] = true
	}
}

func ExampleRead() {
	start := time.Date(2026, 12, 10, 18, 30, 0, 0, time.FixedZone("JST", 9*3600))
	f := Read(Input{
		Venue: "大阪商工会議所 5階 会議室",
		Text:  "【参加費】会員 2,000円／一般 4,000円（税込）\n【定員】50名（先着順）\n【申込締切】12月1日（火）",
		Start: start,
	})
	fmt.Println(*f.FeeMin, *f.FeeMax, f.Capacity, f.ApplyBy.Format(time.RFC3339), *f.MembersOnly, f.Format)
	// Output: 2000 4000 50 2026-12-01T23:59:59+09:00 false in_person
}

// FuzzRead holds Read to what its callers rely on, whatever the text: no
// panic, the lowest fee not above the highest, a capacity and fees in
// range, a deadline not after the event's day, an absolute http(s)
// registration URL and a known format.
func FuzzRead(f *testing.F) {
	for _, c := range []string{
		"【参加費】会員 2,000円／一般 4,000円（税込）\n【定員】50名（先着順）\n【申込締切】12月1日（火）",
		"参加費は無料です。12月4日（金）までにお申し込みください。",
		"定員 30社（1社2名まで）\n申込締切：開催日の3日前",
		"会場：大阪市中央公会堂 または オンライン\n申込フォーム：https://forms.gle/x",
		"料金\n会員 1,000円\n非会員 2,000円\n二千五百円 壱万円 1.5万円 ¥3,000-",
		"申込締切：前日17時まで",
	} {
		f.Add(c, c)
	}
	start := time.Date(2026, 12, 10, 18, 30, 0, 0, time.FixedZone("JST", 9*3600))
	f.Fuzz(func(t *testing.T, text, fee string) {
		got := Read(Input{Title: text, Fee: fee, Venue: fee, Text: text, Start: start, Fetched: start.AddDate(0, -1, 0),
			Links: []Link{{Text: text, URL: fee}}})
		if (got.FeeMin == nil) != (got.FeeMax == nil) {
			t.Fatalf("one fee bound only: %+v", got)
		}
		if got.FeeMin != nil && (*got.FeeMin < 0 || *got.FeeMin > *got.FeeMax || *got.FeeMax > maxFee) {
			t.Fatalf("fees %d..%d", *got.FeeMin, *got.FeeMax)
		}
		if got.Capacity < 0 || got.Capacity > maxCapacity {
			t.Fatalf("capacity %d", got.Capacity)
		}
		if !got.ApplyBy.IsZero() && got.ApplyBy.After(endOfDay(start)) {
			t.Fatalf("deadline %v after the event's day", got.ApplyBy)
		}
		if got.ApplyURL != "" && absoluteURL(got.ApplyURL) != got.ApplyURL {
			t.Fatalf("apply url %q", got.ApplyURL)
		}
		switch got.Format {
		case "", InPerson, Online, Hybrid:
		default:
			t.Fatalf("format %q", got.Format)
		}
	})
}

// BenchmarkRead reads an event page of about 1,500 characters: a label
// table and a description of one long paragraph, as most pages are.
func BenchmarkRead(b *testing.B) {
	para := "業種を問わず、大阪で商いをされている方が互いの仕事を知る場として毎月開いている交流会です。" +
		"前半は講師による三十分ほどの話題提供、後半は自己紹介と名刺交換、最後に軽食を囲んで懇親の時間を設けます。" +
		"初めての方も多く参加されますので、スタッフが各テーブルを回って話しやすい雰囲気づくりに努めます。" +
		"会場は駅から徒歩五分、エレベーターがございます。お車の方は近くの有料駐車場をご利用ください。" +
		"参加費には資料代と飲み物代が含まれます。領収書が必要な方は受付でお申し出ください。" +
		"お申し込みはフォームから、開催日の三日前までにお願いいたします。定員に達し次第締め切ります。" +
		"当日は名刺を三十枚ほどお持ちください。事業の紹介は一人一分程度でお願いしています。"
	text := "日時\n2026年12月10日 18:30〜20:30\n会場\n大阪商工会議所 5階 会議室\n参加費\n2000円\n主催\n例商工会議所\n" +
		para + para + "\nお問い合わせは事務局まで。"
	start := time.Date(2026, 12, 10, 18, 30, 0, 0, time.FixedZone("JST", 9*3600))
	in := Input{Title: "第12回 異業種交流会", Fee: "2000円", Venue: "大阪商工会議所 5階 会議室", Text: text, Start: start, Fetched: start.AddDate(0, -1, 0)}
	b.ReportAllocs()
	for b.Loop() {
		Read(in)
	}
}

// FuzzNFKC holds the fast path of normalize to what norm.NFKC makes.
func FuzzNFKC(f *testing.F) {
	for _, s := range []string{"参加費：３，０００円（税込）", "ｶﾞｲﾀﾞﾝｽ ①㈱㍻", "か\u3099", "￥５００　", "e\u0301ﬁ½"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfkc(s), norm.NFKC.String(s); got != want {
			t.Fatalf("nfkc(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestReadCases are listings met after the labelled set was written, on the
// crawler's corpus sites and feed fixtures.
func TestReadCases(t *testing.T) {
	for _, c := range []struct {
		name string
		in   Input
		want string
	}{
		// The guests' price is not stated: no fee (0 would say free for
		// all), but guests may come.
		{"guests at cost", Input{Fee: "会員 無料／ゲスト 実費"}, `{"members_only":false}`},
		{"party at cost", Input{Fee: "無料（懇親会は実費）"}, `{"fee_yen_min":0,"fee_yen_max":0}`},
		// Under a fee label alone on its line, the lines of prices that
		// follow are its value; the sentence after them is not.
		{"sentence after the prices", Input{Text: "参加費\n会員無料／一般 2,000円\n例会終了後、同会場で懇親会（¥3,000）を行います。"},
			`{"fee_yen_min":0,"fee_yen_max":2000,"members_only":false}`},
	} {
		b, err := json.Marshal(Read(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != c.want {
			t.Errorf("%s: %s, want %s", c.name, b, c.want)
		}
	}
}
