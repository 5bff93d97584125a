/**
 * The package's entry point: a Magento 2 REST emulator to start from tests.
 *
 *   import { startEmulator } from 'magento-rest-emulator';
 *   const emu = await startEmulator({ port: 0 });
 */
export { startEmulator, type Emulator, type EmulatorOptions } from './Emulator/startEmulator.ts';
export type { EmulatorClock } from './Emulator/EmulatorControls.ts';
export type { AdminFixture, CreatedFixtures, CustomerFixture, FixtureSet, RoleFixture } from './Emulator/Fixtures.ts';
export type { JournalEntry } from './Emulator/RequestJournal.ts';
export { DEMO_CREDENTIALS, type DemoCredentials } from './Model/Identity/DemoSeeder.ts';
