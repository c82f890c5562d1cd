import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** A fresh, empty database on the server (one per call). */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** `initdb` and `pg_ctl` of the newest PostgreSQL installed (Debian: /usr/lib/postgresql/<v>/bin). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(root, versions[0], 'bin');
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : undefined;
}

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (process.env.TEST_DATABASE_URL) return undefined;
  if (!postgresBin())
    return 'PostgreSQL is not installed (apt-get install postgresql, or set TEST_DATABASE_URL)';
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) {
    return 'running as root and there is no postgres user to run the server as';
  }
  return undefined;
}

/**
 * In CI the PostgreSQL suites must run; elsewhere they skip with a message when PostgreSQL is missing.
 * Returns whether to skip.
 */
export function skipWithoutPostgres(): boolean {
  const reason = postgresUnavailable();
  if (!reason) return false;
  if (process.env.CI) throw new Error(`CI=true but the PostgreSQL tests cannot run: ${reason}`);
  process.stderr.write(`[bff tests] skipping the PostgreSQL suites: ${reason}\n`);
  return true;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let counter = 0;
function databaseName(): string {
  counter += 1;
  return `bff_test_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** `TEST_DATABASE_URL`'s server, or a throwaway server on a loopback port in a temp dir. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    return {
      async createDatabase() {
        const name = databaseName();
        await adminQuery(given, `CREATE DATABASE ${name}`);
        const url = new URL(given);
        url.pathname = `/${name}`;
        return url.href;
      },
      stop: async () => {},
    };
  }
  const bin = postgresBin() as string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bff-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
    execFileSync(cmd as string, argv as string[], { stdio: 'pipe', cwd: dir });
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`,
    'start',
  ]);
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    async createDatabase() {
      const name = databaseName();
      await adminQuery(admin, `CREATE DATABASE ${name}`);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
