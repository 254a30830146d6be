package notifier

import "github.com/apigw-triage/apigw-triage/classifier"

// LabelKey names one fixed piece of message text. The remediation steps
// themselves come from the classifier's catalog; these are only the labels
// around them, in each language of the catalog.
type LabelKey int

// The labels a notification uses.
const (
	LabelOpened LabelKey = iota
	LabelUpdated
	LabelReminder
	LabelResolved
	LabelOpen
	LabelErrorRate
	LabelErrors5xx
	LabelRequests
	LabelLatency // a format: the statistic ("p99") goes in
	LabelWindow
	LabelWhere
	LabelDiagnosis
	LabelConfidence
	LabelBreakdown
	LabelEvidence
	LabelRemediation
	LabelBackoff
	LabelMetrics
	LabelLogs
	LabelCauseChanged
	LabelNearTimeout
	LabelOpenFor
	LabelNoRetry
	LabelRetry
	LabelRetryAfter
	LabelDigest
	LabelFailingRoutes
	LabelRouteFigures
	LabelMasked200
	LabelPeakWindow
	numLabels
)

var labels = map[classifier.Lang][numLabels]string{
	classifier.LangEN: {
		"Incident opened", "Incident updated", "Still failing", "Resolved", "Open",
		"Error rate", "5xx responses", "Requests", "%s latency", "Window", "Region / account",
		"Diagnosis", "confidence", "Breakdown", "Evidence", "What to do", "Client retries",
		"CloudWatch metrics", "Logs Insights query", "Cause changed", "near the integration timeout",
		"Open for", "Retrying will not help: fix the cause.",
		"Retry with exponential backoff: first after %s, ×%g, at most %s apart, %d attempts, %s jitter.",
		"Honour Retry-After: %s.", "incidents opened at once",
		"Failing routes", "%.0f of %.0f (%.0f%%)",
		"Lambda errors sent as 200 (clients got 200 OK with an error body)",
		"Worst window",
	},
	classifier.LangJA: {
		"インシデント発生", "インシデント更新", "継続中", "解決", "発生中",
		"エラー率", "5xx 応答数", "リクエスト数", "%s レイテンシ", "期間", "リージョン / アカウント",
		"診断", "確信度", "内訳", "証拠", "対処方法", "クライアントの再試行",
		"CloudWatch メトリクス", "Logs Insights クエリ", "原因が変化", "統合タイムアウト付近",
		"継続時間", "再試行しても解決しません。原因を修正してください。",
		"指数バックオフで再試行: 初回 %s 後、×%g、最大間隔 %s、%d 回、ジッター %s。",
		"Retry-After に従う: %s。", "件のインシデントが同時に発生",
		"失敗しているルート", "%.0f / %.0f 件 (%.0f%%)",
		"200 で返された Lambda エラー (クライアントはエラー本文付きの 200 OK を受信)",
		"最悪の期間",
	},
	classifier.LangZhTW: {
		"事件發生", "事件更新", "仍在失敗", "已解決", "進行中",
		"錯誤率", "5xx 回應數", "請求數", "%s 延遲", "時間範圍", "區域 / 帳戶",
		"診斷", "信心度", "細分", "證據", "處理方式", "用戶端重試",
		"CloudWatch 指標", "Logs Insights 查詢", "原因已變更", "接近整合逾時",
		"持續時間", "重試無濟於事：請修正原因。",
		"以指數退避重試：首次於 %s 後，×%g，間隔最多 %s，共 %d 次，%s 抖動。",
		"遵守 Retry-After：%s。", "個事件同時發生",
		"失敗的路由", "%.0f / %.0f 個 (%.0f%%)",
		"以 200 回傳的 Lambda 錯誤 (用戶端收到帶有錯誤內容的 200 OK)",
		"最嚴重的時間範圍",
	},
	classifier.LangPtBR: {
		"Incidente aberto", "Incidente atualizado", "Ainda falhando", "Resolvido", "Aberto",
		"Taxa de erro", "Respostas 5xx", "Requisições", "Latência %s", "Janela", "Região / conta",
		"Diagnóstico", "confiança", "Detalhamento", "Evidências", "O que fazer", "Novas tentativas do cliente",
		"Métricas do CloudWatch", "Consulta do Logs Insights", "Causa mudou", "perto do timeout da integração",
		"Aberto há", "Tentar de novo não resolve: corrija a causa.",
		"Tente de novo com backoff exponencial: primeira após %s, ×%g, no máximo %s entre tentativas, %d tentativas, jitter %s.", //nolint:misspell // Portuguese
		"Respeite o Retry-After: %s.", "incidentes abertos ao mesmo tempo", //nolint:misspell // Portuguese
		"Rotas com falha", "%.0f de %.0f (%.0f%%)",
		"Erros do Lambda enviados como 200 (os clientes receberam 200 OK com um corpo de erro)", //nolint:misspell // Portuguese
		"Pior janela",
	},
}

// Label returns the label in the language, falling back to English for an
// unsupported language or key.
func Label(lang classifier.Lang, key LabelKey) string {
	if key < 0 || key >= numLabels {
		return ""
	}
	t, ok := labels[lang]
	if !ok || t[key] == "" {
		t = labels[classifier.LangEN]
	}
	return t[key]
}

// KindLabel returns the label for what happened to the incident.
func KindLabel(lang classifier.Lang, k Kind) string {
	switch k {
	case KindUpdated:
		return Label(lang, LabelUpdated)
	case KindReminder:
		return Label(lang, LabelReminder)
	case KindResolved:
		return Label(lang, LabelResolved)
	}
	return Label(lang, LabelOpened)
}
