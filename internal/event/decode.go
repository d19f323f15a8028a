package event

import (
	"fmt"

	json "github.com/go-json-experiment/json"
)

// Decode reads one record from its JSON form on the wire, normalises it and
// checks it. An error means the record can never be processed: it is not
// one JSON object of the record's fields (a duplicated name, invalid UTF-8
// and trailing data are errors too), or it is not a valid event.
//
// A record in the shape Encode writes is read by decodeFast. Anything else
// is read by github.com/go-json-experiment/json, the package that becomes
// encoding/json/v2, with names matched regardless of case as encoding/json
// does; it decides what is an error, and decodeFast reads nothing
// differently (FuzzDecode holds the two together).
func Decode(data []byte) (Event, error) {
	var e Event
	if !decodeFast(data, &e) {
		var err error
		if e, err = decodeFull(data); err != nil {
			return Event{}, err
		}
	}
	e.Normalize()
	if err := e.Validate(); err != nil {
		return e, err
	}
	return e, nil
}

// decodeFull reads data with the full JSON decoder.
func decodeFull(data []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(data, &e, json.MatchCaseInsensitiveNames(true)); err != nil {
		return Event{}, fmt.Errorf("decode event: %w", err)
	}
	return e, nil
}
