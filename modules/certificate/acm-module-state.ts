import * as fs from "node:fs";
import { IConstruct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

/**
 * What an instance of the terraform-aws-modules/acm module holds in a Terraform state, as much as
 * a takeover needs. The module (main.tf of
 * https://github.com/terraform-aws-modules/terraform-aws-acm) creates, all with `count`:
 *  - `aws_acm_certificate.this[0]`;
 *  - `aws_route53_record.validation[i]`, one per distinct wildcard-stripped name, where record
 *    `i` is element `i` of `distinct([for v in aws_acm_certificate.this[0].domain_validation_options : ...])`;
 *  - `aws_acm_certificate_validation.this[0]`, unless `wait_for_validation` is off.
 *
 * `domain_validation_options` is a set of objects. Terraform iterates a set of objects in the
 * order of their serialized bytes (`setRules.Less` in go-cty's cty/set_internals.go,
 * https://github.com/zclconf/go-cty/blob/main/cty/set_internals.go), which go-cty calls
 * "consistent-but-undefined" and no compatibility constraint. With Terraform 1.11 that is, in
 * effect, `domain_name` in lexical order, `*.` names first: names given as
 * `["www.example.com", "example.com"]` get `validation[0]` for `example.com`. So index `i` is
 * not the position of a name in `domain_name` + `subject_alternative_names`, and a state written
 * by an older Terraform may hold another order. Read the mapping from the state, with
 * {@link acmModuleFromState}, or from `terraform state show 'module.acm.aws_route53_record.validation[0]'`
 * (its `name` is `_<token>.<validated name>`).
 */
export interface AcmModuleResources {
  /**
   * The module instance's address: `module.<name>`, with an instance key when the module call
   * uses `count` or `for_each` (`module.acm[0]`, `module.acm["site"]`), nested modules joined with
   * dots (`module.edge.module.acm`).
   */
  readonly moduleAddress: string;
  /**
   * The ARN of the module's certificate, `aws_acm_certificate.this[0].arn`. Needed to import it
   * into a new state; not read when the resources move within one state.
   * @default unknown
   */
  readonly certificateArn?: string;
  /**
   * Every `aws_route53_record.validation[i]` of the instance in the state (none when the module
   * created no records: `create_route53_records = false`, or email validation).
   */
  readonly validationRecords: readonly AcmModuleValidationRecord[];
  /**
   * Whether the state holds `aws_acm_certificate_validation.this[0]`.
   * @default true
   */
  readonly hasValidation?: boolean;
  /**
   * The certificate's names and key algorithm as the state holds them, to refuse at synth a
   * takeover that Terraform would turn into a replacement (all three force a new certificate).
   * Filled in by {@link acmModuleFromState}.
   * @default unknown: not compared
   */
  readonly certificate?: {
    readonly domainName: string;
    readonly subjectAlternativeNames: readonly string[];
    readonly keyAlgorithm?: string;
  };
}

/** One `aws_route53_record.validation[index]` of the module. */
export interface AcmModuleValidationRecord {
  /** The count index. */
  readonly index: number;
  /** The wildcard-stripped name the record validates (`example.com` for `*.example.com`). */
  readonly domainName: string;
  /**
   * The record's name as Route 53 holds it, for example `_3f2a...example.com` (with or without
   * the trailing dot): needed only to import the record into a new state.
   * @default unknown: the record is not imported (it is created again; see `CertificateAdoption`)
   */
  readonly recordName?: string;
  /** The hosted zone id of the record. @default unknown: not compared */
  readonly zoneId?: string;
}

/** A module instance address: `module.<name>` with an optional instance key, possibly nested. */
const MODULE_ADDRESS =
  /^module\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|"[^"\\]*")\])?(\.module\.[A-Za-z_][A-Za-z0-9_-]*(\[(\d+|"[^"\\]*")\])?)*$/;

/** Throws unless `address` is a module instance address. */
export function checkModuleAddress(scope: IConstruct, property: string, address: unknown): void {
  if (typeof address !== "string" || !MODULE_ADDRESS.test(address)) {
    throw new ValidationError(
      scope,
      `${property} must be a module instance address such as "module.acm", "module.acm[0]", "module.acm[\\"site\\"]" or "module.edge.module.acm", got ${show(address)}`,
    );
  }
}

/** The three resource addresses of a module instance. */
export function acmModuleAddresses(moduleAddress: string): {
  readonly certificate: string;
  readonly validation: string;
  readonly record: (index: number) => string;
} {
  return {
    certificate: `${moduleAddress}.aws_acm_certificate.this[0]`,
    validation: `${moduleAddress}.aws_acm_certificate_validation.this[0]`,
    record: (index) => `${moduleAddress}.aws_route53_record.validation[${index}]`,
  };
}

/**
 * The domain name an ACM validation record validates: its name without the first label
 * (`_x.www.example.com.` → `www.example.com`), lower-case, no trailing dot. Undefined when the
 * name is not of that form.
 */
export function validatedNameOf(recordName: string): string | undefined {
  const name = recordName.toLowerCase().replace(/\.$/, "");
  const dot = name.indexOf(".");
  if (!name.startsWith("_") || dot < 2 || dot === name.length - 1) return undefined;
  return name.slice(dot + 1);
}

/** Where {@link acmModuleFromState} reads a state from. */
export type StateSource =
  /** A parsed state (format 4), for example `JSON.parse` of `terraform state pull`. */
  | { readonly state: object }
  /** A state file: what `terraform state pull > acm.tfstate.json` writes. */
  | { readonly stateFile: string };

interface StateResource {
  module?: string;
  mode?: string;
  type?: string;
  name?: string;
  instances?: Array<{ index_key?: unknown; attributes?: Record<string, unknown> }>;
}

/**
 * Reads one module instance out of a Terraform state (format 4): the certificate's ARN, names and
 * key algorithm, every validation record with its index, name and zone, and whether the
 * validation resource is there. Throws a ValidationError on `scope` when the state cannot be read
 * or holds no certificate at `<moduleAddress>.aws_acm_certificate.this[0]` (the message lists the
 * module instances it does hold).
 */
export function acmModuleFromState(
  scope: IConstruct,
  source: StateSource,
  moduleAddress: string,
): AcmModuleResources {
  checkModuleAddress(scope, "moduleAddress", moduleAddress);
  let state: { version?: unknown; resources?: unknown };
  if ("stateFile" in source) {
    try {
      state = JSON.parse(fs.readFileSync(source.stateFile, "utf8")) as typeof state;
    } catch (e) {
      throw new ValidationError(
        scope,
        `stateFile must be a readable Terraform state (JSON, \`terraform state pull\`), got ${show(source.stateFile)}: ${(e as Error).message}`,
      );
    }
  } else {
    state = source.state as typeof state;
  }
  if (state?.version !== 4 || !Array.isArray(state.resources)) {
    throw new ValidationError(
      scope,
      `the state must be a Terraform state of format version 4 with a "resources" list (\`terraform state pull\`), got version ${show(state?.version)}`,
    );
  }
  const resources = state.resources as StateResource[];
  const find = (type: string, name: string) =>
    resources.find(
      (r) =>
        r.module === moduleAddress && r.mode === "managed" && r.type === type && r.name === name,
    );
  const certificate = find("aws_acm_certificate", "this")?.instances?.find(
    (i) => i.index_key === 0,
  );
  if (!certificate?.attributes) {
    const modules = [
      ...new Set(
        resources
          .filter((r) => r.type === "aws_acm_certificate" && r.module)
          .map((r) => r.module as string),
      ),
    ];
    throw new ValidationError(
      scope,
      `the state holds no ${moduleAddress}.aws_acm_certificate.this[0]; module instances with a certificate: ${modules.map((m) => show(m)).join(", ") || "none"}`,
    );
  }
  const attributes = certificate.attributes;
  const records = (find("aws_route53_record", "validation")?.instances ?? []).map((instance) => {
    const name = String(instance.attributes?.name ?? "");
    const domainName = validatedNameOf(name);
    if (typeof instance.index_key !== "number" || domainName === undefined) {
      throw new ValidationError(
        scope,
        `${moduleAddress}.aws_route53_record.validation[${show(instance.index_key)}] in the state is not an ACM validation record (name ${show(name)})`,
      );
    }
    return {
      index: instance.index_key,
      domainName,
      recordName: name,
      zoneId: String(instance.attributes?.zone_id ?? ""),
    };
  });
  return {
    moduleAddress,
    certificateArn: String(attributes.arn ?? ""),
    validationRecords: records.sort((a, b) => a.index - b.index),
    hasValidation: Boolean(
      find("aws_acm_certificate_validation", "this")?.instances?.some((i) => i.index_key === 0),
    ),
    certificate: {
      domainName: String(attributes.domain_name ?? ""),
      subjectAlternativeNames: Array.isArray(attributes.subject_alternative_names)
        ? (attributes.subject_alternative_names as unknown[]).map(String)
        : [],
      keyAlgorithm:
        typeof attributes.key_algorithm === "string" && attributes.key_algorithm !== ""
          ? attributes.key_algorithm
          : undefined,
    },
  };
}

/**
 * Throws unless `records` is a well-formed list of the module's validation records: integer
 * indexes each once, literal names each once, record names that validate their name. With
 * `complete` (a list written by hand), the indexes must also be 0..n-1: a record left out would
 * stay in the state without configuration, and Terraform would delete it, and with it the CNAME
 * that renewals need. A list read from a state is complete by construction, and may have gaps
 * (records removed with `terraform state rm`).
 */
export function checkAcmModuleRecords(
  scope: IConstruct,
  property: string,
  records: readonly AcmModuleValidationRecord[],
  complete: boolean,
): void {
  if (!Array.isArray(records)) {
    throw new ValidationError(
      scope,
      `${property} must list the module's aws_route53_record.validation[i] records, got ${show(records)}`,
    );
  }
  const indexes = new Set<number>();
  const names = new Set<string>();
  records.forEach((r, i) => {
    const at = `${property}[${i}]`;
    if (!Number.isInteger(r?.index) || r.index < 0 || indexes.has(r.index)) {
      throw new ValidationError(
        scope,
        `${at}.index must be the record's count index, a whole number >= 0 given once, got ${show(r?.index)}`,
      );
    }
    if (!isLiteral(r.domainName) || r.domainName.startsWith("*.") || names.has(r.domainName)) {
      throw new ValidationError(
        scope,
        `${at}.domainName must be the wildcard-stripped name the record validates, known at synth and given once, got ${show(r.domainName)}`,
      );
    }
    if (r.recordName !== undefined && isLiteral(r.recordName)) {
      if (validatedNameOf(r.recordName) !== r.domainName) {
        throw new ValidationError(
          scope,
          `${at}.recordName must be the ACM validation record of ${show(r.domainName)} ("_<token>.${r.domainName}"), got ${show(r.recordName)}`,
        );
      }
    }
    indexes.add(r.index);
    names.add(r.domainName);
  });
  const missing = [...Array(records.length).keys()].filter((i) => !indexes.has(i));
  if (complete && missing.length > 0) {
    throw new ValidationError(
      scope,
      `${property} must list every record of the module, indexes 0 to ${records.length - 1}; missing ${missing.join(", ")}`,
    );
  }
}
