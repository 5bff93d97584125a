import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { EmulatorControls } from '../../Emulator/EmulatorControls.ts';
import type { FixtureSet } from '../../Emulator/Fixtures.ts';
import { DuplicateKeyException } from '../../Framework/Exception/DbException.ts';
import { LocalizedException } from '../../Framework/Exception/LocalizedException.ts';

/** The controls' bodies are small; fixtures for a few hundred accounts fit. */
const MAX_BODY = '1mb';

/**
 * The emulator's controls over HTTP, for tests in any language: `POST /__emulator/reset`,
 * `POST /__emulator/fixtures`, `POST /__emulator/clock` (`{"advance": s}` | `{"now": iso}` | `{"real": true}`),
 * `GET|DELETE /__emulator/requests`, `GET /__emulator/emails` (the e-mails the service would have sent; cleared with
 * the requests). Mounted only outside production mode (see createApp). Errors answer in
 * Magento's body shape: `{"message": …, "parameters": …}`.
 */
export function createEmulatorRouter(controls: EmulatorControls): Router {
  const router = Router();
  const json = express.json({ limit: MAX_BODY, strict: true, type: () => true });

  router.post('/__emulator/reset', async (_req: Request, res: Response) => {
    await controls.reset();
    res.json({ reset: true, now: controls.clock.now().toISOString() });
  });

  router.post('/__emulator/fixtures', json, async (req: Request, res: Response) => {
    res.json(await controls.fixtures((req.body ?? {}) as FixtureSet));
  });

  router.post('/__emulator/clock', json, (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const keys = Object.keys(body);
    let now: Date;
    if (keys.length === 1 && typeof body.advance === 'number' && Number.isFinite(body.advance)) now = controls.clock.advance(body.advance);
    else if (keys.length === 1 && typeof body.now === 'string' && !Number.isNaN(Date.parse(body.now))) now = controls.clock.set(body.now);
    else if (keys.length === 1 && body.real === true) now = controls.clock.real();
    else {
      res.status(400).json({ message: 'Send one of {"advance": <seconds>}, {"now": "<ISO 8601>"} or {"real": true}.' });
      return;
    }
    res.json({ now: now.toISOString() });
  });

  router.get('/__emulator/requests', (_req: Request, res: Response) => {
    res.json(controls.requests());
  });

  router.get('/__emulator/emails', (_req: Request, res: Response) => {
    res.json(controls.emails());
  });

  router.delete('/__emulator/requests', (_req: Request, res: Response) => {
    controls.clearRequests();
    res.json({ cleared: true });
  });

  router.use('/__emulator', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof LocalizedException) {
      const parameters = error.getParameters();
      const hasParameters = Array.isArray(parameters) ? parameters.length > 0 : Object.keys(parameters).length > 0;
      res.status(400).json({ message: error.getRawMessage(), ...(hasParameters ? { parameters } : {}) });
      return;
    }
    if (error instanceof DuplicateKeyException) {
      res.status(400).json({ message: 'A fixture repeats a unique value that already exists (a username, e-mail or role name).' });
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ message: status === 413 ? 'The request body is too large.' : 'Decoding error.' });
      return;
    }
    res.status(500).json({ message: 'Internal Error.' });
  });
  return router;
}
