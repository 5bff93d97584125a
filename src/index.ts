/**
 * The package's entry point: a Magento 2 REST emulator to start from tests.
 *
 *   import { startEmulator } from 'magento-rest-emulator';
 *   const emu = await startEmulator({ port: 0 });
 */
export { startEmulator, type Emulator, type EmulatorOptions } from './Emulator/startEmulator.ts';
export type { EmulatorClock } from './Emulator/EmulatorControls.ts';
export type { AdminFixture, CreatedFixtures, CustomerFixture, FixtureSet, IntegrationFixture, RoleFixture } from './Emulator/Fixtures.ts';
export type { JournalEntry } from './Emulator/RequestJournal.ts';
export { DEMO_CREDENTIALS, type DemoCredentials } from './Model/Identity/DemoSeeder.ts';

// For mounted modules' JavaScript services (MAGENTO_MODULES): the context they are built with, and Magento's
// exceptions, which the error processor turns into Magento's status codes and error bodies.
export type { ModuleContext } from './Framework/App/ModuleContext.ts';
export { AuthorizationException } from './Framework/Exception/AuthorizationException.ts';
export { InputException } from './Framework/Exception/InputException.ts';
export { LocalizedException } from './Framework/Exception/LocalizedException.ts';
export { NoSuchEntityException } from './Framework/Exception/NoSuchEntityException.ts';
export { Phrase, __ } from './Framework/Exception/Phrase.ts';
export { WebapiException } from './Framework/Exception/WebapiException.ts';
