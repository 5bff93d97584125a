/** Makes the id that ties a masked 500 body to its log line. */
export type ReportIdGenerator = () => string;

/**
 * Magento's `uniqid("webapi-")`: `webapi-` + 8 hex digits of Unix seconds + 5 hex digits of microseconds. A
 * per-process counter is mixed into the microseconds so two errors in the same microsecond still differ.
 */
export function createUniqidReportIdGenerator(nowMicros: () => bigint = defaultNowMicros): ReportIdGenerator {
  let last = 0n;
  return () => {
    let micros = nowMicros();
    if (micros <= last) micros = last + 1n;
    last = micros;
    const seconds = micros / 1_000_000n;
    const fraction = micros % 1_000_000n;
    return `webapi-${seconds.toString(16).padStart(8, '0')}${fraction.toString(16).padStart(5, '0')}`;
  };
}

function defaultNowMicros(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));
}
