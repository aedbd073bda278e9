/**
 * Where the offline plan harness finds its providers: a local filesystem mirror, a directory laid
 * out as `<hostname>/<namespace>/<type>/...` (what `terraform providers mirror <dir>` writes).
 *
 * The search is bounded and never crawls the file system. In order:
 *  1. `TF_PLUGIN_MIRROR`: used as given; an error if it lacks a required provider.
 *  2. Terraform's implied local mirror directories, as documented for the CLI configuration:
 *     `~/.terraform.d/plugins`, `~/.local/share/terraform/plugins`,
 *     `$XDG_DATA_HOME/terraform/plugins`, and `<dir>/terraform/plugins` for each directory of
 *     `$XDG_DATA_DIRS` (default `/usr/local/share:/usr/share`).
 *  3. A short fixed list of conventional roots, one or two levels deep: `/opt/*`, `/opt/*\/*`,
 *     `/srv/*`, `/srv/*\/*`, `/usr/local/lib/*`, `$HOME/*`. A path with a `.terraform` or
 *     `node_modules` component is never taken: a project's `.terraform/providers` is an
 *     install, not a mirror.
 *  4. Otherwise there is no mirror, and the caller fails with {@link MirrorNotFoundError}, whose
 *     message says how to point at one.
 *
 * There is no fallback to the registry: we cannot tell whether Terraform can reach it, an
 * offline `init` that tries fails slowly and obscurely, and a mirror pins the provider's bits for
 * every run. On a machine with network, one `terraform providers mirror` makes the mirror.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The provider every stack of this project needs, as a mirror path. */
export const AWS_PROVIDER = "registry.terraform.io/hashicorp/aws";

/** Inputs of the search; each defaults to this process's environment. Tests inject them. */
export interface MirrorSearchOptions {
  /** Provider source addresses (`registry.terraform.io/hashicorp/aws`) the mirror must hold. */
  readonly providers?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly home?: string;
  /**
   * Conventional roots searched after Terraform's own directories, each with how many levels
   * below it are looked at (0: the root itself).
   * @default /opt and /srv two levels, /usr/local/lib and $HOME one level
   */
  readonly roots?: ReadonlyArray<{ readonly dir: string; readonly depth: number }>;
}

/** No mirror was found; the message lists where the search looked and how to point at one. */
export class MirrorNotFoundError extends Error {
  constructor(
    readonly providers: readonly string[],
    readonly searched: readonly string[],
  ) {
    super(
      `No local Terraform provider mirror holds ${providers.join(", ")}. Looked in TF_PLUGIN_MIRROR ` +
        `(unset), Terraform's implied mirror directories and a few conventional roots:\n  ` +
        `${searched.join("\n  ")}\n` +
        `Set TF_PLUGIN_MIRROR to a directory that contains ${providers[0]}/<version>/<os>_<arch>/. ` +
        `To make one on a machine with network: npm run synth && terraform ` +
        `-chdir=cdktf.out/stacks/dns-validated-certificate providers mirror ~/terraform-mirror, ` +
        `then export TF_PLUGIN_MIRROR=~/terraform-mirror.`,
    );
    this.name = "MirrorNotFoundError";
  }
}

/** Provider sources (`hashicorp/aws`, `registry.terraform.io/hashicorp/aws`) as mirror paths. */
export function providerMirrorPath(source: string): string {
  const parts = source.toLowerCase().split("/");
  return (parts.length === 2 ? ["registry.terraform.io", ...parts] : parts).join("/");
}

function holdsAll(dir: string, providers: readonly string[]): boolean {
  return providers.every((p) => {
    try {
      return fs.statSync(path.join(dir, ...p.split("/"))).isDirectory();
    } catch {
      return false;
    }
  });
}

const NEVER = new Set([".terraform", "node_modules"]);
const excluded = (dir: string) => dir.split(path.sep).some((part) => NEVER.has(part));

/** Terraform's implied local mirror directories, in its documented order. */
export function impliedMirrorDirs(env: NodeJS.ProcessEnv, home: string): string[] {
  return [
    path.join(home, ".terraform.d", "plugins"),
    path.join(home, ".local", "share", "terraform", "plugins"),
    ...(env.XDG_DATA_HOME ? [path.join(env.XDG_DATA_HOME, "terraform", "plugins")] : []),
    ...(env.XDG_DATA_DIRS || "/usr/local/share:/usr/share")
      .split(":")
      .filter(Boolean)
      .map((d) => path.join(d, "terraform", "plugins")),
  ];
}

function defaultRoots(home: string): Array<{ dir: string; depth: number }> {
  return [
    { dir: "/opt", depth: 2 },
    { dir: "/srv", depth: 2 },
    { dir: "/usr/local/lib", depth: 1 },
    { dir: home, depth: 1 },
  ];
}

/** `dir`, then its subdirectories level by level down to `depth`, skipping excluded paths. */
function* levels(dir: string, depth: number): Generator<string> {
  let frontier = [dir];
  for (let level = 0; level <= depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const d of frontier) {
      if (excluded(d)) continue;
      yield d;
      if (level === depth) continue;
      try {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) next.push(path.join(d, e.name));
        }
      } catch {
        // unreadable or missing: nothing below it
      }
    }
    frontier = next.sort();
  }
}

/**
 * The first directory, in the order above, that holds every provider in `options.providers`
 * (default: hashicorp/aws); undefined when there is none. Throws when `TF_PLUGIN_MIRROR` is set
 * and lacks one of them.
 */
export function findProviderMirror(options: MirrorSearchOptions = {}): string | undefined {
  return searchProviderMirror(options).found;
}

/** {@link findProviderMirror}, also returning every place it looked (for the error message). */
export function searchProviderMirror(options: MirrorSearchOptions = {}): {
  found?: string;
  searched: string[];
} {
  const env = options.env ?? process.env;
  const home = options.home ?? os.homedir();
  const providers = (options.providers ?? [AWS_PROVIDER]).map(providerMirrorPath);
  const explicit = env.TF_PLUGIN_MIRROR;
  if (explicit) {
    const missing = providers.filter((p) => !holdsAll(explicit, [p]));
    if (missing.length > 0) {
      throw new Error(
        `TF_PLUGIN_MIRROR=${explicit} does not contain ${missing.map((p) => p.split("/").join(path.sep)).join(", ")}; ` +
          `point it at the mirror root (the directory that holds registry.terraform.io).`,
      );
    }
    return { found: explicit, searched: [explicit] };
  }
  const searched: string[] = [];
  for (const dir of impliedMirrorDirs(env, home)) {
    searched.push(dir);
    if (holdsAll(dir, providers)) return { found: dir, searched };
  }
  for (const root of options.roots ?? defaultRoots(home)) {
    searched.push(root.depth === 0 ? root.dir : `${root.dir} (${root.depth} level(s) deep)`);
    for (const dir of levels(root.dir, root.depth)) {
      if (holdsAll(dir, providers)) return { found: dir, searched };
    }
  }
  return { searched };
}
