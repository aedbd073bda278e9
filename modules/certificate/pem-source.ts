import * as fs from "node:fs";
import * as path from "node:path";
import { AssetType, Fn, TerraformAsset, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { show, ValidationError } from "../util/errors";
import { isUnresolved } from "../util/tokens";

/**
 * Where a PEM input (certificate, private key, chain) comes from:
 * - `fromFile(path)`: read at synth for the checks, and emitted as `file("assets/...")`: the
 *   file is copied next to the stack as a cdktf asset, so its content never appears in
 *   `cdk.tf.json` (it does reach the Terraform state);
 * - `fromVariable(variable)`: a Terraform variable, known only at plan; the synth checks are
 *   skipped. For a private key it must be `sensitive: true`;
 * - `fromString(pem)`: a literal, emitted inline into `cdk.tf.json`: certificates only. A
 *   string token (a secret's value, for example) is passed through and not checked.
 */
export class PemSource {
  /** A PEM file, read at synth (relative paths resolve against the working directory). */
  static fromFile(filePath: string): PemSource {
    return new PemSource("file", filePath, `file ${JSON.stringify(filePath)}`);
  }

  /** A Terraform variable holding the PEM text; checks are skipped. */
  static fromVariable(variable: TerraformVariable): PemSource {
    return new PemSource(
      "variable",
      variable.stringValue,
      `variable ${JSON.stringify(variable.node.id)}`,
      variable.sensitive === true,
    );
  }

  /** PEM text (or a string token); literal text is written into cdk.tf.json. */
  static fromString(pem: string): PemSource {
    return isUnresolved(pem)
      ? new PemSource("token", pem, "a value unknown at synth")
      : new PemSource("literal", pem, "a literal string");
  }

  private constructor(
    readonly kind: "file" | "variable" | "literal" | "token",
    private readonly value: string,
    /** How errors name this input (never its content). */
    readonly description: string,
    /** For a variable: whether it is marked sensitive. */
    readonly sensitive?: boolean,
  ) {}

  /** The PEM text when known at synth (file or literal), else undefined. */
  readText(scope: Construct, property: string): string | undefined {
    if (this.kind === "literal") return this.value;
    if (this.kind !== "file") return undefined;
    try {
      return fs.readFileSync(path.resolve(this.value), "utf8");
    } catch (e) {
      throw new ValidationError(
        scope,
        `${property} must name a readable PEM file, got ${show(this.value)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
  }

  /** The value to give Terraform: `file(<asset path>)` for a file (asset `id` in `scope`). */
  bind(scope: Construct, id: string): string {
    if (this.kind !== "file") return this.value;
    const asset = new TerraformAsset(scope, id, {
      path: path.resolve(this.value),
      type: AssetType.FILE,
    });
    return Fn.file(asset.path);
  }
}

/** Throws unless `value` is a PemSource. */
export function checkPemSource(scope: Construct, property: string, value: unknown): PemSource {
  if (!(value instanceof PemSource)) {
    throw new ValidationError(
      scope,
      `${property} must be a PemSource (PemSource.fromFile, fromVariable or fromString), got ${show(
        typeof value === "string" ? "a string" : value === undefined ? undefined : typeof value,
      )}`,
    );
  }
  return value;
}
