/** The absolute path of the extension file (news.so) inside this package. */
export function getLoadablePath(): string;

/** The shape of a node-sqlite3 Database, as far as load() needs it. */
interface NodeSqlite3Database {
  loadExtension(path: string, callback?: (err: Error | null) => void): unknown;
  serialize(...args: unknown[]): unknown;
  each(...args: unknown[]): unknown;
}

/** node-sqlite3: loads in the connection's queue; the callback reports the outcome. */
export function load(db: NodeSqlite3Database, callback: (err: Error | null) => void): void;
/** node-sqlite3: loads in the connection's queue; the promise reports the outcome. */
export function load(db: NodeSqlite3Database): Promise<void>;
/** better-sqlite3: loads at once, throws on failure. */
export function load(db: { loadExtension(path: string): unknown }): void;
