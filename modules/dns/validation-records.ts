import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { nameSlug } from "../util/domain-name";
import { ValidationError } from "../util/errors";
import { HostedZoneRef } from "./hosted-zone";

/** One of the three fields ACM gives for a DNS validation record. */
export type ValidationRecordField =
  "resource_record_name" | "resource_record_type" | "resource_record_value";

/**
 * A Terraform expression that picks one field of the validation record ACM asks for `name`,
 * out of `certificate.domain_validation_options`, by domain name. `name` is a wildcard-stripped
 * name: the entries for `example.com` and `*.example.com` carry the same record, hence
 * `distinct`. Never `tolist(...)[i]`: the options are a set with no guaranteed order.
 */
export function validationOptionExpression(
  certificate: AcmCertificate | string,
  name: string,
  field: ValidationRecordField,
): string {
  const address = typeof certificate === "string" ? certificate : resourceAddress(certificate);
  return pickValidationOption(`${address}.domain_validation_options`, name, field);
}

/**
 * The same pick out of any collection of validation options: `options` is a Terraform expression
 * (or a token) whose elements carry `domain_name` and the three `resource_record_*` fields.
 * `for` iterates the values of a map as it does the elements of a set, so this reads a
 * certificate's `domain_validation_options` as well as a map of those objects keyed by name,
 * such as the one `CertificateValidationHandoff` exports to another stack.
 */
export function pickValidationOption(
  options: string,
  name: string,
  field: ValidationRecordField,
): string {
  return (
    `\${one(distinct([for o in ${options} : o.${field} ` +
    `if trimprefix(o.domain_name, "*.") == ${JSON.stringify(name)}]))}`
  );
}

/**
 * The record arguments derived from the certificate's validation options: ignored after the
 * record is created (see `DnsValidationRecords.recordFor`).
 */
export const VALIDATION_RECORD_DERIVED = ["name", "type", "records"] as const;

/** `aws_acm_certificate.<logical id>`, the address expressions refer to. */
export function resourceAddress(resource: AcmCertificate): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

export interface ValidationRecordRequest {
  /**
   * The certificate whose validation options give the record's name, type and value. Give this
   * or `validationOptions`.
   */
  readonly certificate?: AcmCertificate;
  /**
   * The validation options of a certificate that lives in another stack or state, as a token
   * (a cross-stack reference or a `terraform_remote_state` output): see `pickValidationOption`.
   * Give this or `certificate`.
   */
  readonly validationOptions?: string;
  /** The wildcard-stripped name being validated. */
  readonly name: string;
  readonly zone: HostedZoneRef;
  /** Account key of the certificate's provider: records are shared only within one account. */
  readonly accountKey: string;
  readonly ttl: number;
  readonly allowOverwrite: boolean;
  /** The construct asking, for error messages. */
  readonly requester: IConstruct;
}

interface Entry {
  readonly record: Route53Record;
  readonly zone: HostedZoneRef;
  readonly requester: IConstruct;
}

/**
 * The stack-wide registry of ACM DNS validation records. ACM derives the record from the domain
 * name and the account, so two certificates in one account that validate the same name (a
 * regional and a us-east-1 certificate, or two certificates sharing a SAN) need the same record.
 * Emitting it twice makes one resource delete the other's record on destroy and breaks renewal.
 * Here each (account, name) gets exactly one `aws_route53_record`, addressed by the name:
 * `aws_route53_record.acm_validation_www_example_com`. Its address does not move when
 * certificates are added or removed around it.
 */
export class DnsValidationRecords extends Construct {
  static readonly ID = "AcmValidationRecords";

  /** The registry of the stack that holds `scope`, created on first use. */
  static of(scope: IConstruct): DnsValidationRecords {
    const stack = TerraformStack.of(scope);
    const existing = stack.node.tryFindChild(DnsValidationRecords.ID);
    return (
      (existing as DnsValidationRecords | undefined) ??
      new DnsValidationRecords(stack, DnsValidationRecords.ID)
    );
  }

  private readonly entries = new Map<string, Entry>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /** The record for a request: the existing one for its account and name, or a new one. */
  recordFor(request: ValidationRecordRequest): Route53Record {
    const key = `${request.accountKey}|${request.name}`;
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.zone.zoneId !== request.zone.zoneId) {
        throw new ValidationError(
          request.requester,
          `validation record for ${JSON.stringify(request.name)} would go to zone ` +
            `${JSON.stringify(request.zone.zoneName)} (${request.zone.zoneId}), but ` +
            `${existing.requester.node.path} already validates it in zone ` +
            `${JSON.stringify(existing.zone.zoneName)} (${existing.zone.zoneId}); ` +
            "give both certificates the same hostedZones",
        );
      }
      return existing.record;
    }
    const logicalId =
      request.accountKey === "default"
        ? `acm_validation_${nameSlug(request.name)}`
        : `acm_validation_${nameSlug(request.name)}_${request.accountKey.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const options = optionsOf(request);
    const { name } = request;
    const record = new Route53Record(this, logicalId, {
      provider: request.zone.provider,
      zoneId: request.zone.zoneId,
      name: pickValidationOption(options, name, "resource_record_name"),
      type: pickValidationOption(options, name, "resource_record_type"),
      records: [pickValidationOption(options, name, "resource_record_value")],
      ttl: request.ttl,
      allowOverwrite: request.allowOverwrite,
      // A rotation (a name added or removed, another key algorithm) replaces the certificate, so
      // these three expressions become unknown until the new certificate exists. Left alone,
      // Terraform would replace the record: delete-first (a window without the record for every
      // certificate that shares it) or, when anything downstream of the certificate is
      // create_before_destroy, create-then-delete, where the create overwrites the live record
      // and the delete of the deposed one then removes it. ACM gives the same CNAME for a domain
      // name in one account, whatever the certificate, so the record's content never changes
      // while it has this address (the address is the name plus the account). Ignoring changes
      // keeps the record in place through every rotation.
      lifecycle: { ignoreChanges: [...VALIDATION_RECORD_DERIVED] },
    });
    record.overrideLogicalId(logicalId);
    this.entries.set(key, { record, zone: request.zone, requester: request.requester });
    return record;
  }

  /** Every record in the registry, keyed `account|name`. */
  get records(): ReadonlyMap<string, Route53Record> {
    return new Map([...this.entries].map(([k, e]) => [k, e.record]));
  }
}

/** The options expression a request picks from: exactly one of its two sources. */
function optionsOf(request: ValidationRecordRequest): string {
  if ((request.certificate === undefined) === (request.validationOptions === undefined)) {
    // A caller inside this library got it wrong; not a user input.
    throw new Error(
      "ValidationRecordRequest needs exactly one of certificate and validationOptions",
    );
  }
  return (
    request.validationOptions ??
    `${resourceAddress(request.certificate!)}.domain_validation_options`
  );
}
