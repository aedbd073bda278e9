// Jest global setup of the unit project: the run directory (see ./run-directory).
import { ensureRunDirectory } from "./run-directory";

export default function globalSetup(): void {
  ensureRunDirectory();
}
