package event

import (
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	t.Parallel()
	const good = `{"id":"e1","source":"osaka-cci","url":"https://example.jp/e/1","title":" 異業種交流会 ",` +
		`"starts_at":"2026-12-03T09:30:00Z","all_day":false,"status":"scheduled","label":"cross_industry","reasons":["title: 交流会"]}`
	e, err := Decode([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != "異業種交流会" || e.Label != CrossIndustry || len(e.Reasons) != 1 {
		t.Errorf("decoded %+v", e)
	}
	if e.StartsAt.Location() != Tokyo || e.StartsAt.Hour() != 18 || e.StartsAt.Minute() != 30 {
		t.Errorf("starts_at %v, want 18:30 in Tokyo", e.StartsAt)
	}
	// Names match regardless of case, as with encoding/json.
	if e, err := Decode([]byte(strings.Replace(good, `"title"`, `"Title"`, 1))); err != nil || e.Title != "異業種交流会" {
		t.Errorf("Title: %+v, %v", e, err)
	}

	for name, tc := range map[string]struct {
		data string
		want string // in the error
		inv  bool   // errors.Is(err, ErrInvalid)
	}{
		"not json":        {data: `{"id": "broken`, want: "decode event"},
		"two values":      {data: good + ` {}`, want: "decode event"},
		"duplicate name":  {data: strings.Replace(good, `"all_day":false`, `"title":"x","all_day":false`, 1), want: "duplicate"},
		"invalid utf-8":   {data: strings.Replace(good, "異業種", "\xff\xfe", 1), want: "UTF-8"},
		"wrong type":      {data: strings.Replace(good, `"all_day":false`, `"all_day":"no"`, 1), want: "all_day"},
		"bad time":        {data: strings.Replace(good, `2026-12-03T09:30:00Z`, `2026年12月3日`, 1), want: "starts_at"},
		"no title":        {data: strings.Replace(good, `" 異業種交流会 "`, `"  "`, 1), want: "title is empty", inv: true},
		"unknown label":   {data: strings.Replace(good, `cross_industry`, `party`, 1), want: `label "party"`, inv: true},
		"array of events": {data: `[` + good + `]`, want: "decode event"},
	} {
		_, err := Decode([]byte(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one naming %q", name, err, tc.want)
			continue
		}
		if errors.Is(err, ErrInvalid) != tc.inv {
			t.Errorf("%s: errors.Is(err, ErrInvalid) = %v, want %v", name, !tc.inv, tc.inv)
		}
	}
}
