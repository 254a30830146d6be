package classifier

import "testing"

func TestDelocalize(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"ascii unchanged", "Method completed with status: 500", "Method completed with status: 500"},
		{"pt-BR", "Método concluído com o status: 502", "Method completed with status: 502"},
		{"zh-TW full-width comma", "方法已完成，狀態碼為: 500", "Method completed with status: 500"},
		{"zh-TW two phrases", "執行因組態錯誤失敗: Lambda 函數的許可無效",
			"Execution failed due to configuration error: Invalid permissions on Lambda function"},
		{"fr", "Méthode complétée avec l'état : 502", "Method completed with status: 502"},
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
		{"no\u00a0break", "no break"},
		{"&quot;errorMessage&quot;: &#39;x&#39; &lt;b&gt; &amp;", `"errormessage": 'x' <b> &`},
		{"& alone &unknown;", "& alone &unknown;"},
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

// The gateway's messages as the translated knowledge-center articles print
// them lead to the diagnosis their English originals do.
func TestLocalizedGatewayMessages(t *testing.T) {
	checkWordings(t, []wording{
		{"ja invalid permissions", "設定エラーにより実行に失敗しました。 Lambda 関数へのアクセス許可が無効です\nメソッドはステータス: 500 で完了しました", "lambda_invoke_permission", "500"},
		{"ja older edition", "設定エラーのため実行に失敗しました: Lambda 関数に対する権限が無効です\nメソッド完了のステータス: 500", "lambda_invoke_permission", "500"},
		{"ja malformed", "API Gateway REST API からの HTTP 502「不正な Lambda プロキシ応答」エラーの解決方法を教えて下さい。", "lambda_malformed_proxy_response", "502"},
		{"ja timeout", "統合でタイムアウトがある場合は、タイムアウトエラーが原因で、実行が失敗しましたと表示されます。", "integration_timeout", "504"},
		{"zh-Hans timeout", "如果集成出现超时，则会在“转换后的端点请求正文:”行后出现“因超时而导致执行失败”错误。", "integration_timeout", "504"},
		{"zh-TW quoting without the last word", "如果整合發生逾時，則會在轉換後的端點請求主體行之後出現「Execution failed due to a timeout」錯誤。", "integration_timeout", "504"},
		{"pt-BR endpoint timed out", "504 tempo limite da solicitação do endpoint", "integration_timeout", "504"},
		{"zh-Hans network error", "我想解决 Amazon API Gateway 中的 “与端点通信的网络” 错误。", "backend_connection_error", "unknown"},
		{"fr invalid permissions", "Échec de l'exécution en raison d'une erreur de configuration : autorisations non valides sur la fonction Lambda\nMéthode complétée avec l'état : 500", "lambda_invoke_permission", "500"},
		{"fr earlier edition, typographic apostrophes", "Échec de l’exécution en raison d’une erreur de configuration : permissions non valides sur la fonction Lambda", "lambda_invoke_permission", "500"},
		{"fr malformed", "Comment résoudre les erreurs HTTP 502 « Réponse de proxy Lambda malformée » ?", "lambda_malformed_proxy_response", "502"},
		{"de invalid permissions", "Die Ausführung ist aufgrund eines Konfigurationsfehlers fehlgeschlagen: Ungültige Berechtigungen für die Lambda-Funktion", "lambda_invoke_permission", "500"},
		{"ko invalid permissions", "구성 오류로 인해 실행 실패: Lambda 함수에 대한 권한이 잘못되었습니다.", "lambda_invoke_permission", "500"},
		{"ko title", "API Gateway REST API에서 “Lambda 함수에 대한 잘못된 권한” 오류 문제를 해결하려면 어떻게 해야 합니까?", "lambda_invoke_permission", "unknown"},
		// the knowledge-center article on REST API 500s, Japanese edition
		{"ja internal server error article", "API Gateway に Lambda 関数を呼び出す許可がない場合、「Lambda 関数の許可が無効です」というエラーが発生します。", "lambda_invoke_permission", "unknown"},
		{"ja configuration error, invalid permissions", "構成エラーにより実行が失敗しました: Lambda 関数の許可が無効です\nメソッド完了のステータス: 500", "lambda_invoke_permission", "500"},
		{"ja output mapping", "「構成エラーにより実行が失敗しました。出力マッピングが無効なメソッド応答を参照しています: 2xx/4xx/5xx」", "status_mapping_missing", "500"},
		// the article on HTTP API permission errors: its pt-BR, Spanish and
		// French editions of the access log's integrationError and
		// authorizerError
		{"pt-BR integrationError", "“integrationError”: “O perfil do IAM configurado na integração ou no API Gateway não tem permissões para chamar a integração. Verifique as permissões e tente novamente.”\nHTTP/2 500", "lambda_invoke_permission", "500"},
		{"pt-BR authorizerError", "“authorizerError”: “O perfil do IAM configurado no autorizador ou no API Gateway não tem permissões para chamar o autorizador. Verifique as permissões e tente novamente.”\nHTTP/2 500", "authorizer_error", "500"},
		{"es integrationError", "«integrationError»: «El rol de IAM configurado en la integración o API Gateway no tiene permisos para llamar a la integración. Compruebe los permisos e inténtelo de nuevo».\nHTTP/2 500", "lambda_invoke_permission", "500"},
		{"es authorizerError", "«authorizerError»: «El rol de IAM configurado en el autorizador o API Gateway no tiene permisos para llamar al autorizador».\nHTTP/2 500", "authorizer_error", "500"},
		{"fr integrationError", "« integrationError » : « Le rôle IAM configuré sur l'intégration ou sur API Gateway n'est pas autorisé à appeler l'intégration. Vérifiez les autorisations et réessayez. »\nHTTP/2 500", "lambda_invoke_permission", "500"},
		{"fr title", "je vois le message d'erreur « ne dispose pas des autorisations nécessaires pour appeler l'autorisateur ».\nHTTP/2 500", "authorizer_error", "500"},
		// (a person's "no permission to call the integration's backend" in
		// other words is not the gateway's message)
		{"pt-BR other words", "A API retorna 500 e não sei por que a integração falha.", "unknown", "500"},
	})
}
