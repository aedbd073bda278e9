export * from "./base-stack";
export * from "./certificates-stack";
export * from "./cloudfront-stack";
export * from "./api-gateway-rest-stack";
export * from "./api-gateway-http-stack";
