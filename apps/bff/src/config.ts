import path from 'node:path';
import { z } from 'zod';

/** Environment, parsed once at start-up. Every variable is documented in the README's configuration table. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  SES_BACKEND: z.enum(['emulator', 'aws']).default('emulator'),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4566),
  DATA_DIR: z.string().min(1).default('.data'),
  CONSOLE_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema> & { consoleDist: string };

export function loadConfig(env: NodeJS.ProcessEnv, defaultConsoleDist: string): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return { ...result.data, consoleDist: path.resolve(result.data.CONSOLE_DIST ?? defaultConsoleDist) };
}
