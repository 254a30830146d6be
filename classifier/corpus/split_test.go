package corpus

import "testing"

func TestSourceJoinsVariantsOfOneThread(t *testing.T) {
	for _, tc := range []struct{ name, a, b string }{
		{"comment anchor", "https://github.com/aws/chalice/issues/734", "https://github.com/aws/chalice/issues/734#issuecomment-1"},
		{"case of owner", "https://github.com/Netflix/bless/issues/32", "https://github.com/netflix/bless/issues/32/"},
		{"stack overflow slug", "https://stackoverflow.com/questions/123/why-502", "https://stackoverflow.com/questions/123"},
		{"article language", "https://repost.aws/knowledge-center/malformed-502-api-gateway", "https://www.repost.aws/ja/knowledge-center/malformed-502-api-gateway"},
		{"premium support copy", "https://aws.amazon.com/jp/premiumsupport/knowledge-center/api-gateway-lambda-stage-variable-500/", "https://repost.aws/knowledge-center/api-gateway-lambda-stage-variable-500"},
		{"docs language", "https://docs.aws.amazon.com/apigateway/latest/developerguide/x.html", "https://docs.aws.amazon.com/ja_jp/apigateway/latest/developerguide/x.html"},
		{"renamed repository", "https://github.com/unjs/nitro/issues/504", "https://github.com/nitrojs/nitro/issues/504#issuecomment-9"},
		{"re:Post question title", "https://repost.aws/questions/QU1/title-one", "https://repost.aws/zh-Hant/questions/QU1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if Source(tc.a) != Source(tc.b) {
				t.Errorf("Source(%q)=%q, Source(%q)=%q", tc.a, Source(tc.a), tc.b, Source(tc.b))
			}
		})
	}
}

func TestSideHoldsOutAboutTheShare(t *testing.T) {
	held := 0
	const n = 4000
	for i := 0; i < n; i++ {
		if Side("https://github.com/o/r/issues/"+itoa(i)) == HeldOut {
			held++
		}
	}
	if got := 100 * held / n; got < HeldOutPercent-3 || got > HeldOutPercent+3 {
		t.Errorf("held out %d%% of sources, want about %d%%", got, HeldOutPercent)
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}
