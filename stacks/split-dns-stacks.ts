/**
 * DNS owned by another stack or state: a certificate is requested in one stack, its validation
 * records are created in another (the DNS account's), and a third waits for issuance.
 *
 * Why three stacks and not two. The DNS side needs the certificate's validation options; the
 * wait (`aws_acm_certificate_validation`) needs the records' FQDNs. With the wait next to the
 * certificate, each state would read the other: cdktf refuses such a cycle between stacks of
 * one app, and with two separate states the certificate stack's first apply would wait on
 * records that only the second can create, until the validation timeout. So the data flows one
 * way, and a first `cdktf deploy` applies the stacks in this order:
 *  1. `SplitDnsCertificateStack` (the certificate's account): requests the certificates, does
 *     not wait, and exports the unvalidated ARN, the names and the validation options;
 *  2. `SplitDnsRecordsStack` (the DNS account): creates the records, exports their FQDNs;
 *  3. `SplitDnsValidationStack` (the certificate's account and region): waits on the
 *     certificate's ARN and those FQDNs, and outputs the validated ARN. Attach that one, in
 *     this stack or after it.
 * The certificate side is 1 and 3 together: it requests, and it waits on the FQDNs it gets
 * back. `splitDnsStacks` builds the three in one app with cross-stack references; teams in
 * separate repositories use the same constructs with `terraform_remote_state` (README).
 */
import {
  IResolvable,
  LocalBackend,
  TerraformBackend,
  TerraformOutput,
  TerraformStack,
} from "cdktf";
import { Construct } from "constructs";
import { Certificate } from "../modules/certificate/certificate";
import { CertificateValidation } from "../modules/certificate/certificate-validation";
import { CertificateValidationHandoff } from "../modules/certificate/certificate-validation-handoff";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { ValidatedCertificate } from "../modules/certificate/validated-certificate";
import { ExternalValidationRecords } from "../modules/dns/external-validation-records";
import { checkHostedZones, HostedZoneRef } from "../modules/dns/hosted-zone";
import { DnsValidationRecords } from "../modules/dns/validation-records";
import { ARN_RULES, checkArn } from "../modules/util/arn";
import { show, ValidationError } from "../modules/util/errors";
import { checkDistinctIdentifiers, checkTerraformIdentifier } from "../modules/util/identifiers";
import { BaseStack, BaseStackProps } from "./base-stack";
import { s3StateSettingsFromEnv, stateBackendFromEnv } from "./state-backend";

/**
 * The backend of a split stack when none is given: BaseStack's choice (S3 from the `TF_STATE_*`
 * variables), except the local fallback. BaseStack's local state is `terraform.<name>.tfstate`,
 * relative to the directory Terraform runs in, `cdktf.out/stacks/<name>`. A cross-stack
 * reference reads the producer's state with the producer's backend settings from the
 * consumer's directory, where that relative path names nothing. `../<name>/terraform.<name>.tfstate`
 * is the same file from both directories.
 */
function splitStackBackend(props: BaseStackProps): (stack: TerraformStack) => TerraformBackend {
  return (
    props.backend ??
    ((stack) => {
      const env = props.stateBackendEnv ?? process.env;
      const name = stack.node.id;
      return s3StateSettingsFromEnv(stack, name, env)
        ? stateBackendFromEnv(stack, env)
        : new LocalBackend(stack, { path: `../${name}/terraform.${name}.tfstate` });
    })
  );
}

/** The entries of a stack's certificate list: at least one, names that make distinct identifiers. */
function checkEntries(
  stack: TerraformStack,
  list: unknown,
  outputs: (name: string) => string[],
  reserved: Record<string, string> = {},
): asserts list is readonly { readonly name: string }[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new ValidationError(
      stack,
      `certificates must list at least one certificate, got ${show(list)}`,
    );
  }
  list.forEach((c, i) => checkTerraformIdentifier(stack, `certificates[${i}].name`, c?.name));
  const own: Record<string, string> = Object.fromEntries(
    stack.node.children.map((child) => [
      child.node.id,
      `the stack's own ${child.constructor.name}`,
    ]),
  );
  checkDistinctIdentifiers(
    stack,
    "certificates[].name",
    list.map((c) => c.name),
    (n) => [n, ...outputs(n)],
    { ...own, ...reserved },
  );
}

/** A certificate of the certificate stack; another stack creates its validation records. */
export interface SplitCertificateConfig {
  /**
   * Construct id and output prefix, the same in all three stacks (`<name>_validation_options`,
   * `<name>_validation_record_fqdns`, `<name>_certificate_arn`). Changing it moves addresses.
   */
  readonly name: string;
  /** The primary name: lower-case, no trailing dot, at most 64 characters. */
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** @default KeyAlgorithm.RSA_2048 */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default true */
  readonly transparencyLogging?: boolean;
  /**
   * The most names this certificate may carry: ACM's default quota is 10; raise this (up to
   * ACM's hard limit of 100) only after raising the quota for your account.
   * @default 10
   */
  readonly maxDomainNames?: number;
  /** Tags for the certificate. @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface SplitDnsCertificateStackProps extends BaseStackProps {
  /** The certificates, all requested in the stack's region. */
  readonly certificates: readonly SplitCertificateConfig[];
}

/**
 * Step 1, the certificate's account: requests DNS-validated certificates without creating
 * records or waiting. Outputs per certificate `<name>_unvalidated_certificate_arn`,
 * `<name>_domain_names` and `<name>_validation_options` (the map keyed by name that the DNS side
 * reads). It knows nothing about hosted zones.
 */
export class SplitDnsCertificateStack extends BaseStack {
  readonly certificates: Readonly<Record<string, Certificate>>;
  /** What each certificate hands to the other two stacks, by certificate name. */
  readonly handoffs: Readonly<Record<string, CertificateValidationHandoff>>;

  constructor(scope: Construct, name: string, props: SplitDnsCertificateStackProps) {
    super(scope, name, { ...props, backend: splitStackBackend(props) });
    checkEntries(this, props.certificates, (n) => [
      `${n}_unvalidated_certificate_arn`,
      `${n}_domain_names`,
      `${n}_validation_options`,
    ]);
    const certificates: Record<string, Certificate> = {};
    const handoffs: Record<string, CertificateValidationHandoff> = {};
    for (const c of props.certificates) {
      const certificate = new Certificate(this, c.name, {
        domainName: c.domainName,
        subjectAlternativeNames: c.subjectAlternativeNames,
        keyAlgorithm: c.keyAlgorithm,
        transparencyLogging: c.transparencyLogging,
        maxDomainNames: c.maxDomainNames,
        tags: c.tags,
        validation: CertificateValidation.fromExternalDns(),
        waitForValidation: false,
      });
      const handoff = CertificateValidationHandoff.of(certificate);
      new TerraformOutput(this, `${c.name}_unvalidated_certificate_arn`, {
        value: handoff.unvalidatedCertificateArn,
        description: `ARN of the ${c.name} certificate as requested; not validated: attach the ARN the validation stack outputs`,
      });
      new TerraformOutput(this, `${c.name}_domain_names`, {
        value: handoff.domainNames,
        description: `Names of the ${c.name} certificate, for the DNS side's configuration`,
      });
      new TerraformOutput(this, `${c.name}_validation_options`, {
        value: handoff.validationOptions,
        description: `Validation records ACM asks for, keyed by wildcard-stripped name (domain_name, resource_record_name, resource_record_type, resource_record_value)`,
      });
      certificates[c.name] = certificate;
      handoffs[c.name] = handoff;
    }
    this.certificates = certificates;
    this.handoffs = handoffs;
  }
}

/** The records of one certificate of the certificate stack. */
export interface SplitDnsRecordSetConfig {
  /** The certificate's name in the certificate stack; prefixes the output. */
  readonly name: string;
  /** Every name of the certificate, known at synth (wildcards as they are). */
  readonly domainNames: readonly string[];
  /** Its validation options, as a token (see `ExternalValidationRecordsProps.validationOptions`). */
  readonly validationOptions: IResolvable | string;
  /**
   * The 12-digit account the certificate is requested in. Set it when this stack creates records
   * for certificates of several accounts.
   * @default one account for every certificate that leaves it unset
   */
  readonly certificateAccount?: string;
}

export interface SplitDnsRecordsStackProps extends BaseStackProps {
  /**
   * A role in the DNS account for the stack's AWS provider to assume.
   * @default none: the credentials the stack runs with are the DNS account's
   */
  readonly dnsRoleArn?: string;
  /** The zones the records go to; each name goes to its most specific zone. */
  readonly hostedZones: readonly Pick<HostedZoneRef, "zoneId" | "zoneName">[];
  readonly certificates: readonly SplitDnsRecordSetConfig[];
  /** TTL of the records, in seconds. @default 60 */
  readonly recordTtl?: number;
}

/**
 * Step 2, the DNS account: the validation records of certificates requested elsewhere, one per
 * wildcard-stripped name, addressed by name. Outputs per certificate
 * `<name>_validation_record_fqdns`, the records' FQDNs keyed by name.
 */
export class SplitDnsRecordsStack extends BaseStack {
  readonly recordSets: Readonly<Record<string, ExternalValidationRecords>>;
  readonly hostedZones: readonly HostedZoneRef[];

  constructor(scope: Construct, name: string, props: SplitDnsRecordsStackProps) {
    super(scope, name, { ...props, backend: splitStackBackend(props) });
    if (props.dnsRoleArn !== undefined) {
      checkArn(this, "dnsRoleArn", props.dnsRoleArn, ARN_RULES.iamRole);
      this.provider.assumeRole = [{ roleArn: props.dnsRoleArn, sessionName: "tls-dns-validation" }];
    }
    checkHostedZones(this, "hostedZones", props.hostedZones ?? []);
    this.hostedZones = (props.hostedZones ?? []).map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
    }));
    checkEntries(this, props.certificates, (n) => [`${n}_validation_record_fqdns`], {
      [DnsValidationRecords.ID]: "the stack's validation record registry",
    });
    const recordSets: Record<string, ExternalValidationRecords> = {};
    for (const c of props.certificates) {
      const records = new ExternalValidationRecords(this, c.name, {
        domainNames: c.domainNames,
        validationOptions: c.validationOptions,
        hostedZones: this.hostedZones,
        recordTtl: props.recordTtl,
        certificateAccount: c.certificateAccount,
      });
      new TerraformOutput(this, `${c.name}_validation_record_fqdns`, {
        value: records.validationRecordFqdnsByName,
        description: `FQDNs of the ${c.name} certificate's validation records, keyed by name (keep the records: ACM renewals reuse them)`,
      });
      recordSets[c.name] = records;
    }
    this.recordSets = recordSets;
  }
}

/** One certificate to wait for. */
export interface SplitDnsValidatedCertificateConfig {
  /** The certificate's name in the certificate stack; prefixes the output. */
  readonly name: string;
  /** See `ValidatedCertificateProps.unvalidatedCertificateArn`. */
  readonly unvalidatedCertificateArn: string;
  /** See `ValidatedCertificateProps.validationRecordFqdns`. */
  readonly validationRecordFqdns: readonly string[];
  /** @default the literal ARN's region, else the stack's region */
  readonly region?: string;
  /** @default unknown */
  readonly domainNames?: readonly string[];
  /** @default unknown */
  readonly keyAlgorithm?: KeyAlgorithm;
  /** @default the provider's 75m */
  readonly validationTimeout?: string;
}

export interface SplitDnsValidationStackProps extends BaseStackProps {
  /** The certificates to wait for; the stack's region must be theirs. */
  readonly certificates: readonly SplitDnsValidatedCertificateConfig[];
}

/**
 * Step 3, the certificate's account and region: waits for issuance and outputs the validated
 * ARN, `<name>_certificate_arn`. Attachments in this stack take `certificates[name]`.
 */
export class SplitDnsValidationStack extends BaseStack {
  readonly certificates: Readonly<Record<string, ValidatedCertificate>>;

  constructor(scope: Construct, name: string, props: SplitDnsValidationStackProps) {
    super(scope, name, { ...props, backend: splitStackBackend(props) });
    checkEntries(this, props.certificates, (n) => [`${n}_certificate_arn`]);
    const certificates: Record<string, ValidatedCertificate> = {};
    for (const c of props.certificates) {
      certificates[c.name] = new ValidatedCertificate(this, c.name, {
        unvalidatedCertificateArn: c.unvalidatedCertificateArn,
        validationRecordFqdns: c.validationRecordFqdns,
        region: c.region,
        domainNames: c.domainNames,
        keyAlgorithm: c.keyAlgorithm,
        validationTimeout: c.validationTimeout,
      });
      this.outputCertificate(c.name, certificates[c.name]);
    }
    this.certificates = certificates;
  }
}

/** Step 1 of `splitDnsStacks`: the certificate stack and its name. */
export interface SplitDnsCertificateStackConfig extends SplitDnsCertificateStackProps {
  /** The stack name, also its directory in `cdktf.out/stacks`. */
  readonly name: string;
}

/** Step 2 of `splitDnsStacks`: the DNS stack, its name, and no certificate list (step 1's). */
export interface SplitDnsRecordsStackConfig extends Omit<
  SplitDnsRecordsStackProps,
  "certificates"
> {
  /** The stack name, also its directory in `cdktf.out/stacks`. */
  readonly name: string;
  /**
   * The 12-digit account step 1 requests the certificates in, for the record addresses. Set it
   * when this DNS stack also holds records of certificates of other accounts.
   * @default one account for every certificate that leaves it unset
   */
  readonly certificateAccount?: string;
}

/** Step 3 of `splitDnsStacks`: the waiting stack, its name, and no certificate list. */
export interface SplitDnsValidationStackConfig extends Omit<
  SplitDnsValidationStackProps,
  "certificates"
> {
  /** The stack name, also its directory in `cdktf.out/stacks`. */
  readonly name: string;
  /** How long each wait may take, as a Terraform duration. @default the provider's 75m */
  readonly validationTimeout?: string;
}

/** The three stacks of one app. */
export interface SplitDnsProps {
  /** Step 1, in the account and region that use the certificates. */
  readonly certificateStack: SplitDnsCertificateStackConfig;
  /** Step 2, in the DNS account. Every certificate of step 1 gets its records here. */
  readonly recordsStack: SplitDnsRecordsStackConfig;
  /** Step 3, in the certificates' account and region (its region must be step 1's). */
  readonly validationStack: SplitDnsValidationStackConfig;
}

/** The three stacks `splitDnsStacks` registers, in deploy order. */
export interface SplitDnsStacks {
  /** Step 1: requests the certificates. */
  readonly certificates: SplitDnsCertificateStack;
  /** Step 2: creates their validation records. */
  readonly records: SplitDnsRecordsStack;
  /** Step 3: waits for issuance; attach `validation.certificates[name]` here or after it. */
  readonly validation: SplitDnsValidationStack;
}

/**
 * The three stacks in one app, wired with cross-stack references: step 2 reads step 1's
 * validation options, step 3 reads step 1's ARN and step 2's FQDNs. cdktf records those
 * dependencies, so `cdktf deploy <1> <2> <3>` applies them in order.
 */
export function splitDnsStacks(scope: Construct, props: SplitDnsProps): SplitDnsStacks {
  const names = [
    props.certificateStack?.name,
    props.recordsStack?.name,
    props.validationStack?.name,
  ];
  if (names.some((n) => typeof n !== "string" || n === "") || new Set(names).size !== 3) {
    throw new ValidationError(
      undefined,
      "splitDnsStacks: certificateStack.name, recordsStack.name and validationStack.name must be three " +
        `different non-empty stack names (each is a stack and its directory in cdktf.out/stacks), got ${show(names)}`,
    );
  }
  const { name: certificateName, ...certificateProps } = props.certificateStack;
  const certificates = new SplitDnsCertificateStack(scope, certificateName, certificateProps);
  const handoffs = Object.entries(certificates.handoffs);

  const { name: recordsName, certificateAccount, ...recordsProps } = props.recordsStack;
  const records = new SplitDnsRecordsStack(scope, recordsName, {
    ...recordsProps,
    certificates: handoffs.map(([name, handoff]) => ({
      name,
      domainNames: handoff.domainNames,
      validationOptions: handoff.validationOptions,
      certificateAccount,
    })),
  });

  const { name: validationName, validationTimeout, ...validationProps } = props.validationStack;
  const validation = new SplitDnsValidationStack(scope, validationName, {
    ...validationProps,
    certificates: handoffs.map(([name, handoff]) => ({
      name,
      unvalidatedCertificateArn: handoff.unvalidatedCertificateArn,
      validationRecordFqdns: records.recordSets[name].validationRecordFqdns,
      region: handoff.region,
      domainNames: handoff.domainNames,
      keyAlgorithm: handoff.keyAlgorithm,
      validationTimeout,
    })),
  });
  return { certificates, records, validation };
}
