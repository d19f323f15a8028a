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
		RulesVersion: "2026-11-20.1",
	}
}

// encodeCases are records that take every path of the encoder.
func encodeCases() map[string]Event {
	full := jsonEvent()
	cases := map[string]Event{"full": full, "minimal": {ID: "x", Source: "s", URL: "https://x.jp/", Title: "t", StartsAt: full.StartsAt}}
	odd := full
	odd.Title = "a\"b\\c\b\f\n\r\t\x00\x1f\x7f <&> \u2028\u2029 😀 ｶﾅ \ufffd"
	odd.Description = "bad \xff\xfe bytes, a cut rune \xe3\x81 and a surrogate \xed\xa0\x80, an overlong \xc0\xaf, and U+10FFFF \U0010FFFF"
	odd.Reasons = []string{"", "\u2029"}
	cases["escapes and invalid UTF-8"] = odd
	for name, f := range map[string]float64{"tiny score": 1e-7, "huge score": 1e21, "negative score": -0.5, "negative zero": math.Copysign(0, -1), "integer score": 3} {
		e := full
		e.Score = f
		cases[name] = e
	}
	zoned := full
	zoned.StartsAt = time.Date(2026, 12, 3, 9, 30, 0, 123456789, time.UTC)
	zoned.EndsAt = time.Date(2026, 12, 3, 11, 30, 0, 0, time.FixedZone("", -(3*3600+30*60)))
	cases["other zones and nanoseconds"] = zoned
	return cases
}

// Encode writes exactly what encoding/json writes.
func TestEncodeMatchesEncodingJSON(t *testing.T) {
	for name, e := range encodeCases() {
		got, err := Encode(&e)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := stdjson.Marshal(e)
		if err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
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

// What Encode writes, decodeFast reads, and reads as the full decoder does;
// other shapes it leaves to that decoder.
func TestDecodeFastReadsWhatEncodeWrites(t *testing.T) {
	for name, e := range encodeCases() {
		if name == "escapes and invalid UTF-8" {
			e.Description = "" // written as U+FFFD: read back, but not as it was
		}
		data, err := Encode(&e)
		if err != nil {
			t.Fatal(err)
		}
		var fast Event
		if !decodeFast(data, &fast) {
			t.Errorf("%s: decodeFast declined %s", name, data)
			continue
		}
		full, err := decodeFull(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !sameEvent(fast, full) || !sameEvent(fast, e) {
			t.Errorf("%s:\nfast %+v\nfull %+v\nsent %+v", name, fast, full, e)
		}
	}
	good := `{"id":"e1","source":"s","url":"https://x.jp/","title":"t","starts_at":"2026-12-03T09:30:00Z"}`
	for name, data := range map[string]string{
		"name in another case": strings.Replace(good, `"title"`, `"Title"`, 1),
		"unknown name":         strings.Replace(good, `"title"`, `"memo":1,"title"`, 1),
		"null":                 strings.Replace(good, `"t"`, `null`, 1),
		"duplicate":            strings.Replace(good, `"title":"t"`, `"title":"t","title":"u"`, 1),
		"escaped name":         strings.Replace(good, `"title"`, `"titl\u0065"`, 1),
		"lone surrogate":       strings.Replace(good, `"t"`, `"\ud800"`, 1),
		"invalid UTF-8":        strings.Replace(good, `"t"`, "\"\xff\"", 1),
		"loose time":           strings.Replace(good, `09:30:00Z`, `9:30:00Z`, 1),
		"trailing value":       good + "{}",
		"number with a plus":   strings.Replace(good, `}`, `,"score":+1}`, 1),
	} {
		var e Event
		if decodeFast([]byte(data), &e) {
			t.Errorf("%s: decodeFast read %s", name, data)
		}
	}
}

// Every field of Event set: Encode writes it as encoding/json does, and
// decodeFast reads it back. A field added to Event without a place in the
// codec fails here.
func TestCodecKnowsEveryField(t *testing.T) {
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
		default:
			t.Fatalf("Event.%s is a %v: teach Encode, decodeFast and this test about it", v.Type().Field(i).Name, f.Type())
		}
	}
	got, err := Encode(&e)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := stdjson.Marshal(e)
	if !bytes.Equal(got, want) {
		t.Fatalf("\n got %s\nwant %s", got, want)
	}
	var back Event
	if !decodeFast(got, &back) || !sameEvent(back, e) {
		t.Fatalf("decodeFast read back %+v, want %+v", back, e)
	}
}

// FuzzEncode holds Encode to encoding/json on any text, score and time.
func FuzzEncode(f *testing.F) {
	f.Add("第1回 交流会 <b>&amp;</b>", "説明\u2028\n\t\"x\"", "\xff\xe3\x81", 0.82, int64(1796290200), int64(123456789), 32400)
	f.Add("", "", "", 1e-7, int64(-62135596800), int64(0), -12600)
	f.Fuzz(func(t *testing.T, title, desc, reason string, score float64, sec, nsec int64, offset int) {
		e := jsonEvent()
		e.Title, e.Description, e.Reasons, e.Score = title, desc, []string{reason, title}, score
		e.StartsAt = time.Unix(sec, nsec).In(time.FixedZone("", offset%(100*3600)))
		got, gerr := Encode(&e)
		want, werr := stdjson.Marshal(e)
		if (gerr != nil) != (werr != nil) {
			t.Fatalf("Encode error %v, encoding/json error %v", gerr, werr)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("\n got %s\nwant %s", got, want)
		}
	})
}

// FuzzDecode holds decodeFast to the full decoder: whatever it reads, the
// full decoder reads the same.
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
		var fast Event
		if !decodeFast(data, &fast) {
			return
		}
		full, err := decodeFull(data)
		if err != nil {
			t.Fatalf("decodeFast read %q, the full decoder refuses it: %v", data, err)
		}
		if !sameEvent(fast, full) {
			t.Fatalf("%q:\nfast %+v\nfull %+v", data, fast, full)
		}
	})
}

// sameEvent compares every field, times by instant and offset.
func sameEvent(a, b Event) bool {
	for _, p := range []struct{ a, b *time.Time }{{&a.StartsAt, &b.StartsAt}, {&a.EndsAt, &b.EndsAt}, {&a.FetchedAt, &b.FetchedAt}} {
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

// BenchmarkEncodeStd is the baseline of BenchmarkEncode: encoding/json.
func BenchmarkEncodeStd(b *testing.B) {
	e := jsonEvent()
	for b.Loop() {
		if _, err := stdjson.Marshal(e); err != nil {
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

// BenchmarkDecodeFull is the baseline of BenchmarkDecode: the full decoder.
func BenchmarkDecodeFull(b *testing.B) {
	e := jsonEvent()
	data, _ := Encode(&e)
	for b.Loop() {
		if _, err := decodeFull(data); err != nil {
			b.Fatal(err)
		}
	}
}

// runeLen agrees with unicode/utf8 on every sequence of up to three bytes, on
// four-byte ones with the fourth byte at the edges of its range, and on each
// of them cut short.
func TestRuneLenMatchesUTF8(t *testing.T) {
	b := make([]byte, 4)
	for b0 := 0x80; b0 <= 0xFF; b0++ {
		for b1 := range 256 {
			for b2 := range 256 {
				for _, b3 := range []byte{0x00, 0x7F, 0x80, 0xBF, 0xC0} {
					if b0 < 0xF0 && b3 != 0x00 {
						continue // the fourth byte matters to four-byte sequences only
					}
					b[0], b[1], b[2], b[3] = byte(b0), byte(b1), byte(b2), b3
					for k := 1; k <= 4; k++ { // cut short too
						want := 0
						if r, size := utf8.DecodeRune(b[:k]); r != utf8.RuneError || size > 1 {
							want = size
						}
						if got := runeLen(b[:k], 0); got != want {
							t.Fatalf("% x: runeLen %d, utf8 %d", b[:k], got, want)
						}
					}
				}
			}
		}
	}
}
