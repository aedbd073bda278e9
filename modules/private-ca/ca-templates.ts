/**
 * AWS Private CA certificate templates (see "Template definitions" in the AWS Private CA user
 * guide). A template ARN has no region or account: `arn:<partition>:acm-pca:::template/<name>`.
 */

/** The most a subordinate's path length can be: a hierarchy has at most five levels. */
export const MAX_SUBORDINATE_PATH_LENGTH = 3;

/** True when `value` is a subordinate path length a template exists for: a whole number, 0 to 3. */
export function isPathLength(value: unknown): value is number {
  return (
    typeof value === "number" &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= MAX_SUBORDINATE_PATH_LENGTH
  );
}

/** The template a root CA self-signs with. It sets CA:TRUE and no path length constraint. */
export function rootCaTemplateArn(partition: string): string {
  return `arn:${partition}:acm-pca:::template/RootCACertificate/V1`;
}

/**
 * The template a parent signs a subordinate CA with: `SubordinateCACertificate_PathLen<n>/V1`,
 * n from 0 to 3. The path length is the number of CA levels allowed below the subordinate.
 */
export function subordinateCaTemplateArn(partition: string, pathLength: number): string {
  if (!isPathLength(pathLength)) {
    throw new RangeError(
      `path length must be 0 to ${MAX_SUBORDINATE_PATH_LENGTH}, got ${pathLength}`,
    );
  }
  return `arn:${partition}:acm-pca:::template/SubordinateCACertificate_PathLen${pathLength}/V1`;
}

/** The default end-entity template (what IssueCertificate applies when given none). */
export function endEntityTemplateArn(partition: string): string {
  return `arn:${partition}:acm-pca:::template/EndEntityCertificate/V1`;
}
