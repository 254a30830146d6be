package classifier

// cliCallRefused is the AWS CLI's report of a call an AWS service refused,
// on a line of its own: the CLI writes the text of botocore's ClientError
// ("An error occurred ({error_code}) when calling the {operation_name}
// operation{retry_info}: {error_message}", botocore/exceptions.py) to
// stderr after an empty line (aws-cli's clidriver.py), and AWS CLI v2's
// newer releases open it with "aws: [ERROR]: ". It is a person's own call
// from their machine: throttled, it says nothing of why the API answered
// 5xx. A function's log puts its runtime's level column or the exception's
// name before the same text ("[ERROR] ClientError: An error occurred"),
// and the gateway's log its own words, so the anchor keeps them.
const cliCallRefused = `^(?:aws: \[error\]: )?an error occurred \([a-z0-9.]+\) when calling the [a-z0-9]+ operation.*`

// sdkCallRefused are the words an AWS SDK's error for a refused call to an
// AWS service holds wherever it stands on the line, so also where a
// function's log or a script's traceback puts it (the botocore text of
// cliCallRefused behind "botocore.exceptions.ClientError: "): botocore's
// "when calling the {operation_name} operation", the AWS SDK for Go v2's
// "operation error Lambda: Invoke, https response error StatusCode: 403,
// ..., api error AccessDeniedException: ..." (smithy-go's OperationError
// and GenericAPIError) and the AWS SDK for Java's "(Service: AWSLambda;
// Status Code: 403; Error Code: AccessDeniedException; ...)" (1.x
// AmazonServiceException.getMessage; 2.x writes commas). An AWS service's
// own refusal of the call, whose message may be the gateway's words ("The
// client is not authorized to perform this operation.", Lambda's
// AccessDeniedException), is no answer an API's client got.
var sdkCallRefused = []string{"when calling the ", "operation error ", "api error ", "(service: "}

// runtimeErrorMarks are what a Lambda runtime writes about an error the
// function logged or failed with: the level column of its log lines
// (Python's "[ERROR]", Node.js's "<time>\t<id>\tERROR\t") and the error
// object of a failed invocation ("errorMessage", "errorType"). The
// management API's refusal of a change in one of them is the function's
// own call (a custom resource's, a deployer's) refused, which failed the
// function: no sign of what the API's clients got. (A deployment tool's
// output, the CLI's, Terraform's, or a Java tool's stack trace, carries
// none of them.)
var runtimeErrorMarks = []string{"[error]", "error\t", `"errormessage"`, `"errortype"`}

// quotedFunctionError marks a line where the gateway quotes a function's
// own error: REST's "Lambda execution failed with status 200 due to
// customer function error: ...", its access logs' "Lambda Customer
// Function Error:...", an HTTP API's "The Lambda function returned the
// following error: ...", and the function's error object as the
// integration's answer ("errorMessage"). A role, a token or a signature an
// AWS service refused there is the function's own call's, no credential of
// the gateway's.
var quotedFunctionError = []string{"customer function error", "lambda function returned the following error", `"errormessage"`}

// deploymentRefused marks a CloudFormation stack event that failed (its
// ResourceStatus CREATE_FAILED, UPDATE_FAILED or DELETE_FAILED, and the
// registry resource handlers' "Resource handler returned message: ..."),
// as the console, the CLI, the CDK and SAM print a deployment: an IAM
// denial there is the deployment's own role refused a change, which no
// request met, and names no role or permission of the API's.
var deploymentRefused = []string{"create_failed", "update_failed", "delete_failed", "resource handler returned message"}

// iamUserDenial is the principal of IAM's denial when an IAM user made the
// call ("User: arn:aws:iam::123456789012:user/dev is not authorized to
// perform: ...", the IAM user guide's access-denied messages): a person's
// own CLI or SDK call, or a deployment tool's, from a workstation or CI.
// What the gateway calls with is its service principal or the role the
// integration assumes, an assumed-role session (arn:aws:sts::...:
// assumed-role/...), so outside the gateway's logs such a denial is no
// permission of the API's (the gateway passing a caller's own credentials
// on logs it in its execution log).
const iamUserDenial = ":user/"

// endpointResponseBody opens the execution-log line that quotes the
// integration's answer to the gateway, not the gateway's to its client.
const endpointResponseBody = "endpoint response body before transformations"
