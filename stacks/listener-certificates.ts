import { LoadBalancerAliasOptions } from "../modules/attach/load-balancer-aliases";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { checkSniCertificateKey } from "../modules/attach/listener-certificates";
import { HostedZoneRef } from "../modules/dns/hosted-zone";
import { show } from "../modules/util/errors";
import { checkDistinctIdentifiers } from "../modules/util/identifiers";
import { BaseStack } from "./base-stack";

/** A Route 53 zone of the stack's account, given by id and name (no lookup at plan). */
export interface ListenerZoneConfig {
  readonly zoneId: string;
  readonly zoneName: string;
}

/** A DNS-validated certificate a listener stack requests in its own region. */
export interface ListenerCertificateConfig {
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default the provider's 75m */
  readonly validationTimeout?: string;
}

/** The load balancer's DNS name and canonical zone id, for alias records. */
export interface LoadBalancerDnsConfig {
  /** `aws_lb.dns_name`, e.g. `web-1234567890.eu-west-1.elb.amazonaws.com`. */
  readonly dnsName: string;
  /** `aws_lb.zone_id`: the load balancer's canonical hosted zone id for its region. */
  readonly zoneId: string;
  /** Also create AAAA records. @default true */
  readonly ipv6?: boolean;
}

/** Requests each certificate with DNS validation in `zones`, through the stack's provider. */
export function requestListenerCertificates(
  stack: BaseStack,
  zones: readonly HostedZoneRef[],
  certificates: Readonly<Record<string, ListenerCertificateConfig>>,
): Record<string, Certificate> {
  const created: Record<string, Certificate> = {};
  for (const [id, c] of Object.entries(certificates)) {
    created[id] = new Certificate(stack, id, {
      domainName: c.domainName,
      subjectAlternativeNames: c.subjectAlternativeNames,
      keyAlgorithm: c.keyAlgorithm,
      validationTimeout: c.validationTimeout,
      validation: CertificateValidation.fromDns(zones),
    });
  }
  return created;
}

/** A listener's default certificate and its SNI certificates by key. */
export interface ListenerCertificates {
  readonly certificate: Certificate;
  readonly additionalCertificates: Readonly<Record<string, Certificate>>;
}

/**
 * Requests a listener's default certificate (construct id `Certificate`), then its SNI
 * certificates (construct id `Certificate_<key>`), with DNS validation in `zones`. The ids are
 * Terraform addresses: keep them. The keys are checked first, before anything is created: each
 * must name an SNI certificate, and no two keys may produce the same output name.
 */
export function requestDefaultAndSniCertificates(
  stack: BaseStack,
  zones: readonly HostedZoneRef[],
  certificate: ListenerCertificateConfig,
  additionalCertificates: Readonly<Record<string, ListenerCertificateConfig>> = {},
): ListenerCertificates {
  checkSniCertificateKeys(stack, Object.keys(additionalCertificates));
  const defaultCertificate = requestListenerCertificates(stack, zones, {
    Certificate: certificate,
  }).Certificate;
  const requested = requestListenerCertificates(
    stack,
    zones,
    Object.fromEntries(
      Object.entries(additionalCertificates).map(([key, c]) => [`Certificate_${key}`, c]),
    ),
  );
  return {
    certificate: defaultCertificate,
    additionalCertificates: Object.fromEntries(
      Object.keys(additionalCertificates).map((key) => [key, requested[`Certificate_${key}`]]),
    ),
  };
}

/**
 * Each key must name an SNI certificate, and the outputs {@link outputListenerCertificates}
 * derives from the keys (`sni_<key>_certificate_arn`, `sni_<key>_unvalidated_certificate_arn`)
 * must not collide: key `a_unvalidated` would take key `a`'s second output name.
 */
function checkSniCertificateKeys(stack: BaseStack, keys: readonly string[]): void {
  for (const key of keys) checkSniCertificateKey(stack, "additionalCertificates", key);
  checkDistinctIdentifiers(
    stack,
    "additionalCertificates key",
    keys,
    (key) => `sni_${key}_certificate_arn`,
    Object.fromEntries(
      keys.map((key) => [
        `sni_${key}_unvalidated_certificate_arn`,
        `the unvalidated-ARN output of additionalCertificates key ${show(key)}`,
      ]),
    ),
  );
}

/**
 * Outputs the ARNs of a listener's certificates: the default certificate as
 * `default_certificate_arn`, each SNI certificate as `sni_<key>_certificate_arn` (and their
 * unvalidated ARNs, see `BaseStack.outputCertificate`).
 */
export function outputListenerCertificates(
  stack: BaseStack,
  certificates: ListenerCertificates,
): void {
  stack.outputCertificate("default", certificates.certificate);
  for (const [key, c] of Object.entries(certificates.additionalCertificates)) {
    stack.outputCertificate(`sni_${key}`, c);
  }
}

/**
 * The listener's alias record options for a load balancer given by DNS name and zone id, with
 * the records in `zones`; undefined without `loadBalancerDns` (no alias records).
 */
export function loadBalancerAliasOptions(
  zones: readonly HostedZoneRef[],
  loadBalancerDns: LoadBalancerDnsConfig | undefined,
): LoadBalancerAliasOptions | undefined {
  return (
    loadBalancerDns && {
      hostedZones: zones,
      loadBalancerDnsName: loadBalancerDns.dnsName,
      loadBalancerZoneId: loadBalancerDns.zoneId,
      ipv6: loadBalancerDns.ipv6,
    }
  );
}
