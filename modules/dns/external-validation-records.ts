import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Fn, IResolvable, TerraformLocal, Token } from "cdktf";
import { Construct } from "constructs";
import { checkRecordTtl } from "../certificate/validation-checks";
import {
  certificateNameProblem,
  duplicateNames,
  MAX_NAME_LENGTH,
  MAX_NAMES_PER_CERTIFICATE,
  validationNames,
} from "../util/domain-name";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";
import { checkHostedZones, HostedZoneRef } from "./hosted-zone";
import { DnsValidationRecords } from "./validation-records";
import { matchZone } from "./zone-matching";

export interface ExternalValidationRecordsProps {
  /**
   * Every name of the certificate (its domain name and SANs, wildcards as they are). They must
   * be known at synth: records are addressed by name, and Terraform cannot key resources by
   * values it learns only from the other state. `example.com` and `*.example.com` share one
   * record. Each name follows ACM's rules (lower-case, no trailing dot, at most 253 characters,
   * a wildcard only as the whole leftmost label, validation record within DNS's 253).
   */
  readonly domainNames: readonly string[];
  /**
   * The certificate's validation options, as a token:
   * - in one app, `CertificateValidationHandoff.validationOptions` of the certificate's stack
   *   (cdktf turns it into a cross-stack reference);
   * - from another state, a `terraform_remote_state` output: the `<name>_validation_options`
   *   map that `SplitDnsCertificateStack` outputs, or a certificate's raw
   *   `domain_validation_options` (what terraform-aws-modules/acm outputs as
   *   `acm_certificate_domain_validation_options`).
   * Each record picks its name, type and value out of it by domain name. A literal value is
   * refused: it would not follow the certificate.
   */
  readonly validationOptions: IResolvable | string;
  /**
   * The Route 53 zones the records go to, each name to the zone with the longest matching
   * suffix; every name needs one. A zone's `provider` is the one that writes its records (the DNS
   * account's).
   */
  readonly hostedZones: readonly HostedZoneRef[];
  /** TTL of the records, in seconds (Route 53: 0 to 2147483647). @default 60 */
  readonly recordTtl?: number;
  /**
   * Let Terraform take over an existing record of the same name. ACM gives the same record to
   * every certificate for a name in one account, so this is on by default.
   * @default true
   */
  readonly allowOverwrite?: boolean;
  /**
   * The 12-digit id of the account the certificate is requested in. ACM derives the record from
   * the name and that account, so two record sets of one stack share a record for a name only
   * when this matches; set it when the stack creates records for certificates of several
   * accounts. It becomes part of the record's address (`acm_validation_<name>_<account>`).
   * @default "default": one account for every record set of the stack that leaves it unset
   */
  readonly certificateAccount?: string;
}

/**
 * The DNS side of a certificate requested in another stack or state ("records only"): one
 * Route 53 validation record per wildcard-stripped name, in the most specific of `hostedZones`,
 * through that zone's provider. The records live in the stack-wide registry
 * (`DnsValidationRecords`), so they are addressed by name
 * (`aws_route53_record.acm_validation_www_example_com`), shared by every certificate of the same
 * account that validates the name, and keep `ignore_changes` on their name, type and value: a
 * replaced certificate neither deletes nor recreates them (README, "Rotating certificates").
 *
 * It gives back the records' FQDNs keyed by name, for the waiter (`ValidatedCertificate`) in
 * the certificate's account.
 */
export class ExternalValidationRecords extends Construct {
  /** The records by wildcard-stripped name (possibly shared with other record sets). */
  readonly records: ReadonlyMap<string, Route53Record>;
  /**
   * The records' FQDNs keyed by wildcard-stripped name, as a token (a Terraform local of this
   * stack): output it, or read it from another stack of the app.
   */
  readonly validationRecordFqdnsByName: IResolvable;
  /** The records' FQDNs as a list token, for `ValidatedCertificate.validationRecordFqdns`. */
  readonly validationRecordFqdns: string[];

  constructor(scope: Construct, id: string, props: ExternalValidationRecordsProps) {
    super(scope, id);
    const names = this.checkDomainNames(props.domainNames);
    this.checkValidationOptions(props.validationOptions);
    this.checkZones(names, props.hostedZones);
    checkRecordTtl(this, props.recordTtl, "recordTtl");
    this.checkCertificateAccount(props.certificateAccount);

    const registry = DnsValidationRecords.of(this);
    const options = Token.asString(props.validationOptions);
    const records = new Map<string, Route53Record>();
    for (const name of validationNames(names)) {
      records.set(
        name,
        registry.recordFor({
          validationOptions: options,
          name,
          zone: matchZone(name, props.hostedZones)!,
          accountKey: props.certificateAccount ?? "default",
          ttl: props.recordTtl ?? 60,
          allowOverwrite: props.allowOverwrite ?? true,
          requester: this,
        }),
      );
    }
    this.records = records;
    const fqdns = new TerraformLocal(
      this,
      "ValidationRecordFqdns",
      Object.fromEntries([...records].map(([name, record]) => [name, record.fqdn])),
    );
    this.validationRecordFqdnsByName = fqdns.expression as IResolvable;
    this.validationRecordFqdns = Token.asList(Fn.values(fqdns.expression));
  }

  /** A non-empty list of literal, valid, distinct certificate names. */
  private checkDomainNames(names: unknown): string[] {
    if (!Array.isArray(names) || isUnresolved(names) || names.length === 0) {
      throw new ValidationError(
        this,
        `domainNames must list the certificate's names (at least one, known at synth), got ${show(names)}`,
      );
    }
    names.forEach((name: unknown, i) => {
      if (typeof name !== "string" || isUnresolved(name)) {
        throw new ValidationError(
          this,
          `domainNames[${i}] must be a name known at synth (records are keyed by name), got ${show(name)}`,
        );
      }
      const problem = certificateNameProblem(name, MAX_NAME_LENGTH, {
        publicCertificate: true,
        dnsValidation: true,
      });
      if (problem) throw new ValidationError(this, `domainNames[${i}] ${problem}: ${show(name)}`);
    });
    const dups = duplicateNames(names as string[]);
    if (dups.length > 0) {
      throw new ValidationError(
        this,
        `domainNames must not repeat a name, got ${dups.map((d) => show(d)).join(", ")} more than once`,
      );
    }
    if (names.length > MAX_NAMES_PER_CERTIFICATE) {
      throw new ValidationError(
        this,
        `domainNames lists ${names.length} names; an ACM certificate carries at most ${MAX_NAMES_PER_CERTIFICATE}`,
      );
    }
    return names as string[];
  }

  private checkValidationOptions(options: unknown): void {
    if (!isUnresolved(options)) {
      throw new ValidationError(
        this,
        "validationOptions must be a token that follows the certificate: CertificateValidationHandoff.validationOptions " +
          "from a stack of this app, or a terraform_remote_state output; " +
          `got the literal ${show(options)}`,
      );
    }
  }

  /** Valid zones (`checkHostedZones`), at least one, and one authoritative for every name. */
  private checkZones(names: readonly string[], zones: readonly HostedZoneRef[]): void {
    if (!Array.isArray(zones) || zones.length === 0) {
      throw new ValidationError(
        this,
        `hostedZones must name at least one Route 53 zone, got ${show(zones)}`,
      );
    }
    checkHostedZones(this, "hostedZones", zones);
    const orphans = names.filter((n) => !matchZone(n, zones));
    if (orphans.length > 0) {
      throw new ValidationError(
        this,
        `no hosted zone is authoritative for ${orphans.map((n) => show(n)).join(", ")}; ` +
          `hostedZones are ${zones.map((z) => show(z.zoneName)).join(", ")}`,
      );
    }
  }

  private checkCertificateAccount(account: string | undefined): void {
    if (account === undefined) return;
    if (typeof account !== "string" || !/^\d{12}$/.test(account)) {
      throw new ValidationError(
        this,
        `certificateAccount must be a 12-digit AWS account id known at synth (it becomes part of the record addresses), got ${show(account)}`,
      );
    }
  }
}
