/** A PostgreSQL WAL position ("16/B374D848") as a number that compares. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

interface Sample {
  lsn: bigint;
  at: number;
}

/**
 * How far behind the primary a replica is, in time: the primary's WAL
 * position is sampled at each check, and a replica that has replayed up to
 * a sample taken at time T has every write committed before T. Its lag is
 * then at most now - T, whether the primary is busy or idle (an idle
 * primary's position does not move, so a replica that holds it is not
 * behind at all), which is what REPLICA_MAX_LAG_MS is compared with.
 */
export class PrimaryPositions {
  private readonly samples: Sample[] = [];

  constructor(private readonly keepMs: number) {}

  record(lsn: bigint, at: number): void {
    this.samples.push({ lsn, at });
    while (this.samples.length > 1 && this.samples[0].at < at - this.keepMs) this.samples.shift();
  }

  /** The lag of a replica that has replayed up to `replayed`, or Infinity when it holds none of the samples kept. */
  lagOf(replayed: bigint, now: number): number {
    for (let index = this.samples.length - 1; index >= 0; index--) {
      if (this.samples[index].lsn <= replayed) return now - this.samples[index].at;
    }
    return Infinity;
  }
}
