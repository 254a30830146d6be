package emulator

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// cloudwatchXMLNS is the awsQuery namespace of CloudWatch responses.
const cloudwatchXMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/"

// routeQuery serves the awsQuery protocol (form POST /, XML answers):
// CloudWatch as older SDKs and AWS CLI v2 speak it, and STS.
func (s *Server) routeQuery(c *call) {
	form, err := url.ParseQuery(string(c.body))
	if err != nil {
		c.service, c.op = "query", "Unknown"
		s.stats.count(c, false)
		s.queryError(c, cloudwatchXMLNS, &apiError{Status: http.StatusBadRequest, Code: "MalformedQueryString", Message: err.Error()})
		return
	}
	c.op = form.Get("Action")
	switch {
	case isSTSOp(c.op) || (!isCloudWatchOp(c.op) && signingService(c.r) == "sts"):
		s.serveSTS(c, form)
	default:
		s.serveCloudWatchQuery(c, form)
	}
}

func (s *Server) serveCloudWatchQuery(c *call, form url.Values) {
	c.service = "cloudwatch"
	if !isCloudWatchOp(c.op) {
		s.stats.count(c, false)
		s.queryError(c, cloudwatchXMLNS, errInvalidAction(c.op))
		return
	}
	if !s.admit(c) {
		s.queryError(c, cloudwatchXMLNS, errCWThrottle())
		return
	}
	res, err := s.cloudwatchOp(c, formTree(form))
	if err != nil {
		s.queryError(c, cloudwatchXMLNS, asAPIError(err))
		return
	}
	writeXML(c, http.StatusOK, res.xml(c.reqID))
}

func errInvalidAction(op string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidAction", Message: "The action " + op + " is not valid for this web service."}
}

func (s *Server) queryError(c *call, xmlns string, e *apiError) {
	s.countError()
	writeQueryError(c, xmlns, e)
}

type gmdXML struct {
	XMLName   xml.Name       `xml:"GetMetricDataResponse"`
	Xmlns     string         `xml:"xmlns,attr"`
	Results   []gmdResultXML `xml:"GetMetricDataResult>MetricDataResults>member"`
	NextToken string         `xml:"GetMetricDataResult>NextToken,omitempty"`
	RequestID string         `xml:"ResponseMetadata>RequestId"`
}

type gmdResultXML struct {
	ID         string   `xml:"Id"`
	Label      string   `xml:"Label"`
	Timestamps []string `xml:"Timestamps>member"`
	Values     []string `xml:"Values>member"`
	StatusCode string   `xml:"StatusCode"`
}

func (o *metricDataOutput) xml(reqID string) any {
	out := gmdXML{Xmlns: cloudwatchXMLNS, NextToken: o.NextToken, RequestID: reqID}
	for _, r := range o.Results {
		x := gmdResultXML{ID: r.ID, Label: r.Label, StatusCode: r.StatusCode}
		for i, t := range r.Timestamps {
			x.Timestamps = append(x.Timestamps, t.UTC().Format(time.RFC3339))
			x.Values = append(x.Values, strconv.FormatFloat(r.Values[i], 'f', -1, 64))
		}
		out.Results = append(out.Results, x)
	}
	return out
}

type listMetricsXML struct {
	XMLName   xml.Name    `xml:"ListMetricsResponse"`
	Xmlns     string      `xml:"xmlns,attr"`
	Metrics   []metricXML `xml:"ListMetricsResult>Metrics>member"`
	NextToken string      `xml:"ListMetricsResult>NextToken,omitempty"`
	RequestID string      `xml:"ResponseMetadata>RequestId"`
}

type metricXML struct {
	Namespace  string   `xml:"Namespace"`
	MetricName string   `xml:"MetricName"`
	Dimensions []dimXML `xml:"Dimensions>member"`
}

type dimXML struct {
	Name  string `xml:"Name"`
	Value string `xml:"Value"`
}

func (o *listMetricsOutput) xml(reqID string) any {
	out := listMetricsXML{Xmlns: cloudwatchXMLNS, NextToken: o.NextToken, RequestID: reqID}
	for _, m := range o.Metrics {
		x := metricXML{Namespace: m.Namespace, MetricName: m.Name}
		for _, d := range m.Dims {
			x.Dimensions = append(x.Dimensions, dimXML(d))
		}
		out.Metrics = append(out.Metrics, x)
	}
	return out
}
