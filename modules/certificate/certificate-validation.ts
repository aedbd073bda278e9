import { HostedZoneRef } from "../dns/hosted-zone";

/** How ACM checks that you control the names on a public certificate. */
export type ValidationMethod = "DNS" | "EMAIL";

/**
 * Validation options. Build them with the static factories; the raw constructor exists for
 * configuration read from JSON, and the certificate rejects mixed DNS and email options.
 */
export interface CertificateValidationOptions {
  readonly method: ValidationMethod;
  /**
   * DNS: the Route 53 zones to create validation records in. Each name goes to the zone with
   * the longest matching suffix. Omit (with `method: "DNS"`) for external DNS.
   */
  readonly hostedZones?: readonly HostedZoneRef[];
  /**
   * DNS with external DNS: FQDNs of validation records created outside Route 53, for the
   * validation resource to wait on. Read the records to create from
   * `Certificate.dnsValidationRecords`.
   * @default none: the validation resource waits for ISSUED without checking records
   */
  readonly validationRecordFqdns?: readonly string[];
  /**
   * EMAIL: the domain ACM sends approval mail for, per certificate name (ACM `validation_option`),
   * for example `{ "www.example.com": "example.com" }`.
   * @default ACM's own choice, the name itself
   */
  readonly validationDomains?: Readonly<Record<string, string>>;
  /** TTL of created validation records, in seconds. @default 60 */
  readonly recordTtl?: number;
  /**
   * Let Terraform take over an existing record of the same name. ACM gives the same record to
   * every certificate for a name in one account, so this is on by default.
   * @default true
   */
  readonly allowOverwrite?: boolean;
}

export class CertificateValidation {
  /**
   * DNS validation through Route 53 records that this library creates, one per distinct
   * wildcard-stripped name, in the most specific of `hostedZones`.
   */
  static fromDns(
    hostedZones: readonly HostedZoneRef[],
    options: Pick<CertificateValidationOptions, "recordTtl" | "allowOverwrite"> = {},
  ): CertificateValidation {
    return new CertificateValidation({ method: "DNS", hostedZones, ...options });
  }

  /**
   * DNS validation where the records live outside Route 53 (or in another pipeline). The
   * certificate exposes the records to create in `dnsValidationRecords`; pass their FQDNs back
   * to have the validation resource check them.
   */
  static fromExternalDns(validationRecordFqdns: readonly string[] = []): CertificateValidation {
    return new CertificateValidation({ method: "DNS", validationRecordFqdns });
  }

  /** Email validation, optionally sending approval mail for a parent domain per name. */
  static fromEmail(
    validationDomains: Readonly<Record<string, string>> = {},
  ): CertificateValidation {
    return new CertificateValidation({ method: "EMAIL", validationDomains });
  }

  constructor(readonly options: CertificateValidationOptions) {}

  get method(): ValidationMethod {
    return this.options.method;
  }
}
