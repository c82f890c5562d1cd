import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const running = new Set();
// Last resort if the bench crashes between start and stop: never leave a server behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts a server as a child process and resolves once a line of its output matches `ready`
 * (the match's first group is taken as the server's URL). Output keeps being drained so the child
 * never blocks on a full pipe; the last lines are kept for error messages.
 */
export function startServer({ name, command, args, env = {}, cwd, ready, urlHost, timeoutMs = 30_000 }) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const tail = [];
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exitPromise;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    let done = false;
    const timer = setTimeout(
      () => fail(new Error(`${name} was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    function fail(error) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`${error.message}\n${tail.join('\n')}`)));
    }
    function onData(chunk) {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        if (done) continue;
        const match = ready.exec(line);
        if (match) {
          done = true;
          clearTimeout(timer);
          resolve({
            name,
            pid: child.pid,
            url: urlHost ? withHost(match[1], urlHost) : match[1],
            output: tail,
            readyMs: performance.now() - started,
            rss: () => memoryOf(child.pid),
            stop,
          });
        }
      }
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', fail);
    void exitPromise.then(({ code, signal }) => fail(new Error(`${name} exited early (${code ?? signal})`)));
  });
}

/** Resident set size now and at its peak (bytes), from /proc (Linux). */
export function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (key) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** CPU time (user + system, ms) the process has used so far, from /proc/<pid>/stat (Linux). */
export function cpuTimeMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Runs `fn(server)` with a started server and always stops it afterwards. */
export async function withServer(options, fn) {
  const server = await startServer(options);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

/** The same URL with another host (e.g. `localhost` → `127.0.0.1`, so no name lookups are timed). */
function withHost(url, host) {
  const parsed = new URL(url);
  parsed.hostname = host;
  return parsed.origin;
}
