// `pnpm demo:tour`: set up like `npm start`, then walk the SES guide's procedures through the console
// on the seeded demo account (e2e/demo/tour.spec.ts) and write demo-output/ (numbered screenshots,
// REPORT.md). Own ports (DEMO_TOUR_PORT …) or DEMO_URL; DEMO_SIZE=small for a quicker seed.
import fs from 'node:fs';
import { chromiumPath as chromium } from '../e2e/chromium.mjs';
import { bootstrap, run } from './bootstrap.mjs';

await bootstrap();
if (!fs.existsSync(chromium)) {
  process.stderr.write(
    `[tour] Chromium not found at ${chromium}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH).\n`,
  );
  process.exit(1);
}
process.exit(run('pnpm', ['--filter', '@ses-console/e2e', 'run', 'demo:tour']));
