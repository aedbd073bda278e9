/**
 * The CDK Terrain route, in one place: what a user's package.json says to run this library on
 * `cdktn` instead of `cdktf` (README, "Using with CDK Terrain (cdktn)"). Read by
 * `cdktf-aws-tls new --cdktn`, which writes those lines, and by `npm run cdktn-route`, which
 * proves them on a clean copy of this repository.
 */

/** The cdktn release the route is proven on; users install it under the name `cdktf`. */
export const CDKTN_VERSION = "0.24.0";

/** `"cdktf": "npm:cdktn@<version>"`: the alias that keeps `import { App } from "cdktf"`. */
export const CDKTN_ALIAS = `npm:cdktn@${CDKTN_VERSION}`;

/**
 * The cdktn CLI of the same release (bin `cdktn`). It needs Node >= 22.19 (its `engines`); on
 * Node 20 an app runs its `main.ts` with tsx instead.
 */
export const CDKTN_CLI_VERSION = CDKTN_VERSION;

/**
 * The override users add: @cdktf/provider-aws 20.1.0 declares the peer `cdktf@^0.21.0`, and
 * `$cdktf` gives it the root's own `cdktf`, which is the alias. Without it `npm install` fails
 * with ERESOLVE.
 */
export const CDKTN_PROVIDER_OVERRIDE: Readonly<Record<string, Readonly<Record<string, string>>>> =
  Object.freeze({ "@cdktf/provider-aws": Object.freeze({ cdktf: "$cdktf" }) });
