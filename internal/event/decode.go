package event

import (
	"fmt"

	json "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// The JSON form of an Event is written and read by
// github.com/go-json-experiment/json, the package that becomes
// encoding/json/v2, with the names of the struct tags of Event.

// encodeOptions: a string of invalid UTF-8 (a page decoded with the wrong
// charset) is written with U+FFFD in place of the bad bytes, as encoding/json
// writes it, rather than failing the event.
var encodeOptions = jsontext.AllowInvalidUTF8(true)

// decodeOptions: names match regardless of case, as with encoding/json, so a
// record written by hand or by an older tool with "Title" still reads.
var decodeOptions = json.MatchCaseInsensitiveNames(true)

// Encode returns e's JSON form: names in the order of the struct, empty
// optional fields left out, invalid UTF-8 written as U+FFFD. It fails on a
// time outside years 0-9999 or with a zone offset of 24 hours or more, and on
// a score that is NaN or infinite: Decode could not read such a record back.
func Encode(e *Event) ([]byte, error) {
	b, err := json.Marshal(e, encodeOptions)
	if err != nil {
		return nil, fmt.Errorf("encode event: %w", err)
	}
	return b, nil
}

// Decode reads one record from its JSON form on the wire, normalises it and
// checks it. An error means the record can never be processed: it is not
// one JSON object of the record's fields (a duplicated name, invalid UTF-8
// and trailing data are errors too), or it is not a valid event.
func Decode(data []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(data, &e, decodeOptions); err != nil {
		return Event{}, fmt.Errorf("decode event: %w", err)
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return e, err
	}
	return e, nil
}
