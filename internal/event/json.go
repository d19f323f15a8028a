package event

import (
	"errors"
	"math"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// The JSON form of an Event is written and, in its usual shape, read here
// field by field, without reflection: each event is encoded twice (by the
// crawler and the classifier) and decoded twice (by the classifier and the
// writer) on its way to the table. For a record of 500 Japanese characters,
// go test -bench 'Encode|Decode' ./internal/event gave 3.2 µs for Encode
// against 7.9 µs for encoding/json, and 5.6 µs for Decode (with its checks)
// against 8.2 µs for the full decoder alone. The tests hold both to the
// libraries: Encode writes byte for byte what encoding/json's Marshal
// writes (TestEncodeMatchesEncodingJSON, FuzzEncode), and decodeFast reads
// exactly what the full decoder reads, or declines (FuzzDecode).

// Encode returns e's JSON form, byte for byte what encoding/json's Marshal
// writes for e (names in the order of the struct, empty optional fields left
// out, <, >, &, U+2028 and U+2029 escaped, invalid UTF-8 written as U+FFFD).
// It fails, as Marshal does, on a time outside years 0-9999 or with a zone
// offset of 24 hours or more, and on a score that is NaN or infinite.
func Encode(e *Event) ([]byte, error) {
	n := 160 + len(e.ID) + len(e.Source) + len(e.URL) + len(e.Title) + len(e.Description) +
		len(e.Venue) + len(e.Address) + len(e.Area) + len(e.Organizer) + len(e.Fee) + len(e.RulesVersion)
	for _, r := range e.Reasons {
		n += len(r) + 3
	}
	b := make([]byte, 0, n+n/8)
	var err error
	b = appendJSONString(append(b, `{"id":`...), e.ID)
	b = appendJSONString(append(b, `,"source":`...), e.Source)
	b = appendJSONString(append(b, `,"url":`...), e.URL)
	b = appendJSONString(append(b, `,"title":`...), e.Title)
	if e.Description != "" {
		b = appendJSONString(append(b, `,"description":`...), e.Description)
	}
	if b, err = appendJSONTime(append(b, `,"starts_at":`...), e.StartsAt); err != nil {
		return nil, err
	}
	if !e.EndsAt.IsZero() {
		if b, err = appendJSONTime(append(b, `,"ends_at":`...), e.EndsAt); err != nil {
			return nil, err
		}
	}
	b = strconv.AppendBool(append(b, `,"all_day":`...), e.AllDay)
	for _, f := range [...]struct{ name, v string }{
		{`,"venue":`, e.Venue}, {`,"address":`, e.Address}, {`,"area":`, e.Area},
		{`,"organizer":`, e.Organizer}, {`,"fee":`, e.Fee},
	} {
		if f.v != "" {
			b = appendJSONString(append(b, f.name...), f.v)
		}
	}
	b = appendJSONString(append(b, `,"status":`...), string(e.Status))
	if !e.FetchedAt.IsZero() {
		if b, err = appendJSONTime(append(b, `,"fetched_at":`...), e.FetchedAt); err != nil {
			return nil, err
		}
	}
	if e.Label != "" {
		b = appendJSONString(append(b, `,"label":`...), string(e.Label))
	}
	if e.Score != 0 {
		if b, err = appendJSONFloat(append(b, `,"score":`...), e.Score); err != nil {
			return nil, err
		}
	}
	if len(e.Reasons) > 0 {
		b = append(b, `,"reasons":[`...)
		for i, r := range e.Reasons {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, r)
		}
		b = append(b, ']')
	}
	if e.RulesVersion != "" {
		b = appendJSONString(append(b, `,"rules_version":`...), e.RulesVersion)
	}
	return append(b, '}'), nil
}

// jsonPlain marks the ASCII bytes a JSON string holds as they are; the others
// are escaped as encoding/json escapes them (with its HTML escaping).
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = true
	}
	for _, c := range `"\<>&` {
		t[c] = false
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string, in
// one pass that steps over a whole rune of valid UTF-8 at a time.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // kana and kanji, the most of Japanese text
			continue
		}
		switch size := runeLen(s, i); {
		case size == 0: // not UTF-8: one byte becomes U+FFFD
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
		case c == 0xE2 && s[i+1] == 0x80 && s[i+2]&^1 == 0xA8: // U+2028, U+2029
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
			i += 3
			start = i
		default:
			i += size
		}
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// runeLen returns the length of the UTF-8 sequence at s[i], a byte of 0x80
// or more, or 0 where no valid one starts (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF).
func runeLen[T string | []byte](s T, i int) int {
	n, lo, hi := 0, byte(0x80), byte(0xBF) // length, and the range of the second byte
	switch c := s[i]; {
	case c >= 0xC2 && c <= 0xDF:
		n = 2
	case c == 0xE0:
		n, lo = 3, 0xA0
	case c == 0xED:
		n, hi = 3, 0x9F
	case c >= 0xE1 && c <= 0xEF:
		n = 3
	case c == 0xF0:
		n, lo = 4, 0x90
	case c == 0xF4:
		n, hi = 4, 0x8F
	case c >= 0xF1 && c <= 0xF3:
		n = 4
	default:
		return 0
	}
	if i+n > len(s) || s[i+1] < lo || s[i+1] > hi {
		return 0
	}
	for k := 2; k < n; k++ {
		if s[i+k]&0xC0 != 0x80 {
			return 0
		}
	}
	return n
}

// appendJSONTime appends t as time.Time's MarshalJSON does: RFC 3339 with
// nanoseconds, quoted, and the same refusals.
func appendJSONTime(b []byte, t time.Time) ([]byte, error) {
	b = append(b, '"')
	n0 := len(b)
	b = t.AppendFormat(b, time.RFC3339Nano)
	switch {
	case b[n0+len("9999")] != '-':
		return nil, errors.New("encode event: time year outside of range [0,9999]")
	case b[len(b)-1] != 'Z':
		c := b[len(b)-len("Z07:00")]
		if ('0' <= c && c <= '9') || 10*(b[len(b)-5]-'0')+(b[len(b)-4]-'0') >= 24 {
			return nil, errors.New("encode event: timezone hour outside of range [0,23]")
		}
	}
	return append(b, '"'), nil
}

// appendJSONFloat appends f as encoding/json writes a float64: like %g, with
// ES6's exponent cut-offs and no padding of the exponent.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, errors.New("encode event: score " + strconv.FormatFloat(f, 'g', -1, 64) + " is not a JSON number")
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// decodeFast reads data into e when it is written the way Encode writes a
// record: one object of the record's names in lower case, each at most once,
// holding strings (any escapes), times in the plain RFC 3339 form, true or
// false, a plain number and an array of strings, with any white space. It
// reports false for anything else — another name, null, invalid UTF-8, an
// error of any kind — and Decode then reads data with the full decoder,
// which decides. What it reads, it reads as that decoder does (FuzzDecode).
func decodeFast(data []byte, e *Event) bool {
	d := fastDecoder{data: data}
	if !d.byte('{') {
		return false
	}
	var seen uint32
	if d.peek() == '}' {
		d.i++
		return d.end()
	}
	for {
		name, ok := d.rawString()
		if !ok || !d.byte(':') {
			return false
		}
		var field int
		switch string(name) {
		case "id":
			field, ok = 0, d.stringInto(&e.ID)
		case "source":
			field, ok = 1, d.stringInto(&e.Source)
		case "url":
			field, ok = 2, d.stringInto(&e.URL)
		case "title":
			field, ok = 3, d.stringInto(&e.Title)
		case "description":
			field, ok = 4, d.stringInto(&e.Description)
		case "starts_at":
			field, ok = 5, d.timeInto(&e.StartsAt)
		case "ends_at":
			field, ok = 6, d.timeInto(&e.EndsAt)
		case "all_day":
			field, ok = 7, d.boolInto(&e.AllDay)
		case "venue":
			field, ok = 8, d.stringInto(&e.Venue)
		case "address":
			field, ok = 9, d.stringInto(&e.Address)
		case "area":
			field, ok = 10, d.stringInto(&e.Area)
		case "organizer":
			field, ok = 11, d.stringInto(&e.Organizer)
		case "fee":
			field, ok = 12, d.stringInto(&e.Fee)
		case "status":
			field, ok = 13, readString(&d, &e.Status)
		case "fetched_at":
			field, ok = 14, d.timeInto(&e.FetchedAt)
		case "label":
			field, ok = 15, readString(&d, &e.Label)
		case "score":
			field, ok = 16, d.floatInto(&e.Score)
		case "reasons":
			field, ok = 17, d.stringsInto(&e.Reasons)
		case "rules_version":
			field, ok = 18, d.stringInto(&e.RulesVersion)
		default:
			return false
		}
		if !ok || seen&(1<<field) != 0 {
			return false
		}
		seen |= 1 << field
		switch d.next() {
		case ',':
		case '}':
			return d.end()
		default:
			return false
		}
	}
}

// fastDecoder walks data for decodeFast; every method reports false where
// the text is not of the shapes it reads.
type fastDecoder struct {
	data []byte
	i    int
}

func (d *fastDecoder) skipSpace() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (d *fastDecoder) peek() byte {
	d.skipSpace()
	if d.i == len(d.data) {
		return 0
	}
	return d.data[d.i]
}

// next consumes and returns the next byte after white space, 0 at the end.
func (d *fastDecoder) next() byte {
	c := d.peek()
	if c != 0 {
		d.i++
	}
	return c
}

func (d *fastDecoder) byte(c byte) bool { return d.next() == c }

// end reports whether nothing but white space is left.
func (d *fastDecoder) end() bool {
	d.skipSpace()
	return d.i == len(d.data)
}

// scanString steps from d.i, just past an opening quote, over plain
// characters of valid UTF-8, and returns the byte it stopped at: a quote, a
// backslash, a control character, or 0 at invalid UTF-8 or the end.
func (d *fastDecoder) scanString() byte {
	b := d.data
	i := d.i
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == '"' || c == '\\' || c < ' ' {
				d.i = i
				return c
			}
			i++
			continue
		}
		if c >= 0xE3 && c <= 0xE9 && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
			i += 3 // kana and kanji, the most of Japanese text
			continue
		}
		n := runeLen(b, i)
		if n == 0 {
			break
		}
		i += n
	}
	d.i = i
	return 0
}

// rawString returns the bytes of a string with no escape, in place.
func (d *fastDecoder) rawString() ([]byte, bool) {
	if !d.byte('"') {
		return nil, false
	}
	start := d.i
	if d.scanString() != '"' {
		return nil, false
	}
	d.i++
	return d.data[start : d.i-1], true
}

// readString reads a string into *s, of any string type.
func readString[T ~string](d *fastDecoder, s *T) bool {
	var v string
	if !d.stringInto(&v) {
		return false
	}
	*s = T(v)
	return true
}

// stringInto reads a string into *s.
func (d *fastDecoder) stringInto(s *string) bool {
	if !d.byte('"') {
		return false
	}
	start := d.i
	switch d.scanString() {
	case '"':
		*s = string(d.data[start:d.i])
		d.i++
		return true
	case '\\':
		return d.escapedInto(s, start)
	}
	return false
}

// escapedInto finishes a string that began at start and holds an escape at
// d.i.
func (d *fastDecoder) escapedInto(s *string, start int) bool {
	buf := make([]byte, 0, d.i-start+64)
	buf = append(buf, d.data[start:d.i]...)
	for {
		if d.data[d.i] != '\\' { // the run before it was scanned already
			run := d.i
			switch d.scanString() {
			case '"':
				buf = append(buf, d.data[run:d.i]...)
				d.i++
				*s = string(buf)
				return true
			case '\\':
				buf = append(buf, d.data[run:d.i]...)
			default:
				return false
			}
		}
		if d.i+1 >= len(d.data) {
			return false
		}
		esc := d.data[d.i+1]
		d.i += 2
		switch esc {
		case '"', '\\', '/':
			buf = append(buf, esc)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := d.hex4()
			if !ok {
				return false
			}
			if utf16.IsSurrogate(r) {
				// Only a high surrogate followed by a low one makes a rune.
				if r >= 0xDC00 || d.i+1 >= len(d.data) || d.data[d.i] != '\\' || d.data[d.i+1] != 'u' {
					return false
				}
				d.i += 2
				lo, ok := d.hex4()
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					return false
				}
				r = utf16.DecodeRune(r, lo)
			}
			buf = utf8.AppendRune(buf, r)
		default:
			return false
		}
		if d.i >= len(d.data) {
			return false
		}
	}
}

// hex4 reads the four hex digits of a \u escape.
func (d *fastDecoder) hex4() (rune, bool) {
	if d.i+4 > len(d.data) {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.i : d.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	d.i += 4
	return r, true
}

// timeInto reads a time written as 2006-01-02T15:04:05[.999999999](Z|±07:00).
func (d *fastDecoder) timeInto(t *time.Time) bool {
	raw, ok := d.rawString()
	if !ok || !plainRFC3339(raw) {
		return false
	}
	return t.UnmarshalText(raw) == nil
}

// plainRFC3339 reports whether b has the shape of an RFC 3339 time as Go
// writes it, with the zone's hour below 24 and its minute below 60.
func plainRFC3339(b []byte) bool {
	const layout = "dddd-dd-ddTdd:dd:dd"
	if len(b) < len(layout)+1 {
		return false
	}
	for i := range len(layout) {
		if c := b[i]; layout[i] == 'd' && (c < '0' || c > '9') || layout[i] != 'd' && c != layout[i] {
			return false
		}
	}
	rest := b[len(layout):]
	if rest[0] == '.' {
		n := 1
		for n < len(rest) && n <= 9 && '0' <= rest[n] && rest[n] <= '9' {
			n++
		}
		if n == 1 {
			return false
		}
		rest = rest[n:]
	}
	if len(rest) == 1 {
		return rest[0] == 'Z'
	}
	if len(rest) != 6 || rest[0] != '+' && rest[0] != '-' || rest[3] != ':' {
		return false
	}
	for _, i := range []int{1, 2, 4, 5} {
		if rest[i] < '0' || rest[i] > '9' {
			return false
		}
	}
	return (rest[1]-'0')*10+rest[2]-'0' < 24 && rest[4] < '6'
}

func (d *fastDecoder) boolInto(v *bool) bool {
	d.skipSpace()
	switch rest := d.data[d.i:]; {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		*v, d.i = true, d.i+4
	case len(rest) >= 5 && string(rest[:5]) == "false":
		*v, d.i = false, d.i+5
	default:
		return false
	}
	return true
}

// floatInto reads a number of JSON's grammar
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? that fits a float64.
func (d *fastDecoder) floatInto(f *float64) bool {
	d.skipSpace()
	start, b := d.i, d.data
	i := d.i
	digits := func() int {
		n := 0
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	v, err := strconv.ParseFloat(string(b[start:i]), 64)
	if err != nil {
		return false
	}
	*f, d.i = v, i
	return true
}

// stringsInto reads an array of strings.
func (d *fastDecoder) stringsInto(v *[]string) bool {
	if !d.byte('[') {
		return false
	}
	out := []string{}
	if d.peek() == ']' {
		d.i++
		*v = out
		return true
	}
	for {
		var s string
		if !d.stringInto(&s) {
			return false
		}
		out = append(out, s)
		switch d.next() {
		case ',':
		case ']':
			*v = out
			return true
		default:
			return false
		}
	}
}
