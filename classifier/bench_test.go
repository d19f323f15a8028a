package classifier

import (
	"strings"
	"testing"

	"kouryu/internal/event"
)

// benchEvent is a listing of about 500 characters of Japanese, written for
// this benchmark.
var benchEvent = &event.Event{
	Title:     "【大阪・梅田】第42回 経営者のための実践セミナー＆交流会 〜人手不足の時代に選ばれる会社になる〜",
	Organizer: "一般社団法人なにわビジネス推進協議会",
	Venue:     "大阪市北区梅田1丁目 大阪駅前第3ビル 17階 会議室A",
	Description: strings.Repeat("本セミナーでは、人材の採用と定着に悩む中小企業の経営者の皆さまに向けて、"+
		"求人票の書き方から面接の進め方、入社後の育成の仕組みづくりまで、現場ですぐに使える方法を具体的な事例とともにお伝えします。"+
		"講師は府内の製造業やサービス業で採用支援を十年以上続けてきた専門家です。第二部では参加者どうしの名刺交換と情報交換の時間を設けています。"+
		"業種を問わずどなたでもご参加いただけます。定員は三十名、参加費はお一人三千円（軽食・飲み物付き）です。"+
		"お申し込みはウェブサイトのフォームから、開催日の三日前までにお願いいたします。当日は受付で名刺を二枚ご用意ください。", 1),
}

// naiveClassify is the baseline the automaton is measured against: the same
// normalisation and the same scoring, but each phrase looked for with
// strings.Index in each normalised field, one after the other.
func (r *Rules) naiveClassify(e *event.Event) Result {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	fields := [nFields]string{fTitle: e.Title, fDescription: e.Description, fOrganizer: e.Organizer, fVenue: e.Venue}
	sc.hits = sc.hits[:0]
	for f, text := range fields {
		sc.norm[f] = sc.norm[f][:0]
		if text == "" || !r.used[f] {
			continue
		}
		sc.norm[f] = appendNormalized(sc.norm[f], text)
		norm := string(sc.norm[f])
		sc.marks = sc.marks[:0]
		for p := range r.patterns {
			for off := 0; r.patterns[p].inLists != 0; {
				i := strings.Index(norm[off:], r.patterns[p].text)
				if i < 0 {
					break
				}
				sc.marks = append(sc.marks, wordMark{int32(off + i), int32(off + i + len(r.patterns[p].text)), r.patterns[p].inLists})
				off += i + 1
			}
		}
		for p := range r.patterns {
			if len(r.patterns[p].uses) == 0 {
				continue
			}
			// Every occurrence of a phrase some not_after, after or
			// not_before group has: one in the wrong context does not
			// count, a later one may.
			for off := 0; ; {
				i := strings.Index(norm[off:], r.patterns[p].text)
				if i < 0 {
					break
				}
				h := hit{pat: int32(p), field: int8(f), start: int32(off + i), end: int32(off + i + len(r.patterns[p].text))}
				if r.patterns[p].context {
					h.skip = r.skipContext(int32(p), sc.norm[f], h.start, h.end, sc.marks)
				}
				sc.hits = append(sc.hits, h)
				if !r.patterns[p].context {
					break
				}
				off += i + 1
			}
		}
	}
	return r.decide(sc)
}

func TestNaiveBaselineAgrees(t *testing.T) {
	r := sharedRules()
	for _, e := range []*event.Event{benchEvent, ev("梅田 異業種交流会", "", ""), ev("モーニングセミナー", "", "〇〇倫理法人会"),
		ev("新年互礼会", "", "堺商工会議所"), ev("記念講演会と懇親会", "講演のあと懇親会", ""),
		ev("交流会", "事業の方も、印刷業の方も歓迎します", ""),
		ev("経営セミナー＆懇親会", "同業の方のお申込みはご遠慮ください。商談会は実施しておりません。", "")} {
		if a, b := r.Classify(e), r.naiveClassify(e); a.Label != b.Label || a.Score != b.Score {
			t.Errorf("%q: automaton %s %v, baseline %s %v", e.Title, a.Label, a.Score, b.Label, b.Score)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	r := sharedRules()
	b.SetBytes(int64(len(benchEvent.Title + benchEvent.Description + benchEvent.Organizer + benchEvent.Venue)))
	b.ReportAllocs()
	for b.Loop() {
		r.Classify(benchEvent)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkClassifyNaive(b *testing.B) {
	r := sharedRules()
	b.SetBytes(int64(len(benchEvent.Title + benchEvent.Description + benchEvent.Organizer + benchEvent.Venue)))
	b.ReportAllocs()
	for b.Loop() {
		r.naiveClassify(benchEvent)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchEvent.Description)))
	var buf []byte
	for b.Loop() {
		buf = appendNormalized(buf[:0], benchEvent.Description)
	}
}
