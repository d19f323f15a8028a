package classifier

import (
	"fmt"
	"testing"
)

func TestZZFoldMisses(t *testing.T) {
	r := sharedRules()
	recs := append(openLabelled(t, "events-dev.jsonl"), SelectPart(openLabelled(t, "events-dev2.jsonl"), PartTune)...)
	var inFold [2]map[int32]int
	held := make([]map[int32]bool, len(recs))
	for i := range recs {
		held[i] = r.counted(&recs[i])
		f := recs[i].Fold()
		if inFold[f] == nil {
			inFold[f] = map[int32]int{}
		}
		for p := range held[i] {
			inFold[f][p]++
		}
	}
	conf := map[string]int{}
	for f := range 2 {
		drop := map[int32]bool{}
		for p := range inFold[f] {
			if inFold[1-f][p] == 0 {
				drop[p] = true
			}
		}
		ab := r.without(drop)
		for i := range recs {
			if recs[i].Fold() != f {
				continue
			}
			got := ab.Classify(recs[i].Event())
			if got.Label != recs[i].Label {
				conf[string(recs[i].Label)+"->"+string(got.Label)]++
				c := ""
				if recs[i].Clear != nil && *recs[i].Clear {
					c = " CLEAR"
				}
				fmt.Printf("[%s] %s: want %s got %s%s\n", recs[i].ID, recs[i].Title, recs[i].Label, got.Label, c)
				for _, rs := range got.Reasons {
					fmt.Printf("     %s\n", rs)
				}
			}
		}
	}
	fmt.Println(conf)
}
