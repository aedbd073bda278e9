import { Construct, IConstruct } from "constructs";
import { ARN_RULES } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import {
  LoadBalancerTlsListener,
  LoadBalancerTlsListenerProps,
} from "./load-balancer-tls-listener";

/** The ALPN policies a TLS listener accepts (ELB `AlpnPolicy`). */
export const NLB_ALPN_POLICIES = [
  "HTTP1Only",
  "HTTP2Only",
  "HTTP2Optional",
  "HTTP2Preferred",
  "None",
] as const;

/** One of {@link NLB_ALPN_POLICIES}. */
export type NlbAlpnPolicy = (typeof NLB_ALPN_POLICIES)[number];

/** Throws unless a literal ALPN policy is one of {@link NLB_ALPN_POLICIES}; a token passes. */
function checkAlpnPolicy(scope: IConstruct, alpnPolicy: string | undefined): void {
  if (alpnPolicy === undefined || !isLiteral(alpnPolicy)) return;
  if (!(NLB_ALPN_POLICIES as readonly string[]).includes(alpnPolicy)) {
    throw new ValidationError(
      scope,
      `alpnPolicy must be one of ${NLB_ALPN_POLICIES.map((p) => show(p)).join(", ")}, got ${show(alpnPolicy)}`,
    );
  }
}

/**
 * NLB quota: certificates per Network Load Balancer, not counting the default certificate
 * (adjustable through Service Quotas).
 */
export const NLB_MAX_SNI_CERTIFICATES = 25;

export interface NlbTlsListenerProps extends LoadBalancerTlsListenerProps {
  /**
   * The ALPN policy: which application protocols the listener negotiates with clients. One of
   * `HTTP1Only`, `HTTP2Only`, `HTTP2Optional`, `HTTP2Preferred`, `None` (ELB's allowed values;
   * only TLS listeners take one).
   * @default not set: no ALPN negotiation, which is ELB's `None`
   */
  readonly alpnPolicy?: NlbAlpnPolicy | string;
}

/**
 * A TLS listener on an existing Network Load Balancer: TLS terminates at the load balancer with
 * the validated certificate, an explicit TLS policy and an optional ALPN policy, then traffic is
 * forwarded to a target group. Optional SNI certificates and alias records.
 *
 * Checked at synth: the ARNs are an NLB's and a target group's in the provider's region, the
 * certificates are in the listener's region, the host names are covered, the TLS policy requires
 * TLS 1.2+, the ALPN policy is one ELB accepts, the default certificate is not repeated as SNI.
 */
export class NlbTlsListener extends LoadBalancerTlsListener {
  /** The ALPN policy applied, when set. */
  readonly alpnPolicy?: string;

  constructor(scope: Construct, id: string, props: NlbTlsListenerProps) {
    super(scope, id, props, {
      protocol: "TLS",
      loadBalancerArn: ARN_RULES.networkLoadBalancer,
      certificates: {
        why: "a Network Load Balancer TLS listener",
        loadBalancer: "a Network Load Balancer",
        maxSniCertificates: NLB_MAX_SNI_CERTIFICATES,
      },
      alpnPolicy: props.alpnPolicy,
      checkProps: (self) => checkAlpnPolicy(self, props.alpnPolicy),
    });
    this.alpnPolicy = props.alpnPolicy;
  }
}
