package classifier

import "bytes"

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
	if !s.st.deployedRun && deployedMarks.any(low) {
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
