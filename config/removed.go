package config

// removed are keys earlier versions documented although they never changed
// what the daemon does. A file that still sets one is told why, instead of
// "unknown key", and the daemon does not start on it: the user meant
// something by it that the daemon would not do.
var removed = map[string]string{
	"logs.http_access_log_format": "each access log line's format (JSON or common log format) is recognised as it is read, " +
		"and the stage's access log format comes from its settings; delete the key",
}
