// The public API of the construct library, by name: every export here is a decision (a test
// lists them). Constructs, their props and their I* references, the value classes, the errors,
// and the few helpers a user calls. Checks and resolvers stay internal.
// Every import of the AWS provider inside is deep (`@cdktf/provider-aws/lib/<resource>`).

// Errors and the app entry point
export { ValidationError } from "./util/errors";
export { runApp, SYNTH_TRACE_VARIABLE } from "./util/run-app";
export type { RunAppIo } from "./util/run-app";

// Certificates: request and validate
export { Certificate } from "./certificate/certificate";
export type {
  CertificateProps,
  DnsValidationRecord,
  ExistingCertificateAttributes,
} from "./certificate/certificate";
export type { ICertificate } from "./certificate/certificate-ref";
export { CertificateValidation } from "./certificate/certificate-validation";
export type {
  CertificateValidationOptions,
  ValidationMethod,
} from "./certificate/certificate-validation";
export { CertificateValidationHandoff } from "./certificate/certificate-validation-handoff";
export { ValidatedCertificate } from "./certificate/validated-certificate";
export type { ValidatedCertificateProps } from "./certificate/validated-certificate";
export { ExternalValidationRecords } from "./dns/external-validation-records";
export type { ExternalValidationRecordsProps } from "./dns/external-validation-records";
// Certificates: take over existing ones (import and moved blocks)
export { CertificateAdoption, renderAdoptionBlocks } from "./certificate/adoption";
export type {
  AcmModuleSource,
  AdoptionBlock,
  ImportBlock,
  ImportCertificateOptions,
  MovedBlock,
} from "./certificate/adoption";
export type {
  AcmModuleResources,
  AcmModuleValidationRecord,
  StateSource,
} from "./certificate/acm-module-state";
export { KeyAlgorithm } from "./certificate/key-algorithm";
export type { KeyFamily } from "./certificate/key-algorithm";
export type { HostedZoneRef } from "./dns/hosted-zone";
export { ImportedCertificate } from "./certificate/imported-certificate";
export type { ImportedCertificateProps } from "./certificate/imported-certificate";
export { PemSource } from "./certificate/pem-source";

// Attachments: load balancers
export { AlbHttpsListener } from "./attach/alb-https-listener";
export type { AlbHttpsListenerProps } from "./attach/alb-https-listener";
export { NlbTlsListener } from "./attach/nlb-tls-listener";
export type { NlbAlpnPolicy, NlbTlsListenerProps } from "./attach/nlb-tls-listener";
export { LoadBalancerTlsListener } from "./attach/load-balancer-tls-listener";
export type { LoadBalancerTlsListenerProps } from "./attach/load-balancer-tls-listener";
export type { LoadBalancerAliasOptions } from "./attach/load-balancer-aliases";
export { DEFAULT_ELB_TLS_POLICY, ELB_TLS_POLICIES } from "./attach/elb-tls-policy";

// Attachments: Elastic Beanstalk
export {
  BeanstalkHttpsEnvironment,
  beanstalkHttpsSettings,
  mergeBeanstalkSettings,
} from "./attach/beanstalk-https";
export type {
  BeanstalkHttpsEnvironmentProps,
  BeanstalkHttpsOptions,
  BeanstalkSetting,
} from "./attach/beanstalk-https";

// Attachments: CloudFront
export { CloudFrontDistribution } from "./attach/cloudfront-distribution";
export type {
  CloudFrontDistributionProps,
  CloudFrontOriginProtocolPolicy,
  CloudFrontPriceClass,
} from "./attach/cloudfront-distribution";
export {
  cloudFrontViewerCertificate,
  DEFAULT_CLOUDFRONT_MINIMUM_PROTOCOL_VERSION,
} from "./attach/cloudfront-certificate";
export type {
  CloudFrontMinimumProtocolVersion,
  CloudFrontViewerCertificateConfig,
  CloudFrontViewerCertificateProps,
} from "./attach/cloudfront-certificate";

// Attachments: API Gateway and DNS aliases
export { ApiGatewayRestDomain } from "./attach/api-gateway-rest-domain";
export type { ApiGatewayRestDomainProps, RestEndpointType } from "./attach/api-gateway-rest-domain";
export { ApiGatewayHttpDomain } from "./attach/api-gateway-http-domain";
export type { ApiGatewayHttpDomainProps } from "./attach/api-gateway-http-domain";
export type {
  ApiGatewayDomainBaseProps,
  ApiGatewayIpAddressType,
} from "./attach/api-gateway-domain-name";
export { AliasRecords } from "./attach/alias-records";
export type { AliasRecordsProps } from "./attach/alias-records";

// Private PKI: AWS Private CA and private certificates
export { CertificateAuthority } from "./private-ca/certificate-authority";
export type {
  CertificateAuthorityProps,
  ExternalSignature,
  KeyStorageSecurityStandard,
} from "./private-ca/certificate-authority";
export { CertificateAuthorityHierarchy } from "./private-ca/certificate-authority-hierarchy";
export type {
  CaSettings,
  CertificateAuthorityHierarchyProps,
  HierarchyCrlOptions,
  SubordinateCaSettings,
} from "./private-ca/certificate-authority-hierarchy";
export { CertificateAuthorityRef } from "./private-ca/certificate-authority-ref";
export type {
  CaType,
  CaUsageMode,
  ExistingCertificateAuthorityAttributes,
  ICertificateAuthority,
} from "./private-ca/certificate-authority-ref";
export { CaKeyAlgorithm, CaSigningAlgorithm } from "./private-ca/ca-algorithms";
export type { CaSubject } from "./private-ca/ca-subject";
export { Validity } from "./private-ca/validity";
export type { ValidityUnit } from "./private-ca/validity";
export { PrivateCertificate } from "./private-ca/private-certificate";
export type { PrivateCertificateProps } from "./private-ca/private-certificate";
export { IssuedCertificate } from "./private-ca/issued-certificate";
export type { IssuedCertificateProps } from "./private-ca/issued-certificate";
export { CrlBucket } from "./private-ca/crl-bucket";
export type { CrlBucketProps } from "./private-ca/crl-bucket";
export type {
  CrlObjectAcl,
  CrlOptions,
  OcspOptions,
  RevocationOptions,
} from "./private-ca/revocation";
export { CaSharing } from "./private-ca/ca-sharing";
export type { CaSharingOptions, CaSharingProps } from "./private-ca/ca-sharing";
export { estimatePrivateCaCost, PRIVATE_CA_PRICES } from "./private-ca/cost";
export type { CostLine, PrivateCaCostEstimate, PrivateCaUsage } from "./private-ca/cost";

// Monitoring: expiry alarms, ACM events, Config rule, Private CA alarms
export { CertificateExpiryAlarm } from "./monitoring/certificate-expiry-alarm";
export type {
  CertificateExpiryAlarmProps,
  ExpiryAlarmOptions,
} from "./monitoring/certificate-expiry-alarm";
export type { CertificateKind, ExpiryThreshold } from "./monitoring/expiry-threshold";
export { ExpiryAlarmAspect, monitorAll } from "./monitoring/monitor-all";
export type { MonitorAllOptions } from "./monitoring/monitor-all";
export { ACM_EVENTS, CertificateExpiryEvents } from "./monitoring/expiry-events";
export type { AcmEventName, CertificateExpiryEventsProps } from "./monitoring/expiry-events";
export type { NotificationTopicOptions } from "./monitoring/notification-topic";
export { CertificateExpirationConfigRule } from "./monitoring/certificate-expiration-config-rule";
export type { CertificateExpirationConfigRuleProps } from "./monitoring/certificate-expiration-config-rule";
export { PrivateCaAlarms } from "./monitoring/private-ca-alarms";
export type { PrivateCaAlarmsProps } from "./monitoring/private-ca-alarms";

// mTLS: trust stores and client-certificate authentication
export { TrustStoreBucket } from "./mtls/trust-store-bucket";
export type { TrustStoreBucketProps } from "./mtls/trust-store-bucket";
export { CaBundle, CaBundleSource } from "./mtls/ca-bundle";
export type { CaBundleProps, CaCertificateSource, ICaBundle } from "./mtls/ca-bundle";
export { TrustStore } from "./mtls/trust-store";
export type { ITrustStore, TrustStoreProps } from "./mtls/trust-store";
export type { S3ObjectLocation } from "./mtls/s3-object-location";
export { ALB_MTLS_MODES } from "./mtls/alb-mutual-authentication";
export type { AlbMtlsMode, AlbMutualAuthentication } from "./mtls/alb-mutual-authentication";
export type { ApiGatewayMutualTls } from "./mtls/api-gateway-mutual-tls";

// Guardrails: the TLS rule pack, its Aspect and suppressions
export { TlsPolicyChecks } from "./policy/tls-policy-aspect";
export type { TlsPolicyChecksProps } from "./policy/tls-policy-aspect";
export { suppressTlsRule } from "./policy/suppressions";
export type { Suppression } from "./policy/suppressions";
export { allowLegacyTls } from "./policy/legacy-tls";
export type { LegacyTlsRule } from "./policy/legacy-tls";
export { TLS_RULES } from "./policy/rule-pack";
export type { Finding, PolicyLevel, PolicyRule, Verdict } from "./policy/types";
