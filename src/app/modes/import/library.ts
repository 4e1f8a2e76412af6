import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type Addition, AdditionSchema, type StoredReport, StoredReportSchema } from '../../../core/import/model';

/**
 * The reports a planner opened and the places they placed, kept in this browser (IndexedDB, the
 * origin's own storage: nothing leaves the device) so that they are there after a reload. Every
 * record read back is validated with its schema, as a file would be; one that does not pass (an
 * older version of the app wrote it, the storage was tampered with) is skipped and counted, and
 * the rest load.
 */
interface ImportDb extends DBSchema {
  reports: { key: string; value: StoredReport };
  additions: { key: string; value: Addition };
}

const NAME = 'atlas-import';
const VERSION = 1;

export interface LibraryState {
  reports: readonly StoredReport[];
  additions: readonly Addition[];
}

/** Reports in the order a planner thinks of them: by year (unknown last), then as opened. */
export const byYear = (a: StoredReport, b: StoredReport) => (a.year ?? 1e9) - (b.year ?? 1e9) || a.openedAt.localeCompare(b.openedAt);

export class Library {
  private state: LibraryState = { reports: [], additions: [] };
  private readonly listeners = new Set<(s: LibraryState) => void>();
  /** Records that were in the database but did not validate. */
  skipped = 0;

  private constructor(private readonly db: IDBPDatabase<ImportDb> | undefined) {}

  /** Opens the database and reads it; without IndexedDB (a locked-down browser) the library lives in memory only. */
  static async open(): Promise<{ library: Library; error?: string }> {
    let db: IDBPDatabase<ImportDb>;
    try {
      db = await openDB<ImportDb>(NAME, VERSION, {
        upgrade(d) {
          d.createObjectStore('reports', { keyPath: 'id' });
          d.createObjectStore('additions', { keyPath: 'id' });
        },
      });
    } catch (e) {
      return { library: new Library(undefined), error: e instanceof Error ? e.message : String(e) };
    }
    const lib = new Library(db);
    const [reports, additions] = await Promise.all([db.getAll('reports'), db.getAll('additions')]);
    const valid = <T>(list: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] =>
      list.flatMap((v) => {
        const r = schema.safeParse(v);
        if (r.success) return [r.data as T];
        lib.skipped++;
        return [];
      });
    lib.state = {
      reports: valid<StoredReport>(reports, StoredReportSchema).sort(byYear),
      additions: valid<Addition>(additions, AdditionSchema),
    };
    return { library: lib };
  }

  get(): LibraryState {
    return this.state;
  }

  report(id: string): StoredReport | undefined {
    return this.state.reports.find((r) => r.id === id);
  }

  subscribe(l: (s: LibraryState) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Keeps a report (replacing one of the same text). The state changes even when storing fails; the error is returned. */
  putReport(r: StoredReport): Promise<void> {
    this.set({ ...this.state, reports: [...this.state.reports.filter((x) => x.id !== r.id), r].sort(byYear) });
    return this.write((db) => db.put('reports', r));
  }

  deleteReport(id: string): Promise<void> {
    this.set({ ...this.state, reports: this.state.reports.filter((x) => x.id !== id) });
    return this.write((db) => db.delete('reports', id));
  }

  putAddition(a: Addition): Promise<void> {
    this.set({ ...this.state, additions: [...this.state.additions.filter((x) => x.id !== a.id), a] });
    return this.write((db) => db.put('additions', a));
  }

  deleteAddition(id: string): Promise<void> {
    this.set({ ...this.state, additions: this.state.additions.filter((x) => x.id !== id) });
    return this.write((db) => db.delete('additions', id));
  }

  private async write(op: (db: IDBPDatabase<ImportDb>) => Promise<unknown>): Promise<void> {
    if (!this.db) throw new Error('local storage (IndexedDB) is not available in this browser');
    await op(this.db);
  }

  private set(s: LibraryState): void {
    this.state = s;
    for (const l of this.listeners) l(s);
  }
}

let opening: ReturnType<typeof Library.open> | undefined;
/** The one library of the page, opened on first use. */
export function library(): ReturnType<typeof Library.open> {
  opening ??= Library.open();
  return opening;
}
