// Jest global teardown of both projects: deletes the run directory, seed and plan cache included.
import { removeRunDirectory } from "./run-directory";

export default function globalTeardown(): void {
  removeRunDirectory();
}
