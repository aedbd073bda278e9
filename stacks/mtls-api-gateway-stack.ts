import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ApiGatewayHttpDomain } from "../modules/attach/api-gateway-http-domain";
import { Certificate } from "../modules/certificate/certificate";
import { CaBundle } from "../modules/mtls/ca-bundle";
import { TrustStoreBucket } from "../modules/mtls/trust-store-bucket";
import { CertificateAuthorityHierarchy } from "../modules/private-ca/certificate-authority-hierarchy";
import { HttpApiDomainConfig } from "./api-gateway-http-stack";
import {
  ApiGatewayStackPropsBase,
  checkDomainConfigs,
  domainWithCertificate,
  outputApiGatewayDomain,
} from "./api-gateway-domains";
import { BaseStack, hostedZoneRefs } from "./base-stack";
import { createMtlsTrust, MtlsBundleConfig, MtlsPkiConfig } from "./mtls-trust";

export interface MtlsApiGatewayStackProps extends ApiGatewayStackPropsBase {
  /** The custom domain of an existing HTTP API, with a public DNS-validated certificate. */
  readonly domain: HttpApiDomainConfig;
  /** The private CA hierarchy whose certificates form the truststore. */
  readonly pki: MtlsPkiConfig;
  /** The bucket and key of the truststore (the CA bundle). */
  readonly truststore: MtlsBundleConfig;
}

/**
 * A REGIONAL custom domain for an existing HTTP API that requires client certificates: a public
 * DNS-validated server certificate, a private CA hierarchy, a versioned bucket holding the CA
 * bundle, and `aws_apigatewayv2_domain_name` with `mutual_tls_authentication` pointing at the
 * bundle's `s3://` URI and object version. The server certificate is public, so no ownership
 * verification certificate is needed.
 *
 * Outputs: the domain's (as `ApiGatewayHttpStack`), `truststore_uri`, `root_certificate_pem`,
 * `client_issuing_ca_arn` and `ca_bundle_s3_uri`.
 */
export class MtlsApiGatewayStack extends BaseStack {
  readonly hierarchy: CertificateAuthorityHierarchy;
  readonly bucket: TrustStoreBucket;
  readonly caBundle: CaBundle;
  readonly certificate: Certificate;
  readonly domain: ApiGatewayHttpDomain;

  constructor(scope: Construct, name: string, props: MtlsApiGatewayStackProps) {
    super(scope, name, props);
    checkDomainConfigs(this, [props.domain]);
    const trust = createMtlsTrust(this, props.pki, props.truststore);
    this.hierarchy = trust.hierarchy;
    this.bucket = trust.bucket;
    this.caBundle = trust.caBundle;
    const hostedZones = hostedZoneRefs(props.hostedZones);
    const d = props.domain;
    const { scope: scopeOf, certificate } = domainWithCertificate(this, d, hostedZones);
    this.certificate = certificate;
    this.domain = new ApiGatewayHttpDomain(scopeOf, "Domain", {
      domainName: d.domainName,
      certificate,
      apiId: d.apiId,
      stage: d.stage,
      apiMappingKey: d.apiMappingKey,
      ipAddressType: d.ipAddressType,
      hostedZones: props.aliasRecords === false ? undefined : hostedZones,
      mutualTls: { truststore: this.caBundle },
    });
    outputApiGatewayDomain(this, d.name, certificate, this.domain, {
      domainName: `The custom domain name of ${d.name} (mutual TLS)`,
      targetDomainName: `The API Gateway domain name to point ${d.domainName} at`,
    });
    new TerraformOutput(this, "truststore_uri", {
      value: this.caBundle.s3Uri,
      description: "The truststore API Gateway verifies client certificates against",
    });
  }
}
