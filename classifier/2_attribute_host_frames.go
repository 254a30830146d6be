package classifier

import (
	"bytes"
	"regexp"
)

// homeFrame is a Node.js or Python frame whose file lies in a developer's
// home: macOS's /Users/<name>, Linux's /home/<name>, Windows' C:\Users\<name>,
// by absolute path or by the file:// URL Node.js gives an ES module. A
// function's code runs in Lambda's execution environment from /var/task,
// /opt (layers), /var/runtime and /var/lang (the Lambda developer guide's
// "Defined runtime environment variables" and "Lambda layers" pages), and
// these interpreters print the path the code was loaded from, so such a
// frame is a program on someone's machine: a script or a tool calling the
// API. Go's and .NET's frames name the path the binary was built at, which
// says nothing of where it ran; they are not read here.
var homeFrame = regexp.MustCompile(`^(?:at (?:async |new )?(?:[^(]*\()?|file ")(?:file:///?)?(?:/users/[^/]+/|/home/[^/]+/|[a-z]:[\\/]users[\\/])`)

// homeWords pre-filter homeFrame's lines.
var homeWords = [][]byte{[]byte("/users/"), []byte("/home/"), []byte("\\users\\"), []byte(":/users/")}

// localEmulatorFolders are where the local emulators run a function's code
// from on a developer's machine: serverless-offline's own modules and the
// build folders of the Serverless Framework (.serverless), SAM
// (.aws-sam/build), serverless-esbuild (.esbuild) and serverless-webpack
// (.webpack). A frame there is the function's, as under /var/task.
var localEmulatorFolders = [][]byte{
	[]byte("node_modules/serverless-offline/"), []byte("node_modules\\serverless-offline\\"),
	[]byte("/.serverless/"), []byte("\\.serverless\\"), []byte("/.aws-sam/"), []byte("\\.aws-sam\\"),
	[]byte("/.esbuild/"), []byte("\\.esbuild\\"), []byte("/.webpack/"), []byte("\\.webpack\\"),
}

// serverlessOfflineRequest is the line serverless-offline prints as a
// request reaches a handler it runs ("POST /dev/orders (λ: createOrder)",
// src/events/http/HttpServer.js) and after it ("(λ: createOrder) RequestId:
// ... Duration: ..."): the traces that follow are the handler's, run on the
// developer's machine.
var serverlessOfflineRequest = []byte("(λ: ")

// noteLocalEmulator records a line of serverless-offline's own.
func (s *Session) noteLocalEmulator(msg []byte) {
	if !s.st.localEmulator && bytes.Contains(msg, serverlessOfflineRequest) {
		s.st.localEmulator = true
	}
}

// isClientFrame reports whether a frame (low, lower-cased, of a trace kind)
// is a program's on a developer's machine rather than the function's:
// outside an invocation's START and END, where the stream is the
// function's whatever paths its source maps name, and outside a local
// emulator's run.
func (s *Session) isClientFrame(low []byte) bool {
	return s.openLambda == "" && !s.st.localEmulator && containsAny(low, homeWords) &&
		homeFrame.Match(low) && !containsAny(low, localEmulatorFolders)
}
