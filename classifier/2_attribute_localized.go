package classifier

import "bytes"

// localizedPhrases are the translations of execution-log phrases that the
// localized AWS knowledge-center articles print in their examples (pt-BR,
// zh-TW, ja, fr, de, ko). CloudWatch itself logs in English, so only lines without a
// request id, as pasted from such pages, are translated back; the English
// phrase is then read as if the line had been logged.
var localizedPhrases = []struct{ from, to []byte }{
	{[]byte("Falha na execução devido a um erro de configuração"), []byte("Execution failed due to configuration error")},
	{[]byte("Permissões inválidas na função do Lambda"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Erro do autorizador"), []byte("Authorizer error")},
	{[]byte("Método concluído com o status:"), []byte("Method completed with status:")},
	{[]byte("Enviando solicitação para"), []byte("Sending request to")},
	{[]byte("執行因組態錯誤失敗"), []byte("Execution failed due to configuration error")},
	{[]byte("Lambda 函數的許可無效"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 函數的權限無效"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 函式的權限無效"), []byte("Invalid permissions on Lambda function")},
	{[]byte("授權者錯誤"), []byte("Authorizer error")},
	{[]byte("方法已完成,狀態碼為:"), []byte("Method completed with status:")},
	{[]byte("方法已完成，狀態碼為:"), []byte("Method completed with status:")},
	{[]byte("正在傳送請求到"), []byte("Sending request to")},
	{[]byte("設定エラーのため実行に失敗しました"), []byte("Execution failed due to configuration error")},
	{[]byte("設定エラーにより実行に失敗しました"), []byte("Execution failed due to configuration error")},
	{[]byte("Falha na execução devido à configuração"), []byte("Execution failed due to configuration error")},
	// the other messages the same articles translate, as each edition
	// words them (the Japanese pages were translated more than once)
	{[]byte("Lambda 関数に対する権限が無効です"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 関数へのアクセス許可が無効です"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 関数に対する無効なアクセス許可"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 関数に対する無効な許可"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 関数の無効なアクセス許可"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 関数の無効な許可"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 函数的权限无效"), []byte("Invalid permissions on Lambda function")},
	{[]byte("オーソライザーエラー"), []byte("Authorizer error")},
	{[]byte("メソッド完了のステータス:"), []byte("Method completed with status:")},
	{[]byte("不正な Lambda プロキシ応答"), []byte("Malformed Lambda proxy response")},
	{[]byte("不正な Lambda プロキシレスポンス"), []byte("Malformed Lambda proxy response")},
	{[]byte("タイムアウトエラーが原因で、実行が失敗しました"), []byte("Execution failed due to a timeout error")},
	{[]byte("タイムアウトエラーのため実行に失敗しました"), []byte("Execution failed due to a timeout error")},
	{[]byte("因超时而导致执行失败"), []byte("Execution failed due to a timeout error")},
	{[]byte("tempo limite da solicitação do endpoint"), []byte("Endpoint request timed out")},
	{[]byte("tempo limite da solicitação de endpoint"), []byte("Endpoint request timed out")},
	{[]byte("与端点通信的网络"), []byte("Network error communicating with endpoint")},
	// the French, German and Korean editions of the article on "Invalid
	// permissions on Lambda function" and the French one on 502s from
	// proxy integrations (French with either apostrophe)
	{[]byte("Échec de l'exécution en raison d'une erreur de configuration"), []byte("Execution failed due to configuration error")},
	{[]byte("Échec de l’exécution en raison d’une erreur de configuration"), []byte("Execution failed due to configuration error")},
	{[]byte("L'exécution a échoué en raison d'une erreur de configuration"), []byte("Execution failed due to configuration error")},
	{[]byte("L’exécution a échoué en raison d’une erreur de configuration"), []byte("Execution failed due to configuration error")},
	{[]byte("autorisations non valides sur la fonction Lambda"), []byte("Invalid permissions on Lambda function")},
	{[]byte("permissions non valides sur la fonction Lambda"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Méthode complétée avec l'état :"), []byte("Method completed with status:")},
	{[]byte("Méthode complétée avec l’état :"), []byte("Method completed with status:")},
	{[]byte("Réponse de proxy Lambda malformée"), []byte("Malformed Lambda proxy response")},
	{[]byte("Réponse de proxy Lambda mal formée"), []byte("Malformed Lambda proxy response")},
	{[]byte("Die Ausführung ist aufgrund eines Konfigurationsfehlers fehlgeschlagen"), []byte("Execution failed due to configuration error")},
	{[]byte("Ungültige Berechtigungen für die Lambda-Funktion"), []byte("Invalid permissions on Lambda function")},
	{[]byte("구성 오류로 인해 실행 실패"), []byte("Execution failed due to configuration error")},
	{[]byte("Lambda 함수에 대한 권한이 잘못되었습니다"), []byte("Invalid permissions on Lambda function")},
	{[]byte("Lambda 함수에 대한 잘못된 권한"), []byte("Invalid permissions on Lambda function")},
	// the Japanese edition of the article on REST API 500s (Internal
	// server error), which words the configuration error and its two
	// messages once more
	{[]byte("構成エラーにより実行が失敗しました"), []byte("Execution failed due to configuration error")},
	{[]byte("Lambda 関数の許可が無効です"), []byte("Invalid permissions on Lambda function")},
	// the Japanese editions of the article on 500s of Lambda integrations
	// defined with a stage variable ("Lambda 関数のアクセス許可が無効です") and of
	// the newest article on REST API 500s ("... が無効というエラー")
	{[]byte("Lambda 関数のアクセス許可が無効"), []byte("Invalid permissions on Lambda function")},
	{[]byte("出力マッピングが無効なメソッド応答を参照しています"), []byte("Output mapping refers to an invalid method response")},
	// the HTTP API access log's integrationError and authorizerError for a
	// missing invoke permission ("The IAM role configured on the
	// integration or API Gateway doesn't have permissions to call the
	// integration"), as the pt-BR, Spanish and French editions of the
	// article on HTTP API permission errors translate them (the Japanese
	// and Korean editions keep the English or are read by the words rules)
	{[]byte("não tem permissões para chamar a integração"), []byte("doesn't have permissions to call the integration")},
	{[]byte("não tem permissão para chamar a integração"), []byte("doesn't have permissions to call the integration")},
	{[]byte("não tem permissões para chamar o autorizador"), []byte("doesn't have permissions to call the authorizer")},
	{[]byte("não tem permissão para chamar o autorizador"), []byte("doesn't have permissions to call the authorizer")},
	{[]byte("no tiene permisos para llamar a la integración"), []byte("doesn't have permissions to call the integration")},
	{[]byte("no tiene permisos para llamar al autorizador"), []byte("doesn't have permissions to call the authorizer")},
	{[]byte("n'est pas autorisé à appeler l'intégration"), []byte("doesn't have permissions to call the integration")},
	{[]byte("ne dispose pas des autorisations nécessaires pour appeler l'intégration"), []byte("doesn't have permissions to call the integration")},
	{[]byte("n'est pas autorisé à appeler l'autorisateur"), []byte("doesn't have permissions to call the authorizer")},
	{[]byte("ne dispose pas des autorisations nécessaires pour appeler l'autorisateur"), []byte("doesn't have permissions to call the authorizer")},
}

// delocalize returns msg with known translated phrases replaced by the
// English originals, or msg itself when it is ASCII or has none of them.
func delocalize(msg []byte) []byte {
	ascii := true
	for _, c := range msg {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return msg
	}
	out := msg
	for _, p := range localizedPhrases {
		if bytes.Contains(out, p.from) {
			out = bytes.ReplaceAll(out, p.from, p.to)
		}
	}
	return out
}
