// `pnpm emulator`: the SES v2 + Route 53 emulator on its own (port 4566 unless EMULATOR_PORT says otherwise).
import { bootstrap, runService } from './bootstrap.mjs';

await bootstrap();
runService('packages/emulator/dist/main.js');
