// `npm start` / `pnpm start`: set up, build, then run the console (BFF) with the embedded emulator.
import { bootstrap, runService } from './bootstrap.mjs';

await bootstrap();
// Production mode for the service only (set after the install and build: with NODE_ENV=production
// pnpm would skip the dev dependencies the build needs). Express then never renders stack traces.
process.env.NODE_ENV ??= 'production';
runService('apps/bff/dist/index.js');
