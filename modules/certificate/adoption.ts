import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformProvider, TerraformResource } from "cdktf";
import { ARN_RULES, checkArn, checkArnRegion } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { accountKeyOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import {
  acmModuleAddresses,
  acmModuleFromState,
  AcmModuleResources,
  checkAcmModuleRecords,
  checkModuleAddress,
  StateSource,
  validatedNameOf,
} from "./acm-module-state";
import type { Certificate } from "./certificate";

/**
 * Taking over a certificate that exists already, instead of requesting a new one: Terraform
 * `import` blocks (a certificate by ARN, into any state) or `moved` blocks (from the
 * terraform-aws-modules/acm module, within the state that holds it). The certificate keeps its
 * ARN, so nothing that uses it changes; ACM keeps renewing it while its validation records stay.
 *
 * Import IDs, from the AWS provider's docs (5.100.0):
 *  - `aws_acm_certificate`: the certificate ARN
 *    (https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/acm_certificate#import);
 *  - `aws_route53_record`: `<zone id>_<record name>_<type>`, here `Z..._<_token.example.com>_CNAME`
 *    (https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/route53_record#import;
 *    the provider finds the type among the `_`-separated parts, so the leading `_` of an ACM
 *    record name is kept as is);
 *  - `aws_acm_certificate_validation` has no import: it "does not represent a real-world entity
 *    in AWS" (its docs). It is created, which for an issued certificate returns at once.
 *
 * Terraform imports, or moves, the object as it is and then plans the configuration against it:
 * the certificate's `domainName`, `subjectAlternativeNames` and `keyAlgorithm` must be the ones
 * it was issued with, or the plan replaces it (each forces a new certificate). With a module
 * state to compare against, that mismatch is a synth error; with a bare ARN it shows in the plan.
 */

/** An `import` block: Terraform reads the object with `id` into the state at `to`. */
export interface ImportBlock {
  readonly kind: "import";
  /** Our resource address, e.g. `aws_acm_certificate.Certificate_Certificate_1A2B3C4D`. */
  readonly to: string;
  /** The provider's import ID. */
  readonly id: string;
  /** The provider alias (`aws.us_east_1`), when not the default. */
  readonly provider?: string;
}

/** A `moved` block: the object in the state at `from` now belongs to `to`. */
export interface MovedBlock {
  readonly kind: "moved";
  readonly from: string;
  readonly to: string;
}

/** One block a takeover writes into the stack's Terraform JSON. */
export type AdoptionBlock = ImportBlock | MovedBlock;

/** Options of {@link CertificateAdoption.importArn}. */
export interface ImportCertificateOptions {
  /**
   * Route 53 validation records to import as well, by the wildcard-stripped name they validate:
   * each record's name as Route 53 holds it (`_3f2a...www.example.com`, trailing dot optional;
   * see `aws acm describe-certificate` or the old state). A record not listed is created again
   * with the same name and value, which Route 53 accepts as an UPSERT while `allowOverwrite` is
   * on (the default); with `allowOverwrite: false` every record must be listed.
   * @default none: every record is created (upserted)
   */
  readonly validationRecordNames?: Readonly<Record<string, string>>;
}

/**
 * A terraform-aws-modules/acm instance: its resources written out by hand, or read from a state
 * (`{ stateFile, moduleAddress }` or `{ state, moduleAddress }`, the output of
 * `terraform state pull`), which also lets synth compare the certificate's names and key.
 */
export type AcmModuleSource =
  AcmModuleResources | (StateSource & { readonly moduleAddress: string });

type Spec =
  | { readonly kind: "importArn"; readonly arn: string; readonly options: ImportCertificateOptions }
  | { readonly kind: "moveFromModule" | "importFromModule"; readonly module: AcmModuleSource };

/** What has been taken over already: certificates, and shared validation records. */
const certificateTakeovers = new WeakMap<Certificate, readonly AdoptionBlock[]>();
const recordTakeovers = new WeakMap<Route53Record, AdoptionBlock>();

/**
 * How a {@link Certificate} takes over an existing ACM certificate instead of requesting a new
 * one. Give it as the certificate's `adopt` prop, or call {@link applyTo}.
 */
export class CertificateAdoption {
  /**
   * Imports an existing certificate by ARN (an `import` block, Terraform 1.5+), into whatever
   * state the stack uses. A literal ARN must be an ACM certificate ARN in the region of the
   * certificate's provider (and in its account, when the provider names one). The validation
   * resource is created; validation records are created (upserted) unless listed in
   * `validationRecordNames`.
   */
  static importArn(
    certificateArn: string,
    options: ImportCertificateOptions = {},
  ): CertificateAdoption {
    return new CertificateAdoption({ kind: "importArn", arn: certificateArn, options });
  }

  /**
   * Takes over the resources of a terraform-aws-modules/acm instance within the same state
   * (the stack's backend is the state that holds the module): `moved` blocks from
   * `<module>.aws_acm_certificate.this[0]`, `.aws_route53_record.validation[i]` (to the record
   * of the same name) and `.aws_acm_certificate_validation.this[0]`. Every module record must
   * find a record of this certificate: one left behind would be deleted, CNAME included.
   */
  static moveFromAcmModule(module: AcmModuleSource): CertificateAdoption {
    return new CertificateAdoption({ kind: "moveFromModule", module });
  }

  /**
   * Imports the certificate and validation records of a terraform-aws-modules/acm instance into
   * a new state: the certificate by `certificateArn`, each record that has a `recordName` by
   * `<zone>_<name>_CNAME`. Afterwards remove the module from the old state without destroying
   * it (a `removed` block with `destroy = false`, Terraform 1.7+, or `terraform state rm`), or
   * the old configuration would delete what the new one now manages.
   */
  static importFromAcmModule(module: AcmModuleSource): CertificateAdoption {
    return new CertificateAdoption({ kind: "importFromModule", module });
  }

  private constructor(private readonly spec: Spec) {}

  /** `import` or `moved`: the kind of blocks this takeover writes. */
  get blockKind(): "import" | "moved" {
    return this.spec.kind === "moveFromModule" ? "moved" : "import";
  }

  /**
   * Writes the blocks into `certificate`'s stack and returns them. Everything is checked before
   * anything is written; a certificate is taken over once, and a shared validation record by one
   * source only.
   */
  applyTo(certificate: Certificate): readonly AdoptionBlock[] {
    if (certificateTakeovers.has(certificate)) {
      throw new ValidationError(
        certificate,
        "adopt: the certificate is taken over already; a certificate takes over one existing certificate",
      );
    }
    const spec = this.spec;
    const actions =
      spec.kind === "importArn"
        ? importActions(certificate, "adopt.certificateArn", spec.arn, spec.options)
        : spec.kind === "moveFromModule"
          ? moveFromModuleActions(certificate, resolveModule(certificate, spec.module))
          : importFromModuleActions(certificate, resolveModule(certificate, spec.module));
    for (const { resource, block } of actions) {
      if (block.kind === "moved") resource.moveFromId(block.from);
      else resource.importFrom(block.id, resource.provider);
      if (resource instanceof Route53Record) recordTakeovers.set(resource, block);
    }
    const blocks = actions.map((a) => a.block);
    certificateTakeovers.set(certificate, blocks);
    return blocks;
  }
}

/** The blocks a certificate's takeover wrote; empty when it has none. */
export function adoptionBlocksOf(certificate: Certificate): readonly AdoptionBlock[] {
  return certificateTakeovers.get(certificate) ?? [];
}

/**
 * The blocks as HCL, one after another, for review and for docs (`cdk.tf.json` holds the same
 * blocks as JSON). A value unknown at synth shows as `<token: unknown at synth>`.
 */
export function renderAdoptionBlocks(blocks: readonly AdoptionBlock[]): string {
  return blocks
    .map((b) =>
      b.kind === "moved"
        ? `moved {\n  from = ${b.from}\n  to   = ${b.to}\n}`
        : `import {\n  to = ${b.to}\n  id = ${show(b.id)}${b.provider ? `\n  provider = ${b.provider}` : ""}\n}`,
    )
    .join("\n");
}

interface Action {
  readonly resource: TerraformResource;
  readonly block: AdoptionBlock;
}

function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

function providerOf(resource: TerraformResource): string | undefined {
  const provider: TerraformProvider | undefined = resource.provider;
  return provider?.alias ? `${provider.terraformResourceType}.${provider.alias}` : undefined;
}

function importBlock(resource: TerraformResource, id: string): Action {
  const provider = providerOf(resource);
  return {
    resource,
    block: { kind: "import", to: addressOf(resource), id, ...(provider ? { provider } : {}) },
  };
}

/** A literal zone id without the `/hostedzone/` prefix the API returns; tokens unchanged. */
function bareZoneId(zoneId: string): string {
  return isLiteral(zoneId) ? zoneId.replace(/^\/hostedzone\//, "") : zoneId;
}

/** The module resources, read from a state when given one; checked either way. */
function resolveModule(certificate: Certificate, source: AcmModuleSource): AcmModuleResources {
  if ("stateFile" in source || "state" in source) {
    const module = acmModuleFromState(certificate, source, source.moduleAddress);
    checkAcmModuleRecords(certificate, "adopt.validationRecords", module.validationRecords, false);
    return module;
  }
  checkModuleAddress(certificate, "adopt.moduleAddress", source.moduleAddress);
  checkAcmModuleRecords(certificate, "adopt.validationRecords", source.validationRecords, true);
  return source;
}

/**
 * Throws when the module's certificate, as the state holds it, differs from this certificate in
 * what forces a new certificate: its domain name, its set of alternative names, its key
 * algorithm. Names unknown at synth on our side are not compared.
 */
function checkSameCertificate(certificate: Certificate, module: AcmModuleResources): void {
  const theirs = module.certificate;
  const ours = certificate.domainNames;
  if (!theirs || !ours) return;
  const from = acmModuleAddresses(module.moduleAddress).certificate;
  const replaced = "Terraform would replace the certificate instead of taking it over";
  if (theirs.domainName !== ours[0]) {
    throw new ValidationError(
      certificate,
      `adopt: ${from} has domain_name ${show(theirs.domainName)} in the state, but this certificate's domainName is ${show(ours[0])}; ${replaced} (domain_name forces a new certificate)`,
    );
  }
  // The provider stores the alternative names without the domain name itself.
  const sorted = (names: readonly string[]) =>
    [...new Set(names.filter((n) => n !== theirs.domainName))].sort();
  const theirSans = sorted(theirs.subjectAlternativeNames);
  const ourSans = sorted(ours.slice(1));
  if (JSON.stringify(theirSans) !== JSON.stringify(ourSans)) {
    throw new ValidationError(
      certificate,
      `adopt: ${from} has subject_alternative_names ${show(theirSans)} in the state, but this certificate's subjectAlternativeNames are ${show(ourSans)}; ${replaced} (subject_alternative_names forces a new certificate)`,
    );
  }
  const ourKey = certificate.keyAlgorithm.value;
  if (theirs.keyAlgorithm !== undefined && isLiteral(ourKey) && theirs.keyAlgorithm !== ourKey) {
    throw new ValidationError(
      certificate,
      `adopt: ${from} has key_algorithm ${show(theirs.keyAlgorithm)} in the state, but this certificate's keyAlgorithm is ${show(ourKey)}; ${replaced} (key_algorithm forces a new certificate)`,
    );
  }
}

/** Throws when the module's record is in another zone than ours: zone_id forces a new record. */
function checkSameZone(
  certificate: Certificate,
  from: string,
  theirs: string | undefined,
  record: Route53Record,
): void {
  const ours = record.zoneIdInput;
  if (theirs === undefined || theirs === "" || !isLiteral(theirs) || !isLiteral(ours)) return;
  if (bareZoneId(theirs) !== bareZoneId(ours)) {
    throw new ValidationError(
      certificate,
      `adopt: ${from} is in hosted zone ${show(theirs)}, but this certificate validates that name in ${show(ours)}; zone_id forces a new record, so Terraform would delete the live one`,
    );
  }
}

/** Throws when another takeover already claimed this (shared) validation record. */
function checkRecordFree(
  certificate: Certificate,
  record: Route53Record,
  source: string,
  wanted: AdoptionBlock,
): void {
  const claimed = recordTakeovers.get(record);
  if (!claimed) return;
  if (claimed.kind === "import" && wanted.kind === "import" && claimed.id === wanted.id) return;
  const other = claimed.kind === "moved" ? claimed.from : `import of ${show(claimed.id)}`;
  throw new ValidationError(
    certificate,
    `adopt: ${source} would take over ${addressOf(record)}, which ${other} takes over already ` +
      "(certificates that validate the same name share one record). One Route 53 record cannot " +
      "be two Terraform resources: remove the extra one from its state without deleting it " +
      `(terraform state rm '${source}') and leave it out here`,
  );
}

/**
 * The import blocks for a certificate ARN and the listed validation records (`zoneIds`: the zone
 * each record is in, when known from the old state; else the zone this certificate uses).
 */
function importActions(
  certificate: Certificate,
  property: string,
  certificateArn: string,
  options: ImportCertificateOptions,
  zoneIds: Readonly<Record<string, string>> = {},
): Action[] {
  const parsed = checkArn(certificate, property, certificateArn, ARN_RULES.acmCertificate);
  checkArnRegion(certificate, property, parsed, certificate.region, "the certificate's provider");
  const account = accountKeyOf(certificate, certificate.resource.provider);
  if (parsed && /^\d{12}$/.test(account) && parsed.account !== account) {
    throw new ValidationError(
      certificate,
      `${property} is in account ${show(parsed.account)} (read from the ARN), but the certificate's provider acts in account ${show(account)}`,
    );
  }
  const actions: Action[] = [importBlock(certificate.resource, certificateArn)];
  const names = options.validationRecordNames ?? {};
  if (typeof names !== "object" || names === null) {
    throw new ValidationError(
      certificate,
      `adopt.validationRecordNames must map validated names to record names, got ${show(names)}`,
    );
  }
  for (const [name, recordName] of Object.entries(names)) {
    const at = `adopt.validationRecordNames[${show(name)}]`;
    const record = certificate.validationRecords.get(name);
    if (!record) {
      throw new ValidationError(
        certificate,
        `${at}: this certificate has no Route 53 validation record for ${show(name)}; it has ${[...certificate.validationRecords.keys()].map((n) => show(n)).join(", ") || "none (validation is not Route 53)"}`,
      );
    }
    if (typeof recordName !== "string" || recordName === "") {
      throw new ValidationError(
        certificate,
        `${at} must be the record's name in Route 53, got ${show(recordName)}`,
      );
    }
    if (isLiteral(recordName) && validatedNameOf(recordName) !== name) {
      throw new ValidationError(
        certificate,
        `${at} must be the ACM validation record of ${show(name)} ("_<token>.${name}"), got ${show(recordName)}`,
      );
    }
    const bareName = isLiteral(recordName) ? recordName.replace(/\.$/, "") : recordName;
    const zoneId = zoneIds[name] ?? record.zoneIdInput ?? "";
    const action = importBlock(record, `${bareZoneId(zoneId)}_${bareName}_CNAME`);
    checkRecordFree(certificate, record, at, action.block);
    if (!recordTakeovers.has(record)) actions.push(action);
  }
  for (const [name, record] of certificate.validationRecords) {
    if (name in names || recordTakeovers.has(record)) continue;
    if (record.allowOverwriteInput === false) {
      throw new ValidationError(
        certificate,
        `adopt: the validation record for ${show(name)} is created with allowOverwrite false, but the adopted certificate's record exists already, so the create would fail; give its name in validationRecordNames to import it, or allow overwriting`,
      );
    }
  }
  return actions;
}

function moveFromModuleActions(certificate: Certificate, module: AcmModuleResources): Action[] {
  checkSameCertificate(certificate, module);
  const at = acmModuleAddresses(module.moduleAddress);
  const actions: Action[] = [
    {
      resource: certificate.resource,
      block: { kind: "moved", from: at.certificate, to: addressOf(certificate.resource) },
    },
  ];
  for (const theirs of module.validationRecords) {
    const from = at.record(theirs.index);
    const record = certificate.validationRecords.get(theirs.domainName);
    if (!record) {
      throw new ValidationError(
        certificate,
        `adopt: ${from} validates ${show(theirs.domainName)}, which this certificate has no Route 53 validation record for (it has ${[...certificate.validationRecords.keys()].map((n) => show(n)).join(", ") || "none"}); left in the state without configuration, Terraform would delete it and the CNAME that renewals need`,
      );
    }
    checkSameZone(certificate, from, theirs.zoneId, record);
    const block: MovedBlock = { kind: "moved", from, to: addressOf(record) };
    checkRecordFree(certificate, record, from, block);
    actions.push({ resource: record, block });
  }
  if (module.hasValidation !== false && certificate.validationResource) {
    actions.push({
      resource: certificate.validationResource,
      block: { kind: "moved", from: at.validation, to: addressOf(certificate.validationResource) },
    });
  }
  return actions;
}

function importFromModuleActions(certificate: Certificate, module: AcmModuleResources): Action[] {
  if (module.certificateArn === undefined || module.certificateArn === "") {
    throw new ValidationError(
      certificate,
      `adopt.certificateArn of ${module.moduleAddress} is needed to import its certificate (aws_acm_certificate.this[0].arn in the old state), got ${show(module.certificateArn)}`,
    );
  }
  checkSameCertificate(certificate, module);
  const at = acmModuleAddresses(module.moduleAddress);
  const names: Record<string, string> = {};
  const zoneIds: Record<string, string> = {};
  for (const theirs of module.validationRecords) {
    const record = certificate.validationRecords.get(theirs.domainName);
    // A module record for a name this certificate does not validate stays with the old state.
    if (!record || theirs.recordName === undefined) continue;
    checkSameZone(certificate, at.record(theirs.index), theirs.zoneId, record);
    names[theirs.domainName] = theirs.recordName;
    // The import ID names the existing record, so its zone is the one the old state knows.
    if (isLiteral(theirs.zoneId) && theirs.zoneId !== "")
      zoneIds[theirs.domainName] = theirs.zoneId;
  }
  return importActions(
    certificate,
    "adopt.certificateArn",
    module.certificateArn,
    { validationRecordNames: names },
    zoneIds,
  );
}
