/**
 * The AWS provider this project pins, in one place. Messages and docs that state what the pinned
 * provider accepts interpolate these constants, so a provider upgrade changes them once (and
 * `__tests__/modules/util/provider-version.test.ts` fails until they match the installed
 * bindings).
 */

/** The hashicorp/aws provider version the bindings generate for, pinned in `required_providers`. */
export const AWS_PROVIDER_VERSION = "5.100.0";

/** The `@cdktf/provider-aws` bindings version (package.json pins it exactly). */
export const AWS_PROVIDER_BINDINGS_VERSION = "20.1.0";

/** For messages: `hashicorp/aws 5.100.0 (@cdktf/provider-aws 20.1.0)`. */
export const PINNED_AWS_PROVIDER = `hashicorp/aws ${AWS_PROVIDER_VERSION} (@cdktf/provider-aws ${AWS_PROVIDER_BINDINGS_VERSION})`;
