import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { CaBundle, CaBundleSource } from "../modules/mtls/ca-bundle";
import { TrustStoreBucket } from "../modules/mtls/trust-store-bucket";
import {
  CertificateAuthorityHierarchy,
  CertificateAuthorityHierarchyProps,
} from "../modules/private-ca/certificate-authority-hierarchy";

/** The private CA hierarchy that signs client certificates (documented on CertificateAuthorityHierarchyProps). */
export type MtlsPkiConfig = Pick<
  CertificateAuthorityHierarchyProps,
  "root" | "subordinates" | "crl" | "ocsp" | "permanentDeletionTimeInDays" | "preventDestroy"
>;

/** Where the CA bundle goes. */
export interface MtlsBundleConfig {
  /** The name of the bucket to create (versioned, private, encrypted). */
  readonly bucketName: string;
  /** @default "ca-bundle.pem" */
  readonly key?: string;
  /** Let destroy delete the bucket with its bundle versions. @default false */
  readonly forceDestroy?: boolean;
}

/**
 * The trust side of an mTLS stack: the private CA hierarchy (`Pki`), a versioned bucket
 * (`TrustStoreBucket`) and the bundle of every CA certificate of the hierarchy (`CaBundle`).
 * Outputs `root_certificate_pem`, `client_issuing_ca_arn` (the CA that signs client
 * certificates, for `aws acm-pca issue-certificate`) and `ca_bundle_s3_uri`.
 */
export function createMtlsTrust(
  stack: Construct,
  pki: MtlsPkiConfig,
  bundle: MtlsBundleConfig,
): { hierarchy: CertificateAuthorityHierarchy; bucket: TrustStoreBucket; caBundle: CaBundle } {
  const hierarchy = new CertificateAuthorityHierarchy(stack, "Pki", { ...pki });
  const bucket = new TrustStoreBucket(stack, "TrustStoreBucket", {
    bucketName: bundle.bucketName,
    forceDestroy: bundle.forceDestroy,
  });
  const caBundle = new CaBundle(stack, "CaBundle", {
    bucket,
    key: bundle.key,
    source: CaBundleSource.fromHierarchy(hierarchy),
  });
  new TerraformOutput(stack, "root_certificate_pem", {
    value: hierarchy.rootCertificatePem,
    description: "The root CA certificate (PEM) of the client certificates",
  });
  new TerraformOutput(stack, "client_issuing_ca_arn", {
    value: hierarchy.issuingAuthorities[0].certificateAuthorityArn,
    description: "ARN of the CA that issues client certificates (aws acm-pca issue-certificate)",
  });
  new TerraformOutput(stack, "ca_bundle_s3_uri", {
    value: caBundle.s3Uri,
    description: "The CA bundle object the trust store reads",
  });
  return { hierarchy, bucket, caBundle };
}
