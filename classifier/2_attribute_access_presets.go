package classifier

import (
	"bytes"
	"regexp"
	"strings"
)

// The access-log formats API Gateway's console offers besides CLF and
// JSON (the developer guide's "Access log formats" for REST APIs, its
// HTTP API logging page, and its WebSocket API logging page):
//
//	XML: <request id="$context.requestId"> <ip>...</ip> ... <status>$context.status</status>
//	     <protocol>$context.protocol</protocol> <responseLength>...</responseLength> </request>
//	     (WebSocket's: ... <eventType>..</eventType> <routeKey>..</routeKey> <status>..</status>
//	     <connectionId>..</connectionId> </request>)
//	CSV: ...,$context.protocol,$context.status,$context.responseLength,$context.requestId[,...]
//	     (WebSocket's: ...,$context.eventType,$context.routeKey,$context.connectionId,
//	     $context.status,$context.requestId)
//
// (REST's CSV opens with ip, caller, user, requestTime, httpMethod,
// resourcePath, and appends extendedRequestId; HTTP's with ip,
// requestTime, httpMethod, routeKey; WebSocket's with ip, caller, user,
// requestTime.) A record in either is an access record like the JSON and
// CLF ones.

// xmlRecordField is one element of the XML preset.
var xmlRecordField = regexp.MustCompile(`<(status|routeKey|resourcePath|httpMethod|protocol|eventType|connectionId|extendedRequestId)>([^<]*)</`)

// xmlRecordID is the preset's opening tag, with the request id.
var xmlRecordID = regexp.MustCompile(`^<request id="([^"]*)">`)

// csvProtocol is $context.protocol as a CSV field.
var csvProtocol = regexp.MustCompile(`^HTTP/\d(?:\.\d)?$`)

// presetAccessLine handles a record of the XML or CSV preset and reports
// whether it was one.
func (s *Session) presetAccessLine(msg, line []byte) bool {
	var rec accessRecord
	switch {
	case bytes.HasPrefix(msg, []byte("<request id=")):
		if !xmlRecord(msg, &rec) {
			return false
		}
	case bytes.IndexByte(msg, ',') >= 0 && (bytes.Contains(msg, []byte(",HTTP/")) || containsAny(msg, wsCSVEvents)):
		if !csvRecord(msg, &rec) {
			return false
		}
	default:
		return false
	}
	s.accessLine(&rec, line)
	return true
}

// xmlRecord reads the XML preset's fields into rec; a record needs its id
// and a three-digit status.
func xmlRecord(msg []byte, rec *accessRecord) bool {
	id := xmlRecordID.FindSubmatch(msg)
	if id == nil {
		return false
	}
	rec.set(fRequestID, string(id[1]))
	for _, m := range xmlRecordField.FindAllSubmatch(msg, -1) {
		v := string(m[2])
		switch string(m[1]) {
		case "status":
			rec.set(fStatus, v)
		case "routeKey":
			rec.set(fRouteKey, v)
		case "resourcePath":
			rec.set(fResourcePath, v)
		case "httpMethod":
			rec.set(fHTTPMethod, v)
		case "eventType":
			rec.set(fEventType, v)
		case "connectionId":
			rec.set(fConnectionID, v)
		case "extendedRequestId":
			rec.set(fExtendedRequestID, v)
		}
	}
	return isStatusField(rec.get(fStatus))
}

// csvRecord reads the CSV preset into rec: the status follows the
// protocol, the response length and the request id follow the status, and
// the field before the protocol is the route key (HTTP APIs: "GET /items",
// "$default") or the resource path (REST APIs).
func csvRecord(msg []byte, rec *accessRecord) bool {
	f := strings.Split(string(msg), ",")
	for i := 2; i+3 < len(f); i++ {
		if !csvProtocol.MatchString(f[i]) || !isStatusField(f[i+1]) {
			continue
		}
		rec.set(fStatus, f[i+1])
		rec.set(fRequestID, f[i+3])
		rec.set(fHTTPMethod, f[i-2])
		if strings.Contains(f[i-1], " ") || f[i-1] == "$default" {
			rec.set(fRouteKey, f[i-1])
		} else {
			rec.set(fResourcePath, f[i-1])
		}
		return true
	}
	return wsCSVRecord(f, rec)
}

// wsCSVEvents are the values of $context.eventType as CSV fields:
// presetAccessLine's pre-filter for WebSocket's CSV preset.
var wsCSVEvents = [][]byte{[]byte(",MESSAGE,"), []byte(",CONNECT,"), []byte(",DISCONNECT,")}

// wsCSVRecord reads WebSocket's CSV preset into rec: the event type, then
// the route key, the connection id, the status and the request id.
func wsCSVRecord(f []string, rec *accessRecord) bool {
	for i := 1; i+4 < len(f); i++ {
		if !isWebSocketEvent(f[i]) || !isStatusField(f[i+3]) {
			continue
		}
		rec.set(fEventType, f[i])
		rec.set(fRouteKey, f[i+1])
		rec.set(fConnectionID, f[i+2])
		rec.set(fStatus, f[i+3])
		rec.set(fRequestID, f[i+4])
		return true
	}
	return false
}

// isStatusField reports whether v is a three-digit status, 100 to 599.
func isStatusField(v string) bool {
	return len(v) == 3 && allDigits([]byte(v)) && v[0] >= '1' && v[0] <= '5'
}
