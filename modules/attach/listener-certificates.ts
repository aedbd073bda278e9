import { LbListenerCertificate } from "@cdktf/provider-aws/lib/lb-listener-certificate";
import { Annotations, TerraformProvider } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { checkCertificateRegion, checkCoverage, checkDistinctNames } from "./attachment-checks";

/**
 * The certificates of a load balancer listener: the default certificate plus SNI certificates
 * (`aws_lb_listener_certificate`) keyed by a stable name. Shared by the ALB HTTPS and NLB TLS
 * listeners.
 */

/** A stable key for a listener certificate: it becomes part of the Terraform address. */
const CERTIFICATE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Throws unless `key` can name an SNI certificate: 1-64 letters, digits, `_` or `-`, starting
 * with a letter or digit. The key becomes part of a construct id and of Terraform resource names.
 */
export function checkSniCertificateKey(scope: IConstruct, property: string, key: string): void {
  if (!CERTIFICATE_KEY.test(key)) {
    throw new ValidationError(
      scope,
      `${property} keys must be 1-64 letters, digits, "_" or "-" starting with a letter or digit (they name Terraform resources), got ${show(key)}`,
    );
  }
}

/**
 * Checks extra SNI certificates for a listener. Throws when a key is not a stable identifier,
 * when a certificate repeats the default certificate (same object or same ARN: the provider
 * documents `aws_lb_listener_certificate` as being for additional certificates only, and a
 * default certificate that is also an SNI certificate keeps being served after the default is
 * swapped) or another SNI certificate, and when a certificate is not in `requiredRegion`
 * (skipped when that is undefined, i.e. unknown at synth).
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
    checkSniCertificateKey(scope, "additionalCertificates", key);
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

/** The certificate props of an ELB listener. */
export interface ListenerCertificateProps {
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
 * and the host names are covered. Warns above the SNI quota.
 */
export function checkListenerCertificateSet(
  scope: IConstruct,
  props: ListenerCertificateProps,
  rules: ListenerCertificateRules,
): CheckedListenerCertificates {
  const region = regionOf(scope, props.provider);
  checkIsCertificate(scope, "certificate", props.certificate);
  checkCertificateRegion(scope, "certificate", props.certificate, region, rules.why);
  const additional = props.additionalCertificates ?? {};
  checkListenerCertificates(scope, props.certificate, additional, region, rules.why);
  const allCertificates = [props.certificate, ...Object.values(additional)];
  const hostNames = props.hostNames ?? [];
  checkDistinctNames(scope, "hostNames", hostNames);
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
