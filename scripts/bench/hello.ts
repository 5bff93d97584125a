import express from 'express';

/**
 * The bench's yardstick: a bare Express app answering one JSON route, started as a child exactly like
 * the service (`node --import tsx`), so the ratio in the table isolates what the service itself costs.
 */
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.get('/hello', (_req, res) => {
  res.json({ message: 'hello' });
});

const port = Number(process.env.PORT ?? '0');
const server = app.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
