package stage

// RouteFigures is one method or route's 5xx and request counts over the
// evidence window, from the stage's detailed metrics.
type RouteFigures struct {
	Route     string // "GET /orders/{id}", or an HTTP API route key
	Errors5xx float64
	Requests  float64
}
