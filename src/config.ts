/**
 * The app's configuration, read once from the environment (wrangler vars / secrets in the
 * Worker, process.env in Node). Every limit and switch lives here, typed.
 */

/** Settings of one app instance. */
export interface AppConfig {
  /** Allow `x-newsgraph-debug: sql` to add `extensions.sql.statements` to responses. */
  debugSql: boolean;
  /** Largest `first`/`last` a connection accepts. */
  maxPageSize: number;
  /** Page size when a connection is asked for neither `first` nor `last`. */
  defaultPageSize: number;
  /** Mask unexpected errors (no SQL, stack traces or driver messages reach a client). */
  maskErrors: boolean;
}

type Env = Record<string, string | undefined>;

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new Error(`expected a boolean, got "${value}"`);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer in ${min}..${max}, got "${value}"`);
  return n;
}

/**
 * Read the configuration. `defaults` are the entry's own (the Node entry turns debugging on;
 * the Worker leaves it off).
 * @throws Error naming the variable when a value is malformed
 */
export function loadConfig(env: Env, defaults: Partial<AppConfig> = {}): AppConfig {
  const maxPageSize = int('MAX_PAGE_SIZE', env.MAX_PAGE_SIZE, defaults.maxPageSize ?? 100, 1, 1000);
  return {
    debugSql: bool(env.DEBUG_SQL, defaults.debugSql ?? false),
    maxPageSize,
    defaultPageSize: Math.min(int('DEFAULT_PAGE_SIZE', env.DEFAULT_PAGE_SIZE, 20, 1, 1000), maxPageSize),
    maskErrors: bool(env.MASK_ERRORS, defaults.maskErrors ?? true),
  };
}
