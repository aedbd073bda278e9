import { IConstruct } from "constructs";
import { checkCertificateRegion, checkCoverage } from "../attach/attachment-checks";
import { checkIsCertificate, ICertificate } from "../certificate/certificate-ref";
import { PrivateCertificate } from "../private-ca/private-certificate";
import { show, ValidationError } from "../util/errors";
import { isLiteral } from "../util/tokens";
import { ICaBundle } from "./ca-bundle";
import { checkS3ObjectLocation, checkS3Uri, s3UriOf } from "./s3-object-location";

/**
 * Mutual TLS on an API Gateway custom domain (REST REGIONAL or HTTP): clients must present a
 * certificate that chains to the truststore. Disable the API's default `execute-api` endpoint
 * (`disable_execute_api_endpoint`), or clients can call the API there without a certificate
 * (API Gateway developer guide, "How to turn on mutual TLS authentication for your REST APIs").
 */
export interface ApiGatewayMutualTls {
  /**
   * The truststore: a `CaBundle` (its `s3://` URI and object version are used, so a changed
   * bundle reaches the domain) or `CaBundle.fromObject(...)`. Give this or `truststoreUri`.
   * @default none
   */
  readonly truststore?: ICaBundle;
  /**
   * The truststore as an `s3://<bucket>/<key>` URI, when it is not a `CaBundle`.
   * @default none
   */
  readonly truststoreUri?: string;
  /**
   * The S3 object version of `truststoreUri` (a versioned bucket). API Gateway reads the
   * truststore when the domain is updated; a new version is how a new bundle gets there.
   * @default none: the latest version at the time of the update
   */
  readonly truststoreVersion?: string;
  /**
   * A public certificate issued by ACM for the domain name, in the domain's region. API Gateway
   * requires it when the server certificate is imported into ACM or issued by AWS Private CA,
   * to prove that you control the name; it is not used in the handshake (API Gateway developer
   * guide, "Using imported or AWS Private Certificate Authority certificates"). Required here
   * when the server certificate is a `PrivateCertificate`; give it too when the server
   * certificate is an imported one passed by ARN (this library cannot tell from the ARN).
   * @default none
   */
  readonly ownershipVerificationCertificate?: ICertificate;
}

/** What the domain constructs write. */
export interface ResolvedApiGatewayMutualTls {
  readonly mutualTlsAuthentication: { truststoreUri: string; truststoreVersion?: string };
  readonly ownershipVerificationCertificateArn?: string;
}

/** The domain a `mutualTls` option is checked against. */
export interface ApiGatewayMutualTlsDomain {
  /** The custom domain name. */
  readonly domainName: string;
  /** The server certificate. */
  readonly certificate: ICertificate;
  /** The domain's region, when known at synth. */
  readonly region?: string;
  /** Whether the domain is EDGE (mTLS needs REGIONAL). */
  readonly edge: boolean;
}

/**
 * Checks a `mutualTls` option and returns what the domain writes, or undefined when it is
 * absent. Throws on: an EDGE domain (API Gateway supports mTLS on REGIONAL custom domains only);
 * neither or both of `truststore` and `truststoreUri`; `truststoreVersion` beside `truststore`;
 * a literal URI that is not `s3://<bucket>/<key>`; a `PrivateCertificate` server certificate
 * without an ownership certificate; an ownership certificate that is itself private, in another
 * region or that does not cover the domain name.
 */
export function resolveApiGatewayMutualTls(
  scope: IConstruct,
  property: string,
  value: ApiGatewayMutualTls | undefined,
  domain: ApiGatewayMutualTlsDomain,
): ResolvedApiGatewayMutualTls | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) {
    throw new ValidationError(
      scope,
      `${property} must be an object { truststore | truststoreUri, ... }, got ${show(value)}`,
    );
  }
  if (domain.edge) {
    throw new ValidationError(
      scope,
      `${property} needs a REGIONAL domain: API Gateway supports mutual TLS on regional custom domains only, got endpointType "EDGE"`,
    );
  }
  let truststoreUri: string;
  let truststoreVersion: string | undefined;
  if (value.truststore !== undefined && value.truststoreUri !== undefined) {
    throw new ValidationError(
      scope,
      `${property}: give truststore or truststoreUri, not both, got truststoreUri ${show(value.truststoreUri)} beside a truststore`,
    );
  }
  if (value.truststore !== undefined) {
    if (value.truststoreVersion !== undefined) {
      throw new ValidationError(
        scope,
        `${property}.truststoreVersion must not be set beside truststore (its version is the bundle's), got ${show(value.truststoreVersion)}`,
      );
    }
    checkS3ObjectLocation(scope, `${property}.truststore`, value.truststore);
    truststoreUri = value.truststore.s3Uri ?? s3UriOf(value.truststore);
    truststoreVersion = value.truststore.versionId;
  } else if (value.truststoreUri !== undefined) {
    checkS3Uri(scope, `${property}.truststoreUri`, value.truststoreUri);
    truststoreUri = value.truststoreUri;
    truststoreVersion = value.truststoreVersion;
    if (
      truststoreVersion !== undefined &&
      (typeof truststoreVersion !== "string" || truststoreVersion === "")
    ) {
      throw new ValidationError(
        scope,
        `${property}.truststoreVersion must be a non-empty S3 object version id when given, got ${show(truststoreVersion)}`,
      );
    }
  } else {
    throw new ValidationError(
      scope,
      `${property} needs a truststore (a CaBundle) or a truststoreUri (s3://<bucket>/<key>), got neither`,
    );
  }

  const ownership = value.ownershipVerificationCertificate;
  const needsOwnership = domain.certificate instanceof PrivateCertificate;
  if (ownership === undefined) {
    if (needsOwnership) {
      throw new ValidationError(
        scope,
        `${property}.ownershipVerificationCertificate is required: the server certificate is issued by AWS Private CA, and API Gateway then needs a public ACM certificate for ${show(domain.domainName)} to prove ownership, got undefined`,
      );
    }
    return { mutualTlsAuthentication: { truststoreUri, truststoreVersion } };
  }
  const ownershipProperty = `${property}.ownershipVerificationCertificate`;
  checkIsCertificate(scope, ownershipProperty, ownership);
  if (ownership instanceof PrivateCertificate) {
    throw new ValidationError(
      scope,
      `${ownershipProperty} must be a public certificate issued by ACM, got a private certificate (${show(ownership.node.path)})`,
    );
  }
  checkCertificateRegion(
    scope,
    ownershipProperty,
    ownership,
    domain.region,
    `the API Gateway domain in ${domain.region}`,
  );
  if (isLiteral(domain.domainName)) {
    checkCoverage(scope, ownershipProperty, [domain.domainName], [ownership]);
  }
  return {
    mutualTlsAuthentication: { truststoreUri, truststoreVersion },
    ownershipVerificationCertificateArn: ownership.certificateArn,
  };
}
