export {
  CONFIGURATION_SETS,
  DEMO_REGIONS,
  type DemoPlan,
  type DemoSize,
  demoAnchors,
  demoPlan,
  type PlannedIdentity,
  parseDemoSize,
} from './demo-catalog.js';
export { type DemoServer, type DemoServerOptions, repoRoot, startDemoServer } from './demo-server.js';
export { type SeedDemoOptions, type SeedDemoResult, seedDemoAccount } from './seed-demo-account.js';
