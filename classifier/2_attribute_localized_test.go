package classifier

import "testing"

func TestDelocalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"ascii unchanged", "Method completed with status: 500", "Method completed with status: 500"},
		{"pt-BR", "Método concluído com o status: 502", "Method completed with status: 502"},
		{"zh-TW full-width comma", "方法已完成，狀態碼為: 500", "Method completed with status: 500"},
		{"zh-TW two phrases", "執行因組態錯誤失敗: Lambda 函數的許可無效",
			"Execution failed due to configuration error: Invalid permissions on Lambda function"},
		{"unknown non-ASCII kept", "Ausführung fehlgeschlagen", "Ausführung fehlgeschlagen"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := string(delocalize([]byte(c.in))); got != c.want {
				t.Errorf("delocalize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestAppendLowerFoldsTypographicQuotes(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Doesn’t", "doesn't"},
		{"‘Quoted’", "'quoted'"},
		{"“Body”", `"body"`},
		{"cut \xe2\x80", "cut \xe2\x80"},
		{"Ünicode", "Ünicode"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := string(appendLower(nil, []byte(c.in))); got != c.want {
				t.Errorf("appendLower(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestIsHTTPAPIHeader(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"apigw-requestid: RL2XYiwjPHcEMEQ=", true},
		{"< apigw-requestid: RL2XYiwjPHcEMEQ=", true},
		{"Apigw-Requestid: x", true},
		{"x-amz-apigw-id: LLCm7FonFiAFXFg=", false},
		{"apigw-requestid:", false},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			if got := isHTTPAPIHeader([]byte(c.in)); got != c.want {
				t.Errorf("isHTTPAPIHeader(%q) = %v, want %v", c.in, got, c.want)
			}
		})
	}
}
