package classifier

import (
	"bytes"
	"regexp"
)

// A local emulator's answer is none a deployed API gave: sam local
// start-api, serverless-offline and LocalStack refuse and pass responses
// that API Gateway does not (a proxy response's keys, its body's type, a
// timeout's status), so a report whose only answers are an emulator's
// shows no status of the API it is about. Its cause stays: the emulators
// run the same function and report the same faults. A line that shows a
// deployed API (the gateway's execution or access log, an execute-api
// host, a person saying the failure is the deployed one or that it works
// locally) keeps the status the evidence shows.

// localRunMarks are the emulators' names and their own messages
// (localEmulatorRules reads the messages for their cause). The SAM CLI's
// request log ("127.0.0.1 - - [27/Sep/2020 10:31:22] "POST /book
// HTTP/1.1" 502 -", the Flask server start-api runs) is read as an access
// log and marked by its loopback address (clfLine).
var localRunMarks = newLitIndex([][]byte{
	[]byte("sam local"), []byte("start-api"), []byte("aws-sam-local"), []byte("serverless-offline"),
	[]byte("serverless offline"), []byte("sls offline"), []byte("localstack"),
	[]byte("invalid lambda response received"), []byte("invalid api gateway response keys"),
	[]byte("lambda returned empty body"), []byte("statuscode must be a positive int"),
	[]byte("returned an invalid response (must include one of"), []byte("the body content must be stringified"),
	[]byte("lambda output should follow the next json format"), []byte("] - lambda timeout."),
})

// deployedMarks are words that place a failure on a deployed API: its
// host, the deployment itself, the cloud or production named, and the
// emulator said to work (so the failure shown is the deployed one's).
var deployedMarks = newLitIndex([][]byte{
	[]byte("execute-api"), []byte("deploy"), []byte("on aws"), []byte("in aws"), []byte("production"),
	[]byte("works locally"), []byte("work locally"), []byte("worked locally"), []byte("working locally"),
	[]byte("fine locally"), []byte("runs locally"), []byte("locally it works"), []byte("cloudfront"),
})

// A sentence that says the local run works, in any word order and
// language ("Locally with sam local start-api it works fine", "ローカルでは
// sam local で正常に動きます", "Localmente com sam local funciona", "本地运行
// 正常"), says the failure reported is the deployed API's, as
// deployedMarks' fixed phrases do. Read in one clause (a sentence, or its
// part before or after "but"), which neither denies the success nor
// names a failure: "sam local returns 502, but invoking the function
// works" and "locally it doesn't work either" place nothing.

// localWords name the local run: the adverb, the developer's machine,
// the emulators.
var localWords = regexp.MustCompile(`\blocal(?:ly|mente)?\b|\blocalhost\b|\blocalstack\b|serverless[- ]offline|\bsls offline\b|\bemulat|\bemulador|ローカル|エミュレータ|本地|本機|本机`)

// localMarks are the literals localWords needs.
var localMarks = newLitIndex([][]byte{[]byte("local"), []byte("offline"), []byte("emulat"), []byte("emulador"),
	[]byte("ローカル"), []byte("エミュレータ"), []byte("本地"), []byte("本機"), []byte("本机")})

// worksWords say a run succeeds.
var worksWords = regexp.MustCompile(`\bworks?\b|\bworked\b|\bworking\b|\bfine\b|\bsucce(?:eds?|eded|ss|ssful|ssfully)\b|\bfunciona|\bfuncionou\b|\bfunciono\b|正常|動き|動く|動いて|動作し|成功|可以|没问题|沒問題`)

// runFailedWords deny a success, name a failure, or make the success an
// attempt, a wish or a question ("trying to get it working in sam
// local", "how do I make it work locally?") in the same clause.
var runFailedWords = regexp.MustCompile(`\btr(?:y|ying|ied)\b|\battempt|\btent|\bintent|\bhow\b|\bwhy\b|\bwant|\bshould\b|\bsupposed\b|\bexpected\b|\bdeveria|\bdeber|\?|？|\bnot\b|n't\b|n’t\b|\bnever\b|\bnão\b|\bnao\b|\bno (?:me |se |lo |le )?funcion|\bno (?:longer|luck|success)|\bnunca\b|\bnem\b|\bni\b|\beither\b|\bfail|\berr(?:or|o|ores)\b|\bexception|\btime(?:d)? ?out|\bcrash|\bfalh|\bfall|\b[45]\d\d\b|ません|ない|エラー|失敗|タイムアウト|不|错误|錯誤|报错|報錯|失败|超时`)

// localClauseEnds split a line into the clauses saysLocalRunWorks reads.
var localClauseEnds = regexp.MustCompile(`[.!?;]\s|[。！？；]|\bbut\b|\bhowever\b|\bmas\b|\bporém\b|\bpero\b|\bsin embargo\b|しかし|が、|但|可是|\n`)

// saysLocalRunWorks reports whether a clause of low says the local run
// works.
func saysLocalRunWorks(low []byte) bool {
	if !localMarks.any(low) || !localWords.Match(low) {
		return false // most lines, at one scan
	}
	for _, clause := range localClauseEnds.Split(string(low), -1) {
		if localWords.MatchString(clause) && worksWords.MatchString(clause) && !runFailedWords.MatchString(clause) {
			return true
		}
	}
	return false
}

// noteWhereServed records whether a line names a local emulator, or a
// deployed API. CloudWatch named ("I can see in cloudwatch that the method
// is executed") places the run in an AWS account too, unless LocalStack,
// which emulates CloudWatch, is named: serverless-offline and sam local
// log to the terminal (a serverless.yml's plugin list names
// serverless-offline in projects that deploy to AWS as well).
func (s *Session) noteWhereServed(low []byte) {
	if !s.st.localRun && localRunMarks.any(low) {
		s.st.localRun = true
	}
	if !s.st.deployedRun && (deployedMarks.any(low) || saysLocalRunWorks(low)) {
		s.st.deployedRun = true
	}
	s.st.cloudWatchRun = s.st.cloudWatchRun || bytes.Contains(low, []byte("cloudwatch"))
	s.st.localStackRun = s.st.localStackRun || bytes.Contains(low, []byte("localstack"))
}

// onlyLocalAnswers reports whether the statuses the evidence shows are a
// local emulator's only.
func (s *Session) onlyLocalAnswers() bool {
	deployed := s.st.deployedRun || s.st.cloudWatchRun && !s.st.localStackRun
	return (s.st.localRun || s.st.localEmulator) && !deployed && s.st.execLines == 0 && s.st.accessLines == s.st.localAccessLines
}
