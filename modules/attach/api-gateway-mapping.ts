import { IConstruct } from "constructs";
import { parseArn } from "../util/arn";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";

/**
 * Checks for what an API Gateway custom domain maps to: an existing API's id, one of its
 * stages, and the path under the domain. Shared by REST (`aws_api_gateway_base_path_mapping`) and
 * HTTP (`aws_apigatewayv2_api_mapping`) domains. Tokens pass unchecked.
 */

/** API Gateway ids (REST and HTTP APIs) are generated strings of lower-case letters and digits. */
const API_ID = /^[a-z0-9]+$/;

/**
 * The API id inside an API Gateway ARN: the management ARN `arn:aws:apigateway:<region>::/restapis/<id>`
 * (or `/apis/<id>` for HTTP APIs) or the invoke ARN `arn:aws:execute-api:<region>:<account>:<id>/...`.
 */
function apiIdInArn(value: string): string | undefined {
  const arn = parseArn(value);
  if (!arn) return undefined;
  if (arn.service === "apigateway")
    return /^\/(?:restapis|apis)\/([a-z0-9]+)(?:\/|$)/.exec(arn.resource)?.[1];
  if (arn.service === "execute-api") return /^([a-z0-9]+)(?:\/|$)/.exec(arn.resource)?.[1];
  return undefined;
}

/** Checks an existing API's id: the id, not its name or ARN. Tokens pass unchecked. */
export function checkApiGatewayApiId(scope: IConstruct, property: string, value: string): void {
  if (typeof value !== "string" || value === "") {
    throw new ValidationError(scope, `${property} must be a non-empty API id, got ${show(value)}`);
  }
  if (!isLiteral(value) || API_ID.test(value)) return;
  const fromArn = apiIdInArn(value);
  throw new ValidationError(
    scope,
    `${property} must be the API's id, lower-case letters and digits such as "a1b2c3d4e5" (not its name or ARN), got ${show(value)}` +
      (fromArn ? `; this ARN names the API ${show(fromArn)}` : ""),
  );
}

/** API Gateway stage names: letters, digits, hyphens and underscores, at most 128 characters. */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Checks a stage name. HTTP APIs also have the special `$default` stage. Tokens pass unchecked.
 */
export function checkApiGatewayStage(
  scope: IConstruct,
  property: string,
  value: string,
  allowDefaultStage: boolean,
): void {
  if (typeof value !== "string") {
    throw new ValidationError(scope, `${property} must be a stage name, got ${show(value)}`);
  }
  if (!isLiteral(value)) return;
  if (allowDefaultStage && value === "$default") return;
  if (!STAGE_NAME.test(value)) {
    throw new ValidationError(
      scope,
      `${property} must be 1-128 letters, digits, "-" or "_"${allowDefaultStage ? ' (or "$default")' : ""}, got ${show(value)}`,
    );
  }
}

/** One path segment of an API mapping: API Gateway allows letters, digits and `$-_.+!*'()`. */
const PATH_SEGMENT = /^[A-Za-z0-9$_.+!*'()-]+$/;

/** The longest mapping path API Gateway accepts. */
export const MAX_MAPPING_PATH_LENGTH = 300;

/**
 * Checks a mapping path (REST `basePath`, HTTP `apiMappingKey`): no leading or trailing slash,
 * segments of letters, digits and `$-_.+!*'()`, at most 300 characters. `multiLevel` allows
 * `orders/v1`. Tokens pass unchecked.
 */
export function checkMappingPath(
  scope: IConstruct,
  property: string,
  value: string,
  multiLevel: boolean,
): void {
  if (typeof value !== "string") {
    throw new ValidationError(scope, `${property} must be a path string, got ${show(value)}`);
  }
  if (!isLiteral(value) || value === "") return;
  if (value.startsWith("/") || value.endsWith("/")) {
    throw new ValidationError(
      scope,
      `${property} must not start or end with "/", got ${show(value)}; use ${show(value.replace(/^\/+|\/+$/g, ""))}`,
    );
  }
  if (value.length > MAX_MAPPING_PATH_LENGTH) {
    throw new ValidationError(
      scope,
      `${property} must be at most ${MAX_MAPPING_PATH_LENGTH} characters, got ${value.length}: ${show(value)}`,
    );
  }
  const segments = value.split("/");
  if (!multiLevel && segments.length > 1) {
    throw new ValidationError(
      scope,
      `${property} must be a single path segment for aws_api_gateway_base_path_mapping, got ${show(value)}; ` +
        'multi-level paths such as "orders/v1" need an API Gateway v2 API mapping, which this construct does not create',
    );
  }
  if (!segments.every((s) => PATH_SEGMENT.test(s))) {
    const where = multiLevel ? "segments separated by single slashes, each of" : "only";
    throw new ValidationError(
      scope,
      `${property} may contain ${where} letters, digits and $-_.+!*'(), got ${show(value)}`,
    );
  }
}
