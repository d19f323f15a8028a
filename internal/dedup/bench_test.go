package dedup

import "testing"

// The writer computes MatchKey for every event it writes, and Prepare and
// Compare for every listing of the blocks it touches.
func BenchmarkMatchKey(b *testing.B) {
	listings, _ := loadLabelled(b)
	e := listings["A1"]
	for b.Loop() {
		MatchKey(&e)
	}
}

func BenchmarkPrepare(b *testing.B) {
	listings, _ := loadLabelled(b)
	e := listings["A1"]
	for b.Loop() {
		Prepare(&e)
	}
}

func BenchmarkCompare(b *testing.B) {
	listings, _ := loadLabelled(b)
	x, y := listings["A1"], listings["A2"]
	p, q := Prepare(&x), Prepare(&y)
	for b.Loop() {
		Compare(p, q)
	}
}

func BenchmarkDecide(b *testing.B) {
	listings, _ := loadLabelled(b)
	x, y := listings["A1"], listings["A2"]
	p, q := Prepare(&x), Prepare(&y)
	for b.Loop() {
		decide(p, q)
	}
}
