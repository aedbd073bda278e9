import { AcmpcaCertificate } from "@cdktf/provider-aws/lib/acmpca-certificate";
import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { regionOf } from "../util/provider-info";
import { isLiteral } from "../util/tokens";
import { CaSigningAlgorithm } from "./ca-algorithms";
import { checkCaCanIssue, checkCaRegion } from "./ca-checks";
import { endEntityTemplateArn } from "./ca-templates";
import { ICertificateAuthority } from "./certificate-authority-ref";
import { awsPartition } from "./partition";
import { SHORT_LIVED_MAX_DAYS, Validity } from "./validity";

export interface IssuedCertificateProps {
  /** The CA that signs. It must be active. */
  readonly certificateAuthority: ICertificateAuthority;
  /** The CSR (PEM) of the key pair the certificate is for; the key never passes through here. */
  readonly certificateSigningRequest: string;
  /**
   * How long the certificate is valid. At most 7 days from a SHORT_LIVED_CERTIFICATE CA, and
   * shorter than the CA's own validity (AWS Private CA refuses a certificate that outlives its
   * issuer).
   */
  readonly validity: Validity;
  /**
   * The template ARN.
   * @default EndEntityCertificate/V1 (server and client authentication)
   */
  readonly templateArn?: string;
  /**
   * Of the CA's key family.
   * @default the CA's signing algorithm
   */
  readonly signingAlgorithm?: CaSigningAlgorithm | string;
  /** @default derived from the provider's region */
  readonly partition?: string;
  /** @default the stack's default AWS provider */
  readonly provider?: TerraformProvider;
}

/**
 * A certificate issued directly by AWS Private CA from a CSR (`aws_acmpca_certificate`), for
 * what ACM cannot serve: short-lived certificates, client certificates, devices. Unlike an ACM
 * private certificate it is not renewed; re-issue it by changing the CSR. Each issue is billed
 * (see `PRIVATE_CA_PRICES`).
 *
 * It waits for the CA's activation (terraform-provider-aws#31132).
 */
export class IssuedCertificate extends Construct {
  readonly resource: AcmpcaCertificate;
  /** The issued certificate's ARN (an acm-pca certificate ARN, not an ACM one). */
  readonly certificateArn: string;
  /** The certificate (PEM). */
  readonly certificatePem: string;
  /** The chain up to the root (PEM). */
  readonly certificateChainPem: string;
  readonly validity: Validity;

  constructor(scope: Construct, id: string, props: IssuedCertificateProps) {
    super(scope, id);
    const ca = props.certificateAuthority;
    checkCaCanIssue(this, "certificateAuthority", ca);
    const name = show(ca.node.path);
    this.validity = Validity.of(this, "validity", props.validity);
    if (
      ca.usageMode === "SHORT_LIVED_CERTIFICATE" &&
      this.validity.maxDays > SHORT_LIVED_MAX_DAYS
    ) {
      throw new ValidationError(
        this,
        `validity ${this.validity} is too long: certificateAuthority ${name} is a SHORT_LIVED_CERTIFICATE CA, ` +
          `which issues certificates valid at most ${SHORT_LIVED_MAX_DAYS} days`,
      );
    }
    if (ca.validity !== undefined && this.validity.mayOutlive(ca.validity)) {
      throw new ValidationError(
        this,
        `validity ${this.validity} must be shorter than the CA's ${ca.validity}: AWS Private CA refuses a certificate that outlives its issuer`,
      );
    }
    const signing =
      props.signingAlgorithm !== undefined
        ? CaSigningAlgorithm.of(this, "signingAlgorithm", props.signingAlgorithm)
        : ca.signingAlgorithm;
    if (signing === undefined) {
      throw new ValidationError(
        this,
        `signingAlgorithm is required: the CA ${name} does not say which algorithm it signs with`,
      );
    }
    if (
      ca.keyFamily !== undefined &&
      signing.family !== undefined &&
      signing.family !== ca.keyFamily
    ) {
      throw new ValidationError(
        this,
        `signingAlgorithm ${show(signing.value)} does not fit the CA's ${ca.keyFamily} key`,
      );
    }
    if (
      isLiteral(props.certificateSigningRequest) &&
      !props.certificateSigningRequest.includes("-----BEGIN CERTIFICATE REQUEST-----")
    ) {
      throw new ValidationError(
        this,
        `certificateSigningRequest must be a PEM CSR starting with "-----BEGIN CERTIFICATE REQUEST-----", got ${show(props.certificateSigningRequest)}`,
      );
    }
    const region = regionOf(this, props.provider);
    checkCaRegion(this, "certificateAuthority", ca, region, "the provider that issues");
    const partition = props.partition ?? awsPartition(region);
    this.resource = new AcmpcaCertificate(this, "Certificate", {
      provider: props.provider,
      certificateAuthorityArn: ca.certificateAuthorityArn,
      certificateSigningRequest: props.certificateSigningRequest,
      signingAlgorithm: signing.value,
      templateArn: props.templateArn ?? endEntityTemplateArn(partition),
      validity: this.validity.toBlock(),
      dependsOn: ca.activation.length > 0 ? [...ca.activation] : undefined,
    });
    this.certificateArn = this.resource.arn;
    this.certificatePem = this.resource.certificate;
    this.certificateChainPem = this.resource.certificateChain;
  }
}
