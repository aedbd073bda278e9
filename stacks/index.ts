// The deployable stacks (`cdktf-aws-tls/stacks`), by name: each stack, its props and the config
// types they take. `runApp` is here too, so that an app imports from one place.
export { runApp } from "../modules/util/run-app";
export { BaseStack } from "./base-stack";
export type { BaseStackProps } from "./base-stack";
export { STATE_BACKEND_VARIABLES, stateBackendFromEnv } from "./state-backend";
export type { S3StateSettings, StateBackendEnv } from "./state-backend";
export { CertificatesStack } from "./certificates-stack";
export type { CertificateConfig, CertificatesStackProps, ZoneConfig } from "./certificates-stack";
export { CloudFrontStack } from "./cloudfront-stack";
export type { CloudFrontCertificateConfig, CloudFrontStackProps } from "./cloudfront-stack";
export { ApiGatewayRestStack } from "./api-gateway-rest-stack";
export type { ApiGatewayRestStackProps, RestApiDomainConfig } from "./api-gateway-rest-stack";
export { ApiGatewayHttpStack } from "./api-gateway-http-stack";
export type { ApiGatewayHttpStackProps, HttpApiDomainConfig } from "./api-gateway-http-stack";
export type { ApiGatewayDomainConfigBase, ApiGatewayStackPropsBase } from "./api-gateway-domains";
export { LoadBalancerListenerStack } from "./load-balancer-listener-stack";
export type { LoadBalancerListenerStackProps } from "./load-balancer-listener-stack";
export { AlbHttpsStack } from "./alb-https-stack";
export type { AlbHttpsStackProps } from "./alb-https-stack";
export { NlbTlsStack } from "./nlb-tls-stack";
export type { NlbTlsStackProps } from "./nlb-tls-stack";
export type {
  ListenerCertificateConfig,
  ListenerZoneConfig,
  LoadBalancerDnsConfig,
} from "./listener-certificates";
export { ElasticBeanstalkStack } from "./elastic-beanstalk-stack";
export type { ElasticBeanstalkStackProps } from "./elastic-beanstalk-stack";
export { PrivateCaStack } from "./private-ca-stack";
export type {
  PrivateCaStackProps,
  PrivateCertificateConfig,
  PrivateListenerConfig,
} from "./private-ca-stack";
export { MtlsAlbStack } from "./mtls-alb-stack";
export type { MtlsAlbStackProps, MtlsTrustStoreConfig } from "./mtls-alb-stack";
export { MtlsApiGatewayStack } from "./mtls-api-gateway-stack";
export type { MtlsApiGatewayStackProps } from "./mtls-api-gateway-stack";
export type { MtlsBundleConfig, MtlsPkiConfig } from "./mtls-trust";
export { MonitoringStack } from "./monitoring-stack";
export type { MonitoredCertificateConfig, MonitoringStackProps } from "./monitoring-stack";
export { ImportedCertificateStack } from "./imported-certificate-stack";
export type { ImportedCertificateStackProps } from "./imported-certificate-stack";
export {
  splitDnsStacks,
  SplitDnsCertificateStack,
  SplitDnsRecordsStack,
  SplitDnsValidationStack,
} from "./split-dns-stacks";
export type {
  SplitCertificateConfig,
  SplitDnsCertificateStackConfig,
  SplitDnsCertificateStackProps,
  SplitDnsProps,
  SplitDnsRecordSetConfig,
  SplitDnsRecordsStackConfig,
  SplitDnsRecordsStackProps,
  SplitDnsStacks,
  SplitDnsValidatedCertificateConfig,
  SplitDnsValidationStackConfig,
  SplitDnsValidationStackProps,
} from "./split-dns-stacks";
export { AlbHttpsEstateStack } from "./alb-https-estate-stack";
export type {
  AlbHttpsEstateStackProps,
  EstateCertificateAdoptions,
} from "./alb-https-estate-stack";
export { declareStackInputs, InputVariable, RemoteState } from "./stack-inputs";
export type { InputVariableOptions } from "./stack-inputs";
// A value class an example's config needs, re-exported so an app imports from one place.
export { CertificateAdoption } from "../modules/certificate/adoption";
