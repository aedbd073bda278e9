import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { AlbHttpsListener } from "../modules/attach/alb-https-listener";
import { AlbMutualAuthentication } from "../modules/mtls/alb-mutual-authentication";
import { CaBundle } from "../modules/mtls/ca-bundle";
import { TrustStore } from "../modules/mtls/trust-store";
import { TrustStoreBucket } from "../modules/mtls/trust-store-bucket";
import { S3ObjectLocation } from "../modules/mtls/s3-object-location";
import { CertificateAuthorityHierarchy } from "../modules/private-ca/certificate-authority-hierarchy";
import { AlbHttpsStackProps } from "./alb-https-stack";
import { LoadBalancerListenerStack } from "./load-balancer-listener-stack";
import { createMtlsTrust, MtlsBundleConfig, MtlsPkiConfig } from "./mtls-trust";

/** The ALB trust store. */
export interface MtlsTrustStoreConfig extends MtlsBundleConfig {
  /** 1-32 letters, digits and hyphens. @default none: Terraform generates one */
  readonly trustStoreName?: string;
  /** CRL files in S3 by stable key. @default none */
  readonly revocations?: Readonly<Record<string, S3ObjectLocation>>;
}

export interface MtlsAlbStackProps extends AlbHttpsStackProps {
  /** The private CA hierarchy whose certificates go into the trust store. */
  readonly pki: MtlsPkiConfig;
  /** The bucket, bundle object and trust store. */
  readonly trustStore: MtlsTrustStoreConfig;
  /**
   * The listener's mTLS mode and options; the trust store is this stack's.
   * @default { mode: "verify" }
   */
  readonly mutualAuthentication?: Omit<AlbMutualAuthentication, "trustStore">;
}

/**
 * An HTTPS listener that requires client certificates: everything `AlbHttpsStack` makes (public
 * DNS-validated server certificates, the listener, redirect, alias records), plus a private CA
 * hierarchy, a versioned bucket with the CA bundle, a trust store pinned to the bundle's
 * version, and the listener's `mutual_authentication` in `verify` mode.
 *
 * Outputs, besides the listener's: `trust_store_arn`, `root_certificate_pem`,
 * `client_issuing_ca_arn` and `ca_bundle_s3_uri`.
 */
export class MtlsAlbStack extends LoadBalancerListenerStack<AlbHttpsListener> {
  readonly hierarchy: CertificateAuthorityHierarchy;
  readonly bucket: TrustStoreBucket;
  readonly caBundle: CaBundle;
  readonly trustStore: TrustStore;

  constructor(scope: Construct, name: string, props: MtlsAlbStackProps) {
    let trust: ReturnType<typeof createMtlsTrust> | undefined;
    let trustStore: TrustStore | undefined;
    super(scope, name, props, "HTTPS listener with mutual TLS", (stack, common) => {
      trust = createMtlsTrust(stack, props.pki, props.trustStore);
      trustStore = new TrustStore(stack, "TrustStore", {
        caBundle: trust.caBundle,
        trustStoreName: props.trustStore.trustStoreName,
        revocations: props.trustStore.revocations,
      });
      return new AlbHttpsListener(stack, "Https", {
        ...common,
        redirectHttp: props.redirectHttp ?? true,
        mutualAuthentication: {
          ...(props.mutualAuthentication ?? { mode: "verify" }),
          trustStore:
            props.mutualAuthentication?.mode === undefined ||
            props.mutualAuthentication.mode === "verify"
              ? trustStore
              : undefined,
        },
      });
    });
    const made = trust as ReturnType<typeof createMtlsTrust>;
    this.hierarchy = made.hierarchy;
    this.bucket = made.bucket;
    this.caBundle = made.caBundle;
    this.trustStore = trustStore as TrustStore;
    new TerraformOutput(this, "trust_store_arn", {
      value: this.trustStore.trustStoreArn,
      description: "ARN of the trust store the listener verifies client certificates against",
    });
    if (this.listener.redirectListener) {
      new TerraformOutput(this, "redirect_listener_arn", {
        value: this.listener.redirectListener.arn,
        description: "ARN of the HTTP:80 listener that redirects to HTTPS",
      });
    }
  }
}
