package classifier

import (
	"bytes"
	"regexp"
)

// homeFrame is a Node.js or Python frame whose file lies in a developer's
// home (macOS's /Users/<name>, Linux's /home/<name>) or on a Windows
// drive (C:\Users\<name>, D:\work), by absolute path or by the file://
// URL Node.js gives an ES module. A function's code runs in Lambda's
// execution environment, on Linux, from /var/task, /opt (layers),
// /var/runtime and /var/lang (the Lambda developer guide's "Defined
// runtime environment variables" and "Lambda layers" pages), and these
// interpreters print the path the code was loaded from, so such a frame is
// a program on someone's machine: a script or a tool calling the API. So
// is a frame in a CI runner's checkout, where a build or a test calls the
// API: GitLab's /builds/<group>/<project> (CI_BUILDS_DIR), GitHub Actions'
// /home/runner/work (a home) and /github/workspace (its container
// actions), CodeBuild's /codebuild/output/src..., Jenkins' workspaces
// under /var/jenkins_home and /var/lib/jenkins, Bitbucket's
// /opt/atlassian/pipelines/agent/build. Go's and .NET's frames name the
// path the binary was built at, which says nothing of where it ran; they
// are not read here.
var homeFrame = regexp.MustCompile(`^(?:at (?:async |new )?(?:[^(]*\()?|file ")(?:file:///?)?(?:/users/[^/]+/|/home/[^/]+/|[a-z]:[\\/]|` + ciCheckout + `)`)

// ciCheckout are the CI runners' checkout folders of homeFrame.
const ciCheckout = `/builds/[^/]+/|/github/workspace/|/codebuild/output/|/var/jenkins_home/|/var/lib/jenkins/|/opt/atlassian/pipelines/`

// homeWords pre-filter homeFrame's lines.
var homeWords = [][]byte{
	[]byte("/users/"), []byte("/home/"), []byte(":\\"), []byte(":/"),
	[]byte("/builds/"), []byte("/github/workspace/"), []byte("/codebuild/output/"), []byte("/jenkins"), []byte("/opt/atlassian/"),
}

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
// emulator's run. outermost says the frame is its trace's first.
func (s *Session) isClientFrame(low []byte, outermost bool) bool {
	if s.openLambda != "" || s.st.localEmulator {
		return false
	}
	if containsAny(low, homeWords) && homeFrame.Match(low) && !containsAny(low, localEmulatorFolders) {
		return true
	}
	if bytes.HasPrefix(low, []byte(`file "`)) && isTestRunnerFrame(low) {
		// a test's Python frame: the test is a client of the API (a test's
		// Node.js frame is no trace's at all, atFrameKind: its assertion
		// prints above the frames)
		return true
	}
	return isScriptFrame(low, outermost)
}

// A Python frame names the file its code was loaded from as the
// interpreter found it. Lambda's runtimes import the handler from
// LAMBDA_TASK_ROOT (/var/task), layers from /opt, themselves from
// /var/runtime and /var/lang (the Lambda developer guide's "Defined
// runtime environment variables" and "Lambda layers"), by absolute path,
// and they leave their own frames out of the trace they log. So a frame
// whose path is
//   - relative ("test.py", "./client.py": the script named on a command
//     line, as Python before 3.9 printed it), or the interpreter's own
//     input ("<stdin>", IPython's "<ipython-input-...>"),
//   - a command-line program's (/usr/bin, /usr/local/bin) or a virtual
//     environment's (.venv, venv),
//   - or, as the trace's outermost frame, where a program started, a
//     system interpreter's library (a distribution's /usr/lib/python3 and
//     /usr/lib/python3/dist-packages, /usr/local/lib/python3.X, macOS's
//     Python.framework, Windows' C:\PythonXY and per-user install)
//
// is a program's on someone's machine: a script calling the API. A
// container image's function may run from another folder with its
// libraries in /usr/local/lib/python3.X/site-packages, but its trace opens
// with the handler's frame (awslambdaric, the runtime interface client the
// guide's "alternative base image" installs, drops its own), so a library
// frame inside a trace says nothing.
var (
	scriptFolders = [][]byte{
		[]byte("/usr/bin/"), []byte("/usr/local/bin/"), []byte("/.venv/"), []byte("/venv/"),
		[]byte("\\.venv\\"), []byte("\\venv\\"),
	}
	systemPython = [][]byte{
		[]byte("/usr/lib/python"), []byte("/usr/lib64/python"), []byte("/usr/local/lib/python"),
		[]byte("/library/frameworks/python.framework/"), []byte("\\appdata\\local\\programs\\python\\"),
	}
	lambdaRuntimeClient = []byte("/awslambdaric/")
)

// isScriptFrame reports whether low is a Python "File" frame of a program
// on someone's machine (see scriptFolders); outermost says it opens its
// trace.
func isScriptFrame(low []byte, outermost bool) bool {
	path, ok := bytes.CutPrefix(low, []byte(`file "`))
	if !ok {
		return false
	}
	if end := bytes.IndexByte(path, '"'); end > 0 {
		path = path[:end]
	} else {
		return false
	}
	switch {
	case containsAny(path, lambdaCodeFolders) || bytes.Contains(path, lambdaRuntimeClient):
		return false
	case path[0] == '<':
		return bytes.Equal(path, []byte("<stdin>")) || bytes.HasPrefix(path, []byte("<ipython-input-"))
	case isRelativePath(path):
		return true
	case containsAny(path, scriptFolders):
		return true
	}
	return outermost && (containsAny(path, systemPython) || isWindowsPython(path))
}

// isRelativePath reports whether path is neither absolute nor a Windows
// drive's.
func isRelativePath(path []byte) bool {
	return path[0] != '/' && path[0] != '\\' && path[0] != '~' && (len(path) < 2 || path[1] != ':')
}

// isWindowsPython reports whether path lies in a python.org install's
// folder at a drive's root ("c:\python312\lib\...").
func isWindowsPython(path []byte) bool {
	return len(path) > 9 && path[1] == ':' && bytes.HasPrefix(path[3:], []byte("python"))
}

// mainThreadException opens what the JVM prints of an exception that left
// a program's main method (ThreadGroup.uncaughtException: "Exception in
// thread \"main\" " and the exception's trace). Lambda's Java runtimes
// call a handler from their own loop and catch what it throws, reporting
// it as the invocation's error (errorMessage, errorType, stackTrace), so
// the line is a program's that ran on a machine: a client of the API.
// Where a Lambda log shows (a platform or runtime line before it, or the
// INIT_START that opens an execution environment's log), a custom
// runtime's main may have died of its own exception, and the line stays
// the function's. (.NET's "Unhandled exception. " is no such sign: the
// runtime prints it for an exception no code can catch, out of memory,
// in the function's own process.)
var mainThreadException = []byte(`exception in thread "main" `)

// notebookTraceHeader is the header IPython (Jupyter's Python kernel)
// prints above a trace: the exception's type, then "Traceback (most recent
// call last)" right-aligned (IPython/core/ultratb.py, prepare_header). A
// notebook runs on someone's machine, never in Lambda.
var notebookTraceHeader = regexp.MustCompile(`^[a-z_][\w.]* +traceback \(most recent call last\)$`)

// isProgramUncaught reports whether low (lower-cased) opens a client
// program's uncaught exception: the JVM's line for main's, outside a
// Lambda log, or a notebook's trace header.
func (s *Session) isProgramUncaught(low []byte) bool {
	if bytes.HasPrefix(low, mainThreadException) {
		return s.openLambda == "" && !s.st.localEmulator && s.st.lambdaLines == 0 && !s.st.lambdaInit
	}
	return len(low) > 0 && low[0] != 't' && bytes.HasSuffix(low, pythonTraceHeader) && notebookTraceHeader.Match(low)
}

// pythonTraceHeader is the words of Python's trace header.
var pythonTraceHeader = []byte("traceback (most recent call last)")
