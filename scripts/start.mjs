// `npm start` / `pnpm start`: set up, build, then run the console (BFF) with the embedded emulator.
import { bootstrap, runService } from './bootstrap.mjs';

bootstrap();
runService('apps/bff/dist/index.js');
