import { DataSource, MoreThan } from "typeorm";
import { RateLimitedError } from "../../shared/errors";
import { LoginFailure } from "./login-failure.entity";

export interface ThrottleOptions {
  /** Failed sign-ins for one email within the window before further attempts are refused. */
  maxFailures: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailures: 5, windowSeconds: 15 * 60 };

/**
 * Failed sign-ins counted per email in the database, so every instance
 * behind the load balancer sees the same count. A correct password does not
 * lift the block before the window ends: otherwise guessing would go on.
 */
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: ThrottleOptions,
  ) {}

  async assertAllowed(email: string): Promise<void> {
    const since = new Date(Date.now() - this.options.windowSeconds * 1000);
    const failures = await this.failures().count({ where: { email, failedAt: MoreThan(since) } });
    if (failures >= this.options.maxFailures) throw new RateLimitedError(this.options.windowSeconds, this.options.maxFailures);
  }

  async recordFailure(email: string): Promise<void> {
    await this.failures().insert({ email, failedAt: new Date() });
  }

  async clear(email: string): Promise<void> {
    await this.failures().delete({ email });
  }

  private failures() {
    return this.dataSource.getRepository(LoginFailure);
  }
}
