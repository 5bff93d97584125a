import { runCli } from './magento.ts';

process.exitCode = await runCli(process.argv.slice(2));
