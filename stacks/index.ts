export * from "./base-stack";
export * from "./certificates-stack";
