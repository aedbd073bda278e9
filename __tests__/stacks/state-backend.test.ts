// The state backend from TF_STATE_* variables: the backend JSON for each combination of the
// variables, the synth errors of a bad or half configuration, and BaseStack's precedence (an
// explicit backend wins; process.env is the default source). Expected keys and JSON are written
// out literally here, never computed with the functions under test.
import { S3Backend, Testing } from "cdktf";
import { CertificatesStack, CertificatesStackProps } from "../../stacks/certificates-stack";
import {
  normalizeKeyPrefix,
  StateBackendEnv,
  stateKey,
  STATE_BACKEND_VARIABLES,
} from "../../stacks/state-backend";
import { expectValidationError } from "../support/inputs";
import { synth } from "../support/synth";

const BUCKET = "tls-state-111111111111";
const REGION = "eu-central-1";
const PREFIX = "platform/tls";
const KMS_ALIAS = "alias/terraform-state";
const LOCK_TABLE = "terraform-locks";

const FULL: StateBackendEnv = {
  TF_STATE_BUCKET: BUCKET,
  TF_STATE_REGION: REGION,
  TF_STATE_KEY_PREFIX: PREFIX,
  TF_STATE_KMS_KEY_ID: KMS_ALIAS,
  TF_STATE_LOCK_TABLE: LOCK_TABLE,
};
const NAMES = [
  "TF_STATE_BUCKET",
  "TF_STATE_REGION",
  "TF_STATE_KEY_PREFIX",
  "TF_STATE_KMS_KEY_ID",
  "TF_STATE_LOCK_TABLE",
] as const;

function stack(
  env: StateBackendEnv | undefined,
  extra: Partial<CertificatesStackProps> = {},
  name = "certs",
): CertificatesStack {
  return new CertificatesStack(Testing.app(), name, {
    region: "eu-west-1",
    hostedZones: [{ zoneId: "Z0EXAMPLE00000000001", zoneName: "example.com" }],
    certificates: [{ name: "site", domainName: "example.com" }],
    ...(env ? { stateBackendEnv: env } : {}),
    ...extra,
  });
}

function backendOf(env: StateBackendEnv | undefined, name = "certs"): Record<string, any> {
  return synth(stack(env, {}, name)).json.terraform.backend;
}

const LOCAL = { local: { path: "terraform.certs.tfstate" } };

describe("state backend from TF_STATE_* variables", () => {
  test("the variable names are the ones the pipelines set", () => {
    expect(Object.values(STATE_BACKEND_VARIABLES).sort()).toEqual([...NAMES].sort());
  });

  test("no variable: the local backend, as before", () => {
    expect(backendOf({})).toEqual(LOCAL);
  });

  test("empty variables count as unset (CI passes empty strings)", () => {
    const empty = Object.fromEntries(NAMES.map((n) => [n, ""]));
    expect(backendOf(empty)).toEqual(LOCAL);
    // An empty optional variable next to a real bucket and region is unset too.
    expect(backendOf({ ...empty, TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION }).s3).toEqual({
      bucket: BUCKET,
      region: REGION,
      key: "certs/terraform.tfstate",
      encrypt: true,
      use_lockfile: true,
    });
  });

  test("bucket and region: S3, key from the stack name, encrypted, S3 lock file", () => {
    expect(backendOf({ TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION })).toEqual({
      s3: {
        bucket: "tls-state-111111111111",
        region: "eu-central-1",
        key: "certs/terraform.tfstate",
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  test("every variable: prefix, KMS key, and the DynamoDB table instead of the lock file", () => {
    expect(backendOf(FULL)).toEqual({
      s3: {
        bucket: "tls-state-111111111111",
        region: "eu-central-1",
        key: "platform/tls/certs/terraform.tfstate",
        encrypt: true,
        kms_key_id: "alias/terraform-state",
        dynamodb_table: "terraform-locks",
      },
    });
  });

  // All 32 combinations of the five variables set or unset. The expectation is built field by
  // field from literals: local when none is set, an error naming the missing variable when the
  // bucket or the region is missing, otherwise S3 with exactly the fields that were set.
  const combinations = Array.from({ length: 32 }, (_, mask) =>
    NAMES.filter((_n, i) => mask & (1 << i)),
  );
  test.each(combinations.map((set) => [set.join(" + ") || "(none)", set] as const))(
    "combination: %s",
    (_label, set) => {
      const env: Record<string, string> = {};
      for (const name of set) env[name] = FULL[name] as string;
      const has = (n: (typeof NAMES)[number]) => set.includes(n);
      if (set.length === 0) {
        expect(backendOf(env)).toEqual(LOCAL);
      } else if (!has("TF_STATE_BUCKET")) {
        expectValidationError(
          () => stack(env),
          [
            "[certs]",
            "TF_STATE_BUCKET is not set",
            ...set.map((n) => `${n}=${JSON.stringify(FULL[n])}`),
            "set TF_STATE_BUCKET and TF_STATE_REGION",
            `unset ${set.join(", ")}`,
          ],
        );
      } else if (!has("TF_STATE_REGION")) {
        expectValidationError(
          () => stack(env),
          ["[certs]", "TF_STATE_REGION must be set", 'TF_STATE_BUCKET="tls-state-111111111111"'],
        );
      } else {
        const expected: Record<string, unknown> = {
          bucket: "tls-state-111111111111",
          region: "eu-central-1",
          key: has("TF_STATE_KEY_PREFIX")
            ? "platform/tls/certs/terraform.tfstate"
            : "certs/terraform.tfstate",
          encrypt: true,
        };
        if (has("TF_STATE_KMS_KEY_ID")) expected.kms_key_id = "alias/terraform-state";
        if (has("TF_STATE_LOCK_TABLE")) expected.dynamodb_table = "terraform-locks";
        else expected.use_lockfile = true;
        expect(backendOf(env)).toEqual({ s3: expected });
      }
    },
  );

  test("exactly one lock mechanism, whichever is chosen", () => {
    const withTable = backendOf(FULL).s3;
    const withFile = backendOf({ ...FULL, TF_STATE_LOCK_TABLE: undefined }).s3;
    expect(withTable.dynamodb_table).toBe("terraform-locks");
    expect(withTable).not.toHaveProperty("use_lockfile");
    expect(withFile.use_lockfile).toBe(true);
    expect(withFile).not.toHaveProperty("dynamodb_table");
  });

  test("each stack of an app gets its own key", () => {
    const env = { TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION, TF_STATE_KEY_PREFIX: "p" };
    expect(backendOf(env, "alb-https").s3.key).toBe("p/alb-https/terraform.tfstate");
    expect(backendOf(env, "cloudfront").s3.key).toBe("p/cloudfront/terraform.tfstate");
  });

  test.each([
    ["team", "team/certs/terraform.tfstate"],
    ["team/", "team/certs/terraform.tfstate"],
    ["/team/tls//", "team/tls/certs/terraform.tfstate"],
    ["//a/b", "a/b/certs/terraform.tfstate"],
    ["/", "certs/terraform.tfstate"],
    ["env-1/it's_(ok)!*.x", "env-1/it's_(ok)!*.x/certs/terraform.tfstate"],
  ])("prefix %j -> key %j", (prefix, key) => {
    const env = { TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION, TF_STATE_KEY_PREFIX: prefix };
    expect(backendOf(env).s3.key).toBe(key);
  });

  test("normalizeKeyPrefix and stateKey, directly", () => {
    expect(normalizeKeyPrefix(undefined)).toBe("");
    expect(normalizeKeyPrefix("")).toBe("");
    expect(normalizeKeyPrefix("///")).toBe("");
    expect(normalizeKeyPrefix("/a/b/")).toBe("a/b/");
    expect(stateKey(undefined, "s")).toBe("s/terraform.tfstate");
    expect(stateKey("x//", "s")).toBe("x/s/terraform.tfstate");
  });

  test.each([
    ["a key id", "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"],
    ["a multi-Region key id", "mrk-0123456789abcdef0123456789abcdef"],
    ["an alias", "alias/state/tls_v2"],
    ["a key ARN", "arn:aws:kms:eu-central-1:111111111111:key/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"],
    [
      "a multi-Region key ARN",
      "arn:aws:kms:eu-central-1:111111111111:key/mrk-0123456789abcdef0123456789abcdef",
    ],
    ["an alias ARN", "arn:aws-us-gov:kms:us-gov-west-1:111111111111:alias/state"],
  ])("TF_STATE_KMS_KEY_ID accepts %s", (_what, kms) => {
    const env = { TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION, TF_STATE_KMS_KEY_ID: kms };
    expect(backendOf(env).s3.kms_key_id).toBe(kms);
  });

  test.each(["us-gov-west-1", "cn-north-1", "ap-southeast-5", "us-isob-east-1"])(
    "TF_STATE_REGION accepts %s",
    (region) => {
      expect(backendOf({ TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: region }).s3.region).toBe(
        region,
      );
    },
  );

  test("a lock table name of 3 and of 255 characters is accepted", () => {
    const env = { TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION };
    expect(backendOf({ ...env, TF_STATE_LOCK_TABLE: "a.b" }).s3.dynamodb_table).toBe("a.b");
    const long = "L".repeat(255);
    expect(backendOf({ ...env, TF_STATE_LOCK_TABLE: long }).s3.dynamodb_table).toBe(long);
  });
});

describe("state backend errors", () => {
  const ok = { TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: REGION };

  test.each([
    ["upper case and _", "My_State", ["lower-case letters", '"My_State"']],
    ["too short", "ab", ["3 to 63 characters", '"ab"']],
    ["an IP address", "192.168.1.10", ["IP address", '"192.168.1.10"']],
    ["a reserved suffix", "state-s3alias", ["reserved suffix", '"state-s3alias"']],
    ["a space", " tls-state", ["lower-case letters", '" tls-state"']],
  ])("TF_STATE_BUCKET %s", (_what, bucket, parts) => {
    expectValidationError(
      () => stack({ ...ok, TF_STATE_BUCKET: bucket }),
      ["[certs]", "TF_STATE_BUCKET", ...parts],
    );
  });

  test.each(["Ireland", "eu-west", "EU-WEST-1", " eu-west-1", "eu-west-1 ", "euwest1"])(
    "TF_STATE_REGION %j",
    (region) => {
      expectValidationError(
        () => stack({ ...ok, TF_STATE_REGION: region }),
        ["[certs]", "TF_STATE_REGION must be an AWS region code", JSON.stringify(region)],
      );
    },
  );

  test.each([
    ["a space", "team a", ["may contain only", '"team a"']],
    ["a backslash", "team\\a", ["may contain only"]],
    ["a non-ASCII letter", "équipe", ["may contain only", '"équipe"']],
    ["an empty segment", "a//b", ['empty path segment ("//")', '"a//b"']],
    ["a .. segment", "../other-team", ['"." or ".." path segment', '"../other-team"']],
    ["a . segment", "a/./b", ['"." or ".." path segment', '"a/./b"']],
  ])("TF_STATE_KEY_PREFIX with %s", (_what, prefix, parts) => {
    expectValidationError(
      () => stack({ ...ok, TF_STATE_KEY_PREFIX: prefix }),
      ["[certs]", "TF_STATE_KEY_PREFIX", ...parts],
    );
  });

  test.each([
    ["not a key", "terraform-state", "must be a KMS key id, an alias"],
    ["an alias without its prefix", "state/tls", "must be a KMS key id, an alias"],
    ["an S3 ARN", "arn:aws:s3:::tls-state", "must be a KMS key id, an alias"],
    // The KMS documentation's example id: KMS-shaped, but no RFC 4122 version and variant, so
    // Terraform 1.11's S3 backend refuses it at init ("Invalid KMS Key ID").
    ["a UUID without version and variant", "1234abcd-12ab-34cd-56ef-1234567890ab", "RFC 4122"],
    ["a key ARN whose id is no UUID", "arn:aws:kms:eu-central-1:111111111111:key/ABCD", "RFC 4122"],
  ])("TF_STATE_KMS_KEY_ID: %s", (_what, kms, rule) => {
    expectValidationError(
      () => stack({ ...ok, TF_STATE_KMS_KEY_ID: kms }),
      ["[certs]", "TF_STATE_KMS_KEY_ID", rule, JSON.stringify(kms)],
    );
  });

  test.each([
    ["too short", "ab"],
    ["too long", "t".repeat(256)],
    ["a space", "terraform locks"],
    ["an ARN", "arn:aws:dynamodb:eu-central-1:111111111111:table/locks"],
  ])("TF_STATE_LOCK_TABLE %s", (_what, table) => {
    expectValidationError(
      () => stack({ ...ok, TF_STATE_LOCK_TABLE: table }),
      ["[certs]", "TF_STATE_LOCK_TABLE must be a DynamoDB table name", "3 to 255 characters"],
    );
  });

  // key = prefix + "/" + "certs/terraform.tfstate" (23 bytes) = prefix + 24 bytes.
  test("the key, and its .tflock lock file, must fit S3's 1,024 bytes", () => {
    const withPrefix = (length: number, table?: string) => ({
      ...ok,
      TF_STATE_KEY_PREFIX: "k".repeat(length),
      ...(table ? { TF_STATE_LOCK_TABLE: table } : {}),
    });
    // S3 lock file: 1,017 + ".tflock" = 1,024.
    expect(backendOf(withPrefix(993)).s3.key).toHaveLength(1017);
    expectValidationError(
      () => stack(withPrefix(994)),
      ["[certs]", "is 1018 bytes", "at most 1024 bytes", "1017 with the", "TF_STATE_KEY_PREFIX"],
    );
    // DynamoDB locking: no lock file, the whole 1,024 bytes.
    expect(backendOf(withPrefix(1000, LOCK_TABLE)).s3.key).toHaveLength(1024);
    expectValidationError(
      () => stack(withPrefix(1001, LOCK_TABLE)),
      ["[certs]", "is 1025 bytes", "at most 1024 bytes"],
    );
  });

  test("bucket without region names the variable to set", () => {
    expectValidationError(
      () => stack({ TF_STATE_BUCKET: BUCKET }),
      [
        "[certs] TF_STATE_REGION must be set when TF_STATE_BUCKET is",
        'TF_STATE_BUCKET="tls-state-111111111111"',
        "the AWS region of the state bucket",
      ],
    );
    // An empty region is no region.
    expectValidationError(
      () => stack({ TF_STATE_BUCKET: BUCKET, TF_STATE_REGION: "" }),
      ["TF_STATE_REGION must be set"],
    );
  });

  test("region without bucket names both ways out", () => {
    expectValidationError(
      () => stack({ TF_STATE_REGION: REGION }),
      [
        '[certs] TF_STATE_BUCKET is not set, but TF_STATE_REGION is (TF_STATE_REGION="eu-central-1")',
        "set TF_STATE_BUCKET and TF_STATE_REGION to keep the state in S3",
        "or unset TF_STATE_REGION to keep the local backend",
      ],
    );
  });

  test("the half configuration is reported before any value check", () => {
    // A bad region without a bucket: the missing bucket is the first thing to fix.
    expectValidationError(
      () => stack({ TF_STATE_REGION: "Ireland", TF_STATE_LOCK_TABLE: "x" }),
      ["TF_STATE_BUCKET is not set, but TF_STATE_REGION, TF_STATE_LOCK_TABLE are"],
    );
  });
});

describe("BaseStack and the environment", () => {
  test("an explicit backend wins, and a half configuration is then not read", () => {
    const out = synth(
      stack(
        { TF_STATE_REGION: REGION },
        {
          backend: (s) =>
            new S3Backend(s, { bucket: "explicit-bucket", key: "k.tfstate", region: "us-east-1" }),
        },
      ),
    );
    expect(out.json.terraform.backend).toEqual({
      s3: { bucket: "explicit-bucket", key: "k.tfstate", region: "us-east-1" },
    });
  });

  describe("process.env is the default source", () => {
    // Saved and restored exactly: a variable unset before is deleted again, not set to "".
    const saved = new Map(NAMES.map((n) => [n, process.env[n]]));
    afterEach(() => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    test("read at construction when stateBackendEnv is not given", () => {
      for (const n of NAMES) delete process.env[n];
      process.env.TF_STATE_BUCKET = BUCKET;
      process.env.TF_STATE_REGION = REGION;
      const s = stack(undefined);
      // Read once, at construction: a change afterwards does not reach this stack.
      process.env.TF_STATE_KEY_PREFIX = "later";
      expect(synth(s).json.terraform.backend.s3.key).toBe("certs/terraform.tfstate");
    });

    test("with none of the variables in process.env, the local backend", () => {
      for (const n of NAMES) delete process.env[n];
      expect(backendOf(undefined)).toEqual(LOCAL);
    });

    test("stateBackendEnv replaces process.env entirely", () => {
      process.env.TF_STATE_BUCKET = BUCKET;
      expect(backendOf({})).toEqual(LOCAL);
    });
  });
});
