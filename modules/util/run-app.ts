import { App } from "cdktf";
import { ValidationError } from "./errors";

/**
 * The environment variable that turns the full stack trace of a synth error back on.
 * `TLS_SYNTH_TRACE=1 npx cdktf synth`.
 */
export const SYNTH_TRACE_VARIABLE = "TLS_SYNTH_TRACE";

/** What `runApp` needs of the process; a parameter so tests can watch it. */
export interface RunAppIo {
  /** Where the error block goes. @default process.stderr */
  readonly write?: (text: string) => void;
  /** How the process ends on error. @default process.exit */
  readonly exit?: (code: number) => never | void;
  /** The environment read for `TLS_SYNTH_TRACE`. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Builds and synthesizes a cdktf app, printing a `ValidationError` as one short block:
 * `[path] message` and a hint, not the message twice and twenty frames of compiled code.
 * Call it from `main.ts` instead of `new App()` ... `app.synth()`:
 *
 *     runApp((app) => { new CertificatesStack(app, "certs", { ... }); });
 *
 * A ValidationError, or cdktf's own "Validation failed" error (the cross-construct checks added
 * with `node.addValidation`), exits with status 1. Any other error is a bug, not bad input: it
 * is rethrown with its trace. Set `TLS_SYNTH_TRACE=1` to get the trace of a ValidationError too.
 */
export function runApp(build: (app: App) => void, app: App = new App(), io: RunAppIo = {}): App {
  try {
    build(app);
    app.synth();
  } catch (error) {
    const env = io.env ?? process.env;
    if (!isInputError(error) || env[SYNTH_TRACE_VARIABLE]) throw error;
    const write = io.write ?? ((text: string) => process.stderr.write(text));
    write(
      `synth failed: ${error.message}\n` +
        `(the input above is rejected at synth; set ${SYNTH_TRACE_VARIABLE}=1 for the stack trace)\n`,
    );
    (io.exit ?? process.exit)(1);
  }
  return app;
}

/** cdktf reports failed `node.addValidation` checks with this message, one line per error. */
const CDKTF_VALIDATION_FAILED = "Validation failed with the following errors:";

function isInputError(error: unknown): error is Error {
  return (
    error instanceof ValidationError ||
    (error instanceof Error && error.message.startsWith(CDKTF_VALIDATION_FAILED))
  );
}
