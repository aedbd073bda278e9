import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  createSeed,
  findProviderMirror,
  MirrorNotFoundError,
  offlineOverride,
  planCacheKey,
  planCacheSummary,
  unionRequiredProviders,
} from "../../scripts/plan/harness";
import { impliedMirrorDirs, searchProviderMirror } from "../../scripts/plan/mirror";

describe("offlineOverride", () => {
  test("gives every aws provider block, aliased ones too, fake credentials and the skip flags", () => {
    const override = offlineOverride({
      provider: {
        aws: [
          { region: "eu-west-1" },
          { alias: "us_east_1", region: "us-east-1" },
          { alias: "dns", assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/dns" }] },
        ],
      },
    }) as { provider: { aws: Record<string, unknown>[] }; terraform: unknown };
    expect(override.provider.aws).toHaveLength(3);
    expect(override.provider.aws.map((p) => p.alias)).toEqual([undefined, "us_east_1", "dns"]);
    for (const p of override.provider.aws) {
      expect(p).toMatchObject({
        access_key: expect.any(String),
        secret_key: expect.any(String),
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
      });
    }
    expect(override.provider.aws[2].assume_role).toEqual([{ role_arn: "" }]);
    expect(override.provider.aws[0].assume_role).toBeUndefined();
    expect(override.terraform).toEqual({ backend: { local: { path: "offline-plan.tfstate" } } });
  });

  test("a stack with a single provider object, or none, still gets one block", () => {
    expect(
      (offlineOverride({ provider: { aws: { region: "x" } } }) as any).provider.aws,
    ).toHaveLength(1);
    expect((offlineOverride({}) as any).provider.aws).toHaveLength(1);
  });
});

describe("unionRequiredProviders: the seed's providers", () => {
  test("one entry per source, however it is spelled, with every distinct constraint", () => {
    expect(
      unionRequiredProviders([
        { aws: { source: "aws", version: "5.100.0" } },
        { aws: { source: "hashicorp/aws", version: "5.100.0" } },
        { amazon: { source: "registry.terraform.io/hashicorp/aws", version: ">= 5.0" } },
        { tls: { source: "hashicorp/tls" } },
      ]),
    ).toEqual({
      aws: { source: "aws", version: "5.100.0, >= 5.0" },
      tls: { source: "hashicorp/tls" },
    });
  });

  test("two sources under one local name keep both, the second renamed", () => {
    expect(
      unionRequiredProviders([
        { dns: { source: "hashicorp/dns" } },
        { dns: { source: "example/dns", version: "1.0.0" } },
      ]),
    ).toEqual({
      dns: { source: "hashicorp/dns" },
      dns_2: { source: "example/dns", version: "1.0.0" },
    });
  });
});

describe("the run's plan cache", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tls-plan-cache-test-"));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const stack = (name: string, files: Record<string, string>) => {
    const dir = path.join(tmp, name);
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
  };

  test("a key covers the configuration, the prior state and the providers, and nothing else", () => {
    const config = { "cdk.tf.json": '{"resource":{}}', "assets/a.txt": "a" };
    const a = stack("a", config);
    const key = planCacheKey(a, "lock 1", {});
    expect(key).toMatch(/^plan-[0-9a-f]{64}$/);
    // Same files elsewhere, with state, a lock file and .terraform beside them: same key.
    const b = stack("b", {
      ...config,
      "terraform.tfstate": "{}",
      ".terraform.lock.hcl": "x",
      ".terraform/providers/p": "x",
    });
    expect(planCacheKey(b, "lock 1", {})).toBe(key);
    // Any change to what Terraform plans from: another key.
    const others = [
      planCacheKey(stack("c", { ...config, "cdk.tf.json": '{"resource":{"x":{}}}' }), "lock 1", {}),
      planCacheKey(stack("d", { ...config, "assets/a.txt": "b" }), "lock 1", {}),
      planCacheKey(stack("e", { ...config, "assets/b.txt": "a" }), "lock 1", {}),
      planCacheKey(a, "lock 2", {}),
      planCacheKey(a, "lock 1", { priorState: { version: 4, resources: [] } }),
    ];
    expect(new Set([key, ...others]).size).toBe(6);
  });

  test("the summary counts plans run and requests answered from the cache", () => {
    for (const name of ["plan-1.json", "plan-2.json", "schemas-1.json", "plan-3.lock"]) {
      fs.writeFileSync(path.join(tmp, name), "{}");
    }
    fs.writeFileSync(path.join(tmp, "hits"), "plan-1\nplan-1\nschemas-1\n");
    expect(planCacheSummary(tmp)).toEqual({ plans: 2, hits: 2 });
  });
});

describe("findProviderMirror", () => {
  const AWS = ["registry.terraform.io", "hashicorp", "aws"];
  let tmp: string;
  const mirrorAt = (...parts: string[]) => {
    const dir = path.join(tmp, ...parts);
    fs.mkdirSync(path.join(dir, ...AWS), { recursive: true });
    return dir;
  };
  /** A search that sees only what the test builds under `tmp`. */
  const search = (roots: Array<{ dir: string; depth: number }>, env: NodeJS.ProcessEnv = {}) =>
    findProviderMirror({
      env: { XDG_DATA_DIRS: path.join(tmp, "share"), ...env },
      home: path.join(tmp, "home"),
      roots,
    });

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mirror-"));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("TF_PLUGIN_MIRROR wins over every other place when it holds registry.terraform.io/hashicorp/aws", () => {
    const explicit = mirrorAt("explicit");
    mirrorAt("home", ".terraform.d", "plugins");
    expect(search([], { TF_PLUGIN_MIRROR: explicit })).toBe(explicit);
  });

  test("a TF_PLUGIN_MIRROR without the provider is an error that says what is missing", () => {
    mirrorAt("home", ".terraform.d", "plugins");
    expect(() => search([], { TF_PLUGIN_MIRROR: tmp })).toThrow(
      /does not contain registry.terraform.io[\\/]hashicorp[\\/]aws/,
    );
  });

  test("Terraform's implied mirror directories, in its documented order", () => {
    const home = path.join(tmp, "home");
    expect(impliedMirrorDirs({ XDG_DATA_HOME: "/x", XDG_DATA_DIRS: "/a:/b" }, home)).toEqual([
      path.join(home, ".terraform.d", "plugins"),
      path.join(home, ".local", "share", "terraform", "plugins"),
      "/x/terraform/plugins",
      "/a/terraform/plugins",
      "/b/terraform/plugins",
    ]);
    expect(impliedMirrorDirs({}, home).slice(2)).toEqual([
      "/usr/local/share/terraform/plugins",
      "/usr/share/terraform/plugins",
    ]);
    const shared = mirrorAt("share", "terraform", "plugins");
    expect(search([{ dir: path.join(tmp, "opt"), depth: 2 }])).toBe(shared);
    const local = mirrorAt("home", ".local", "share", "terraform", "plugins");
    expect(search([])).toBe(local);
  });

  test("conventional roots are searched two levels deep, no deeper", () => {
    const opt = path.join(tmp, "opt");
    expect(search([{ dir: opt, depth: 2 }])).toBeUndefined();
    mirrorAt("opt", "a", "b", "too-deep");
    expect(search([{ dir: opt, depth: 2 }])).toBeUndefined();
    const found = mirrorAt("opt", "vendor", "tf-plugins");
    expect(search([{ dir: opt, depth: 2 }])).toBe(found);
    expect(search([{ dir: opt, depth: 1 }])).toBeUndefined();
  });

  test("a project's .terraform/providers or anything under node_modules is never a mirror", () => {
    const srv = path.join(tmp, "srv");
    mirrorAt("srv", ".terraform", "providers");
    mirrorAt("srv", "node_modules", "cache");
    expect(search([{ dir: srv, depth: 2 }])).toBeUndefined();
  });

  test("with nothing found, the error lists where it looked and how to point at a mirror", () => {
    const result = searchProviderMirror({
      env: {},
      home: path.join(tmp, "home"),
      roots: [{ dir: path.join(tmp, "opt"), depth: 2 }],
    });
    expect(result.found).toBeUndefined();
    expect(result.searched).toContain(path.join(tmp, "home", ".terraform.d", "plugins"));
    const message = new MirrorNotFoundError(
      ["registry.terraform.io/hashicorp/aws"],
      result.searched,
    ).message;
    expect(message).toMatch(/Set TF_PLUGIN_MIRROR to a directory/);
    expect(message).toMatch(/terraform .*providers mirror/);
  });

  test("the default search (this machine) is bounded: well under a second, and only ever returns a mirror", () => {
    const started = process.hrtime.bigint();
    const found = findProviderMirror({ env: {} });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(ms).toBeLessThan(1000);
    const holdsAws = (dir: string) => fs.statSync(path.join(dir, ...AWS)).isDirectory();
    expect(found === undefined || holdsAws(found)).toBe(true);
    expect(found ?? "").not.toMatch(/(^|[\\/])(\.terraform|node_modules)([\\/]|$)/);
  });

  test("createSeed without a mirror fails before running terraform, with that message", async () => {
    const saved = process.env.TF_PLUGIN_MIRROR;
    process.env.TF_PLUGIN_MIRROR = tmp; // exists, holds no provider
    try {
      await expect(
        createSeed(path.join(tmp, "seed"), [{ aws: { source: "aws", version: "5.100.0" } }]),
      ).rejects.toThrow(/does not contain registry.terraform.io/);
      expect(fs.existsSync(path.join(tmp, "seed"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.TF_PLUGIN_MIRROR;
      else process.env.TF_PLUGIN_MIRROR = saved;
    }
  });
});
