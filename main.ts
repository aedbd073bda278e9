// The app that holds every example stack; `npm run synth` writes them to cdktf.out/stacks/<name>.
import { App } from "cdktf";
import { examples } from "./examples";

const app = new App();
for (const register of Object.values(examples)) register(app);
app.synth();
