import { IConstruct } from "constructs";
import { ICertificate } from "../certificate/certificate-ref";
import { show, ValidationError } from "../util/errors";

/**
 * CloudFront's key rule, shared by CloudFront distributions and EDGE API Gateway domains (which
 * CloudFront serves). CloudFront accepts ACM certificates with RSA 2048-bit or ECDSA P-256
 * (prime256v1) keys; an ECDSA P-384 (secp384r1) certificate is refused ("Requirements for using
 * SSL/TLS certificates with CloudFront",
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html).
 *
 * Throws only when the key algorithm is known at synth and known to be refused
 * (`cloudFrontCompatible === false`). An unknown key algorithm (an imported certificate without
 * `keyAlgorithm`, or a token) skips the check: it is never assumed to be RSA, nor refused.
 *
 * @param why who needs the key, for the message, e.g. "CloudFront" or "CloudFront (behind an
 *   EDGE API Gateway domain)"
 * @param alternative what else the user can do, appended to the message
 */
export function checkCloudFrontKeyAlgorithm(
  scope: IConstruct,
  property: string,
  certificate: ICertificate,
  why: string,
  alternative = "",
): void {
  const key = certificate.keyAlgorithm;
  if (key === undefined || key.cloudFrontCompatible !== false) return;
  throw new ValidationError(
    scope,
    `${property} uses key algorithm ${show(key.value)}, which ${why} does not accept; ` +
      'request the certificate with "RSA_2048" or "EC_prime256v1"' +
      alternative,
  );
}
