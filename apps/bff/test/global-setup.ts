import { buildBff } from './support/bff-process.js';

/** Suites that run `node dist/index.js` need a current build; compile once, before any of them. */
export default function setup(): void {
  buildBff();
}
