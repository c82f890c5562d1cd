// `pnpm emulator`: the emulator (SES v2 and v1, SNS, Route 53) on its own (port 4566 unless EMULATOR_PORT says otherwise).
import { bootstrap, runService } from './bootstrap.mjs';

await bootstrap();
runService('packages/emulator/dist/main.js');
