import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerCertificate } from "@cdktf/provider-aws/lib/lb-listener-certificate";
import { Annotations, TerraformProvider, Token } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { HostedZoneRef } from "../dns/hosted-zone";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral, isUnresolved } from "../util/tokens";
import { AliasRecords } from "./alias-records";
import { checkCertificateRegion, checkCoverage } from "./attachment-checks";
import { resolveElbTlsPolicy } from "./elb-tls-policy";

/**
 * ALB quota: certificates per load balancer, not counting the default certificate (adjustable
 * through Service Quotas).
 */
export const ALB_MAX_SNI_CERTIFICATES = 25;

/** Route 53 alias records pointing names at a load balancer. */
export interface LoadBalancerAliasOptions {
  /** The zones to create the records in; each name goes to its most specific zone. */
  readonly hostedZones: readonly HostedZoneRef[];
  /** The load balancer's DNS name (`aws_lb.dns_name`), an input like its ARN. */
  readonly loadBalancerDnsName: string;
  /** The load balancer's canonical hosted zone id (`aws_lb.zone_id`), not your zone's id. */
  readonly loadBalancerZoneId: string;
  /**
   * The names to create records for. Each must be covered by the listener's certificates.
   * @default the listener's `hostNames`
   */
  readonly names?: readonly string[];
  /**
   * Also create AAAA records. Turn off for an IPv4-only load balancer.
   * @default true
   */
  readonly ipv6?: boolean;
  /** Route 53 `evaluate_target_health`. @default false */
  readonly evaluateTargetHealth?: boolean;
}

/** A stable key for a listener certificate: it becomes part of the Terraform address. */
const CERTIFICATE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Checks extra SNI certificates for a listener (shared by the ALB and NLB listeners). Throws when
 * a key is not a stable identifier, when a certificate repeats the default certificate (same
 * object or same ARN: the provider documents `aws_lb_listener_certificate` as being for
 * additional certificates only, and a default certificate that is also an SNI certificate keeps
 * being served after the default is swapped) or another SNI certificate, and when a certificate
 * is not in `requiredRegion` (skipped when that is undefined, i.e. unknown at synth).
 */
export function checkListenerCertificates(
  scope: IConstruct,
  defaultCertificate: ICertificate,
  certificates: Readonly<Record<string, ICertificate>>,
  requiredRegion: string | undefined,
  why: string,
): void {
  const seen = new Map<ICertificate | string, string>();
  for (const [key, certificate] of Object.entries(certificates)) {
    const property = `additionalCertificates[${show(key)}]`;
    if (!CERTIFICATE_KEY.test(key)) {
      throw new ValidationError(
        scope,
        `additionalCertificates keys must be 1-64 letters, digits, "_" or "-" starting with a letter or digit (they name Terraform resources), got ${show(key)}`,
      );
    }
    checkIsCertificate(scope, property, certificate);
    if (
      certificate === defaultCertificate ||
      certificate.certificateArn === defaultCertificate.certificateArn
    ) {
      throw new ValidationError(
        scope,
        `${property} repeats the default certificate; the default certificate is served already and must not also be attached as an SNI certificate`,
      );
    }
    const previous = seen.get(certificate) ?? seen.get(certificate.certificateArn);
    if (previous !== undefined) {
      throw new ValidationError(
        scope,
        `${property} is the same certificate as additionalCertificates[${show(previous)}]; attach each certificate once`,
      );
    }
    seen.set(certificate, key);
    seen.set(certificate.certificateArn, key);
    checkCertificateRegion(scope, property, certificate, requiredRegion, why);
  }
}

/**
 * Creates one `aws_lb_listener_certificate` per key under `scope/SniCertificates/<key>`. Each is
 * create-before-destroy: both of its arguments force replacement, and the new attachment must
 * exist before the old one goes, or SNI clients get the default certificate in between.
 */
export function createListenerCertificates(
  scope: Construct,
  listenerArn: string,
  certificates: Readonly<Record<string, ICertificate>>,
  provider?: TerraformProvider,
): ReadonlyMap<string, LbListenerCertificate> {
  const attached = new Map<string, LbListenerCertificate>();
  const entries = Object.entries(certificates);
  if (entries.length === 0) return attached;
  const container = new Construct(scope, "SniCertificates");
  for (const [key, certificate] of entries) {
    attached.set(
      key,
      new LbListenerCertificate(container, key, {
        provider,
        listenerArn,
        certificateArn: certificate.certificateArn,
        lifecycle: { createBeforeDestroy: true },
      }),
    );
  }
  return attached;
}

/** Throws unless a literal port is a whole number from 1 to 65535. */
export function checkPort(scope: IConstruct, property: string, port: number): void {
  if (isUnresolved(port)) return;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError(
      scope,
      `${property} must be a whole number from 1 to 65535, got ${show(port)}`,
    );
  }
}

/**
 * Throws unless a literal ARN is an Elastic Load Balancing ARN of `kind`
 * (`loadbalancer/app`, `loadbalancer/net`, `targetgroup`). Tokens pass.
 */
export function checkElbArn(
  scope: IConstruct,
  property: string,
  arn: string,
  kind: "loadbalancer/app" | "loadbalancer/net" | "targetgroup",
  description: string,
): void {
  if (typeof arn !== "string" || arn === "") {
    throw new ValidationError(
      scope,
      `${property} must be the ARN of ${description}, got ${show(arn)}`,
    );
  }
  if (!isLiteral(arn)) return;
  const pattern = new RegExp(
    `^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\\d{12}:${kind.replace("/", "\\/")}\\/.+`,
  );
  if (!pattern.test(arn)) {
    throw new ValidationError(
      scope,
      `${property} must be the ARN of ${description} (arn:aws:elasticloadbalancing:<region>:<account>:${kind}/...), got ${show(arn)}`,
    );
  }
}

/**
 * Creates alias records for a load balancer listener after checking that every name is covered
 * by the listener's certificates. Shared by the ALB and NLB listeners.
 */
export function createLoadBalancerAliases(
  scope: Construct,
  options: LoadBalancerAliasOptions,
  hostNames: readonly string[],
  certificates: readonly ICertificate[],
): AliasRecords {
  const names = options.names ?? hostNames;
  if (names.length === 0) {
    throw new ValidationError(
      scope,
      "aliasRecords needs names: set aliasRecords.names or hostNames, got neither",
    );
  }
  checkCoverage(scope, "aliasRecords.names", names, certificates);
  return new AliasRecords(scope, "AliasRecords", {
    names,
    hostedZones: options.hostedZones,
    targetDnsName: options.loadBalancerDnsName,
    targetZoneId: options.loadBalancerZoneId,
    ipv6: options.ipv6,
    evaluateTargetHealth: options.evaluateTargetHealth,
  });
}

/** The props every ELB listener of this library checks first. */
interface ListenerTargetProps {
  readonly loadBalancerArn: string;
  readonly targetGroupArn: string;
  readonly certificate: ICertificate;
  readonly port?: number;
}

/**
 * Checks a listener's load balancer ARN (of `kind`), target group ARN, default certificate and
 * port, in that order; returns the port (default 443). Shared by the ALB and NLB listeners.
 */
export function checkListenerTarget(
  scope: IConstruct,
  props: ListenerTargetProps,
  kind: "loadbalancer/app" | "loadbalancer/net",
  description: string,
): number {
  checkElbArn(scope, "loadBalancerArn", props.loadBalancerArn, kind, description);
  checkElbArn(scope, "targetGroupArn", props.targetGroupArn, "targetgroup", "a target group");
  checkIsCertificate(scope, "certificate", props.certificate);
  const port = props.port ?? 443;
  checkPort(scope, "port", port);
  return port;
}

/** The certificate props of an ELB listener. */
interface ListenerCertificateProps {
  readonly certificate: ICertificate;
  readonly additionalCertificates?: Readonly<Record<string, ICertificate>>;
  readonly hostNames?: readonly string[];
  readonly provider?: TerraformProvider;
}

/** What differs between the ALB and NLB listeners in the certificate checks. */
export interface ListenerCertificateRules {
  /** The attachment, for region errors, for example "an Application Load Balancer listener". */
  readonly why: string;
  /** The load balancer, for the quota warning, for example "an Application Load Balancer". */
  readonly loadBalancer: string;
  /** The SNI certificate quota per load balancer; more gives a warning. */
  readonly maxSniCertificates: number;
  /** How the quota counts, appended to the warning. @default none */
  readonly quotaNote?: string;
}

/** A listener's certificates and host names, checked. */
export interface CheckedListenerCertificates {
  /** The SNI certificates by key (`{}` when none). */
  readonly additional: Readonly<Record<string, ICertificate>>;
  /** The default certificate, then the SNI certificates. */
  readonly allCertificates: readonly ICertificate[];
  /** The host names (`[]` when none). */
  readonly hostNames: readonly string[];
}

/**
 * Checks a listener's certificates: the default and SNI certificates are in the listener's
 * region (that of its provider), the SNI certificates pass {@link checkListenerCertificates},
 * and the host names are covered. Warns above the SNI quota. Shared by the ALB and NLB listeners.
 */
export function checkListenerCertificateSet(
  scope: IConstruct,
  props: ListenerCertificateProps,
  rules: ListenerCertificateRules,
): CheckedListenerCertificates {
  const region = regionOf(scope, props.provider);
  checkCertificateRegion(scope, "certificate", props.certificate, region, rules.why);
  const additional = props.additionalCertificates ?? {};
  checkListenerCertificates(scope, props.certificate, additional, region, rules.why);
  const allCertificates = [props.certificate, ...Object.values(additional)];
  const hostNames = props.hostNames ?? [];
  checkCoverage(scope, "hostNames", hostNames, allCertificates);
  const sniCount = Object.keys(additional).length;
  if (sniCount > rules.maxSniCertificates) {
    Annotations.of(scope).addWarning(
      `additionalCertificates has ${sniCount} certificates; ${rules.loadBalancer} takes at most ` +
        `${rules.maxSniCertificates} besides the default by default${rules.quotaNote ?? ""}. ` +
        "Request a quota increase before deploying, or the apply fails with TooManyCertificates.",
    );
  }
  return { additional, allCertificates, hostNames };
}

export interface AlbHttpsListenerProps {
  /** ARN of the existing Application Load Balancer (`loadbalancer/app/...`). */
  readonly loadBalancerArn: string;
  /**
   * The listener's default certificate: the one served to clients without SNI or whose name
   * matches no other certificate. ALB requires exactly one. It must be in the listener's region
   * (ACM certificates are regional).
   */
  readonly certificate: ICertificate;
  /** ARN of the target group the listener forwards to (its default action). */
  readonly targetGroupArn: string;
  /**
   * The HTTPS port.
   * @default 443
   */
  readonly port?: number;
  /**
   * The security policy. Always set explicitly: without it the API applies
   * `ELBSecurityPolicy-2016-08`, which allows TLS 1.0 and 1.1. Policies that allow TLS 1.0 or
   * 1.1 and unknown names are rejected (see `ELB_TLS_POLICIES`).
   * @default "ELBSecurityPolicy-TLS13-1-2-2021-06"
   */
  readonly sslPolicy?: string;
  /**
   * More certificates the listener serves by SNI, by stable key. The key names the Terraform
   * resource, so renaming a key replaces that attachment while reordering does nothing. At most
   * 25 per load balancer by default (ALB quota, adjustable; a warning is emitted above it). The
   * default certificate must not appear here. Each must be in the listener's region.
   * @default none
   */
  readonly additionalCertificates?: Readonly<Record<string, ICertificate>>;
  /**
   * Host names clients will use. Each must be covered by the default or an additional
   * certificate (a wildcard covers exactly one label); checked at synth.
   * @default none: coverage is not checked
   */
  readonly hostNames?: readonly string[];
  /**
   * Also create an HTTP listener on port 80 that answers every request with a permanent
   * (HTTP_301) redirect to HTTPS on `port`. Leave off when the load balancer already has a
   * port 80 listener: ports are unique per load balancer.
   * @default false
   */
  readonly redirectHttp?: boolean;
  /**
   * Route 53 alias A/AAAA records from names (default: `hostNames`) to the load balancer.
   * @default none
   */
  readonly aliasRecords?: LoadBalancerAliasOptions;
  /**
   * The AWS provider for the listener and its certificates; its region must be the load
   * balancer's and the certificates' region.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * An HTTPS listener on an existing Application Load Balancer: the validated certificate as
 * default, an explicit TLS policy, extra SNI certificates keyed by name, an optional HTTP to
 * HTTPS redirect listener and optional alias records.
 *
 * Checked at synth: the certificates are in the listener's region, the host names are covered,
 * the policy is known and requires TLS 1.2+, the default certificate is not repeated as SNI.
 */
export class AlbHttpsListener extends Construct {
  /** The HTTPS `aws_lb_listener`. */
  readonly listener: LbListener;
  /** The HTTPS listener's ARN. */
  readonly listenerArn: string;
  /** The security policy applied. */
  readonly sslPolicy: string;
  /** The HTTP:80 redirect listener, when `redirectHttp` is on. */
  readonly redirectListener?: LbListener;
  /** The SNI certificate attachments by key. */
  readonly listenerCertificates: ReadonlyMap<string, LbListenerCertificate>;
  /** The alias records, when `aliasRecords` is given. */
  readonly aliasRecords?: AliasRecords;

  constructor(scope: Construct, id: string, props: AlbHttpsListenerProps) {
    super(scope, id);
    const port = checkListenerTarget(
      this,
      props,
      "loadbalancer/app",
      "an Application Load Balancer",
    );
    if (props.redirectHttp && port === 80) {
      throw new ValidationError(
        this,
        "port must not be 80 when redirectHttp is on: the redirect listener takes port 80, got 80",
      );
    }
    this.sslPolicy = resolveElbTlsPolicy(this, "sslPolicy", props.sslPolicy);

    const { additional, allCertificates, hostNames } = checkListenerCertificateSet(this, props, {
      why: "an Application Load Balancer listener",
      loadBalancer: "an Application Load Balancer",
      maxSniCertificates: ALB_MAX_SNI_CERTIFICATES,
      quotaNote: " (counted over all its listeners)",
    });

    this.listener = new LbListener(this, "Listener", {
      provider: props.provider,
      loadBalancerArn: props.loadBalancerArn,
      port,
      protocol: "HTTPS",
      certificateArn: props.certificate.certificateArn,
      sslPolicy: this.sslPolicy,
      defaultAction: [{ type: "forward", targetGroupArn: props.targetGroupArn }],
    });
    this.listenerArn = this.listener.arn;
    this.listenerCertificates = createListenerCertificates(
      this,
      this.listenerArn,
      additional,
      props.provider,
    );

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

    if (props.aliasRecords) {
      this.aliasRecords = createLoadBalancerAliases(
        this,
        props.aliasRecords,
        hostNames,
        allCertificates,
      );
    }
  }
}
