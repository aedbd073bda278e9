import { LbListener, LbListenerMutualAuthentication } from "@cdktf/provider-aws/lib/lb-listener";
import { Token } from "cdktf";
import { Construct } from "constructs";
import {
  AlbMutualAuthentication,
  resolveAlbMutualAuthentication,
} from "../mtls/alb-mutual-authentication";
import { ARN_RULES } from "../util/arn";
import { ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";
import {
  LoadBalancerTlsListener,
  LoadBalancerTlsListenerProps,
} from "./load-balancer-tls-listener";

/**
 * ALB quota: certificates per load balancer, not counting the default certificate (adjustable
 * through Service Quotas).
 */
export const ALB_MAX_SNI_CERTIFICATES = 25;

export interface AlbHttpsListenerProps extends LoadBalancerTlsListenerProps {
  /**
   * Also create an HTTP listener on port 80 that answers every request with a permanent
   * (HTTP_301) redirect to HTTPS on `port`. Leave off when the load balancer already has a
   * port 80 listener: ports are unique per load balancer.
   * @default false
   */
  readonly redirectHttp?: boolean;
  /**
   * Client-certificate authentication (mTLS): `verify` against a trust store, `passthrough` to
   * the targets, or `off`. Checked at synth: `verify` needs a trust store, `off` and
   * `passthrough` take none of the trust store options. `off` is written explicitly; leaving
   * the option out writes nothing, which leaves a listener's existing mTLS setting as it is.
   * @default none: no `mutual_authentication` block (mTLS off on a new listener)
   */
  readonly mutualAuthentication?: AlbMutualAuthentication;
}

/**
 * An HTTPS listener on an existing Application Load Balancer: the validated certificate as
 * default, an explicit TLS policy, extra SNI certificates keyed by name, an optional HTTP to
 * HTTPS redirect listener and optional alias records.
 *
 * Checked at synth: the ARNs are an ALB's and a target group's in the provider's region, the
 * certificates are in the listener's region, the host names are covered, the policy requires
 * TLS 1.2+, the default certificate is not repeated as SNI.
 */
export class AlbHttpsListener extends LoadBalancerTlsListener {
  /** The HTTP:80 redirect listener, when `redirectHttp` is on. */
  readonly redirectListener?: LbListener;

  /** The `mutual_authentication` block written, when `mutualAuthentication` is given. */
  readonly mutualAuthentication?: LbListenerMutualAuthentication;

  constructor(scope: Construct, id: string, props: AlbHttpsListenerProps) {
    let mutualAuthentication: LbListenerMutualAuthentication | undefined;
    super(scope, id, props, {
      protocol: "HTTPS",
      loadBalancerArn: ARN_RULES.applicationLoadBalancer,
      certificates: {
        why: "an Application Load Balancer listener",
        loadBalancer: "an Application Load Balancer",
        maxSniCertificates: ALB_MAX_SNI_CERTIFICATES,
        quotaNote: " (counted over all its listeners)",
      },
      checkProps: (self, port) => {
        if (props.redirectHttp && port === 80) {
          throw new ValidationError(
            self,
            "port must not be 80 when redirectHttp is on: the redirect listener takes port 80, got 80",
          );
        }
        mutualAuthentication = resolveAlbMutualAuthentication(
          self,
          "mutualAuthentication",
          props.mutualAuthentication,
        );
      },
    });
    if (mutualAuthentication) {
      this.mutualAuthentication = mutualAuthentication;
      this.resource.putMutualAuthentication(mutualAuthentication);
    }
    const port = this.listenerPort;
    if (props.redirectHttp) {
      this.redirectListener = new LbListener(this, "HttpRedirect", {
        provider: props.provider,
        loadBalancerArn: props.loadBalancerArn,
        port: 80,
        protocol: "HTTP",
        defaultAction: [
          {
            type: "redirect",
            redirect: {
              port: isUnresolved(port) ? Token.asString(port) : String(port),
              protocol: "HTTPS",
              statusCode: "HTTP_301",
            },
          },
        ],
      });
    }
  }
}
