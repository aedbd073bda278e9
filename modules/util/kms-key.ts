import { IConstruct } from "constructs";
import { show, ValidationError } from "./errors";
import { isLiteral } from "./tokens";

/** A KMS key reference: a key id, an alias (`alias/...`) or a key or alias ARN. Tokens pass. */
export function checkKmsKey(scope: IConstruct, property: string, value: string | undefined): void {
  if (value === undefined || !isLiteral(value)) return;
  const ok =
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value) ||
    /^mrk-[0-9a-f]{32}$/.test(value) ||
    /^alias\/[A-Za-z0-9/_-]{1,250}$/.test(value) ||
    /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)$/.test(
      value,
    );
  if (!ok) {
    throw new ValidationError(
      scope,
      `${property} must be a KMS key id, an alias ("alias/<name>") or a KMS key or alias ARN, got ${show(value)}`,
    );
  }
}
