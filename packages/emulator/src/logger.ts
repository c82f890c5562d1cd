/**
 * What the emulator logs through. Embedded in the BFF it is the BFF's pino logger (`startEmulator({
 * logger })`), so its lines carry the same format and destination as the BFF's; standalone it is
 * `jsonLinesLogger()`: one JSON object per line on stderr, with pino's field names (`level` as a number,
 * `time` in epoch ms, `msg`, an error under `err`), so the same tools read both.
 */
export interface EmulatorLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
  /**
   * Whether a line at `level` would be written (pino has it too), so a hot path need not build fields
   * that are thrown away. A logger without it is asked every time.
   */
  isLevelEnabled?(level: LogLevel): boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** pino's numeric levels. */
const LEVELS: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50 };

/** pino's level names (what LOG_LEVEL takes in the BFF too) → the lowest level written; `silent` writes nothing. */
const LEVEL_NAMES: Record<string, LogLevel | 'silent'> = {
  trace: 'debug',
  debug: 'debug',
  info: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'error',
  silent: 'silent',
};

/** `LOG_LEVEL` for the standalone emulator; unset means `info`. */
export function parseLogLevel(value: string | undefined): LogLevel | 'silent' {
  if (value === undefined || value === '') return 'info';
  if (!Object.hasOwn(LEVEL_NAMES, value)) {
    throw new Error(`LOG_LEVEL must be one of ${Object.keys(LEVEL_NAMES).join(', ')}, not "${value}"`);
  }
  return LEVEL_NAMES[value] as LogLevel | 'silent';
}

/** An Error as pino's standard serialiser writes it; other values as they are. */
function serialisable(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  return { type: value.name, message: value.message, stack: value.stack };
}

export interface JsonLinesOptions {
  /** Lowest level written (default `info`); `silent` writes nothing. */
  level?: LogLevel | 'silent';
  /** Where each line goes (default: stderr). */
  write?: (line: string) => void;
}

/** JSON lines (stderr by default): the standalone emulator's logger. */
export function jsonLinesLogger(options: JsonLinesOptions = {}): EmulatorLogger {
  const level = options.level ?? 'info';
  const threshold = level === 'silent' ? Number.POSITIVE_INFINITY : LEVELS[level];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const log = (level: LogLevel) => (fields: object, message: string) => {
    if (LEVELS[level] < threshold) return;
    const entry: Record<string, unknown> = { level: LEVELS[level], time: Date.now() };
    for (const [key, value] of Object.entries(fields)) entry[key] = serialisable(value);
    entry.msg = message;
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      // A field that cannot be written (a cycle, a BigInt) must not lose the line.
      line = JSON.stringify({ level: entry.level, time: entry.time, msg: message });
    }
    write(`${line}\n`);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    isLevelEnabled: (level) => LEVELS[level] >= threshold,
  };
}
