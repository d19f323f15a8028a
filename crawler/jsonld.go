package crawler

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// fieldEnd carries an end time read from JSON-LD (endDate); selectors have no
// such field, so it is not among FieldNames.
const fieldEnd = "end"

// JSONLDFields reads the first schema.org Event (or subtype: BusinessEvent,
// EducationEvent …) in the page's application/ld+json scripts, @graph and
// arrays included, as Fields. It returns nil when the page has none; a script
// that does not decode is skipped.
func JSONLDFields(doc *goquery.Document) Fields {
	var found Fields
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(s.Text())), &v); err != nil {
			return true
		}
		if ev := findEvent(v, 0); ev != nil {
			found = eventFields(ev)
			return false
		}
		return true
	})
	return found
}

func findEvent(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if ev := findEvent(e, depth+1); ev != nil {
				return ev
			}
		}
	case map[string]any:
		if isEventType(x["@type"]) {
			return x
		}
		if g, ok := x["@graph"]; ok {
			return findEvent(g, depth+1)
		}
	}
	return nil
}

func isEventType(t any) bool {
	switch x := t.(type) {
	case string:
		x = strings.TrimPrefix(strings.TrimPrefix(x, "https://schema.org/"), "http://schema.org/")
		return x == "Event" || strings.HasSuffix(x, "Event")
	case []any:
		for _, e := range x {
			if isEventType(e) {
				return true
			}
		}
	}
	return false
}

func eventFields(ev map[string]any) Fields {
	f := Fields{}
	set := func(name, v string) {
		if v = normSpace(v); v != "" {
			f[name] = v
		}
	}
	set(FieldTitle, str(ev["name"]))
	set(FieldDate, str(ev["startDate"]))
	set(fieldEnd, str(ev["endDate"]))
	if d := strings.TrimSpace(str(ev["description"])); d != "" {
		var lines []string
		for _, l := range strings.Split(d, "\n") {
			if l = normSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		f[FieldDescription] = strings.Join(lines, "\n")
	}
	for _, loc := range list(ev["location"]) {
		m, ok := loc.(map[string]any)
		if !ok {
			set(FieldVenue, str(loc))
			break
		}
		if isType(m["@type"], "VirtualLocation") {
			set(FieldVenue, "オンライン")
			break
		}
		set(FieldVenue, str(m["name"]))
		set(FieldAddress, address(m["address"]))
		break
	}
	for _, o := range list(ev["organizer"]) {
		if m, ok := o.(map[string]any); ok {
			set(FieldOrganizer, str(m["name"]))
		} else {
			set(FieldOrganizer, str(o))
		}
		break
	}
	var fees []string
	for _, o := range list(ev["offers"]) {
		m, ok := o.(map[string]any)
		if !ok {
			continue
		}
		price := str(m["price"])
		if price == "" {
			continue
		}
		if price == "0" {
			fees = append(fees, "無料")
			continue
		}
		if c := str(m["priceCurrency"]); c == "JPY" || c == "" {
			price += "円"
		} else {
			price += " " + c
		}
		if n := str(m["name"]); n != "" {
			price = n + " " + price
		}
		fees = append(fees, price)
	}
	set(FieldFee, strings.Join(fees, "／"))
	switch s := str(ev["eventStatus"]); {
	case strings.HasSuffix(s, "EventCancelled"):
		f[FieldStatus] = "中止"
	case strings.HasSuffix(s, "EventPostponed"), strings.HasSuffix(s, "EventRescheduled"):
		f[FieldStatus] = "延期"
	}
	return f
}

func isType(t any, name string) bool {
	for _, e := range list(t) {
		if s, ok := e.(string); ok && strings.HasSuffix(s, name) {
			return true
		}
	}
	return false
}

func list(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	default:
		return []any{x}
	}
}

// str is a JSON scalar as text; objects and arrays give "".
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// address joins a PostalAddress the Japanese way: region, locality, street.
func address(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return str(x["postalCode"]) + " " + str(x["addressRegion"]) + str(x["addressLocality"]) + str(x["streetAddress"])
	}
	return ""
}
