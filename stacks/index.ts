export * from "./base-stack";
export * from "./certificates-stack";
export * from "./cloudfront-stack";
