package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/slack-go/slack/slacktest"
)

// fakeFiles is the stand-in's side of files.uploadV2: the upload URLs it
// handed out, the bytes uploaded to them, and the files completed into a
// channel or thread.
type fakeFiles struct {
	uploaded  map[string][]byte
	completed []fakeFile
}

// fakeFile is one file shared by files.completeUploadExternal.
type fakeFile struct {
	ID, Channel, ThreadTS, Title string
	Data                         []byte
}

const uploadPath = "/upload.target"

func (f *fakeSlack) handleUploads(c slacktest.Customize) {
	c.Handle("/files.getUploadURLExternal", f.wrap("/files.getUploadURLExternal", f.getUploadURL))
	c.Handle(uploadPath, f.wrap(uploadPath, f.upload))
	c.Handle("/files.completeUploadExternal", f.wrap("/files.completeUploadExternal", f.completeUpload))
}

func (f *fakeSlack) getUploadURL(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	if r.FormValue("filename") == "" || r.FormValue("length") == "" {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	f.mu.Lock()
	f.seq++
	id := fmt.Sprintf("F%07d", f.seq)
	f.mu.Unlock()
	reply(w, map[string]any{"ok": true, "file_id": id, "upload_url": "http://" + f.srv.ServerAddr + uploadPath + "?file=" + id})
}

// upload keeps the body as sent (slack-go posts the file as a multipart
// form); the test looks for the PNG inside it.
func (f *fakeSlack) upload(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	if f.files.uploaded == nil {
		f.files.uploaded = map[string][]byte{}
	}
	f.files.uploaded[r.URL.Query().Get("file")] = body
	f.mu.Unlock()
	_, _ = io.WriteString(w, "OK")
}

func (f *fakeSlack) completeUpload(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	_ = json.Unmarshal([]byte(r.FormValue("files")), &files)
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(files) != 1 || f.files.uploaded[files[0].ID] == nil {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	id := files[0].ID
	f.files.completed = append(f.files.completed, fakeFile{ID: id, Channel: r.FormValue("channel_id"),
		ThreadTS: r.FormValue("thread_ts"), Title: files[0].Title, Data: f.files.uploaded[id]})
	reply(w, map[string]any{"ok": true, "files": []map[string]any{{"id": id, "title": "graph"}}})
}

func (f *fakeSlack) completedFiles() []fakeFile {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeFile(nil), f.files.completed...)
}
