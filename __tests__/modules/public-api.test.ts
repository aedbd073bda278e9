/**
 * The public API, listed: adding or removing an export fails this test, so that every change to
 * what users may depend on is a decision made in review, not an accident of `export *`.
 * Types (props, I* interfaces) vanish at run time; `npm run typecheck` covers those through
 * the examples and README snippets, which import them by name.
 */
import * as modules from "../../modules";
import * as stacks from "../../stacks";

describe("public API", () => {
  test("cdktf-aws-tls exports exactly these values", () => {
    expect(Object.keys(modules).sort()).toEqual([
      "ACM_EVENTS",
      "ALB_MTLS_MODES",
      "AlbHttpsListener",
      "AliasRecords",
      "ApiGatewayHttpDomain",
      "ApiGatewayRestDomain",
      "BeanstalkHttpsEnvironment",
      "CaBundle",
      "CaBundleSource",
      "CaKeyAlgorithm",
      "CaSharing",
      "CaSigningAlgorithm",
      "Certificate",
      "CertificateAdoption",
      "CertificateAuthority",
      "CertificateAuthorityHierarchy",
      "CertificateAuthorityRef",
      "CertificateExpirationConfigRule",
      "CertificateExpiryAlarm",
      "CertificateExpiryEvents",
      "CertificateValidation",
      "CertificateValidationHandoff",
      "CloudFrontDistribution",
      "CrlBucket",
      "DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION",
      "DEFAULT_ELB_TLS_POLICY",
      "ELB_TLS_POLICIES",
      "ExpiryAlarmAspect",
      "ExternalValidationRecords",
      "ImportedCertificate",
      "IssuedCertificate",
      "KeyAlgorithm",
      "LoadBalancerTlsListener",
      "NlbTlsListener",
      "PRIVATE_CA_PRICES",
      "PemSource",
      "PrivateCaAlarms",
      "PrivateCertificate",
      "SYNTH_TRACE_VARIABLE",
      "TLS_RULES",
      "TlsPolicyChecks",
      "TrustStore",
      "TrustStoreBucket",
      "ValidatedCertificate",
      "ValidationError",
      "Validity",
      "allowLegacyTls",
      "beanstalkHttpsSettings",
      "cloudFrontViewerCertificate",
      "estimatePrivateCaCost",
      "mergeBeanstalkSettings",
      "monitorAll",
      "renderAdoptionBlocks",
      "runApp",
      "suppressTlsRule",
    ]);
  });

  test("cdktf-aws-tls/stacks exports exactly these values", () => {
    expect(Object.keys(stacks).sort()).toEqual([
      "AlbHttpsEstateStack",
      "AlbHttpsStack",
      "ApiGatewayHttpStack",
      "ApiGatewayRestStack",
      "BaseStack",
      "CertificateAdoption",
      "CertificatesStack",
      "CloudFrontStack",
      "ElasticBeanstalkStack",
      "ImportedCertificateStack",
      "InputVariable",
      "LoadBalancerListenerStack",
      "MonitoringStack",
      "MtlsAlbStack",
      "MtlsApiGatewayStack",
      "NlbTlsStack",
      "PrivateCaStack",
      "RemoteState",
      "STATE_BACKEND_VARIABLES",
      "SplitDnsCertificateStack",
      "SplitDnsRecordsStack",
      "SplitDnsValidationStack",
      "declareStackInputs",
      "runApp",
      "splitDnsStacks",
      "stateBackendFromEnv",
    ]);
  });

  test("no check, create or resolve helper is public", () => {
    const helpers = Object.keys(modules).filter((k) => /^(check|create|resolve|find)/.test(k));
    expect(helpers).toEqual([]);
  });
});
