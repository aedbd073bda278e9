// The app that holds every example stack; `npm run synth` writes them to cdktf.out/stacks/<name>.
// A bad input prints one `[path] message` block and exits 1 (TLS_SYNTH_TRACE=1 for the trace).
import { examples } from "./examples";
import { runApp } from "./stacks";

runApp((app) => {
  for (const register of Object.values(examples)) register(app);
});
