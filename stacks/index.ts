export * from "./base-stack";
export * from "./certificates-stack";
export * from "./cloudfront-stack";
export * from "./api-gateway-rest-stack";
export * from "./api-gateway-http-stack";
export * from "./alb-https-stack";
export * from "./nlb-tls-stack";
export * from "./elastic-beanstalk-stack";
