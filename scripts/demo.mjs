// `pnpm demo`: set up like `npm start`, then run the console on a fresh ./.demo-data seeded with a
// realistic account (packages/demo-kit) until Ctrl-C. PORT, EMULATOR_PORT, EMULATOR_DNS_PORT, DEMO_SIZE.
import { bootstrap, runService } from './bootstrap.mjs';

await bootstrap();
runService('packages/demo-kit/dist/main.js');
