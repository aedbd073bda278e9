import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
import { KeyAlgorithm } from "../modules/certificate/key-algorithm";
import { PrivateCertificate } from "../modules/private-ca/private-certificate";
import {
  CertificateAuthorityHierarchy,
  CertificateAuthorityHierarchyProps,
} from "../modules/private-ca/certificate-authority-hierarchy";
import { show, ValidationError } from "../modules/util/errors";
import { checkDistinctIdentifiers, checkTerraformIdentifier } from "../modules/util/identifiers";
import { constructIdOf } from "./stack-names";
import { BaseStack, BaseStackProps } from "./base-stack";

/** An HTTPS listener to attach a private certificate to, on an existing (internal) ALB. */
export interface PrivateListenerConfig {
  /** ARN of the existing Application Load Balancer. */
  readonly loadBalancerArn: string;
  /** ARN of the target group the listener forwards to. */
  readonly targetGroupArn: string;
  /** @default 443 */
  readonly port?: number;
  /** @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
}

export interface PrivateCertificateConfig {
  /**
   * Output prefix (`<name>_certificate_arn`) and, in PascalCase, the construct id: snake_case
   * letters and digits. Changing it moves addresses.
   */
  readonly name: string;
  readonly domainName: string;
  /** @default none */
  readonly subjectAlternativeNames?: readonly string[];
  /** The name of the CA that signs it ("Root" or a subordinate's name). */
  readonly issuer: string;
  /** @default RSA_2048 under an RSA CA, EC_prime256v1 under an EC CA */
  readonly keyAlgorithm?: KeyAlgorithm | string;
  /** @default none: ACM renews 60 days before expiry */
  readonly earlyRenewalDuration?: string;
  /** Attach the certificate to a new HTTPS listener on an existing ALB. @default not attached */
  readonly listener?: PrivateListenerConfig;
}

/**
 * The hierarchy's props (documented on CertificateAuthorityHierarchyProps), the certificates
 * issued from it, and the cost estimate's input.
 */
export interface PrivateCaStackProps
  extends
    BaseStackProps,
    Pick<
      CertificateAuthorityHierarchyProps,
      "root" | "subordinates" | "crl" | "ocsp" | "permanentDeletionTimeInDays" | "preventDestroy"
    > {
  /** Private ACM certificates from the hierarchy. @default none */
  readonly certificates?: readonly PrivateCertificateConfig[];
  /**
   * Certificates issued or exported per month, billed per certificate, for the cost output.
   * ACM certificates used only by load balancers are free and not counted.
   * @default 0
   */
  readonly billableCertificatesPerMonth?: number;
}

const NAME = /^[a-z][a-z0-9_]{0,63}$/;
const COST_OUTPUT = "monthly_cost_estimate_usd";

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/**
 * A private PKI: an AWS Private CA hierarchy (root, subordinates, CRL bucket, ACM permission)
 * and private ACM certificates from it, optionally on HTTPS listeners of internal ALBs.
 *
 * Outputs: the root certificate PEM to distribute to trust stores, every CA's ARN, the CSR of
 * each externally signed CA, each certificate's ARN and listener ARN, and the monthly cost
 * estimate from list prices.
 */
export class PrivateCaStack extends BaseStack {
  readonly hierarchy: CertificateAuthorityHierarchy;
  readonly certificates: Readonly<Record<string, PrivateCertificate>>;
  readonly listeners: Readonly<Record<string, AlbHttpsListener>>;

  constructor(scope: Construct, name: string, props: PrivateCaStackProps) {
    super(scope, name, props);
    this.hierarchy = new CertificateAuthorityHierarchy(this, "Pki", {
      root: props.root,
      subordinates: props.subordinates,
      crl: props.crl,
      ocsp: props.ocsp,
      permanentDeletionTimeInDays: props.permanentDeletionTimeInDays,
      preventDestroy: props.preventDestroy,
    });

    // Two CA names can share a snake_case form (IssuingCA, IssuingCa): their outputs would clash.
    checkDistinctIdentifiers(
      this,
      "subordinates[].name",
      [...this.hierarchy.authorities.keys()],
      (caName) => `${snake(caName)}_ca_arn`,
    );
    new TerraformOutput(this, "root_certificate_pem", {
      value: this.hierarchy.rootCertificatePem,
      description: "The root CA certificate (PEM): install it in the trust stores of every client",
    });
    for (const [caName, ca] of this.hierarchy.authorities) {
      new TerraformOutput(this, `${snake(caName)}_ca_arn`, {
        value: ca.certificateAuthorityArn,
        description: `ARN of the ${caName} CA`,
      });
      if (ca.type === "SUBORDINATE" && ca.signingCertificate === undefined) {
        new TerraformOutput(this, `${snake(caName)}_ca_csr`, {
          value: ca.certificateSigningRequest,
          description: `CSR of the externally signed ${caName} CA: have it signed, then pass the result as externalSignature`,
        });
      }
    }

    const configs = props.certificates ?? [];
    this.checkCertificateNames(configs);
    const certificates: Record<string, PrivateCertificate> = {};
    const listeners: Record<string, AlbHttpsListener> = {};
    for (const c of configs) {
      const certificate = new PrivateCertificate(this, constructIdOf(c.name), {
        certificateAuthority: this.hierarchy.authority(c.issuer),
        domainName: c.domainName,
        subjectAlternativeNames: c.subjectAlternativeNames,
        keyAlgorithm: c.keyAlgorithm,
        earlyRenewalDuration: c.earlyRenewalDuration,
      });
      certificates[c.name] = certificate;
      new TerraformOutput(this, `${c.name}_certificate_arn`, {
        value: certificate.certificateArn,
        description: `ARN of the ${c.name} private certificate (issued by the ${c.issuer} CA)`,
      });
      if (c.listener) {
        const listener = new AlbHttpsListener(this, `${constructIdOf(c.name)}Listener`, {
          loadBalancerArn: c.listener.loadBalancerArn,
          targetGroupArn: c.listener.targetGroupArn,
          certificate,
          port: c.listener.port,
          sslPolicy: c.listener.sslPolicy,
          hostNames: [c.domainName, ...(c.subjectAlternativeNames ?? [])],
        });
        listeners[c.name] = listener;
        new TerraformOutput(this, `${c.name}_listener_arn`, {
          value: listener.listenerArn,
          description: `ARN of the HTTPS listener serving the ${c.name} certificate`,
        });
      }
    }
    this.certificates = certificates;
    this.listeners = listeners;

    const estimate = this.hierarchy.monthlyCostEstimate(props.billableCertificatesPerMonth ?? 0);
    new TerraformOutput(this, COST_OUTPUT, {
      value: estimate.monthlyUsd,
      description: `Estimated monthly AWS Private CA cost from list prices as of ${estimate.pricesAsOf} (${estimate.source})`,
    });
  }

  /**
   * Certificate names become construct ids (`InternalApi`, `InternalApiListener`) and output
   * names (`internal_api_certificate_arn`, `internal_api_listener_arn`), all children of this
   * stack: each must be a valid identifier, no two names may map to one id, and none may take an
   * id the stack already uses (the provider, the hierarchy `Pki`, the CA outputs, the cost).
   */
  private checkCertificateNames(configs: readonly PrivateCertificateConfig[]): void {
    configs.forEach((c, i) => {
      checkTerraformIdentifier(this, `certificates[${i}].name`, c.name);
      if (!NAME.test(c.name)) {
        throw new ValidationError(
          this,
          `certificates[${i}].name must be snake_case letters and digits starting with a letter (it names outputs), got ${show(c.name)}`,
        );
      }
    });
    const twice = configs.find((c, i) => configs.findIndex((o) => o.name === c.name) !== i);
    if (twice) {
      throw new ValidationError(
        this,
        `certificates[].name must be unique, got ${show(twice.name)} twice`,
      );
    }
    const reserved: Record<string, string> = {};
    for (const child of this.node.children)
      reserved[child.node.id] = `the stack's ${show(child.node.id)}`;
    reserved[COST_OUTPUT] = `the stack's ${show(COST_OUTPUT)} output`;
    const kinds: [string, (c: PrivateCertificateConfig) => boolean, (n: string) => string][] = [
      ["construct id", () => true, (n) => constructIdOf(n)],
      [
        "listener's construct id",
        (c) => c.listener !== undefined,
        (n) => `${constructIdOf(n)}Listener`,
      ],
      ["ARN output", () => true, (n) => `${n}_certificate_arn`],
      ["listener output", (c) => c.listener !== undefined, (n) => `${n}_listener_arn`],
    ];
    for (const [kind, applies, derive] of kinds) {
      const names = configs.filter(applies).map((c) => c.name);
      checkDistinctIdentifiers(this, "certificates[].name", names, derive, reserved);
      for (const n of names) reserved[derive(n)] = `certificate ${show(n)}'s ${kind}`;
    }
  }
}
