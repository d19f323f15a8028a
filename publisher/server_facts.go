package publisher

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"kouryu/internal/event"
	"kouryu/internal/store"
)

// facts are the filters on what a listing states, the same on the API, the
// feeds and the page: free=1 (free for everyone), open=1 (the listing says
// non-members may come), online=1 (online or hybrid), apply_after=DATE (the
// application deadline is that day or later). An event that does not state
// the fact is left out by its filter.
type facts struct {
	Free, Open, Online bool
	ApplyAfter         time.Time // midnight in Tokyo of a date, or an instant
}

// parseFacts reads the fact filters of a request. A flag is 1 or true (0,
// false or empty: off); apply_after is a date (YYYY-MM-DD, in Tokyo) or RFC
// 3339. Anything else, or a parameter given twice, is a 400.
func parseFacts(v url.Values) (facts, error) {
	var f facts
	for _, p := range []struct {
		name string
		dst  *bool
	}{{"free", &f.Free}, {"open", &f.Open}, {"online", &f.Online}} {
		vs := v[p.name]
		if len(vs) > 1 {
			return facts{}, badParam(p.name, "is given more than once")
		}
		if len(vs) == 0 {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(vs[0])) {
		case "1", "true":
			*p.dst = true
		case "0", "false", "":
		default:
			return facts{}, badParam(p.name, strconv.Quote(vs[0])+" is not 1 or 0")
		}
	}
	if vs := v["apply_after"]; len(vs) > 1 {
		return facts{}, badParam("apply_after", "is given more than once")
	} else if len(vs) == 1 && vs[0] != "" {
		t, err := parseAPITime(vs[0], false)
		if err != nil {
			return facts{}, badParam("apply_after", err.Error())
		}
		f.ApplyAfter = t
	}
	return f, nil
}

// active reports whether a filter is set.
func (f facts) active() bool { return f.Free || f.Open || f.Online || !f.ApplyAfter.IsZero() }

// apply sets the filters on q.
func (f facts) apply(q store.Query) store.Query {
	q.Free, q.Open, q.Online, q.ApplyAfter = f.Free, f.Open, f.Online, f.ApplyAfter
	return q
}

// key is the filters in one fixed form, for a cache key: free=1 and
// free=true, a date and its RFC 3339 midnight, make one body.
func (f facts) key() string {
	b := []byte{'0', '0', '0'}
	for i, on := range []bool{f.Free, f.Open, f.Online} {
		if on {
			b[i] = '1'
		}
	}
	return string(b) + apiKeyTime(f.ApplyAfter)
}

// values adds the filters to v as links write them.
func (f facts) values(v url.Values) url.Values {
	if v == nil {
		v = url.Values{}
	}
	for _, p := range []struct {
		name string
		on   bool
	}{{"free", f.Free}, {"open", f.Open}, {"online", f.Online}} {
		if p.on {
			v.Set(p.name, "1")
		}
	}
	if !f.ApplyAfter.IsZero() {
		v.Set("apply_after", applyAfterParam(f.ApplyAfter))
	}
	return v
}

// applyAfterParam writes apply_after as a date when it is a Tokyo midnight,
// else in RFC 3339.
func applyAfterParam(t time.Time) string {
	t = t.In(event.Tokyo)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// names are the filters in Japanese, for titles and the page's summary.
func (f facts) names() []string {
	var out []string
	if f.Free {
		out = append(out, "無料")
	}
	if f.Open {
		out = append(out, "会員以外も参加可")
	}
	if f.Online {
		out = append(out, "オンライン参加可")
	}
	if !f.ApplyAfter.IsZero() {
		t := f.ApplyAfter.In(event.Tokyo)
		out = append(out, strconv.Itoa(int(t.Month()))+"月"+strconv.Itoa(t.Day())+"日以降も申込可")
	}
	return out
}
