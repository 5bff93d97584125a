import type { Application } from '../bootstrap.ts';
import type { ScopeConfigInterface } from '../Framework/Config/ScopeConfigInterface.ts';
import { DatabaseSnapshot } from '../Framework/Db/DatabaseSnapshot.ts';
import { TYPES } from '../Framework/Di/Types.ts';
import type { AdjustableClock } from '../Framework/Stdlib/Clock.ts';
import { AclBuilder } from '../Model/Authorization/AclBuilder.ts';
import { CACHE_TYPES, CacheGenerations } from '../Model/Cache/CacheGenerations.ts';
import type { StoreManager } from '../Model/Store/StoreManager.ts';
import { REFERENCE_DATA_TABLES } from '../Model/ResourceModel/Directory/InitializeDirectoryDataPatch.ts';
import { Fixtures, type CreatedFixtures, type FixtureSet } from './Fixtures.ts';
import type { EmailJournalEntry, JournalEntry, RequestJournal } from './RequestJournal.ts';

export interface EmulatorClock {
  /** Moves time forward (or back, with a negative number) by this many seconds; time keeps flowing from there. */
  advance(seconds: number): Date;
  /** Time continues from this instant. */
  set(date: Date | string | number): Date;
  /** Back to the machine's time. */
  real(): Date;
  now(): Date;
}

/**
 * What a test drives besides the REST API: fixtures, the clock, the request journal and `reset()` back to the
 * state the database had when the controls were made (freshly seeded, for `startEmulator`). Every change is
 * applied to this process's caches at once.
 */
export class EmulatorControls {
  readonly clock: EmulatorClock;
  readonly #fixtures: Fixtures;

  private constructor(
    private readonly application: Application,
    private readonly adjustable: AdjustableClock,
    private readonly journal: RequestJournal,
    private readonly snapshot: DatabaseSnapshot,
  ) {
    const now = (): Date => new Date(adjustable.now());
    // Caches that expire on the injected clock (config, ACL) must not outlive a jump of it, backwards included.
    const moved = (): Date => {
      this.cleanCaches();
      return now();
    };
    this.clock = Object.freeze({
      advance: (seconds: number) => {
        if (typeof seconds !== 'number' || !Number.isFinite(seconds)) throw new RangeError('clock.advance takes a finite number of seconds');
        adjustable.advance(seconds * 1000);
        return moved();
      },
      set: (date: Date | string | number) => {
        const ms = new Date(date).getTime();
        if (Number.isNaN(ms)) throw new RangeError(`clock.set: not a date: ${String(date)}`);
        adjustable.set(ms);
        return moved();
      },
      real: () => {
        adjustable.real();
        return moved();
      },
      now,
    });
    this.#fixtures = new Fixtures(application.container);
  }

  /**
   * Snapshots every table of every db_schema.xml (mounted modules' included) as it is now: `reset()` returns here.
   * Reference data no route writes (countries, regions, rates, tax classes: some 2,800 rows) is left out, so a reset
   * stays fast; so are the cache generations, which only ever move on: a reset bumps them instead of putting old
   * numbers back, which another instance could mistake for the state its cache was loaded in.
   */
  static async create(application: Application, clock: AdjustableClock, journal: RequestJournal): Promise<EmulatorControls> {
    const tables = application.dbSchema.tables
      .map((t) => t.name)
      .filter((name) => name !== 'lac_cache_generation' && !REFERENCE_DATA_TABLES.has(name));
    return new EmulatorControls(application, clock, journal, await DatabaseSnapshot.take(application.connection, tables));
  }

  fixtures(set: FixtureSet): Promise<CreatedFixtures> {
    return this.#fixtures.create(set);
  }

  requests(): JournalEntry[] {
    return this.journal.entries();
  }

  /** Cleared with the requests. */
  clearRequests(): void {
    this.journal.clear();
  }

  /** The e-mails the service would have sent (template, customer, store), oldest first. */
  emails(): EmailJournalEntry[] {
    return this.journal.emails();
  }

  /** The database as it was at start, caches dropped, clock real, journal empty. */
  async reset(): Promise<void> {
    await this.snapshot.restore(this.application.connection);
    await this.application.container.get(CacheGenerations).invalidate(...CACHE_TYPES);
    this.cleanCaches();
    this.adjustable.real();
    this.journal.clear();
  }

  private cleanCaches(): void {
    const { container } = this.application;
    container.get<ScopeConfigInterface>(TYPES.ScopeConfig).clean();
    container.get<StoreManager>(TYPES.StoreManager).clean();
    container.get(AclBuilder).clean();
  }
}
