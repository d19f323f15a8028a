// Package event defines the record that flows through kouryu: the Event, its
// Label and Status, its stable ID, and the NATS subject names the stages meet on.
//
// It is the one package every stage shares, so it does no I/O and imports
// nothing beyond the standard library but github.com/go-json-experiment/json.
// An Event travels as one JSON object per message, written by Encode and
// read by Decode (decode.go); the names in the struct tags of Event are that
// wire format, and the table's columns and the JSON API use the same names.
package event

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Tokyo is Japan Standard Time. Japan keeps no daylight saving time, so a fixed
// zone is exact and needs no tzdata on the host.
var Tokyo = time.FixedZone("Asia/Tokyo", 9*60*60)

// Status says whether an event still takes place. The zero value means
// StatusScheduled once the event is normalised.
type Status string

// The statuses an event can have.
const (
	StatusScheduled Status = "scheduled"
	StatusCancelled Status = "cancelled"
	StatusPostponed Status = "postponed"
	StatusFull      Status = "full"
)

// Valid reports whether s is one of the statuses above.
func (s Status) Valid() bool {
	switch s {
	case StatusScheduled, StatusCancelled, StatusPostponed, StatusFull:
		return true
	}
	return false
}

// Format says how an event is held. The zero value means the listing does
// not say.
type Format string

// The formats of an event.
const (
	InPerson Format = "in_person"
	Online   Format = "online"
	Hybrid   Format = "hybrid"
)

// Valid reports whether f is one of the formats.
func (f Format) Valid() bool { return f == InPerson || f == Online || f == Hybrid }

// Event is one business event as the crawler found it and, once classified,
// with its label. Times are in Tokyo; EndsAt is zero when unknown.
//
// FeeYenMin to ApplyURL are what a person needs to decide whether to go,
// each as the listing states it and unset where it does not: nil, 0, the
// zero time or "". A fee of 0 yen is free; members' and non-members' prices
// give the lowest and the highest. MembersOnly false says the listing lets
// others come, nil that it does not say.
type Event struct {
	ID          string    `json:"id"`
	Source      string    `json:"source"`
	URL         string    `json:"url"`
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	StartsAt    time.Time `json:"starts_at"`
	EndsAt      time.Time `json:"ends_at,omitzero"`
	AllDay      bool      `json:"all_day"`
	Venue       string    `json:"venue,omitempty"`
	Address     string    `json:"address,omitempty"`
	Area        string    `json:"area,omitempty"`
	Organizer   string    `json:"organizer,omitempty"`
	Fee         string    `json:"fee,omitempty"`
	FeeYenMin   *int      `json:"fee_yen_min,omitzero"`
	FeeYenMax   *int      `json:"fee_yen_max,omitzero"`
	Capacity    int       `json:"capacity,omitzero"` // people (定員)
	ApplyBy     time.Time `json:"apply_by,omitzero"` // the application deadline (申込締切)
	MembersOnly *bool     `json:"members_only,omitzero"`
	Format      Format    `json:"format,omitempty"`
	ApplyURL    string    `json:"apply_url,omitempty"` // where to register, absolute
	Status      Status    `json:"status"`
	FetchedAt   time.Time `json:"fetched_at,omitzero"`

	// Set by the classifier.
	Label        Label    `json:"label,omitempty"`
	Score        float64  `json:"score,omitzero"`
	Reasons      []string `json:"reasons,omitempty"`
	RulesVersion string   `json:"rules_version,omitempty"`

	// Set by the publisher: the id of the event this listing is one copy
	// of, its own id when no other source lists the event. Not part of the
	// content: the crawler and the classifier leave it empty.
	CanonicalID string `json:"canonical_id,omitempty"`
}

var sourceIDPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// ValidSourceID reports whether id has the form a source id must have: [a-z0-9-]+.
func ValidSourceID(id string) bool { return sourceIDPattern.MatchString(id) }

// ErrInvalid is wrapped by every error Validate returns, so a consumer can tell a
// record that will never succeed (terminate it) from a passing fault.
var ErrInvalid = errors.New("event: invalid record")

// Validate reports every fault of e at once. A record needs an id, a source, an
// absolute URL, a title and a start; a label or status, when set, must be known.
func (e *Event) Validate() error {
	var faults []string
	if e.ID == "" {
		faults = append(faults, "id is empty")
	}
	if !ValidSourceID(e.Source) {
		faults = append(faults, fmt.Sprintf("source %q is not [a-z0-9-]+", e.Source))
	}
	if !absoluteURL(e.URL) {
		faults = append(faults, fmt.Sprintf("url %q is not an absolute http(s) URL", e.URL))
	}
	if strings.TrimSpace(e.Title) == "" {
		faults = append(faults, "title is empty")
	}
	if e.StartsAt.IsZero() {
		faults = append(faults, "starts_at is missing")
	}
	if !e.EndsAt.IsZero() && e.EndsAt.Before(e.StartsAt) {
		faults = append(faults, "ends_at is before starts_at")
	}
	if e.Status != "" && !e.Status.Valid() {
		faults = append(faults, fmt.Sprintf("status %q is unknown", e.Status))
	}
	if e.Label != "" && !e.Label.Valid() {
		faults = append(faults, fmt.Sprintf("label %q is unknown", e.Label))
	}
	faults = e.validateFacts(faults)
	if len(faults) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(faults, "; "))
	}
	return nil
}

// validateFacts appends the faults of the facts to faults: a fee below 0 or
// a lowest above the highest, a negative capacity, an unknown format, a
// registration URL that is not absolute.
func (e *Event) validateFacts(faults []string) []string {
	if (e.FeeYenMin == nil) != (e.FeeYenMax == nil) {
		faults = append(faults, "fee_yen_min and fee_yen_max are not both set")
	} else if e.FeeYenMin != nil && (*e.FeeYenMin < 0 || *e.FeeYenMin > *e.FeeYenMax) {
		faults = append(faults, fmt.Sprintf("fee_yen_min %d and fee_yen_max %d are not 0 <= min <= max", *e.FeeYenMin, *e.FeeYenMax))
	}
	if e.Capacity < 0 {
		faults = append(faults, fmt.Sprintf("capacity %d is negative", e.Capacity))
	}
	if e.Format != "" && !e.Format.Valid() {
		faults = append(faults, fmt.Sprintf("format %q is unknown (want in_person, online or hybrid)", e.Format))
	}
	if e.ApplyURL != "" && !absoluteURL(e.ApplyURL) {
		faults = append(faults, fmt.Sprintf("apply_url %q is not an absolute http(s) URL", e.ApplyURL))
	}
	return faults
}

func absoluteURL(s string) bool {
	return (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && len(s) > len("https://")
}

// Normalize puts e in the form it travels in: times in Tokyo to the second,
// text trimmed, an empty status made scheduled, and an empty ID derived by ID.
// The title is used for the id only when ownPage is false.
func (e *Event) Normalize() {
	e.StartsAt = inTokyo(e.StartsAt)
	e.EndsAt = inTokyo(e.EndsAt)
	e.FetchedAt = inTokyo(e.FetchedAt)
	e.Title = strings.TrimSpace(e.Title)
	e.Description = strings.TrimSpace(e.Description)
	e.Venue = strings.TrimSpace(e.Venue)
	e.Address = strings.TrimSpace(e.Address)
	e.Organizer = strings.TrimSpace(e.Organizer)
	e.Fee = strings.TrimSpace(e.Fee)
	e.ApplyBy = inTokyo(e.ApplyBy)
	e.ApplyURL = strings.TrimSpace(e.ApplyURL)
	// One fee stated is both the lowest and the highest.
	if e.FeeYenMin == nil && e.FeeYenMax != nil {
		e.FeeYenMin = e.FeeYenMax
	} else if e.FeeYenMax == nil && e.FeeYenMin != nil {
		e.FeeYenMax = e.FeeYenMin
	}
	if e.Status == "" {
		e.Status = StatusScheduled
	}
}

func inTokyo(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(Tokyo).Truncate(time.Second)
}

// ContentHash is a hex SHA-256 over what a reader of the event sees: every field
// but the id, fetched_at and the classifier's score, reasons and rules_version.
// The facts (fee_yen_min … apply_url) are hashed only when one is set, so
// the hash of an event that states none is what it was before they existed.
// The crawler sends an event again only when it changes; the table moves
// updated_at only when it changes.
func (e *Event) ContentHash() string {
	// Each field followed by a NUL, hashed at once: the buffer stays on the
	// stack for a usual record, where a hash.Hash written field by field
	// copied each field to the heap.
	var stack [4096]byte
	b := stack[:0]
	for _, s := range [...]string{e.Source, e.URL, e.Title, e.Description} {
		b = append(append(b, s...), 0)
	}
	b = append(appendTimeKey(b, e.StartsAt), 0)
	b = append(appendTimeKey(b, e.EndsAt), 0)
	b = append(strconv.AppendBool(b, e.AllDay), 0)
	for _, s := range [...]string{e.Venue, e.Address, e.Area, e.Organizer, e.Fee, string(e.Status), string(e.Label)} {
		b = append(append(b, s...), 0)
	}
	if e.HasFacts() {
		b = append(b, "facts"...)
		for _, p := range [...]*int{e.FeeYenMin, e.FeeYenMax} {
			if p != nil {
				b = strconv.AppendInt(b, int64(*p), 10)
			}
			b = append(b, 0)
		}
		b = append(strconv.AppendInt(b, int64(e.Capacity), 10), 0)
		b = append(appendTimeKey(b, e.ApplyBy), 0)
		if e.MembersOnly != nil {
			b = strconv.AppendBool(b, *e.MembersOnly)
		}
		b = append(b, 0)
		b = append(append(b, e.Format...), 0)
		b = append(append(b, e.ApplyURL...), 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// HasFacts reports whether e states any of fee_yen_min … apply_url.
func (e *Event) HasFacts() bool {
	return e.FeeYenMin != nil || e.FeeYenMax != nil || e.Capacity != 0 || !e.ApplyBy.IsZero() ||
		e.MembersOnly != nil || e.Format != "" || e.ApplyURL != ""
}

// MsgID is the Nats-Msg-Id for publishing e: the same record published twice
// within the stream's duplicate window is stored once, while a changed record
// (content or rules version) is a new message.
func (e *Event) MsgID() string {
	sum := sha256.Sum256([]byte(e.ID + "\x00" + e.ContentHash() + "\x00" + e.RulesVersion))
	return e.ID + "." + hex.EncodeToString(sum[:8])
}

// appendTimeKey appends t in UTC to the second (RFC 3339), nothing for the
// zero time.
func appendTimeKey(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return b
	}
	return t.UTC().AppendFormat(b, time.RFC3339)
}
