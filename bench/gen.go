package main

import (
	"fmt"
	"strings"
	"time"

	"kouryu/internal/event"
)

// The listings below are made up for this benchmark: the kinds of gathering,
// places and wording of Osaka event pages, combined by index so that every
// event differs and a description runs to about 500 characters.
var (
	genKinds = []string{
		"異業種交流会", "経営者モーニングセミナー", "セミナー＆懇親会", "士業交流会", "商店街にぎわい交流会",
		"製造業マッチング商談会", "経営勉強会", "飲食店オーナー情報交換会", "ものづくり企業交流会", "女性起業家ランチ会",
		"創業塾 第3講", "ビジネス名刺交換会", "地域活性化フォーラムと交流会", "IT企業経営者の集い", "会計入門講座",
	}
	genAreas = []string{
		"大阪市北区", "大阪市中央区", "大阪市西区", "大阪市淀川区", "大阪市天王寺区", "堺市", "東大阪市",
		"豊中市", "吹田市", "枚方市", "高槻市", "八尾市",
	}
	genVenues = []string{
		"梅田第2ビル 12階 会議室", "本町ビジネスセンター 大ホール", "難波市民学習センター 講座室", "天満橋会館 3階",
		"堺市産業振興センター セミナー室", "布施駅前 商工会館 2階", "千里中央 交流プラザ", "新大阪 貸会議室B",
	}
	genOrganizers = []string{
		"なにわ経営者ネットワーク", "北摂ビジネス推進協議会", "大阪ものづくり交流会実行委員会", "堺商店街連合会",
		"中小企業経営研究会", "関西士業ネットワーク", "船場あきない塾", "河内ビジネスクラブ",
	}
	genSentences = []string{
		"業種や規模を問わず、大阪で事業を営む方どうしが顔を合わせ、互いの仕事を知る場として毎月開いています。",
		"前半は講師による三十分ほどの話題提供、後半は自己紹介と名刺交換、最後に軽食を囲んだ懇親の時間です。",
		"初めての方も多く参加されますので、スタッフがテーブルを回り、話しやすい雰囲気づくりを心がけています。",
		"今回のテーマは人手不足の時代の採用と定着で、現場ですぐに使える工夫を具体的な事例とともに紹介します。",
		"会場は駅から徒歩五分、エレベーターがございます。お車でお越しの方は近くの有料駐車場をご利用ください。",
		"参加費には資料代と飲み物代が含まれます。領収書が必要な方は受付でお申し出ください。",
		"お申し込みはフォームから、開催日の三日前までにお願いいたします。定員に達し次第締め切ります。",
		"当日は名刺を三十枚ほどお持ちください。事業の紹介は一人一分程度でお願いしています。",
		"商店街の空き店舗の活用や、地域の祭りとの連携など、まちの活性化に取り組む方の参加も歓迎します。",
		"経理や労務の基本を学びたい経営者の方に向けて、税理士と社会保険労務士が質問にお答えします。",
	}
)

// genEvent returns the i-th made-up event of source, starting some days after
// now, with a description of about 500 characters.
func genEvent(i int, source string, now time.Time) event.Event {
	start := genStart(i, now)
	u := fmt.Sprintf("https://bench.example.jp/event/%d.html", i)
	e := event.Event{
		ID:          event.ID(source, u, start, ""),
		Source:      source,
		URL:         u,
		Title:       genTitle(i),
		Description: genDescription(i),
		StartsAt:    start,
		EndsAt:      start.Add(2 * time.Hour),
		Venue:       genVenues[i%len(genVenues)],
		Area:        genAreas[i%len(genAreas)],
		Organizer:   genOrganizers[(i/3)%len(genOrganizers)],
		Fee:         fmt.Sprintf("%d円", 1000+(i%5)*500),
		Status:      event.StatusScheduled,
		FetchedAt:   now,
	}
	e.Normalize()
	return e
}

func genTitle(i int) string {
	return fmt.Sprintf("【%s】第%d回 %s", genAreas[i%len(genAreas)], 1+i%97, genKinds[i%len(genKinds)])
}

func genDescription(i int) string {
	var b strings.Builder
	for k := 0; b.Len() < 1400; k++ { // about 470 characters of three bytes
		b.WriteString(genSentences[(i+k*7)%len(genSentences)])
	}
	return b.String()
}

// genStart is the i-th event's start: 1 to 300 days after now, at 18:30 or
// 10:00 Tokyo time.
func genStart(i int, now time.Time) time.Time {
	d := now.In(event.Tokyo).AddDate(0, 0, 1+i%300)
	hour, minute := 18, 30
	if i%3 == 0 {
		hour, minute = 10, 0
	}
	return time.Date(d.Year(), d.Month(), d.Day(), hour, minute, 0, 0, event.Tokyo)
}
