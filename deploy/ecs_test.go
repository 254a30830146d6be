package deploy

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// dockerfileUser returns the uid and gid of the image's USER line, and its
// WORKDIR.
func dockerfileUser(t *testing.T) (uid, gid int, workdir string) {
	t.Helper()
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^USER (\d+):(\d+)\s*$`).FindStringSubmatch(string(b))
	w := regexp.MustCompile(`(?m)^WORKDIR (\S+)\s*$`).FindAllStringSubmatch(string(b), -1)
	if m == nil || len(w) == 0 {
		t.Fatal("Dockerfile has no numeric USER uid:gid or no WORKDIR")
	}
	uid, _ = strconv.Atoi(m[1])
	gid, _ = strconv.Atoi(m[2])
	return uid, gid, w[len(w)-1][1] // the run stage's WORKDIR is the last
}

type accessPoint struct {
	FileSystemID string                 `json:"FileSystemId"`
	PosixUser    struct{ UID, GID int } `json:"PosixUser"`
	RootDir      struct {
		Path         string
		CreationInfo struct {
			OwnerUID    int    `json:"OwnerUid"`
			OwnerGID    int    `json:"OwnerGid"`
			Permissions string `json:"Permissions"`
		}
	} `json:"RootDirectory"`
}

type taskDefinition struct {
	ContainerDefinitions []struct {
		Image       string
		User        string
		MountPoints []struct{ SourceVolume, ContainerPath string }
	}
	Volumes []struct {
		Name                   string
		EfsVolumeConfiguration struct {
			FileSystemID        string `json:"fileSystemId"`
			RootDirectory       string `json:"rootDirectory"`
			TransitEncryption   string `json:"transitEncryption"`
			AuthorizationConfig struct {
				AccessPointID string `json:"accessPointId"`
				IAM           string `json:"iam"`
			} `json:"authorizationConfig"`
		} `json:"efsVolumeConfiguration"`
	}
}

// TestEFSAccessPointOwnedByContainerUser: the task runs as the image's
// user, and the incident store's EFS folder is created by an access point
// owned by that same uid and gid, mounted encrypted with IAM authorization.
func TestEFSAccessPointOwnedByContainerUser(t *testing.T) {
	uid, gid, workdir := dockerfileUser(t)
	var ap accessPoint
	readJSON(t, "ecs/efs-access-point.json", &ap)
	ci := ap.RootDir.CreationInfo
	if ap.PosixUser.UID != uid || ap.PosixUser.GID != gid || ci.OwnerUID != uid || ci.OwnerGID != gid {
		t.Errorf("access point acts as %d:%d and creates its folder for %d:%d; the image runs as %d:%d",
			ap.PosixUser.UID, ap.PosixUser.GID, ci.OwnerUID, ci.OwnerGID, uid, gid)
	}
	if ci.Permissions != "0750" || ap.RootDir.Path == "" || ap.RootDir.Path == "/" {
		t.Errorf("access point root %q with mode %q; want its own folder with 0750", ap.RootDir.Path, ci.Permissions)
	}
	var td taskDefinition
	readJSON(t, "ecs/task-definition.json", &td)
	c := td.ContainerDefinitions[0]
	if c.User != strconv.Itoa(uid)+":"+strconv.Itoa(gid) {
		t.Errorf("task runs as %q, the image as %d:%d", c.User, uid, gid)
	}
	if len(td.Volumes) != 1 || len(c.MountPoints) != 1 || c.MountPoints[0].SourceVolume != td.Volumes[0].Name {
		t.Fatalf("want one EFS volume mounted by the container: %+v", td)
	}
	if c.MountPoints[0].ContainerPath != workdir {
		t.Errorf("state mounted at %s; the default state.path is relative to the image's WORKDIR %s", c.MountPoints[0].ContainerPath, workdir)
	}
	efs := td.Volumes[0].EfsVolumeConfiguration
	if efs.FileSystemID != ap.FileSystemID || efs.AuthorizationConfig.AccessPointID == "" ||
		(efs.RootDirectory != "" && efs.RootDirectory != "/") {
		t.Errorf("task volume %+v does not mount an access point of %s at its root", efs, ap.FileSystemID)
	}
	if efs.TransitEncryption != "ENABLED" || efs.AuthorizationConfig.IAM != "ENABLED" {
		t.Errorf("task volume mounts without transit encryption or IAM authorization: %+v", efs)
	}
	checkEFSPolicy(t, efs.FileSystemID, efs.AuthorizationConfig.AccessPointID)
}

// checkEFSPolicy: with IAM authorization the task role must be allowed to
// mount and write, and only through the access point (no root access).
func checkEFSPolicy(t *testing.T, fileSystem, accessPointID string) {
	t.Helper()
	var p struct {
		Statement []struct {
			Effect    string
			Action    []string
			Resource  string
			Condition map[string]map[string]string
		}
	}
	readJSON(t, "ecs/task-role-efs-policy.json", &p)
	if len(p.Statement) != 1 {
		t.Fatalf("want one statement, got %d", len(p.Statement))
	}
	s := p.Statement[0]
	want := []string{"elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"}
	if s.Effect != "Allow" || !reflect.DeepEqual(s.Action, want) {
		t.Errorf("policy allows %v, want %v", s.Action, want)
	}
	if !strings.HasSuffix(s.Resource, ":file-system/"+fileSystem) {
		t.Errorf("policy covers %s, not the task's file system %s", s.Resource, fileSystem)
	}
	if ap := s.Condition["StringEquals"]["elasticfilesystem:AccessPointArn"]; !strings.HasSuffix(ap, ":access-point/"+accessPointID) {
		t.Errorf("policy is not limited to the task's access point %s: %q", accessPointID, ap)
	}
}

// TestAWSCLIAcceptsECSFiles hands the files to the AWS CLI as their
// instructions say, against a stand-in endpoint: the CLI validates them
// against the service's model and sends every field.
func TestAWSCLIAcceptsECSFiles(t *testing.T) {
	aws := requireTool(t, "aws")
	for _, tc := range []struct{ file, service, op string }{
		{"ecs/efs-access-point.json", "efs", "create-access-point"},
		{"ecs/task-definition.json", "ecs", "register-task-definition"},
	} {
		t.Run(tc.op, func(t *testing.T) {
			t.Parallel() // the CLI takes a second or more to start
			body, out := sendWithCLI(t, aws, tc.service, tc.op, tc.file)
			if body == nil {
				t.Fatalf("aws %s %s sent nothing:\n%s", tc.service, tc.op, out)
			}
			checkSent(t, tc.file, body)
		})
	}
}

// sendWithCLI runs one AWS CLI command with file as its input against a
// stand-in endpoint that refuses every request; it returns the request
// body (nil when the CLI sent nothing) and the CLI's output.
func sendWithCLI(t *testing.T, aws, service, op, file string) ([]byte, []byte) {
	t.Helper()
	sent := make(chan []byte, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		select {
		case sent <- b:
		default:
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.1")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"StandInError","message":"stand-in"}`))
	}))
	defer srv.Close()
	cmd := exec.Command(aws, service, op, "--cli-input-json", "file://"+file, "--endpoint-url", srv.URL)
	cmd.Env = standInAWSEnv()
	out, _ := cmd.CombinedOutput() // fails by design: the stand-in refuses
	select {
	case b := <-sent:
		return b, out
	default:
		return nil, out
	}
}

// checkSent compares the request body with the file: every field of the
// file reached the wire (the CLI adds only its idempotency token).
func checkSent(t *testing.T, file string, body []byte) {
	t.Helper()
	var want, got map[string]any
	readJSON(t, file, &want)
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatalf("%s: request body is not JSON: %v", file, err)
	}
	delete(got, "ClientToken")
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%s: the CLI sent\n%s", file, body)
	}
}

// standInAWSEnv is the environment without the user's AWS settings, with
// stand-in credentials and no retries.
func standInAWSEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env, "AWS_ACCESS_KEY_ID=AKIDSTANDIN", "AWS_SECRET_ACCESS_KEY=stand-in",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_MAX_ATTEMPTS=1", "AWS_CONFIG_FILE=/dev/null",
		"AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_EC2_METADATA_DISABLED=true")
}
