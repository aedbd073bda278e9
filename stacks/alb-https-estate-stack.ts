import { TerraformRemoteState, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { AdoptionBlock, CertificateAdoption } from "../modules/certificate/adoption";
import { show, ValidationError } from "../modules/util/errors";
import { isLiteral } from "../modules/util/tokens";
import { AlbHttpsStack, AlbHttpsStackProps } from "./alb-https-stack";
import { declareStackInputs } from "./stack-inputs";

/** Existing certificates the stack takes over instead of requesting new ones. */
export interface EstateCertificateAdoptions {
  /** The listener's default certificate. @default a new certificate is requested */
  readonly certificate?: CertificateAdoption;
  /**
   * SNI certificates, by their `additionalCertificates` key.
   * @default new certificates are requested
   */
  readonly additionalCertificates?: Readonly<Record<string, CertificateAdoption>>;
}

export interface AlbHttpsEstateStackProps extends AlbHttpsStackProps {
  /**
   * Take over existing certificates: by ARN (`CertificateAdoption.importArn`) or from a
   * terraform-aws-modules/acm instance (`moveFromAcmModule` within the state that holds it,
   * `importFromAcmModule` into this stack's own state). Each certificate's names and key
   * algorithm must be the ones it was issued with.
   * @default none: every certificate is requested new
   */
  readonly adopt?: EstateCertificateAdoptions;
}

/**
 * {@link AlbHttpsStack} for an estate that exists already: any prop may be a token of another
 * state's outputs (`RemoteState.s3(...).getString(...)`) or of a variable (`InputVariable`), and
 * the stack declares each such `terraform_remote_state` data source and variable once; and its
 * certificates may take over existing ones (import or moved blocks) instead of being requested.
 *
 * A prop given as a token skips the synth checks that need its value: ARN kind, region and
 * partition, zone id form. `region`, zone names, certificate names and host names must stay
 * literal (the provider's region is compared with every ARN; names key records and addresses).
 */
export class AlbHttpsEstateStack extends AlbHttpsStack {
  /** The remote-state data sources and variables the props read, in the order found. */
  readonly inputs: ReadonlyArray<TerraformRemoteState | TerraformVariable>;
  /** Every block the certificate takeovers wrote: default certificate first, then SNI keys. */
  readonly adoptionBlocks: readonly AdoptionBlock[];

  constructor(scope: Construct, name: string, props: AlbHttpsEstateStackProps) {
    super(scope, name, props);
    if (!isLiteral(props.region)) {
      throw new ValidationError(
        this,
        `region must be known at synth: it is the provider's region, and every literal ARN and every certificate is checked against it; give it literally, got ${show(props.region)}`,
      );
    }
    this.inputs = declareStackInputs(this, props);
    const adopt = props.adopt ?? {};
    const blocks: AdoptionBlock[] = [];
    if (adopt.certificate) blocks.push(...adopt.certificate.applyTo(this.certificate));
    for (const [key, adoption] of Object.entries(adopt.additionalCertificates ?? {})) {
      const certificate = this.additionalCertificates[key];
      if (!certificate) {
        throw new ValidationError(
          this,
          `adopt.additionalCertificates[${show(key)}] names no SNI certificate; additionalCertificates keys are ${
            Object.keys(this.additionalCertificates)
              .map((k) => show(k))
              .join(", ") || "none"
          }`,
        );
      }
      blocks.push(...adoption.applyTo(certificate));
    }
    this.adoptionBlocks = blocks;
  }
}
