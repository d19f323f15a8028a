package dedup

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Overrides are an operator's decisions about pairs of listings, which win
// over Compare: pairs never to be one event, and pairs always to be one. The
// zero value and nil decide nothing.
//
// The file is YAML with two lists of pairs of listing ids (as `kouryu dedup
// explain` and the API print them):
//
//	never:   # two gatherings that Compare takes for one
//	  - [3f2a9c…, 9b1c07…]
//	always:  # one gathering that Compare keeps apart
//	  - [3f2a9c…, 77aa41…]
type Overrides struct {
	never, always map[[2]string]bool
	partners      map[string][]string // always
}

type overridesFile struct {
	Never  [][]string `yaml:"never"`
	Always [][]string `yaml:"always"`
}

// LoadOverrides reads an overrides file. An empty path is no overrides.
func LoadOverrides(path string) (*Overrides, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read dedup overrides: %w", err)
	}
	o, err := ParseOverrides(data)
	if err != nil {
		return nil, fmt.Errorf("dedup overrides %s: %w", path, err)
	}
	return o, nil
}

// ParseOverrides reads the YAML of an overrides file. Every fault is named:
// an unknown key, a pair that is not two different ids, a pair in both
// lists.
func ParseOverrides(data []byte) (*Overrides, error) {
	var f overridesFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	o := &Overrides{never: map[[2]string]bool{}, always: map[[2]string]bool{}, partners: map[string][]string{}}
	var faults []string
	read := func(list string, pairs [][]string, into map[[2]string]bool) {
		for i, p := range pairs {
			if len(p) != 2 || strings.TrimSpace(p[0]) == "" || strings.TrimSpace(p[1]) == "" || p[0] == p[1] {
				faults = append(faults, fmt.Sprintf("%s[%d]: want two different listing ids, got %q", list, i, p))
				continue
			}
			into[pairKey(strings.TrimSpace(p[0]), strings.TrimSpace(p[1]))] = true
		}
	}
	read("never", f.Never, o.never)
	read("always", f.Always, o.always)
	for k := range o.always {
		if o.never[k] {
			faults = append(faults, fmt.Sprintf("%s and %s are both never and always to be one event", k[0], k[1]))
			continue
		}
		o.partners[k[0]] = append(o.partners[k[0]], k[1])
		o.partners[k[1]] = append(o.partners[k[1]], k[0])
	}
	if len(faults) > 0 {
		slices.Sort(faults)
		return nil, errors.New(strings.Join(faults, "; "))
	}
	return o, nil
}

func pairKey(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Never reports whether the operator keeps a and b apart.
func (o *Overrides) Never(a, b string) bool { return o != nil && o.never[pairKey(a, b)] }

// Always reports whether the operator makes a and b one event.
func (o *Overrides) Always(a, b string) bool { return o != nil && o.always[pairKey(a, b)] }

// Partners returns the listings the operator makes one event with id.
func (o *Overrides) Partners(id string) []string {
	if o == nil {
		return nil
	}
	return o.partners[id]
}

// IDs returns every listing id the overrides name, sorted.
func (o *Overrides) IDs() []string {
	if o == nil {
		return nil
	}
	var ids []string
	for _, m := range []map[[2]string]bool{o.never, o.always} {
		for k := range m {
			ids = append(ids, k[0], k[1])
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Decide is Compare with the overrides applied: an operator's pair wins.
func (o *Overrides) Decide(a, b *Listing) Verdict {
	if v, ok := o.decideOverride(a, b); ok {
		return v
	}
	return Compare(a, b)
}

// decide is Decide without the words, for Assign.
func (o *Overrides) decide(a, b *Listing) Verdict {
	if v, ok := o.decideOverride(a, b); ok {
		return v
	}
	return decide(a, b)
}

func (o *Overrides) decideOverride(a, b *Listing) (Verdict, bool) {
	switch {
	case o.Never(a.ID, b.ID):
		return Verdict{Hard: true, Why: []string{"the overrides file keeps them apart (never)"}}, true
	case o.Always(a.ID, b.ID):
		return Verdict{Same: true, Why: []string{"the overrides file makes them one event (always)"}}, true
	}
	return Verdict{}, false
}
