package classifier

import "regexp"

// testRunnerFrame is a frame's location in a test runner's own modules
// (mocha, Jest, Playwright, Cypress's runner, pytest, unittest) or in a
// test file by the names those runners look for (api.test.js,
// items.spec.ts, login.cy.js, test_items.py, a test/, tests/, __tests__/
// or cypress/ folder). A test is a client of the API: the status its
// assertion shows above such frames is what the API answered it.
var testRunnerFrame = regexp.MustCompile(`node_modules/(?:mocha|jest-circus|jest-jasmine2|@jest|@playwright/test|playwright|chai|supertest|vitest|@vitest)/|` +
	`__cypress/runner|/(?:_pytest|unittest)/|` +
	`\.(?:test|spec|cy|e2e)\.(?:js|jsx|ts|tsx|mjs|cjs):\d|(?:^|[/\\(])(?:tests?|__tests__|spec|e2e|cypress)[/\\]|(?:^|[/\\"])test_\w+\.py\b`)

// isTestRunnerFrame reports whether path (a frame's location, lower case)
// is a test's, outside the folders a function's code runs from on Lambda.
func isTestRunnerFrame(path []byte) bool {
	return testRunnerFrame.Match(path) && !containsAny(path, lambdaCodeFolders)
}
