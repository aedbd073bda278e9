import * as fs from "node:fs";
import * as path from "node:path";
import {
  AssetType,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  DataTerraformRemoteStateS3Config,
  IResolvable,
  IResolveContext,
  TerraformAsset,
  TerraformRemoteState,
  TerraformStack,
  TerraformVariable,
  Token,
  Tokenization,
} from "cdktf";
import { Construct, IConstruct } from "constructs";
import { show, ValidationError } from "../modules/util/errors";
import { checkTerraformIdentifier } from "../modules/util/identifiers";
import { checkS3BucketName } from "../modules/util/s3-bucket-name";
import { isLiteral } from "../modules/util/tokens";

/**
 * Stack inputs that Terraform reads at plan time: another state's outputs
 * (`terraform_remote_state`) and input variables. An example's typed `config` is written before
 * its stack exists, so these are value objects whose `getString(...)` / `value` are tokens that
 * stand for `data.terraform_remote_state.<name>.outputs.<output>` and `var.<name>`. The stack
 * that receives them declares the data source and the variable once, with
 * {@link declareStackInputs}; a token used in a stack that did not declare its source fails at
 * synth with a ValidationError naming the source.
 *
 * Such a value is unknown at synth: every check that needs it is skipped (ARN kind and region,
 * zone id form), and checks that cannot work without it fail with "must be known at synth"
 * (zone names, domain names with Route 53 validation, host names with alias records).
 */

/** Terraform's rule for names of outputs and variables (Terraform language docs, "Identifiers"). */
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

type OutputKind = "string" | "number" | "list";

/** A declared input of a stack: declares itself there once, and renders its reference. */
interface StackInput {
  /** The name that becomes the Terraform address (`data.terraform_remote_state.<name>`, `var.<name>`). */
  readonly name: string;
  /** What kind of input, for messages: "remote state" or "variable". */
  readonly description: string;
}

/**
 * The token behind `RemoteState.getString(...)` and `InputVariable.value`: resolves, in the stack
 * it is used in, to that stack's data source or variable.
 */
class InputReference implements IResolvable {
  readonly creationStack: string[] = [];

  constructor(
    readonly input: RemoteState | InputVariable,
    /** The output read, for remote states. */
    readonly output?: string,
  ) {}

  resolve(context: IResolveContext): unknown {
    const stack = TerraformStack.of(context.scope);
    const declared = StackInputs.of(stack).lookup(this.input);
    if (!declared) {
      throw new ValidationError(
        stack,
        `${this.input.description} ${show(this.input.name)} is read${this.output ? ` (output ${show(this.output)})` : ""}, ` +
          "but this stack does not declare it: call declareStackInputs(stack, props) in the stack's constructor",
      );
    }
    if (declared instanceof TerraformVariable) return declared.value;
    const output = this.output as string;
    (this.input as RemoteState)._checkOutput(stack, output);
    return declared.getString(output);
  }

  toString(): string {
    return Token.asString(this);
  }
}

/** Where a remote state is read from. */
type RemoteStateBackend =
  | { readonly kind: "local"; readonly path: string }
  | { readonly kind: "stateFile"; readonly file: string }
  | { readonly kind: "s3"; readonly config: DataTerraformRemoteStateS3Config };

/**
 * Another Terraform state whose outputs a stack reads: one `terraform_remote_state` data source
 * per state and stack, addressed `data.terraform_remote_state.<name>`. Outputs are read by name:
 * `upstream.getString("load_balancer_arn")` is a token for
 * `data.terraform_remote_state.upstream.outputs.load_balancer_arn`, the same token every time.
 *
 * Terraform reads the state during plan, so the values are known at plan but not at synth.
 */
export class RemoteState implements StackInput {
  /**
   * A state read through the local backend at `path`, as Terraform sees it: absolute, or relative
   * to the directory Terraform runs in (`cdktf.out/stacks/<stack>`). The file must exist when the
   * stack is planned. For a file that travels with the synthesized stack, use {@link stateFile}.
   */
  static local(name: string, statePath: string): RemoteState {
    return new RemoteState(name, { kind: "local", path: statePath });
  }

  /**
   * A state file copied into the synthesized stack (a cdktf asset under `assets/`) and read there
   * by the local backend through a relative path. The synthesized directory is self-contained:
   * it plans wherever it is copied, and `cdk.tf.json` holds no path of the machine that
   * synthesized it. The file is read at synth too: it must be a Terraform state (format 4), and
   * each output read must be in it. Its content is frozen at synth, so this fits a fixture or a
   * state handed over as a file; for a live state use {@link s3} or {@link local}.
   * @param file an absolute path, or one relative to the working directory of the synth
   */
  static stateFile(name: string, file: string): RemoteState {
    return new RemoteState(name, { kind: "stateFile", file });
  }

  /**
   * A state in S3 (the S3 backend's settings: `bucket`, `key`, `region`, and optionally
   * `roleArn`, `workspaceKeyPrefix`, ...), for example the state of the stack that owns the load
   * balancer. The reader needs `s3:GetObject` on the key (and `kms:Decrypt` when it is
   * encrypted with a KMS key).
   */
  static s3(name: string, config: DataTerraformRemoteStateS3Config): RemoteState {
    return new RemoteState(name, { kind: "s3", config });
  }

  readonly description = "remote state";
  private readonly tokens = new Map<string, unknown>();

  private constructor(
    /** The data source's name: `data.terraform_remote_state.<name>`. */
    readonly name: string,
    private readonly backend: RemoteStateBackend,
  ) {}

  /** An output of the state, as a string token. */
  getString(output: string): string {
    return this.token(output, "string") as string;
  }

  /** An output of the state, as a number token. */
  getNumber(output: string): number {
    return this.token(output, "number") as number;
  }

  /** An output of the state that is a list of strings, as a list token. */
  getList(output: string): string[] {
    return this.token(output, "list") as string[];
  }

  /** The outputs read so far, in the order first read. */
  get outputs(): readonly string[] {
    return [...new Set([...this.tokens.keys()].map((k) => k.split("|")[1]))];
  }

  private token(output: string, kind: OutputKind): unknown {
    const key = `${kind}|${output}`;
    let token = this.tokens.get(key);
    if (token === undefined) {
      const reference = new InputReference(this, output);
      token =
        kind === "string"
          ? Token.asString(reference)
          : kind === "number"
            ? Token.asNumber(reference)
            : Token.asList(reference);
      this.tokens.set(key, token);
    }
    return token;
  }

  /**
   * @internal Declares the data source under `parent` (called by {@link declareStackInputs});
   * errors name `scope`, the stack.
   */
  _declare(scope: IConstruct, parent: Construct, id: string): TerraformRemoteState {
    checkTerraformIdentifier(scope, "RemoteState name", this.name);
    for (const output of this.outputs) this._checkOutput(scope, output);
    const backend = this.backend;
    let dataSource: TerraformRemoteState;
    if (backend.kind === "s3") {
      const { bucket, key } = backend.config;
      checkS3BucketName(scope, `RemoteState ${show(this.name)} bucket`, bucket);
      if (typeof key !== "string" || key === "" || (isLiteral(key) && key.startsWith("/"))) {
        throw new ValidationError(
          scope,
          `RemoteState ${show(this.name)} key must be the state's object key, not empty and not starting with "/", got ${show(key)}`,
        );
      }
      dataSource = new DataTerraformRemoteStateS3(parent, id, backend.config);
    } else if (backend.kind === "local") {
      if (typeof backend.path !== "string" || backend.path === "") {
        throw new ValidationError(
          scope,
          `RemoteState ${show(this.name)} path must be the path of a state file, got ${show(backend.path)}`,
        );
      }
      dataSource = new DataTerraformRemoteStateLocal(parent, id, { path: backend.path });
    } else {
      this.fileOutputs(scope); // a readable state, before anything is created
      const asset = new TerraformAsset(parent, `${id}_file`, {
        path: path.resolve(backend.file),
        type: AssetType.FILE,
      });
      dataSource = new DataTerraformRemoteStateLocal(parent, id, { path: asset.path });
    }
    dataSource.overrideLogicalId(this.name);
    return dataSource;
  }

  /**
   * @internal Throws unless `output` can be read: a Terraform identifier, and, for a state file,
   * one of its outputs.
   */
  _checkOutput(scope: IConstruct, output: string): void {
    if (!OUTPUT_NAME.test(output)) {
      throw new ValidationError(
        scope,
        `RemoteState ${show(this.name)} output names are Terraform identifiers (letters, digits, "_" and "-", starting with a letter or "_"), got ${show(output)}`,
      );
    }
    if (this.backend.kind !== "stateFile") return;
    const outputs = this.fileOutputs(scope);
    if (!outputs.includes(output)) {
      throw new ValidationError(
        scope,
        `RemoteState ${show(this.name)} has no output ${show(output)} in ${show(this.backend.file)}; its outputs are ${outputs.map((o) => show(o)).join(", ") || "none"}`,
      );
    }
  }

  private parsedOutputs?: string[];

  /** The output names of a state file, read once. Throws unless it is a format-4 state. */
  private fileOutputs(scope: IConstruct): string[] {
    if (this.parsedOutputs) return this.parsedOutputs;
    const file = (this.backend as { file: string }).file;
    let state: { version?: unknown; outputs?: unknown };
    try {
      state = JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as typeof state;
    } catch (e) {
      throw new ValidationError(
        scope,
        `RemoteState ${show(this.name)} stateFile must be a readable Terraform state (JSON), got ${show(file)}: ${(e as Error).message}`,
      );
    }
    if (state?.version !== 4 || typeof state.outputs !== "object" || state.outputs === null) {
      throw new ValidationError(
        scope,
        `RemoteState ${show(this.name)} stateFile must be a Terraform state of format version 4 with an "outputs" object (what \`terraform state pull\` prints), got ${show(file)}`,
      );
    }
    this.parsedOutputs = Object.keys(state.outputs);
    return this.parsedOutputs;
  }
}

/** The settings of an {@link InputVariable}. */
export interface InputVariableOptions {
  /** Shown by `terraform plan` when it asks, and in docs. @default none */
  readonly description?: string;
  /** The value when none is given (`-var`, `TF_VAR_<name>`, a `.tfvars` file). @default none: required */
  readonly default?: string | number;
  /** Hide the value in plan output. @default false */
  readonly sensitive?: boolean;
}

/**
 * A Terraform input variable of the stack, `var.<name>`, given at plan time with `-var`,
 * `TF_VAR_<name>` or a `.tfvars` file. `value` is its token (a string or a number token).
 */
export class InputVariable implements StackInput {
  /** A variable of type `string`. */
  static string(name: string, options: InputVariableOptions = {}): InputVariable {
    return new InputVariable(name, "string", options);
  }

  /** A variable of type `number`. */
  static number(name: string, options: InputVariableOptions = {}): InputVariable {
    return new InputVariable(name, "number", options);
  }

  readonly description = "variable";
  private readonly token: unknown;

  private constructor(
    readonly name: string,
    readonly type: "string" | "number",
    private readonly options: InputVariableOptions,
  ) {
    const reference = new InputReference(this);
    this.token = type === "string" ? Token.asString(reference) : Token.asNumber(reference);
  }

  /** The variable's value: a string token for `string`, a number token for `number`. */
  get value(): string {
    return this.token as string;
  }

  /** The value as a number token (for `number` variables). */
  get numberValue(): number {
    return this.token as number;
  }

  /**
   * @internal Declares the variable under `parent` (called by {@link declareStackInputs});
   * errors name `scope`, the stack.
   */
  _declare(scope: IConstruct, parent: Construct, id: string): TerraformVariable {
    checkTerraformIdentifier(scope, "InputVariable name", this.name);
    const given = this.options.default;
    if (given !== undefined && typeof given !== this.type) {
      throw new ValidationError(
        scope,
        `InputVariable ${show(this.name)} default must be a ${this.type}, got ${show(given)}`,
      );
    }
    const variable = new TerraformVariable(parent, id, {
      type: this.type,
      description: this.options.description,
      default: given,
      sensitive: this.options.sensitive,
    });
    variable.overrideLogicalId(this.name);
    return variable;
  }
}

/** The inputs a stack has declared, by name; one registry per stack. */
class StackInputs extends Construct {
  static readonly ID = "StackInputs";

  static of(stack: TerraformStack): StackInputs {
    return (
      (stack.node.tryFindChild(StackInputs.ID) as StackInputs | undefined) ??
      new StackInputs(stack, StackInputs.ID)
    );
  }

  private readonly declared = new Map<
    string,
    { input: RemoteState | InputVariable; element: TerraformRemoteState | TerraformVariable }
  >();

  lookup(input: RemoteState | InputVariable): TerraformRemoteState | TerraformVariable | undefined {
    const found = this.declared.get(`${input.description}|${input.name}`);
    return found?.input === input ? found.element : undefined;
  }

  declare(input: RemoteState | InputVariable): TerraformRemoteState | TerraformVariable {
    const key = `${input.description}|${input.name}`;
    const existing = this.declared.get(key);
    if (existing) {
      if (existing.input === input) return existing.element;
      throw new ValidationError(
        TerraformStack.of(this),
        `two different ${input.description}s are named ${show(input.name)}; each becomes ${input instanceof RemoteState ? "data.terraform_remote_state" : "var"}.${input.name}, so give them different names`,
      );
    }
    const id = `${input instanceof RemoteState ? "RemoteState" : "Variable"}_${input.name}`;
    const element = input._declare(TerraformStack.of(this), this, id);
    this.declared.set(key, { input, element });
    return element;
  }
}

/**
 * The remote states and variables whose tokens appear anywhere in `values` (props objects,
 * lists, strings that embed a token), each once, in the order found. Constructs and functions
 * are not searched.
 */
export function stackInputsIn(...values: unknown[]): Array<RemoteState | InputVariable> {
  const found = new Set<RemoteState | InputVariable>();
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (value === null || value === undefined || typeof value === "function") return;
    if (typeof value === "string" || typeof value === "number") {
      for (const token of Tokenization.reverse(value)) {
        if (token instanceof InputReference) found.add(token.input);
      }
      return;
    }
    if (typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    if (value instanceof RemoteState || value instanceof InputVariable) {
      found.add(value);
      return;
    }
    if (value instanceof InputReference) {
      found.add(value.input);
      return;
    }
    if (Construct.isConstruct(value)) return;
    if (Array.isArray(value)) {
      // A list token is encoded as a one-element list of strings.
      if (value.length === 1 && typeof value[0] === "string") {
        for (const token of Tokenization.reverse(value)) {
          if (token instanceof InputReference) found.add(token.input);
        }
      }
      value.forEach(visit);
      return;
    }
    Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return [...found];
}

/**
 * Declares, in `stack`, every remote state and variable whose tokens appear in `values` (usually
 * the stack's props): one `data.terraform_remote_state.<name>` per state and one `var.<name>` per
 * variable, however often they are read. Call it in the stack's constructor; calling it again
 * with the same inputs declares nothing new. Two different inputs of one kind with the same name
 * are a ValidationError. Returns the data sources and variables, in the order found.
 */
export function declareStackInputs(
  stack: TerraformStack,
  ...values: unknown[]
): Array<TerraformRemoteState | TerraformVariable> {
  const registry = StackInputs.of(stack);
  return stackInputsIn(...values).map((input) => registry.declare(input));
}
