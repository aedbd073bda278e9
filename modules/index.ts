// Public API of the construct library. Every import of the AWS provider inside is deep
// (`@cdktf/provider-aws/lib/<resource>`): the package root costs seconds and hundreds of MB.
export * from "./util/errors";
export * from "./util/domain-name";
export * from "./util/provider-info";
export * from "./dns/hosted-zone";
export * from "./dns/zone-matching";
export * from "./dns/validation-records";
export * from "./certificate/key-algorithm";
export * from "./certificate/certificate-ref";
export * from "./certificate/certificate-validation";
export * from "./certificate/certificate";
export * from "./attach/attachment-checks";
export * from "./attach/alias-records";
export * from "./attach/cloudfront-certificate";
export * from "./attach/api-gateway-rest-domain";
export * from "./attach/api-gateway-http-domain";
export * from "./attach/elb-tls-policy";
export * from "./attach/alb-https-listener";
export * from "./attach/nlb-tls-listener";
export * from "./attach/beanstalk-https";
