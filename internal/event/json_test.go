package event

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	json "github.com/go-json-experiment/json"
)

// jsonEvent is a full record of about 500 characters of Japanese.
func jsonEvent() Event {
	start := time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo)
	return Event{
		ID: "0123456789abcdef0123456789abcdef", Source: "example-cci",
		URL:   "https://www.example-cci.jp/event/202612/03.html?a=1&b=2",
		Title: "第12回 異業種交流会＆名刺交換会 <梅田>", Description: strings.Repeat("大阪の経営者が集まる交流会です。名刺交換、事業紹介、懇親会。", 16),
		StartsAt: start, EndsAt: start.Add(2 * time.Hour), Venue: "例会館 5階 大会議室", Address: "大阪市中央区本町1-2-3",
		Area: "大阪市中央区", Organizer: "例商工会議所", Fee: "3,000円", Status: StatusScheduled, FetchedAt: start.Add(-48 * time.Hour),
		Label: CrossIndustry, Score: 0.82, Reasons: []string{"cross_industry ← title「異業種交流会」 (rule 4)", "cross_industry ← title「名刺交換会」"},
		RulesVersion: "2026-11-20.1", CanonicalID: "fedcba9876543210fedcba9876543210",
	}
}

// encodeCases are records that take every path of the encoder.
func encodeCases() map[string]Event {
	full := jsonEvent()
	cases := map[string]Event{"full": full, "minimal": {ID: "x", Source: "s", URL: "https://x.jp/", Title: "t", StartsAt: full.StartsAt}}
	odd := full
	odd.Title = "a\"b\\c\b\f\n\r\t\x00\x1f\x7f <&> \u2028\u2029 😀 ｶﾅ \ufffd"
	odd.Reasons = []string{"", "\u2029"}
	cases["escapes"] = odd
	for name, f := range map[string]float64{"tiny score": 1e-7, "huge score": 1e21, "negative score": -0.5, "negative zero": math.Copysign(0, -1), "integer score": 3} {
		e := full
		e.Score = f
		cases[name] = e
	}
	zoned := full
	zoned.StartsAt = time.Date(2026, 12, 3, 9, 30, 0, 123456789, time.UTC)
	zoned.EndsAt = time.Date(2026, 12, 3, 11, 30, 0, 0, time.FixedZone("", -(3*3600+30*60)))
	cases["other zones and nanoseconds"] = zoned
	facts := full
	free, most, open := 0, 4000, false
	facts.FeeYenMin, facts.FeeYenMax, facts.Capacity, facts.MembersOnly = &free, &most, 50, &open
	facts.ApplyBy = time.Date(2026, 12, 1, 23, 59, 59, 0, Tokyo)
	facts.Format, facts.ApplyURL = Hybrid, "https://forms.example.jp/apply?e=1&x=<2>"
	cases["facts"] = facts
	return cases
}

// readBack reads data into an Event as Decode does, without normalising it.
func readBack(t testing.TB, data []byte) Event {
	t.Helper()
	var e Event
	if err := json.Unmarshal(data, &e, decodeOptions); err != nil {
		t.Fatalf("read back %s: %v", data, err)
	}
	return e
}

// What Encode writes reads back as the same record, with this package's
// decoder and with encoding/json (what a tool written against the record's
// JSON would use); what encoding/json refuses to write, Encode refuses too.
func TestEncodeRoundTrip(t *testing.T) {
	t.Parallel()
	for name, e := range encodeCases() {
		data, err := Encode(&e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if back := readBack(t, data); !sameEvent(back, e) {
			t.Errorf("%s: read back\n %+v\nwant %+v", name, back, e)
		}
		var std Event
		if err := stdjson.Unmarshal(data, &std); err != nil || !sameEvent(std, e) {
			t.Errorf("%s: encoding/json read %s as\n %+v (%v)\nwant %+v", name, data, std, err, e)
		}
	}
	minimal := encodeCases()["minimal"]
	data, _ := Encode(&minimal)
	for _, name := range []string{"description", "ends_at", "venue", "fetched_at", "label", "score", "reasons", "rules_version"} {
		if bytes.Contains(data, []byte(`"`+name+`"`)) {
			t.Errorf("an empty %s is written: %s", name, data)
		}
	}
	for name, e := range map[string]Event{
		"year 10000":   {StartsAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"year -1":      {StartsAt: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		"zone of 24 h": {StartsAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("", 24*3600))},
		"NaN score":    {StartsAt: time.Now(), Score: math.NaN()},
		"infinite":     {StartsAt: time.Now(), Score: math.Inf(-1)},
	} {
		if _, err := stdjson.Marshal(e); err == nil {
			t.Fatalf("%s: encoding/json accepts it", name)
		}
		if b, err := Encode(&e); err == nil {
			t.Errorf("%s: encoded as %s, want an error", name, b)
		}
	}
}

// A text of invalid UTF-8 (a page read with the wrong charset) does not
// cost the event: it is written with U+FFFD in place of the bad bytes.
func TestEncodeInvalidUTF8(t *testing.T) {
	t.Parallel()
	e := jsonEvent()
	e.Description = "bad \xff\xfe bytes, a cut rune \xe3\x81 and a surrogate \xed\xa0\x80, and U+10FFFF \U0010FFFF"
	data, err := Encode(&e)
	if err != nil {
		t.Fatal(err)
	}
	back := readBack(t, data)
	if !utf8.ValidString(back.Description) || !strings.Contains(back.Description, "bad \ufffd") ||
		!strings.HasSuffix(back.Description, ", and U+10FFFF \U0010FFFF") {
		t.Errorf("description read back as %q", back.Description)
	}
}

// The shapes of JSON Decode reads, and those it refuses, beside the record
// Encode writes.
func TestDecodeShapes(t *testing.T) {
	t.Parallel()
	good := `{"id":"e1","source":"s","url":"https://x.jp/","title":"t","starts_at":"2026-12-03T09:30:00Z"}`
	for name, tc := range map[string]struct {
		data  string
		title string // "": refused
	}{
		"name in another case": {data: strings.Replace(good, `"title"`, `"Title"`, 1), title: "t"},
		"unknown name":         {data: strings.Replace(good, `"title"`, `"memo":1,"title"`, 1), title: "t"},
		"escaped name":         {data: strings.Replace(good, `"title"`, `"titl\u0065"`, 1), title: "t"},
		"escapes":              {data: strings.Replace(good, `"t"`, `"\u7570\u696d\u7a2e \ud83d\ude00\n\/"`, 1), title: "異業種 😀\n/"},
		"white space":          {data: " {\n\t\"id\" : \"e1\" ,\r\n \"source\":\"s\", \"url\":\"https://x.jp/\" , \"title\" :\"t\",\"starts_at\":\"2026-12-03T09:30:00Z\"\n}\n", title: "t"},
		"null":                 {data: strings.Replace(good, `"t"`, `null`, 1)},
		"duplicate":            {data: strings.Replace(good, `"title":"t"`, `"title":"t","title":"u"`, 1)},
		"lone surrogate":       {data: strings.Replace(good, `"t"`, `"\ud800"`, 1)},
		"invalid UTF-8":        {data: strings.Replace(good, `"t"`, "\"\xff\"", 1)},
		"loose time":           {data: strings.Replace(good, `09:30:00Z`, `9:30:00Z`, 1)},
		"trailing value":       {data: good + "{}"},
		"number with a plus":   {data: strings.Replace(good, `}`, `,"score":+1}`, 1)},
	} {
		e, err := Decode([]byte(tc.data))
		switch {
		case tc.title == "" && err == nil:
			t.Errorf("%s: Decode read %s as %+v", name, tc.data, e)
		case tc.title != "" && err != nil:
			t.Errorf("%s: %v", name, err)
		case tc.title != "" && e.Title != tc.title:
			t.Errorf("%s: title %q, want %q", name, e.Title, tc.title)
		}
	}
}

// Every field of Event set: Encode writes each under a name of its own, and
// the record reads back whole. A field added to Event that the JSON form
// leaves out (a "-" tag, a type of no JSON form) fails here.
func TestCodecKnowsEveryField(t *testing.T) {
	t.Parallel()
	var e Event
	v := reflect.ValueOf(&e).Elem()
	at := time.Date(2026, 12, 3, 18, 30, 0, 0, Tokyo)
	for i := range v.NumField() {
		f := v.Field(i)
		switch {
		case f.Type() == reflect.TypeOf(time.Time{}):
			f.Set(reflect.ValueOf(at.Add(time.Duration(i) * time.Hour)))
		case f.Kind() == reflect.String:
			f.SetString(fmt.Sprintf("値%d", i))
		case f.Kind() == reflect.Bool:
			f.SetBool(true)
		case f.Kind() == reflect.Float64:
			f.SetFloat(0.25)
		case f.Type() == reflect.TypeOf([]string(nil)):
			f.Set(reflect.ValueOf([]string{fmt.Sprintf("理由%d", i)}))
		case f.Kind() == reflect.Int:
			f.SetInt(int64(i))
		case f.Type() == reflect.TypeOf((*int)(nil)):
			n := 1000 * i
			f.Set(reflect.ValueOf(&n))
		case f.Type() == reflect.TypeOf((*bool)(nil)):
			yes := true
			f.Set(reflect.ValueOf(&yes))
		default:
			t.Fatalf("Event.%s is a %v: teach this test about it", v.Type().Field(i).Name, f.Type())
		}
	}
	got, err := Encode(&e)
	if err != nil {
		t.Fatal(err)
	}
	var members map[string]any
	if err := json.Unmarshal(got, &members); err != nil {
		t.Fatal(err)
	}
	if len(members) != v.NumField() {
		t.Errorf("%d fields, %d names written: %s", v.NumField(), len(members), got)
	}
	if back := readBack(t, got); !sameEvent(back, e) {
		t.Fatalf("read back %+v, want %+v", back, e)
	}
}

// FuzzEncode: on any text, score and time, Encode fails where encoding/json
// fails, and what it writes reads back as the record (text of valid UTF-8 as
// it was).
func FuzzEncode(f *testing.F) {
	f.Add("第1回 交流会 <b>&amp;</b>", "説明\u2028\n\t\"x\"", "\xff\xe3\x81", 0.82, int64(1796290200), int64(123456789), 32400)
	f.Add("", "", "", 1e-7, int64(-62135596800), int64(0), -12600)
	f.Fuzz(func(t *testing.T, title, desc, reason string, score float64, sec, nsec int64, offset int) {
		e := jsonEvent()
		e.Title, e.Description, e.Reasons, e.Score = title, desc, []string{reason, title}, score
		e.StartsAt = time.Unix(sec, nsec).In(time.FixedZone("", offset%(100*3600)))
		got, gerr := Encode(&e)
		_, werr := stdjson.Marshal(e)
		if (gerr != nil) != (werr != nil) {
			t.Fatalf("Encode error %v, encoding/json error %v", gerr, werr)
		}
		if gerr != nil {
			return
		}
		back := readBack(t, got)
		if len(back.Reasons) != 2 {
			t.Fatalf("reasons read back as %q", back.Reasons)
		}
		// Bad bytes are written as U+FFFD: such a text reads back valid,
		// not as it was.
		fix := func(sent *string, read string) {
			if !utf8.ValidString(read) {
				t.Fatalf("%q read back as invalid UTF-8 %q", *sent, read)
			}
			if !utf8.ValidString(*sent) {
				*sent = read
			}
		}
		fix(&e.Title, back.Title)
		fix(&e.Description, back.Description)
		fix(&e.Reasons[0], back.Reasons[0])
		fix(&e.Reasons[1], back.Reasons[1])
		if !sameEvent(back, e) {
			t.Fatalf("read back\n %+v\nwant %+v", back, e)
		}
	})
}

// FuzzDecode: Decode takes any bytes without a panic, and a record it reads
// is written and read again unchanged.
func FuzzDecode(f *testing.F) {
	for _, e := range encodeCases() {
		data, err := Encode(&e)
		if err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(` { "id" : "a\u00e9\ud83d\ude00\n\/" , "reasons" : [ ] , "score" : -0.5e-3 , "all_day" : true } `))
	f.Add([]byte(`{"starts_at":"2026-12-03T09:30:00.5+09:00","ends_at":"2026-12-03T09:30:00-23:59"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Decode(data)
		if err != nil {
			return
		}
		again, err := Encode(&e)
		if err != nil {
			t.Fatalf("Decode read %q, Encode refuses it: %v", data, err)
		}
		back, err := Decode(again)
		if err != nil {
			t.Fatalf("Decode read %q, not its own encoding %q: %v", data, again, err)
		}
		if !sameEvent(back, e) {
			t.Fatalf("%q:\nonce  %+v\ntwice %+v", data, e, back)
		}
	})
}

// sameEvent compares every field, times by instant and offset.
func sameEvent(a, b Event) bool {
	for _, p := range []struct{ a, b *time.Time }{{&a.StartsAt, &b.StartsAt}, {&a.EndsAt, &b.EndsAt}, {&a.FetchedAt, &b.FetchedAt}, {&a.ApplyBy, &b.ApplyBy}} {
		if p.a.Format(time.RFC3339Nano) != p.b.Format(time.RFC3339Nano) {
			return false
		}
		*p.a, *p.b = time.Time{}, time.Time{}
	}
	return reflect.DeepEqual(a, b)
}

func BenchmarkEncode(b *testing.B) {
	e := jsonEvent()
	for b.Loop() {
		if _, err := Encode(&e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	e := jsonEvent()
	data, _ := Encode(&e)
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
