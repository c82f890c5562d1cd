export {
  accountPlan,
  CONFIGURATION_SETS,
  DEMO_ACCOUNTS,
  DEMO_REGIONS,
  DEMO_ROLE_NAME,
  type DemoAccount,
  type DemoPlan,
  type DemoSize,
  demoAccountPlans,
  demoAnchors,
  demoPlan,
  demoRoleArn,
  type PlannedIdentity,
  parseDemoSize,
} from './demo-catalog.js';
export {
  accountsConfig,
  type DemoServer,
  type DemoServerOptions,
  repoRoot,
  startDemoServer,
} from './demo-server.js';
export {
  type SeedDemoAccountOptions,
  type SeedDemoAccountsOptions,
  type SeedDemoAccountsResult,
  type SeedDemoOptions,
  type SeedDemoResult,
  type SeededAccount,
  seedDemoAccount,
  seedDemoAccounts,
} from './seed-demo-account.js';
