package collector

import (
	"context"
	"regexp"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// ambientAccount is the key the account of the ambient credentials (no
// accounts configured, or one without an id or role) is known by: stage
// keys, and so stored incidents, keep it whatever id STS reports.
const ambientAccount = "default"

// accountIDRE is an AWS account id: twelve digits.
var accountIDRE = regexp.MustCompile(`^[0-9]{12}$`)

// learnAccount asks STS which account the ambient credentials belong to
// (GetCallerIdentity needs no IAM permission and works under any policy),
// so that messages and the remediation commands name the account by its
// id rather than "default". It is asked until it answers; a failure is
// logged and changes nothing else: the stages go on being watched under
// the key "default".
func (c *Collector) learnAccount(ctx context.Context, r *region) {
	if r.account != ambientAccount || r.callerAccount != "" || r.sts == nil {
		return
	}
	out, err := r.sts.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		c.log.Warn("account id lookup failed; messages name the account \"default\"", "region", r.name, "err", err)
		return
	}
	id := aws.ToString(out.Account)
	if !accountIDRE.MatchString(id) {
		c.log.Warn("STS returned no account id", "region", r.name, "account", id)
		return
	}
	r.callerAccount = id
	c.log.Info("account id of the ambient credentials", "region", r.name, "account", id)
}
